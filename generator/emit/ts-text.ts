/**
 * Small helpers that turn names and texts into TypeScript source text: string literals, property
 * keys, TSDoc bodies. Everything here is pure and deterministic.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be written unquoted as a property name or identifier (ASCII only, on purpose). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** The characters {@link quote} escapes. */
const NEEDS_ESCAPE = /['\\\u0000-\u001f\u007f\u2028\u2029]/;

/** A single-quoted string literal; escapes quotes, backslashes, control and line-separator characters. */
export function quote(text: string): string {
  // Most names and values need no escape: skip the character loop (descriptors quote thousands).
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  let out = "'";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === "'") out += "\\'";
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + "'";
}

/**
 * A property key for an interface member or object literal: bare when it is an identifier, quoted
 * otherwise. `__proto__` is written as a computed key in object literals (`['__proto__']`), since a
 * plain one would set the prototype instead of defining a property.
 */
export function propertyKey(name: string, context: 'type' | 'object' = 'type'): string {
  if (name === '__proto__' && context === 'object') return `[${quote(name)}]`;
  return isIdentifier(name) ? name : quote(name);
}

/**
 * Cleans `xs:documentation` text for a TSDoc comment: common indentation and trailing blanks
 * removed, runs of blank lines collapsed, `*\/` and `@` escaped so the text can neither close the
 * comment nor start a TSDoc tag.
 */
export function docText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return undefined;
  let indent = Infinity;
  for (const l of lines) if (l.trim() !== '') indent = Math.min(indent, /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const out: string[] = [];
  for (const l of lines) {
    const line = l.slice(Number.isFinite(indent) ? indent : 0);
    if (line === '' && out[out.length - 1] === '') continue;
    out.push(line);
  }
  // `@` is escaped only where it would start a TSDoc tag: at the start of a line.
  return out
    .join('\n')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** Joins documentation paragraphs, skipping empty ones; `undefined` when nothing is left. */
export function joinDocs(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length === 0 ? undefined : kept.join('\n\n');
}

/** Inline code in TSDoc: backticks, with backticks inside replaced so the span stays closed. */
export function code(text: string): string {
  return '`' + text.replace(/`/g, "'").replace(/\*\//g, '*\\/') + '`';
}

/** `name` with a lower-case first letter (`ICIRService` stays as is when it starts with an acronym). */
export function camelCase(name: string): string {
  if (name === '') return name;
  if (/^[A-Z]{2}/.test(name)) return name.replace(/^[A-Z]+(?=[A-Z][a-z]|$|[^A-Za-z])/, (m) => m.toLowerCase());
  return name[0].toLowerCase() + name.slice(1);
}

/** Width of a generated comment line, comment markers and indentation included. */
export const DOC_WIDTH = 100;

/**
 * Wraps the long prose lines of documentation at spaces so that, written at `indent` inside a
 * comment, they fit {@link DOC_WIDTH}. List items and `@param`-style tags continue with a hanging
 * indent; indented lines (code, tables, preformatted text) are left as written.
 */
export function wrapDoc(doc: string, indent = ''): string {
  const width = Math.max(40, DOC_WIDTH - indent.length - 3);
  const out: string[] = [];
  for (const line of doc.split('\n')) {
    if (line.length <= width || /^\s/.test(line) || line.startsWith('|')) {
      out.push(line);
      continue;
    }
    const hanging = /^(?:[-*] |\d+\. |@\w+ )/.test(line) ? '  ' : '';
    let rest = line;
    let first = true;
    while (rest.length > (first ? width : width - hanging.length)) {
      const limit = first ? width : width - hanging.length;
      let cut = rest.lastIndexOf(' ', limit);
      if (cut <= 0) cut = rest.indexOf(' ', limit);
      if (cut <= 0) break;
      out.push((first ? '' : hanging) + rest.slice(0, cut));
      rest = rest.slice(cut + 1);
      first = false;
    }
    out.push((first ? '' : hanging) + rest);
  }
  return out.join('\n');
}

/** A TSDoc comment block for `doc` (already cleaned with {@link docText}), at `indent`, long lines wrapped. */
export function docComment(doc: string | undefined, indent = ''): string {
  if (doc === undefined || doc === '') return '';
  const lines = wrapDoc(doc, indent).split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)).join('\n')}\n${indent} */\n`;
}
