/**
 * The `--contexts` file of `volet call --profile tlsi`: `{ "ContexteLPS": …, "ContexteBAM": … }` in
 * the JSON form of the generated types, checked like a message before anything is sent.
 */
import { didYouMean, type SchemaDescriptor } from '@volet/runtime/codec';
import { InputError } from './io.js';
import { checkElementJson } from './message-json.js';
import { readJson } from './commands/decode.js';

/**
 * The contexts of `--contexts`: `{ ContexteLPS?, ContexteBAM? }`, each checked against the
 * description's descriptors when it declares the element (as `volet encode` checks a message;
 * `Id` and `Temps` are renewed at every call, so they may be left out).
 */
export function checkedContexts(schema: SchemaDescriptor, file: string): Record<string, unknown> {
  const json = readJson(file, 'contexts file');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InputError(`${file}: expected { "ContexteLPS": …, "ContexteBAM": … }`);
  const c = json as Record<string, unknown>;
  const names = ['ContexteLPS', 'ContexteBAM'];
  for (const k of Object.keys(c)) if (!names.includes(k)) throw new InputError(`${file}: ${k}: unknown key${didYouMean(k, names)}`);
  const namespaces: Record<string, string> = { ContexteLPS: 'urn:siram:lps:ctxlps', ContexteBAM: 'urn:siram:bam:ctxbam' };
  for (const name of names) {
    const value = c[name];
    if (value === undefined) continue;
    const fresh = typeof value === 'object' && value !== null && !Array.isArray(value) ? { Id: 'uuid', Temps: '2000-01-01T00:00:00Z', ...value } : value;
    try {
      checkElementJson(schema, `{${namespaces[name]}}${name}`, fresh, name);
    } catch (err) {
      const e = err as { name?: unknown; message?: unknown };
      if (e.name !== 'EncodeError') throw err;
      throw new InputError(`${file}: ${String(e.message)}`);
    }
  }
  return c;
}
