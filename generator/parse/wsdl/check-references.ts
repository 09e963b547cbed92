/**
 * Checks that every element and type the service parts name is declared by the loaded schemas.
 */
import type { Diagnostic, QNameString, SchemaModel, Service, SourceLocation } from '../../model/model.js';
import { XSD_NS, splitQName } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { builtinType } from '../xsd/builtins.js';
import { partLocation } from './part-locations.js';

const UNKNOWN: SourceLocation = { file: '<unknown>', line: 1, column: 1 };

/**
 * Reports an error, at the part's declaration, for each part element or type that `schema` does
 * not declare (built-in XSD types excepted). Each reference is checked once.
 */
export function checkServiceReferences(services: readonly Service[], schema: SchemaModel, diagnostics: Diagnostic[]): void {
  const elements = new Set(schema.elements.map((e) => e.name));
  const types = new Set<string>();
  for (const t of schema.types) if (t.name !== null) types.add(t.name);
  const namespaces = new Set(schema.namespaces);

  const hint = (name: QNameString): string => {
    const { namespace } = splitQName(name);
    return namespaces.has(namespace) ? '' : ` (no schema for namespace '${namespace}' was loaded)`;
  };
  const checkElement = (owner: object, what: string, name: QNameString): void => {
    if (elements.has(name)) return;
    diagnostics.push(
      diagnostic(
        'error',
        partLocation(owner) ?? UNKNOWN,
        `${what} refers to element ${name}, which no loaded schema declares${hint(name)}`,
        'wsdl-undeclared-element',
      ),
    );
  };
  const checkType = (owner: object, what: string, name: QNameString): void => {
    const { namespace, local } = splitQName(name);
    if (namespace === XSD_NS ? builtinType(local) !== undefined : types.has(name)) return;
    diagnostics.push(
      diagnostic(
        'error',
        partLocation(owner) ?? UNKNOWN,
        namespace === XSD_NS
          ? `${what} refers to type ${name}, which is not an XML Schema built-in type`
          : `${what} refers to type ${name}, which no loaded schema declares${hint(name)}`,
        'wsdl-undeclared-type',
      ),
    );
  };

  for (const service of services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const binding of [op.input, op.output]) {
          if (binding === null) continue;
          for (const part of binding.body) {
            const what = `part '${part.part}' of message ${binding.message}`;
            if ('element' in part) checkElement(part, what, part.element);
            else checkType(part, what, part.type);
          }
          for (const header of binding.headers) {
            checkElement(header, `header part '${header.part}' of message ${header.message}`, header.element);
            for (const fault of header.headerFaults) {
              checkElement(fault, `header fault part '${fault.part}' of message ${fault.message}`, fault.element);
            }
          }
        }
        for (const fault of op.faults) {
          if (fault.element !== null) checkElement(fault, `fault '${fault.name}' (message ${fault.message})`, fault.element);
        }
      }
    }
  }
}
