/**
 * Looking up WSDL definitions by reference, with the unprefixed-name fallback of {@link WsdlRef}.
 */
import type { Diagnostic, QNameString } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import type { WsdlRef } from './dom.js';

/**
 * The definition `ref` names in `table`. When the name resolves to nothing but its fallback (the
 * same local name in the target namespace) does, that one is used with a warning. When neither
 * exists, records an error at the reference and returns `null`.
 */
export function lookup<T>(table: ReadonlyMap<QNameString, T>, ref: WsdlRef, kind: string, diagnostics: Diagnostic[], context = ''): T | null {
  const found = table.get(ref.name);
  if (found !== undefined) return found;
  if (ref.fallback !== null) {
    const fallback = table.get(ref.fallback);
    if (fallback !== undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          ref.at,
          `unprefixed ${kind} name resolves to ${ref.name}, which is not defined; ${ref.fallback} (same name in the target namespace) is used`,
          'wsdl-unprefixed-reference',
        ),
      );
      return fallback;
    }
  }
  diagnostics.push(diagnostic('error', ref.at, `${kind} ${ref.name}${context} is not defined`, `wsdl-missing-${kind.replace(/ /g, '-')}`));
  return null;
}
