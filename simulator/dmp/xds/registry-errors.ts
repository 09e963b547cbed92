/**
 * XDS business errors: they are not SOAP faults but a `RegistryResponse` with status Failure (or
 * PartialSuccess) and a `RegistryErrorList`, as IHE XDS.b and the DMP answer them.
 */
import type { RegistryError, RegistryResponseType } from '../../../generated/schemas/ebrs/index.js';
import { ERROR_SEVERITY, RESPONSE_STATUS } from './xds-constants.js';

/** One XDS error. */
export interface XdsError {
  /** IHE error code (`XDSMissingDocument`, `XDSDocumentUniqueIdError`…). */
  readonly code: string;
  /** Explanation (no patient data). */
  readonly context: string;
  /** Where: an object id or a parameter name. */
  readonly location?: string;
}

/**
 * A registry response.
 * @param errors - the errors (none: Success)
 * @param someSucceeded - with errors, PartialSuccess instead of Failure
 */
export function registryResponse(errors: readonly XdsError[], someSucceeded = false): RegistryResponseType {
  if (errors.length === 0) return { status: RESPONSE_STATUS.success };
  const list: RegistryError[] = errors.map((e) => ({
    $value: e.context,
    codeContext: e.context,
    errorCode: e.code,
    severity: ERROR_SEVERITY,
    ...(e.location === undefined ? {} : { location: e.location }),
  }));
  return {
    status: someSucceeded ? RESPONSE_STATUS.partialSuccess : RESPONSE_STATUS.failure,
    RegistryErrorList: { highestSeverity: ERROR_SEVERITY, RegistryError: list },
  };
}
