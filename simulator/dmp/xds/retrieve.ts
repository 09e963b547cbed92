/**
 * ITI-43 Retrieve Document Set (TD3.2): each requested document comes back with its bytes, which
 * the endpoint sends as XOP parts. A document of another repository, unknown, deleted, or of
 * another patient than the VIHF's is an `XDSDocumentUniqueIdError` (Failure, or PartialSuccess).
 */
import type { DocumentResponseType, RetrieveDocumentSetRequestType, RetrieveDocumentSetResponseType } from '../../../generated/schemas/ihe-xdsb/index.js';
import { registryResponse, type XdsError } from './registry-errors.js';
import { vihfPatientKey, type XdsContext } from './xds-context.js';
import { STATUS } from './xds-constants.js';

/**
 * Runs ITI-43.
 * @param request - the decoded request
 * @param context - store, repository id, VIHF
 * @param bind - turns the bytes into what goes into `Document` (an XOP marker)
 */
export function retrieveDocuments(
  request: RetrieveDocumentSetRequestType,
  context: XdsContext,
  bind: (bytes: Uint8Array, mimeType: string) => Uint8Array,
): RetrieveDocumentSetResponseType {
  const errors: XdsError[] = [];
  const found: DocumentResponseType[] = [];
  const patient = vihfPatientKey(context);
  for (const wanted of request.DocumentRequest) {
    const location = wanted.DocumentUniqueId.slice(0, 100);
    if (wanted.RepositoryUniqueId !== context.repositoryUniqueId) {
      errors.push({ code: 'XDSUnknownRepositoryId', context: 'This repository is not the one named.', location: wanted.RepositoryUniqueId.slice(0, 100) });
      continue;
    }
    const document = context.store.byUniqueId(wanted.DocumentUniqueId);
    if (document === undefined || document.status === STATUS.deleted || document.patient !== patient) {
      errors.push({ code: 'XDSDocumentUniqueIdError', context: 'No such document for this patient.', location });
      continue;
    }
    found.push({
      RepositoryUniqueId: document.repositoryUniqueId,
      DocumentUniqueId: document.uniqueId,
      mimeType: document.mimeType,
      Document: bind(document.bytes, document.mimeType),
    });
  }
  return { RegistryResponse: registryResponse(errors, found.length > 0), ...(found.length > 0 ? { DocumentResponse: found } : {}) };
}
