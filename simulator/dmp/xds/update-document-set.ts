/**
 * ITI-57 Update Document Set, availability status changes only (TD3.3a–d as the DMP uses them):
 * a submission set plus `UpdateAvailabilityStatus` associations whose source is the set, target a
 * document entry, with `OriginalStatus` (must be the current one) and `NewStatus` slots.
 * Approved ↔ Archived (hidden from default searches), either → Deleted (final).
 */
import type { SubmitObjectsRequest } from '../../../generated/schemas/eblcm/index.js';
import type { RegistryResponseType } from '../../../generated/schemas/ebrs/index.js';
import { registryResponse, type XdsError } from './registry-errors.js';
import { externalIdentifier, patientKey, registryItems, slotValues } from './registry-objects.js';
import { vihfPatientKey, type XdsContext } from './xds-context.js';
import { ASSOCIATION, SCHEME, STATUS } from './xds-constants.js';

const TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  [STATUS.approved]: [STATUS.archived, STATUS.deleted],
  [STATUS.archived]: [STATUS.approved, STATUS.deleted],
};

/**
 * Runs ITI-57.
 * @param request - the decoded SubmitObjectsRequest
 * @param context - store and VIHF
 */
export function updateDocumentSet(request: SubmitObjectsRequest, context: XdsContext): RegistryResponseType {
  const items = registryItems(request.RegistryObjectList);
  const errors: XdsError[] = [];
  const patient = vihfPatientKey(context);
  const sets = items.flatMap((i) => (i.kind === 'RegistryPackage' ? [i.value] : []));
  const set = sets[0];
  if (sets.length !== 1 || set === undefined)
    return registryResponse([{ code: 'XDSMetadataUpdateError', context: 'The update must hold exactly one submission set.' }]);
  const setPatient = patientKey(externalIdentifier(set, SCHEME.submissionSetPatientId)?.value ?? '');
  if (setPatient !== undefined && setPatient !== patient) {
    errors.push({ code: 'XDSPatientIdDoesNotMatch', context: 'The submission set names another patient than the VIHF resource-id.', location: set.id });
  }
  const changes: { readonly entry: string; readonly to: string }[] = [];
  for (const item of items) {
    if (item.kind === 'RegistryPackage') continue;
    if (item.kind !== 'Association' || item.value.associationType !== ASSOCIATION.updateAvailabilityStatus) {
      errors.push({ code: 'XDSMetadataUpdateError', context: 'The simulator supports availability status updates only.', location: item.value.id });
      continue;
    }
    const association = item.value;
    const document = context.store.byEntryUuid(association.targetObject);
    if (association.sourceObject !== set.id)
      errors.push({ code: 'XDSMetadataUpdateError', context: 'The association must come from the submission set.', location: association.id });
    if (document === undefined || document.patient !== patient || document.status === STATUS.deleted) {
      errors.push({ code: 'XDSMetadataUpdateError', context: 'No such document entry for this patient.', location: association.id });
      continue;
    }
    const original = slotValues(association, 'OriginalStatus')[0];
    const next = slotValues(association, 'NewStatus')[0];
    if (original !== document.status)
      errors.push({ code: 'XDSMetadataUpdateError', context: 'OriginalStatus is not the current status of the entry.', location: association.id });
    else if (next === undefined || !(TRANSITIONS[original] ?? []).includes(next)) {
      errors.push({ code: 'XDSMetadataUpdateError', context: 'This status change is not allowed.', location: association.id });
    } else changes.push({ entry: document.entryUuid, to: next });
  }
  if (changes.length === 0 && errors.length === 0) errors.push({ code: 'XDSMetadataUpdateError', context: 'The update changes nothing.' });
  if (errors.length > 0) return registryResponse(errors);
  for (const change of changes) {
    const document = context.store.byEntryUuid(change.entry);
    if (document !== undefined) document.status = change.to;
  }
  return registryResponse([]);
}
