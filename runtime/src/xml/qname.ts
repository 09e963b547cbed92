/** A qualified name as a value: `namespace` is `''` for no namespace. Also the decoded form of `xs:QName`. */
export interface QName {
  readonly namespace: string;
  readonly local: string;
}

/** Writes a QName in Clark notation, `{namespace}local` (`{}local` for no namespace). */
export function clark(namespace: string, local: string): string {
  return `{${namespace}}${local}`;
}

/** Parses Clark notation; a string without braces is a name in no namespace. */
export function parseClark(name: string): QName {
  const close = name.indexOf('}');
  if (name.charCodeAt(0) !== 0x7b || close < 0) return { namespace: '', local: name };
  return { namespace: name.slice(1, close), local: name.slice(close + 1) };
}

/** Splits a lexical QName `prefix:local` (no prefix gives `''`). */
export function splitPrefixed(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

const NCNAME = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][A-Za-z0-9_.\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*$/;

/** True when `name` is an XML NCName (BMP characters; enough for prefixes and local names we write). */
export function isNCName(name: string): boolean {
  return NCNAME.test(name);
}
