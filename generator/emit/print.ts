/**
 * The one printer of generated code: declarations written as text (types.ts, elements.ts,
 * descriptors.ts and client.ts all go through it), and statements joined into a file. Layout
 * rules, kept from the first generations so that regenerating never reformats a committed file:
 * two-space indentation, a TSDoc block before a documented declaration (ts-text.ts `docComment`),
 * the lines after the first of a multi-line type indented one level more than the declaration
 * (a hanging indent), a blank line between statements and none between imports.
 */
import { docComment } from './ts-text.js';

/** One indentation level. */
export const INDENT = '  ';

/** A property of an interface or object type. */
export interface PropertyText {
  /** The key, already written as a key (`propertyKey`). */
  key: string;
  type: string;
  optional: boolean;
  /** Documentation (cleaned, unwrapped), if any. */
  doc?: string | undefined;
}

/** `text` with every line after the first, when not empty, indented by `indent`. */
export function hang(text: string, indent: string): string {
  if (!text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}

/** `<type>;` at `indent`: a type ending with a line break puts the `;` on a line of its own, at `indent`. */
function typeEnd(type: string, hangingIndent: string, indent: string): string {
  return `${hang(type, hangingIndent)}${type.endsWith('\n') ? indent : ''};`;
}

/** `export type <name> = <type>;`, documented. */
export function typeAliasText(name: string, type: string, doc?: string): string {
  return `${docComment(doc)}export type ${name} = ${typeEnd(type, INDENT, '')}`;
}

/** A property line of an interface or object type, at `indent`, documented. */
export function propertyText(p: PropertyText, indent: string): string {
  return `${docComment(p.doc, indent)}${indent}${p.key}${p.optional ? '?' : ''}: ${typeEnd(p.type, indent + INDENT, indent)}`;
}

/** `export interface <name> [extends …] { … }`, one property a line, documented. */
export function interfaceText(name: string, bases: readonly string[], properties: readonly PropertyText[], doc?: string): string {
  const heritage = bases.length === 0 ? '' : ` extends ${bases.join(', ')}`;
  const body = properties.map((p) => `${propertyText(p, INDENT)}\n`).join('');
  return `${docComment(doc)}export interface ${name}${heritage} {\n${body}}`;
}

/** `export const <name>: <type> = <initializer>;`, documented. */
export function constText(name: string, type: string, initializer: string, doc?: string): string {
  return `${docComment(doc)}export const ${hang(`${name}: ${type} = ${initializer}`, INDENT)};`;
}

/** True for an import statement. */
function isImport(statement: string): boolean {
  return statement.startsWith('import ');
}

/** Joins statements into a file body: a blank line between statements, none between imports. */
export function printStatements(statements: readonly string[]): string {
  let out = '';
  let previousImport = false;
  for (const s of statements) {
    const imp = isImport(s);
    if (out !== '') out += imp && previousImport ? '\n' : '\n\n';
    out += s.trimEnd();
    previousImport = imp;
  }
  return out;
}
