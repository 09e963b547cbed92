/**
 * The schema files `volet jsonschema` writes for one description, by file name:
 * `<operation>.request.schema.json` and `<operation>.response.schema.json` for each document-style
 * operation (prefixed with the port when two ports share an operation name), then
 * `volet.config.schema.json`, `vihf.schema.json`, `assertion-ps.schema.json` and, when the
 * description declares the TLSi contexts, `contexts.schema.json`.
 */
import type { RuntimeDescriptors } from '../emit/runtime-descriptors.js';
import { ASSERTION_PS_SCHEMA, CONFIG_SCHEMA, contextsSchema, VIHF_SCHEMA } from './file-schemas.js';
import { MessageSchemas } from './message-schemas.js';
import type { JsonSchema } from './type-schemas.js';

/** Every schema file of a description, in a stable order. */
export function jsonSchemaFiles(descriptors: RuntimeDescriptors): Map<string, JsonSchema> {
  const messages = new MessageSchemas(descriptors.schema);
  const files = new Map<string, JsonSchema>();
  const names = descriptors.ports.flatMap((p) => Object.keys(p.descriptor.operations));
  for (const port of descriptors.ports) {
    for (const [name, op] of Object.entries(port.descriptor.operations)) {
      const shared = names.filter((n) => n === name).length > 1;
      const stem = shared ? `${port.port}.${name}` : name;
      if (files.has(`${stem}.request.schema.json`) || files.has(`${stem}.response.schema.json`)) continue;
      const input = messages.input(op, `${name} request (${port.service}/${port.port})`);
      const output = messages.output(op, `${name} response (${port.service}/${port.port})`);
      if (input !== null) files.set(`${stem}.request.schema.json`, input);
      if (output !== null) files.set(`${stem}.response.schema.json`, output);
    }
  }
  files.set('volet.config.schema.json', CONFIG_SCHEMA);
  files.set('vihf.schema.json', VIHF_SCHEMA);
  files.set('assertion-ps.schema.json', ASSERTION_PS_SCHEMA);
  const contexts = contextsSchema(messages);
  if (contexts !== undefined) files.set('contexts.schema.json', contexts);
  return files;
}
