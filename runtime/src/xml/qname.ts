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

// NCName per Namespaces in XML 1.0 (an XML Name without ':'), over code points: supplementary
// characters included. The one NCName check of volet (the generator uses it too).
const NAME_START =
  'A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');

/** True when `name` is an XML NCName (Namespaces in XML 1.0): the check for prefixes, local names and `xs:ID`s. */
export function isNCName(name: string): boolean {
  return NCNAME.test(name);
}
