/**
 * rpc/literal bodies: the parts go inside a wrapper element named after the operation (request)
 * or the operation + `Response` (response), in the binding's namespace. A part given by type has
 * a synthesised, unqualified part element in the descriptors; a part given by element is that
 * element.
 */
import { compiledSchema } from '../codec/compile.js';
import { ElementDecoder, decodeSettings, type DecodeOptions } from '../codec/decode.js';
import { elementRef, type SchemaDescriptor } from '../codec/descriptors.js';
import { encode, type EncodeOptions } from '../codec/encode.js';
import { DecodeError } from '../errors/decode-error.js';
import { EncodeError } from '../errors/encode-error.js';
import { escapeXml } from '../xml/escape.js';
import { XmlReader, type XmlHandler, type XmlTag } from '../xml/reader.js';
import type { BodyPartDescriptor } from './operation.js';

const WRAPPER_PREFIX = 'rpc';

/**
 * The wrapper element with its parts, as raw XML for the envelope writer.
 * @param values - part values by part name
 */
export function encodeRpcBody(
  schema: SchemaDescriptor,
  name: string,
  namespace: string,
  parts: readonly BodyPartDescriptor[],
  values: Readonly<Record<string, unknown>>,
  options: EncodeOptions,
): string {
  const codec: EncodeOptions = { ...options, reservedPrefixes: [...(options.reservedPrefixes ?? []), WRAPPER_PREFIX] };
  let inner = '';
  for (const part of parts) {
    const value = values[part.part];
    if (value === undefined) throw new EncodeError('missing-property', `no value for body part ${part.part}`, part.part);
    inner += encode(elementRef(schema, part.element), value, codec);
  }
  const tag = namespace === '' ? name : `${WRAPPER_PREFIX}:${name}`;
  const declaration = namespace === '' ? '' : ` xmlns:${WRAPPER_PREFIX}="${escapeXml(namespace, true)}"`;
  return `<${tag}${declaration}>${inner}</${tag}>`;
}

/** Reads a response wrapper (raw XML of the body element) into part values by part name. */
export function decodeRpcBody(schema: SchemaDescriptor, xml: string, parts: readonly BodyPartDescriptor[], options: DecodeOptions): Record<string, unknown> {
  const compiled = compiledSchema(schema);
  const settings = decodeSettings(options);
  const byName = new Map(
    parts.map((p) => {
      const e = compiled.element(p.element);
      return [`{${e.uri}}${e.local}`, { part: p.part, element: e }] as const;
    }),
  );
  const values: Record<string, unknown> = {};
  let depth = 0;
  const handler: XmlHandler = {
    openTag(tag: XmlTag) {
      depth++;
      if (depth === 1) return;
      const found = byName.get(`{${tag.uri}}${tag.local}`);
      if (found === undefined) {
        if (settings.strict)
          throw new DecodeError('unknown-element', `unexpected part element {${tag.uri}}${tag.local} in the rpc response`, reader.position());
        // Skip the unknown part: count its depth down to the wrapper again.
        const skip: XmlHandler = {
          openTag() {
            depth++;
          },
          text() {},
          closeTag() {
            if (--depth === 1) reader.handler = handler;
          },
        };
        reader.handler = skip;
        return;
      }
      new ElementDecoder(compiled, found.element, reader, tag, handler, settings, (value) => {
        depth--;
        values[found.part] = value;
      });
    },
    text() {},
    closeTag() {
      depth--;
    },
  };
  const reader = new XmlReader(handler, { limits: options.limits });
  reader.write(xml);
  reader.end();
  return values;
}
