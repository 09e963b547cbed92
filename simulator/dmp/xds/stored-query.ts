/**
 * ITI-18 Registry Stored Query (TD3.1): FindDocuments (by patient and availability status) and
 * GetDocuments (by entryUUID or uniqueId), returning full metadata (LeafClass) or references
 * (ObjectRef). Deleted documents are gone for every query, as on the DMP; the caller only sees
 * the patient its VIHF names.
 */
import type { AdhocQueryRequest, AdhocQueryResponse } from '../../../generated/schemas/ebquery/index.js';
import type { ExtrinsicObjectType, RegistryObjectListType } from '../../../generated/schemas/ebrim/index.js';
import type { StoredDocument } from './document-store.js';
import { registryResponse, type XdsError } from './registry-errors.js';
import { patientKey, queryParameterValues } from './registry-objects.js';
import { vihfPatientKey, type XdsContext } from './xds-context.js';
import { STATUS, STORED_QUERY } from './xds-constants.js';

function failure(error: XdsError): AdhocQueryResponse {
  return { ...registryResponse([error]), RegistryObjectList: {} };
}

function parameter(query: AdhocQueryRequest, name: string): string[] | undefined {
  const slot = query.AdhocQuery.Slot?.find((s) => s.name === name);
  return slot === undefined ? undefined : queryParameterValues(slot.ValueList.Value ?? []);
}

function asResult(documents: readonly StoredDocument[], returnType: string): RegistryObjectListType {
  if (returnType === 'ObjectRef') return { Identifiable: documents.map((d) => ({ $el: 'ObjectRefElement' as const, value: { id: d.entryUuid } })) };
  return {
    Identifiable: documents.map((d) => {
      const value: ExtrinsicObjectType = { ...d.metadata, status: d.status };
      return { $el: 'ExtrinsicObjectElement' as const, value };
    }),
  };
}

function findDocuments(query: AdhocQueryRequest, context: XdsContext): StoredDocument[] | XdsError {
  const patientValues = parameter(query, '$XDSDocumentEntryPatientId');
  if (patientValues === undefined || patientValues.length !== 1) {
    return {
      code: 'XDSStoredQueryParamNumber',
      context: 'FindDocuments takes exactly one $XDSDocumentEntryPatientId.',
      location: '$XDSDocumentEntryPatientId',
    };
  }
  const statuses = parameter(query, '$XDSDocumentEntryStatus');
  if (statuses === undefined || statuses.length === 0) {
    return { code: 'XDSStoredQueryParamNumber', context: 'FindDocuments requires $XDSDocumentEntryStatus.', location: '$XDSDocumentEntryStatus' };
  }
  const patient = patientKey(patientValues[0] ?? '');
  if (patient === undefined)
    return { code: 'XDSRegistryError', context: 'The patient id is not a CX with an ISO assigning authority.', location: '$XDSDocumentEntryPatientId' };
  if (patient !== vihfPatientKey(context)) {
    return { code: 'XDSPatientIdDoesNotMatch', context: 'The query names another patient than the VIHF resource-id.', location: '$XDSDocumentEntryPatientId' };
  }
  const wanted = new Set(statuses);
  return context.store.forPatient(patient).filter((d) => d.status !== STATUS.deleted && wanted.has(d.status));
}

function getDocuments(query: AdhocQueryRequest, context: XdsContext): StoredDocument[] | XdsError {
  const byEntry = parameter(query, '$XDSDocumentEntryEntryUUID');
  const byUnique = parameter(query, '$XDSDocumentEntryUniqueId');
  if ((byEntry === undefined) === (byUnique === undefined)) {
    return { code: 'XDSStoredQueryParamNumber', context: 'GetDocuments takes either $XDSDocumentEntryEntryUUID or $XDSDocumentEntryUniqueId.' };
  }
  const found = (byEntry ?? []).map((id) => context.store.byEntryUuid(id)).concat((byUnique ?? []).map((id) => context.store.byUniqueId(id)));
  const allowed = vihfPatientKey(context);
  return found.filter((d): d is StoredDocument => d !== undefined && d.status !== STATUS.deleted && d.patient === allowed);
}

/**
 * Runs ITI-18.
 * @param query - the decoded AdhocQueryRequest
 * @param context - store and VIHF
 */
export function storedQuery(query: AdhocQueryRequest, context: XdsContext): AdhocQueryResponse {
  const returnType = query.ResponseOption.returnType ?? 'LeafClass';
  if (returnType !== 'LeafClass' && returnType !== 'ObjectRef' && returnType !== 'RegistryObject') {
    return failure({ code: 'XDSRegistryError', context: 'Unsupported returnType.' });
  }
  const id = query.AdhocQuery.id;
  const result =
    id === STORED_QUERY.findDocuments ? findDocuments(query, context) : id === STORED_QUERY.getDocuments ? getDocuments(query, context) : undefined;
  if (result === undefined)
    return failure({ code: 'XDSUnknownStoredQuery', context: 'The simulator knows FindDocuments and GetDocuments only.', location: id.slice(0, 100) });
  if (!Array.isArray(result)) return failure(result);
  return {
    status: registryResponse([]).status,
    startIndex: '0',
    totalResultCount: String(result.length),
    RegistryObjectList: asResult(result, returnType),
  };
}
