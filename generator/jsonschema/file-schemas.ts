/**
 * JSON Schema (2020-12) of the files volet reads besides messages: `volet.config.json`
 * (docs/config.md), the VIHF input of `--vihf` and the assertion PS input of `--assertion-ps`
 * (docs/security.md), and — from a description's own types — the `--contexts` file. They say what
 * volet's own checks say (config.ts, runtime security/vihf/validate.ts, tlsi/assertion-ps.ts), so
 * that an editor completes and checks the files through `$schema`.
 */
import { DIALECT, type MessageSchemas } from './message-schemas.js';
import type { JsonSchema } from './type-schemas.js';
import { VIHF_INPUT_RULES as VIHF, type VihfTextRule } from '@volet/runtime/security';

const path = { type: 'string', minLength: 1 };
const paths = { anyOf: [path, { type: 'array', items: path, minItems: 1 }] };
const text = { type: 'string', minLength: 1, pattern: '\\S' };

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

/** A VIHF text field: not blank, only characters XML can carry, and its own pattern if any. */
function vihfText(rule: VihfTextRule): JsonSchema {
  const schema: JsonSchema = { type: 'string', minLength: 1, allOf: [{ pattern: VIHF.patterns.notBlank }, { pattern: VIHF.patterns.xmlChars }] };
  return rule === 'text' ? schema : { ...schema, pattern: VIHF.patterns[rule] };
}

function vihfTexts(fields: Readonly<Record<string, VihfTextRule>>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(fields).map(([key, rule]) => [key, vihfText(rule)]));
}

const coded: JsonSchema = {
  type: 'object',
  properties: vihfTexts(VIHF.codedValue.textFields),
  required: [...VIHF.codedValue.required],
  additionalProperties: false,
};

/**
 * The VIHF input (`--vihf`, `VihfInput`), from the rules the runtime's validator applies
 * (`VIHF_INPUT_RULES`): the same keys, required fields, patterns and codes.
 */
export const VIHF_SCHEMA: JsonSchema = {
  $schema: DIALECT,
  title: 'VIHF input (vihf.json)',
  type: 'object',
  properties: {
    ...vihfTexts(VIHF.textFields),
    mode: { enum: [...VIHF.modes] },
    roles: { type: 'array', minItems: 1, items: coded },
    purposeOfUse: { anyOf: [{ enum: [...VIHF.purposeOfUseCodes] }, coded] },
    ...Object.fromEntries(VIHF.codedFields.map((key) => [key, coded])),
    authnContextDecl: { anyOf: [vihfText('text'), { const: false }] },
  },
  required: [...VIHF.required],
  if: { properties: { mode: { enum: [...VIHF.subjectIdModes] } } },
  // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword, not a thenable.
  then: { type: 'object', properties: { subjectId: vihfText('text') }, required: ['subjectId'] },
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
