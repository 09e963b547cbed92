/**
 * Reads the attributes of a SAML 2.0 assertion decoded with the generated descriptors
 * (`AssertionType` of the built-in catalog's SAML schema). `AttributeValue` is `xs:anyType`: a value
 * typed `xsi:type="xs:string"` decodes to a string, an untyped or element value stays raw XML, so
 * both are read here: text, or the attributes of an HL7 coded value (`Role`, `PurposeOfUse`).
 */
import { isRawXml } from '@volet/runtime/codec';
import { readXml, type XmlTag } from '@volet/runtime/xml';
import type { AssertionType, AttributeStatementType, AuthnStatementType } from '../../generated/schemas/saml2/index.js';

/** An HL7 v3 coded value found in an attribute value. */
export interface CodedAttribute {
  /** The element's local name (`Role`, `PurposeOfUse`…). */
  readonly element: string;
  readonly namespace: string;
  readonly code: string | undefined;
  readonly codeSystem: string | undefined;
  readonly displayName: string | undefined;
}

/** One attribute value: its text, and the coded value when it holds an element. */
export interface AttributeValueRead {
  readonly text: string;
  readonly coded: CodedAttribute | undefined;
}

/** The attributes of an assertion by Name, values in order. */
export type AssertionAttributes = ReadonlyMap<string, readonly AttributeValueRead[]>;

/** Reads a raw value (`<AttributeValue>` as written) with the runtime's XML reader: no DTD, namespaces resolved. */
function readRaw(xml: string): AttributeValueRead {
  let depth = 0;
  let text = '';
  let child: XmlTag | undefined;
  try {
    readXml(xml, {
      openTag(tag) {
        depth++;
        if (depth === 2) child ??= tag;
      },
      text(data) {
        if (depth > 0) text += data;
      },
      closeTag() {
        depth--;
      },
    });
  } catch {
    return { text: '', coded: undefined };
  }
  if (child === undefined) return { text: text.trim(), coded: undefined };
  const attributes = child.attributes;
  return {
    text: text.trim(),
    coded: {
      element: child.local,
      namespace: child.uri,
      code: attributes['code']?.value,
      codeSystem: attributes['codeSystem']?.value,
      displayName: attributes['displayName']?.value,
    },
  };
}

function readValue(value: unknown): AttributeValueRead {
  if (typeof value === 'string') return { text: value.trim(), coded: undefined };
  if (value === null || value === undefined) return { text: '', coded: undefined };
  if (isRawXml(value)) return readRaw(value.$xml);
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), coded: undefined };
  return { text: '', coded: undefined };
}

/** The attribute statements of an assertion, in order. */
export function attributeStatements(assertion: AssertionType): AttributeStatementType[] {
  return (assertion.StatementOrOthers ?? []).filter((s) => s.$el === 'AttributeStatement').map((s) => s.value as AttributeStatementType);
}

/** The authentication statements of an assertion, in order. */
export function authnStatements(assertion: AssertionType): AuthnStatementType[] {
  return (assertion.StatementOrOthers ?? []).filter((s) => s.$el === 'AuthnStatement').map((s) => s.value as AuthnStatementType);
}

/** Every attribute of the assertion, by Name (values of repeated attributes are concatenated). */
export function assertionAttributes(assertion: AssertionType): AssertionAttributes {
  const out = new Map<string, AttributeValueRead[]>();
  for (const statement of attributeStatements(assertion)) {
    // Decoded leniently: required parts may be missing.
    for (const item of statement.AttributeOrEncryptedAttribute ?? []) {
      if (item.$el !== 'Attribute') continue; // an EncryptedAttribute is not readable here
      const attribute = item.value;
      if (typeof attribute.Name !== 'string') continue;
      const values = out.get(attribute.Name) ?? [];
      for (const v of attribute.AttributeValue ?? []) values.push(readValue(v));
      out.set(attribute.Name, values);
    }
  }
  return out;
}

/** The text of the first value of attribute `name`, trimmed; undefined when absent or empty. */
export function firstText(attributes: AssertionAttributes, name: string): string | undefined {
  const text = attributes.get(name)?.[0]?.text;
  return text === undefined || text === '' ? undefined : text;
}
