/**
 * ITI-41 Provide and Register Document Set-b (TD2.1): every document entry must come with its
 * bytes and vice versa, name the VIHF's patient, carry a uniqueId not yet registered, and agree
 * with any hash/size/repositoryUniqueId it states. All or nothing, as a registry transaction is.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ExtrinsicObjectType } from '../../../generated/schemas/ebrim/index.js';
import type { RegistryResponseType } from '../../../generated/schemas/ebrs/index.js';
import type { ProvideAndRegisterDocumentSetRequestType } from '../../../generated/schemas/ihe-xdsb/index.js';
import type { StoredDocument } from './document-store.js';
import { registryResponse, type XdsError } from './registry-errors.js';
import { externalIdentifier, patientKey, registryItems, slotValues, withSlot } from './registry-objects.js';
import { vihfPatientKey, type XdsContext } from './xds-context.js';
import { DOCUMENT_ENTRY_TYPE, SCHEME, STATUS } from './xds-constants.js';

function uuidFor(id: string, taken: (id: string) => boolean): string {
  return id.startsWith('urn:uuid:') && !taken(id) ? id : `urn:uuid:${randomUUID()}`;
}

/** The entry's metadata as the registry will return it: symbolic ids replaced, computed slots set. */
function storedMetadata(entry: ExtrinsicObjectType, entryUuid: string, bytes: Uint8Array, hash: string, repositoryUniqueId: string): ExtrinsicObjectType {
  const local = (id: string): string => (id.startsWith('urn:uuid:') ? id : `urn:uuid:${randomUUID()}`);
  let metadata: ExtrinsicObjectType = {
    ...entry,
    id: entryUuid,
    lid: entryUuid,
    ExternalIdentifier: (entry.ExternalIdentifier ?? []).map((e) => ({ ...e, id: local(e.id), registryObject: entryUuid })),
    Classification: (entry.Classification ?? []).map((c) => ({ ...c, id: local(c.id), classifiedObject: entryUuid })),
  };
  delete metadata.status;
  metadata = withSlot(metadata, 'hash', [hash]);
  metadata = withSlot(metadata, 'size', [String(bytes.byteLength)]);
  metadata = withSlot(metadata, 'repositoryUniqueId', [repositoryUniqueId]);
  return metadata;
}

/**
 * Runs ITI-41.
 * @param request - the decoded request (documents already resolved from their XOP parts)
 * @param context - store, repository id, VIHF
 */
export function provideAndRegister(request: ProvideAndRegisterDocumentSetRequestType, context: XdsContext): RegistryResponseType {
  const items = registryItems(request.SubmitObjectsRequest.RegistryObjectList);
  const documents = new Map<string, Uint8Array>();
  for (const d of request.Document ?? []) documents.set(d.id, d.$value);
  const errors: XdsError[] = [];
  const allowedPatient = vihfPatientKey(context);
  const entries = items.flatMap((i) => (i.kind === 'ExtrinsicObject' ? [i.value] : []));
  const submissionSets = items.flatMap((i) => (i.kind === 'RegistryPackage' ? [i.value] : []));
  if (entries.length === 0) errors.push({ code: 'XDSRegistryMetadataError', context: 'The submission holds no document entry (ExtrinsicObject).' });
  if (submissionSets.length !== 1)
    errors.push({ code: 'XDSRegistryMetadataError', context: 'The submission must hold exactly one submission set (RegistryPackage).' });

  const accepted: StoredDocument[] = [];
  const uniqueIds = new Set<string>();
  const patients = new Set<string>();
  const newUuids = new Set<string>();
  for (const entry of entries) {
    const where = entry.id;
    if (entry.objectType !== undefined && entry.objectType !== DOCUMENT_ENTRY_TYPE) {
      errors.push({ code: 'XDSRegistryMetadataError', context: 'Only stable document entries are accepted.', location: where });
      continue;
    }
    const bytes = documents.get(entry.id);
    if (bytes === undefined)
      errors.push({ code: 'XDSMissingDocument', context: 'No Document element carries the bytes of this document entry.', location: where });
    const patient = patientKey(externalIdentifier(entry, SCHEME.documentPatientId)?.value ?? '');
    if (patient === undefined)
      errors.push({
        code: 'XDSRegistryMetadataError',
        context: 'XDSDocumentEntry.patientId is missing or not a CX with an ISO assigning authority.',
        location: where,
      });
    else {
      patients.add(patient);
      if (allowedPatient !== undefined && patient !== allowedPatient) {
        errors.push({ code: 'XDSPatientIdDoesNotMatch', context: 'The document entry names another patient than the VIHF resource-id.', location: where });
      }
    }
    const uniqueId = externalIdentifier(entry, SCHEME.documentUniqueId)?.value.trim() ?? '';
    if (uniqueId === '') errors.push({ code: 'XDSRegistryMetadataError', context: 'XDSDocumentEntry.uniqueId is missing.', location: where });
    else if (context.store.byUniqueId(uniqueId) !== undefined || uniqueIds.has(uniqueId)) {
      errors.push({ code: 'XDSDuplicateUniqueIdInRegistry', context: 'A document with this uniqueId is already registered.', location: where });
    }
    if (uniqueId !== '') uniqueIds.add(uniqueId);
    if (bytes === undefined || patient === undefined || uniqueId === '') continue;
    const hash = createHash('sha1').update(bytes).digest('hex');
    const statedHash = slotValues(entry, 'hash')[0];
    if (statedHash !== undefined && statedHash.toLowerCase() !== hash)
      errors.push({ code: 'XDSNonIdenticalHash', context: 'The hash slot does not match the document.', location: where });
    const statedSize = slotValues(entry, 'size')[0];
    if (statedSize !== undefined && statedSize !== String(bytes.byteLength))
      errors.push({ code: 'XDSNonIdenticalSize', context: 'The size slot does not match the document.', location: where });
    const statedRepository = slotValues(entry, 'repositoryUniqueId')[0];
    if (statedRepository !== undefined && statedRepository !== context.repositoryUniqueId) {
      errors.push({ code: 'XDSUnknownRepositoryId', context: 'The repositoryUniqueId slot names another repository.', location: where });
    }
    const entryUuid = uuidFor(entry.id, (id) => context.store.hasEntryUuid(id) || newUuids.has(id));
    newUuids.add(entryUuid);
    accepted.push({
      entryUuid,
      uniqueId,
      patient,
      repositoryUniqueId: context.repositoryUniqueId,
      mimeType: entry.mimeType ?? 'application/octet-stream',
      bytes,
      metadata: storedMetadata(entry, entryUuid, bytes, hash, context.repositoryUniqueId),
      status: STATUS.approved,
    });
  }
  const described = new Set(entries.map((e) => e.id));
  for (const id of documents.keys()) {
    if (!described.has(id)) errors.push({ code: 'XDSMissingDocumentMetadata', context: 'A Document has no document entry with the same id.', location: id });
  }
  const set = submissionSets[0];
  const setPatient = set === undefined ? undefined : patientKey(externalIdentifier(set, SCHEME.submissionSetPatientId)?.value ?? '');
  if (set !== undefined && (setPatient === undefined || [...patients].some((p) => p !== setPatient))) {
    errors.push({ code: 'XDSPatientIdDoesNotMatch', context: 'The submission set and its document entries must name the same patient.', location: set.id });
  }
  if (errors.length > 0) return registryResponse(errors);
  context.store.addAll(accepted);
  return registryResponse([]);
}
