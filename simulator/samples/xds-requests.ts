/**
 * Sample XDS.b requests as values of the generated types, shaped like the DMP's official examples
 * (TD2.1, TD3.1, TD3.2, TD3.3c): what the demo sends and what vendors can start from.
 */
import { randomUUID } from 'node:crypto';
import type { SubmitObjectsRequest } from '../../generated/schemas/eblcm/index.js';
import type { AdhocQueryRequest } from '../../generated/schemas/ebquery/index.js';
import type { ClassificationType, ExternalIdentifierType, SlotType1 } from '../../generated/schemas/ebrim/index.js';
import type { ProvideAndRegisterDocumentSetRequestType, RetrieveDocumentSetRequestType } from '../../generated/schemas/ihe-xdsb/index.js';
import { ASSOCIATION, DOCUMENT_ENTRY_TYPE, SCHEME, STATUS, STORED_QUERY, SUBMISSION_SET_NODE } from '../dmp/xds/xds-constants.js';

/** XDS classification schemes used below (ITI TF-3 §4.2.5). */
const CLASSIFICATION = {
  author: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
  classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  formatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  healthcareFacilityTypeCode: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
  practiceSettingCode: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  submissionSetAuthor: 'urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d',
  contentTypeCode: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
} as const;

/** The XDS patient id of an INS: `<INS>^^^&<OID>&ISO^NH`. */
export function xdsPatientId(ins: string, oid: string): string {
  return `${ins}^^^&${oid}&ISO^NH`;
}

const slot = (name: string, ...values: string[]): SlotType1 => ({ name, ValueList: { Value: values } });

function coded(id: string, scheme: string, object: string, code: string, codingScheme: string, display: string): ClassificationType {
  return {
    id,
    classificationScheme: scheme,
    classifiedObject: object,
    nodeRepresentation: code,
    Slot: [slot('codingScheme', codingScheme)],
    Name: { LocalizedString: [{ value: display }] },
  };
}

function identifier(id: string, scheme: string, object: string, value: string, name: string): ExternalIdentifierType {
  return { id, identificationScheme: scheme, registryObject: object, value, Name: { LocalizedString: [{ value: name }] } };
}

/** One document to submit. */
export interface SubmittedDocument {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  /** XDSDocumentEntry.uniqueId (an OID, or `root^extension`). */
  readonly uniqueId: string;
  readonly title: string;
  /** `YYYYMMDDHHMMSS` (UTC). */
  readonly creationTime: string;
}

/** Who submits. */
export interface Submitter {
  /** `authorPerson` XCN, e.g. `899700000001^DOC^TEST^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS`. */
  readonly authorPerson: string;
  /** `authorInstitution` XON. */
  readonly authorInstitution: string;
  /** XDSSubmissionSet.sourceId (the software's OID). */
  readonly sourceId: string;
}

/**
 * ITI-41 Provide and Register: one submission set with one document entry, linked by HasMember.
 * @param patientId - XDS patient id (see {@link xdsPatientId})
 * @param document - bytes and metadata
 * @param submitter - author and source
 */
export function provideAndRegisterRequest(patientId: string, document: SubmittedDocument, submitter: Submitter): ProvideAndRegisterDocumentSetRequestType {
  const doc = 'Document01';
  const set = 'SubmissionSet01';
  return {
    SubmitObjectsRequest: {
      RegistryObjectList: {
        Identifiable: [
          {
            $el: 'RegistryPackageElement',
            value: {
              id: set,
              Slot: [slot('submissionTime', document.creationTime)],
              Name: { LocalizedString: [{ value: document.title }] },
              Classification: [
                {
                  id: 'cl-ss-author',
                  classificationScheme: CLASSIFICATION.submissionSetAuthor,
                  classifiedObject: set,
                  nodeRepresentation: '',
                  Slot: [slot('authorPerson', submitter.authorPerson), slot('authorInstitution', submitter.authorInstitution)],
                },
                coded('cl-ss-content', CLASSIFICATION.contentTypeCode, set, '04', '1.2.250.1.213.2.2', 'Hospitalisation de jour'),
                { id: 'cl-ss-node', classificationNode: SUBMISSION_SET_NODE, classifiedObject: set },
              ],
              ExternalIdentifier: [
                identifier('ei-ss-patient', SCHEME.submissionSetPatientId, set, patientId, 'XDSSubmissionSet.patientId'),
                identifier('ei-ss-source', SCHEME.submissionSetSourceId, set, submitter.sourceId, 'XDSSubmissionSet.sourceId'),
                identifier('ei-ss-unique', SCHEME.submissionSetUniqueId, set, `${document.uniqueId}.1`, 'XDSSubmissionSet.uniqueId'),
              ],
            },
          },
          {
            $el: 'ExtrinsicObjectElement',
            value: {
              id: doc,
              mimeType: document.mimeType,
              objectType: DOCUMENT_ENTRY_TYPE,
              Slot: [slot('creationTime', document.creationTime), slot('languageCode', 'fr-FR'), slot('sourcePatientId', patientId)],
              Name: { LocalizedString: [{ value: document.title }] },
              Classification: [
                {
                  id: 'cl-author',
                  classificationScheme: CLASSIFICATION.author,
                  classifiedObject: doc,
                  nodeRepresentation: '',
                  Slot: [slot('authorPerson', submitter.authorPerson), slot('authorInstitution', submitter.authorInstitution)],
                },
                coded('cl-class', CLASSIFICATION.classCode, doc, '10', '1.2.250.1.213.1.1.4.1', 'Compte rendu'),
                coded('cl-conf', CLASSIFICATION.confidentialityCode, doc, 'N', '2.16.840.1.113883.5.25', 'Normal'),
                coded(
                  'cl-format',
                  CLASSIFICATION.formatCode,
                  doc,
                  'urn:ihe:iti:xds-sd:text:2008',
                  '1.3.6.1.4.1.19376.1.2.3',
                  'Document à corps non structuré en texte brut',
                ),
                coded('cl-facility', CLASSIFICATION.healthcareFacilityTypeCode, doc, 'SA07', '1.2.250.1.71.4.2.4', 'Cabinet individuel'),
                coded('cl-practice', CLASSIFICATION.practiceSettingCode, doc, 'AMBULATOIRE', '1.2.250.1.213.1.1.4.9', 'Ambulatoire'),
                coded('cl-type', CLASSIFICATION.typeCode, doc, '11488-4', '2.16.840.1.113883.6.1', 'Note de consultation'),
              ],
              ExternalIdentifier: [
                identifier('ei-patient', SCHEME.documentPatientId, doc, patientId, 'XDSDocumentEntry.patientId'),
                identifier('ei-unique', SCHEME.documentUniqueId, doc, document.uniqueId, 'XDSDocumentEntry.uniqueId'),
              ],
            },
          },
          {
            $el: 'AssociationElement',
            value: {
              id: 'as-member',
              associationType: ASSOCIATION.hasMember,
              sourceObject: set,
              targetObject: doc,
              Slot: [slot('SubmissionSetStatus', 'Original')],
            },
          },
        ],
      },
    },
    Document: [{ id: doc, $value: document.bytes }],
  };
}

/**
 * ITI-18 FindDocuments by patient and statuses, full metadata (TD3.1).
 * @param patientId - XDS patient id
 * @param statuses - availability statuses (default Approved)
 */
export function findDocumentsQuery(patientId: string, statuses: readonly string[] = [STATUS.approved]): AdhocQueryRequest {
  const quote = (v: string): string => `'${v.replace(/'/g, "''")}'`;
  return {
    ResponseOption: { returnType: 'LeafClass', returnComposedObjects: true },
    AdhocQuery: {
      id: STORED_QUERY.findDocuments,
      Slot: [slot('$XDSDocumentEntryPatientId', quote(patientId)), slot('$XDSDocumentEntryStatus', `(${statuses.map(quote).join(',')})`)],
    },
  };
}

/**
 * ITI-43 Retrieve of one document (TD3.2).
 * @param repositoryUniqueId - the entry's repositoryUniqueId slot
 * @param documentUniqueId - the entry's uniqueId
 */
export function retrieveRequest(repositoryUniqueId: string, documentUniqueId: string): RetrieveDocumentSetRequestType {
  return { DocumentRequest: [{ RepositoryUniqueId: repositoryUniqueId, DocumentUniqueId: documentUniqueId }] };
}

/**
 * ITI-57 availability status change of one entry (TD3.3c: Archived → Deleted; the DMP's delete).
 * @param patientId - XDS patient id
 * @param entryUuid - the document entry's id (urn:uuid)
 * @param from - its current status
 * @param to - the new status
 * @param sourceId - XDSSubmissionSet.sourceId
 */
export function updateStatusRequest(patientId: string, entryUuid: string, from: string, to: string, sourceId: string): SubmitObjectsRequest {
  const set = 'SubmissionSet01';
  return {
    RegistryObjectList: {
      Identifiable: [
        {
          $el: 'RegistryPackageElement',
          value: {
            id: set,
            Slot: [slot('submissionTime', new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14))],
            Classification: [{ id: 'cl-ss-node', classificationNode: SUBMISSION_SET_NODE, classifiedObject: set }],
            ExternalIdentifier: [
              identifier('ei-ss-patient', SCHEME.submissionSetPatientId, set, patientId, 'XDSSubmissionSet.patientId'),
              identifier('ei-ss-source', SCHEME.submissionSetSourceId, set, sourceId, 'XDSSubmissionSet.sourceId'),
              identifier(
                'ei-ss-unique',
                SCHEME.submissionSetUniqueId,
                set,
                `2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`)}`,
                'XDSSubmissionSet.uniqueId',
              ),
            ],
          },
        },
        {
          $el: 'AssociationElement',
          value: {
            id: 'as-status',
            associationType: ASSOCIATION.updateAvailabilityStatus,
            objectType: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association',
            sourceObject: set,
            targetObject: entryUuid,
            Slot: [slot('OriginalStatus', from), slot('NewStatus', to)],
          },
        },
      ],
    },
  };
}
