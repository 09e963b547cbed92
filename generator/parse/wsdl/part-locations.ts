/**
 * Where the message parts that the model names were declared. The model stays plain data, so
 * locations live in this side table, keyed by the model objects themselves (body parts, header
 * parts, header faults, faults); {@link checkServiceReferences} reads it to point its errors at
 * the part. Objects copied out of the model (for example through JSON) have no entry.
 */
import type { SourceLocation } from '../../model/model.js';

const locations = new WeakMap<object, SourceLocation>();

/** Records where the part behind a model object was declared. */
export function setPartLocation(modelObject: object, at: SourceLocation): void {
  locations.set(modelObject, at);
}

/** Where the part behind a model object was declared, when known. */
export function partLocation(modelObject: object): SourceLocation | undefined {
  return locations.get(modelObject);
}
