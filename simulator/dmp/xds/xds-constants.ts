/**
 * Identifiers of IHE XDS.b (ITI TF-3 §4.2) and of the DMP's use of it that the simulator needs.
 */

/** `objectType` of a stable document entry. */
export const DOCUMENT_ENTRY_TYPE = 'urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1';
/** Classification node of a submission set. */
export const SUBMISSION_SET_NODE = 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd';

/** External identifier schemes. */
export const SCHEME = {
  documentPatientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  documentUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  submissionSetPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
  submissionSetUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  submissionSetSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
} as const;

/** Stored query ids. */
export const STORED_QUERY = {
  findDocuments: 'urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d',
  getDocuments: 'urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4',
} as const;

/** Availability statuses: ebRIM's, and the DMP's own (archived = hidden from the default view, deleted). */
export const STATUS = {
  approved: 'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved',
  deprecated: 'urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated',
  archived: 'urn:asip:ci-sis:2010:StatusType:Archived',
  deleted: 'urn:asip:ci-sis:2010:StatusType:Deleted',
} as const;

/** Registry response statuses. */
export const RESPONSE_STATUS = {
  success: 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success',
  failure: 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure',
  partialSuccess: 'urn:ihe:iti:2007:ResponseStatusType:PartialSuccess',
} as const;

/** Association types. */
export const ASSOCIATION = {
  hasMember: 'urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember',
  updateAvailabilityStatus: 'urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus',
} as const;

/** `RegistryError/@severity`. */
export const ERROR_SEVERITY = 'urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error';

/** The repository unique id of the DMP (TD3.1/TD3.2 examples), which the simulated repository takes by default. */
export const DMP_REPOSITORY_UNIQUE_ID = '1.2.250.1.213.4.1.1.1.2';
