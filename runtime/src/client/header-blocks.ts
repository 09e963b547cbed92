/**
 * The request's SOAP header blocks: those the caller gives (declared header parts, extra blocks)
 * and those the profile adds, merged so that one element is never sent twice.
 */
import { compiledSchema } from '../codec/compile.js';
import { elementRef, type SchemaDescriptor } from '../codec/descriptors.js';
import { isRawXml } from '../codec/values.js';
import { EncodeError } from '../errors/encode-error.js';
import type { HeaderBlock } from '../soap/index.js';
import { documentRoot } from '../xml/document-root.js';
import type { XmlTag } from '../xml/reader.js';
import type { MessageDescriptor } from './operation.js';
import type { ProfileHeader } from './profile.js';

/** A header block with the name of its element. */
export interface NamedBlock {
  readonly namespace: string;
  readonly local: string;
  /** What the envelope writer takes: raw XML or a block encoded by descriptor. */
  readonly block: string | HeaderBlock;
}

/** The name of the root element of a raw XML block; EncodeError when it is not well-formed XML. */
export function rootElementName(xml: string): { namespace: string; local: string } {
  let root: XmlTag | undefined;
  try {
    root = documentRoot(xml);
  } catch (err) {
    throw new EncodeError('invalid-header', 'a raw header block is not one well-formed XML element', '', { cause: err });
  }
  if (root === undefined) throw new EncodeError('invalid-header', 'a raw header block holds no element', '');
  return { namespace: root.uri, local: root.local };
}

/**
 * The declared header parts the caller gave, as blocks. A value may also be raw XML (`{ $xml }`).
 * A key that is not a declared part is an error (a typo would otherwise drop a header silently).
 */
export function declaredHeaderBlocks(schema: SchemaDescriptor, message: MessageDescriptor, values: Readonly<Record<string, unknown>>): NamedBlock[] {
  const out: NamedBlock[] = [];
  let given = 0;
  for (const key of Object.keys(values)) {
    if (values[key] === undefined) continue;
    if (!message.headers.some((h) => h.part === key)) throw new EncodeError('unknown-header', `"${key}" is not a header part of this operation`, '');
    given++;
  }
  if (given === 0) return out;
  const compiled = compiledSchema(schema);
  for (const part of message.headers) {
    const value = values[part.part];
    if (value === undefined) continue;
    const element = compiled.element(part.element);
    if (isRawXml(value)) out.push({ ...rootElementName(value.$xml), block: value.$xml });
    else out.push({ namespace: element.uri, local: element.local, block: { element: elementRef(schema, part.element), value } });
  }
  return out;
}

/** Extra blocks given with the call's `extraHeaders`. */
export function extraHeaderBlocks(extra: readonly (string | HeaderBlock)[]): NamedBlock[] {
  return extra.map((block) => {
    if (typeof block === 'string') return { ...rootElementName(block), block };
    const element = compiledSchema(block.element.schema).element(block.element.element);
    return { namespace: element.uri, local: element.local, block };
  });
}

const sameName = (a: { namespace: string; local: string }, b: { namespace: string; local: string }): boolean =>
  a.namespace === b.namespace && a.local === b.local;

/**
 * Merges the caller's blocks with the profile's. The profile's order is kept; a caller block with
 * the same element name replaces the profile's in place (`caller` precedence) or is dropped
 * (`profile` precedence); the caller's other blocks follow in their order.
 */
export function mergeHeaderBlocks(
  profile: readonly ProfileHeader[],
  caller: readonly NamedBlock[],
  precedence: 'caller' | 'profile',
): (string | HeaderBlock)[] {
  const remaining = [...caller];
  const out: (string | HeaderBlock)[] = [];
  for (const p of profile) {
    const i = remaining.findIndex((c) => sameName(c, p));
    if (i < 0) {
      out.push(p.xml);
      continue;
    }
    if (precedence === 'caller') {
      out.push(remaining[i].block);
      remaining.splice(i, 1);
    } else {
      out.push(p.xml);
      for (let j = remaining.length - 1; j >= 0; j--) if (sameName(remaining[j], p)) remaining.splice(j, 1);
    }
  }
  for (const c of remaining) out.push(c.block);
  return out;
}
