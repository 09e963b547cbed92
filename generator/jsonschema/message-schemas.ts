/**
 * JSON Schema (2020-12) of each operation's request and response in the JSON form of messages
 * (docs/cli.md: `{ envelope: { version, headers, body } }`, or the body element alone
 * `{ element, value }`; a response may be a fault envelope), what `volet call --input` reads and
 * `volet decode` prints. Document-style operations only: rpc operations are called through
 * generated clients.
 */
import type { OperationDescriptor, SchemaDescriptor } from '@volet/runtime';
import { defName, TypeSchemas, type JsonSchema } from './type-schemas.js';

/** The JSON Schema dialect volet writes. */
export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** A raw block: an element kept as XML. */
const RAW_BLOCK: JsonSchema = {
  type: 'object',
  properties: { element: { type: 'string', pattern: '^\\{[^}]*\\}.+$' }, xml: { type: 'string' }, mustUnderstand: { const: true } },
  required: ['element', 'xml'],
  additionalProperties: false,
};

/** The schemas of one description's messages, sharing the `$defs` of its types. */
export class MessageSchemas {
  private readonly types: TypeSchemas;

  constructor(private readonly schema: SchemaDescriptor) {
    this.types = new TypeSchemas(schema);
  }

  /** A typed block `{ element, value }` of global element `key`. */
  private block(key: string, header: boolean): JsonSchema {
    return {
      type: 'object',
      properties: { element: { const: this.types.clark(key) }, value: ref(defName.element(key)), ...(header ? { mustUnderstand: { const: true } } : {}) },
      required: ['element', 'value'],
      additionalProperties: false,
    };
  }

  /** Every block a header may hold: any global element, typed, or raw. */
  private headerBlocks(): JsonSchema {
    return { anyOf: [...Object.keys(this.schema.elements).map((k) => this.block(k, true)), RAW_BLOCK] };
  }

  private document(title: string, alternatives: JsonSchema[]): JsonSchema {
    const defs: Record<string, JsonSchema> = { ...this.types.defs, 'volet.headers': this.headerBlocks() };
    return { $schema: DIALECT, title, anyOf: alternatives, $defs: defs };
  }

  private envelope(body: JsonSchema | null, fault: boolean): JsonSchema {
    const properties: Record<string, JsonSchema> = {
      version: { enum: ['1.1', '1.2'] },
      headers: { type: 'array', items: ref('volet.headers') },
    };
    if (body !== null) properties.body = body;
    if (fault) properties.fault = FAULT;
    return {
      type: 'object',
      properties: { envelope: { type: 'object', properties, required: ['version', fault ? 'fault' : 'body'], additionalProperties: false } },
      required: ['envelope'],
      additionalProperties: false,
    };
  }

  private body(parts: readonly string[]): JsonSchema {
    return { type: 'array', prefixItems: parts.map((k) => this.block(k, false)), items: false, minItems: parts.length };
  }

  /** The request of a document-style operation: an envelope, or its single body element. */
  input(op: OperationDescriptor, title: string): JsonSchema | null {
    if (op.input === null || op.style === 'rpc') return null;
    const parts = op.input.body.map((p) => p.element);
    const alternatives = [this.envelope(this.body(parts), false)];
    if (parts.length === 1) alternatives.push(this.block(parts[0], false));
    return this.document(title, alternatives);
  }

  /** The response of a document-style operation: an envelope (or its body element), or a fault envelope. */
  output(op: OperationDescriptor, title: string): JsonSchema | null {
    if (op.output === null || op.style === 'rpc') return null;
    const parts = op.output.body.map((p) => p.element);
    const alternatives = [this.envelope(this.body(parts), false), this.envelope(null, true)];
    if (parts.length === 1) alternatives.push(this.block(parts[0], false));
    return this.document(title, alternatives);
  }

  /** The schema of the JSON form of one global element's value (contexts files). */
  elementValue(clark: string): JsonSchema | undefined {
    const key = Object.keys(this.schema.elements).find((k) => this.types.clark(k) === clark);
    return key === undefined ? undefined : { ...ref(defName.element(key)) };
  }

  /** The `$defs` shared by the schemas (for schemas built around {@link elementValue}). */
  get defs(): Record<string, JsonSchema> {
    return this.types.defs;
  }
}

/** A SOAP fault (docs/cli.md). */
const FAULT: JsonSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    subcodes: { type: 'array', items: { type: 'string' } },
    reasons: {
      type: 'array',
      items: { type: 'object', properties: { text: { type: 'string' }, lang: { type: 'string' } }, required: ['text'], additionalProperties: false },
    },
    node: { type: 'string' },
    role: { type: 'string' },
    detail: { type: 'array', items: { anyOf: [ref('volet.headers')] } },
  },
  required: ['code', 'reasons'],
  additionalProperties: false,
};
