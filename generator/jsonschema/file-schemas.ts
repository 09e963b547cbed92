/**
 * JSON Schema (2020-12) of the files volet reads besides messages: `volet.config.json`
 * (docs/config.md), the VIHF input of `--vihf` and the assertion PS input of `--assertion-ps`
 * (docs/security.md), and — from a description's own types — the `--contexts` file. They say what
 * volet's own checks say (config.ts, runtime security/vihf/validate.ts, tlsi/assertion-ps.ts), so
 * that an editor completes and checks the files through `$schema`.
 */
import { DIALECT, type MessageSchemas } from './message-schemas.js';
import type { JsonSchema } from './type-schemas.js';

const path = { type: 'string', minLength: 1 };
const paths = { anyOf: [path, { type: 'array', items: path, minItems: 1 }] };
const text = { type: 'string', minLength: 1, pattern: '\\S' };
const OID = '^[0-2](\\.(0|[1-9][0-9]*))+$';

/** `volet.config.json`. */
export const CONFIG_SCHEMA: JsonSchema = {
  $schema: DIALECT,
  title: 'volet.config.json',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    services: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'shown in messages; default output folder generated/<name>' },
          wsdl: { ...paths, description: 'entry files (WSDL, or XSDs) of one service description' },
          out: { ...path, description: 'output folder (default generated/<name>)' },
          names: { type: 'object', description: 'names of its clients, port descriptors and methods (docs/naming.md)' },
          mtom: {
            type: 'object',
            additionalProperties: { type: 'boolean' },
            description: 'operation name → send its request as MTOM/XOP (true) or inline (false), over what the schemas and IHE actions say',
          },
        },
        required: ['name', 'wsdl'],
        additionalProperties: false,
      },
    },
    catalog: {
      type: 'array',
      items: {
        type: 'object',
        properties: { file: path, namespace: { type: 'string' }, location: { type: 'string' } },
        required: ['file'],
        anyOf: [
          { type: 'object', properties: { namespace: { type: 'string' } }, required: ['namespace'] },
          { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
        ],
        additionalProperties: false,
      },
    },
    typecheck: { type: 'boolean' },
    schemas: path,
    modules: { type: 'object' },
    importExtension: { enum: ['js', 'ts'] },
  },
  required: ['services'],
  additionalProperties: false,
};

const coded = {
  type: 'object',
  properties: { code: text, codeSystem: { type: 'string', pattern: OID }, codeSystemName: text, displayName: text },
  required: ['code', 'codeSystem'],
  additionalProperties: false,
};

/** The VIHF input (`--vihf`, `VihfInput`). */
export const VIHF_SCHEMA: JsonSchema = {
  $schema: DIALECT,
  title: 'VIHF input (vihf.json)',
  type: 'object',
  properties: {
    mode: { enum: ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE'] },
    nameId: text,
    subjectId: text,
    structureId: text,
    sector: { type: 'string', pattern: '^[^\\s^]+\\^[0-2](\\.(0|[1-9][0-9]*))+$' },
    roles: { type: 'array', minItems: 1, items: coded },
    patientIns: { type: 'string', pattern: '^[0-9]{6}[0-9AB][0-9]{8}$' },
    patientInsOid: { type: 'string', pattern: OID },
    purposeOfUse: { anyOf: [{ enum: ['normal', 'bris_de_glace', 'centre_15'] }, coded] },
    confidentialityCode: coded,
    lpsId: text,
    lpsName: text,
    lpsVersion: text,
    homologationDmp: text,
    authnContext: text,
    authnContextDecl: { anyOf: [text, { const: false }] },
    authnInstant: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' },
    resourceUrn: text,
    vihfVersion: text,
    issuer: text,
  },
  required: ['mode', 'nameId', 'structureId', 'sector', 'roles', 'lpsName', 'lpsVersion', 'homologationDmp'],
  if: { properties: { mode: { enum: ['INDIRECTE', 'INDIRECTE_RENFORCEE'] } } },
  // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword, not a thenable.
  then: { type: 'object', properties: { subjectId: text }, required: ['subjectId'] },
  additionalProperties: false,
};

/** The assertion PS input (`--assertion-ps`, `AssertionPsInput`). */
export const ASSERTION_PS_SCHEMA: JsonSchema = {
  $schema: DIALECT,
  title: 'assertion PS input',
  type: 'object',
  properties: {
    nameId: text,
    identifiantFacturation: text,
    secteurActivite: text,
    codeSpecialiteAMO: text,
    gipProfessionCode: text,
    nameQualifier: text,
    issuer: text,
  },
  required: ['nameId', 'identifiantFacturation', 'secteurActivite'],
  additionalProperties: false,
};

const CONTEXTS: readonly (readonly [string, string])[] = [
  ['ContexteLPS', '{urn:siram:lps:ctxlps}ContexteLPS'],
  ['ContexteBAM', '{urn:siram:bam:ctxbam}ContexteBAM'],
];

/**
 * The `--contexts` file, from the description's ContexteLPS/ContexteBAM types; undefined when it
 * declares neither. (`Id` and `Temps` are renewed at every call, whatever the file says.)
 */
export function contextsSchema(messages: MessageSchemas): JsonSchema | undefined {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, clark] of CONTEXTS) {
    const value = messages.elementValue(clark);
    if (value !== undefined) properties[name] = value;
  }
  if (Object.keys(properties).length === 0) return undefined;
  return { $schema: DIALECT, title: 'TLSi contexts (--contexts)', type: 'object', properties, additionalProperties: false, $defs: messages.defs };
}
