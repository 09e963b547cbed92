/**
 * WSDL 1.1 → the services of the model: services, SOAP ports and their operations, with message
 * layouts, faults and WS-Addressing actions. Every problem becomes a diagnostic; nothing throws.
 */
import type { Diagnostic, Service } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import type { LoadResult } from '../../load/types.js';
import { bindPort, type BindingCache } from './bind-port.js';
import { readDefinitions } from './read-definitions.js';

/**
 * Reads the services of every WSDL document of `loaded` (entries and `wsdl:import`ed WSDLs), in
 * document order. Ports whose binding is neither SOAP 1.1 nor SOAP 1.2 are skipped with a warning.
 * Returns `[]` for a description made of schemas only.
 */
export function parseWsdl(loaded: LoadResult, diagnostics: Diagnostic[]): Service[] {
  if (loaded.wsdlDocuments.length === 0) return [];
  const defs = readDefinitions(loaded.wsdlDocuments, diagnostics);
  const cache: BindingCache = new Map();
  const services: Service[] = [];
  for (const wsdlService of defs.services) {
    const service: Service = {
      name: wsdlService.name,
      namespace: wsdlService.namespace,
      ...(wsdlService.documentation === undefined ? {} : { documentation: wsdlService.documentation }),
      ports: [],
    };
    for (const wsdlPort of wsdlService.ports) {
      const port = bindPort(wsdlPort, defs, cache, diagnostics);
      if (port !== null) service.ports.push(port);
    }
    services.push(service);
  }
  if (defs.services.length === 0) {
    const entry = loaded.wsdlDocuments[0];
    if (entry !== undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          { file: entry.displayPath, line: 1, column: 1 },
          'the description declares no wsdl:service: there is nothing to call',
          'wsdl-no-service',
        ),
      );
    }
  }
  return services;
}
