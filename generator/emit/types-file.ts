/**
 * `types.ts`: one declaration per emitted type — interfaces for complex types, literal unions
 * (plus a `<Name>Values` constant) for enumerations, aliases for other simple types — and a
 * polymorphic union per complex type that others derive from. Written as text by the printer
 * (print.ts).
 */
import { isBuiltin, splitQName, type ComplexTypeDefinition, type SimpleTypeDefinition, type TypeDefinition } from '../model/model.js';
import { fieldProps, UNBOUNDED, type AttributeField, type ComplexShape, type ElementField, type Field } from './content-shape.js';
import type { EmitContext } from './emit-context.js';
import { hasLiteralEnumeration } from './emit-context.js';
import { enumerable } from '../resolve/value-kind.js';
import { localOf } from './schema-index.js';
import { interfaceText, typeAliasText } from './print.js';
import { code, docComment, docText, DOC_WIDTH, joinDocs, propertyKey, quote } from './ts-text.js';
import { arrayOf, hasTopLevelOperator, type ExpressionScope } from './type-expressions.js';

/** The scope of expressions written in the types.ts of `module`. */
const scope = (module: string): ExpressionScope => ({ types: '', runtime: 'rt.', module, imports: new Map() });

/** One member of an object type. */
interface Member {
  name: string;
  type: string;
  optional: boolean;
  doc?: string | undefined;
}

/** The statements of types.ts and whether they use the runtime namespace. */
export interface TypesStatements {
  statements: string[];
  usesRuntime: boolean;
  /** Number of declarations for emitted schema types. */
  typeCount: number;
}

/** Builds the statements of the types.ts of one schema module. */
export function typesStatements(ctx: EmitContext, module: string): TypesStatements {
  const s = scope(module);
  const body: string[] = [];
  let typeCount = 0;
  for (const t of ctx.index.types) {
    if (ctx.exprs.moduleOf(t.id) !== module) continue;
    typeCount++;
    if (t.kind === 'simple') body.push(...simpleType(ctx, t, s));
    else body.push(...complexType(ctx, t, s));
  }
  const statements: string[] = [];
  if (s.usedRuntime === true) {
    statements.push("import type * as rt from '@volet/runtime';");
  }
  statements.push(...moduleImports(s, '..'));
  if (body.length === 0) statements.push('export {};');
  statements.push(...body);
  return { statements, usesRuntime: s.usedRuntime === true, typeCount };
}

/** Longest union written on one line; longer ones get one member per line. */
const UNION_WIDTH = 90;

/**
 * A union of type expressions: on one line when short, else one `| member` per line at `indent`,
 * ending with a line break back to `indent` (so it reads well between brackets).
 */
export function unionOf(members: readonly string[], indent = '  '): string {
  const one = members.join(' | ');
  if (one.length <= UNION_WIDTH || members.length < 2) return one;
  return `${members.map((m) => `\n${indent}  | ${m}`).join('')}\n${indent}`;
}

/** `import type { … } from '<base>/<module>/types.js'` for the names a file took from schema modules, by module name; one name per line when long. */
export function moduleImports(s: ExpressionScope, base: string): string[] {
  const out: string[] = [];
  for (const module of [...(s.imports ?? new Map<string, Set<string>>()).keys()].sort()) {
    const names = [...(s.imports?.get(module) ?? [])].sort();
    const from = `from '${base}/${module}/types.js';`;
    const one = `import type { ${names.join(', ')} } ${from}`;
    out.push(one.length <= DOC_WIDTH ? one : `import type {\n${names.map((n) => `  ${n},`).join('\n')}\n} ${from}`);
  }
  return out;
}

// ───────────────────────────────────────────── simple types ──

function simpleType(ctx: EmitContext, t: SimpleTypeDefinition, s: ExpressionScope): string[] {
  const doc = joinDocs(typeDoc(ctx, t), origin(t), facetDoc(t));
  const kind = ctx.exprs.simpleKind(t);
  if (hasLiteralEnumeration(t, ctx.exprs) && enumerable(kind)) {
    const values = literalValues(t.facets.enumeration ?? [], kind);
    const constName = t.valuesName;
    if (constName === undefined) throw new Error(`no values name allocated for ${t.id}`);
    const enumDocs = enumerationDoc(t);
    const typeText = values.length <= 4 ? ` ${values.join(' | ')}` : values.map((v) => `\n  | ${v}`).join('');
    const constText = values.length <= 4 ? `[${values.join(', ')}]` : `[\n${values.map((v) => `  ${v},`).join('\n')}\n]`;
    return [
      `${docComment(joinDocs(doc, enumDocs, `The values, in schema order: {@link ${constName}}.`))}export type ${t.tsName} =${typeText};`,
      `${docComment(`The values of {@link ${t.tsName}}, in schema order.`)}export const ${constName} = ${constText} as const;`,
    ];
  }
  let type: string;
  const qnames = kind === 'qname' ? clarkLiterals(t.facets.enumeration ?? []) : null;
  if (qnames !== null) {
    const text = qnames.length <= 2 ? ` ${qnames.join(' | ')}` : qnames.map((q) => `\n  | ${q}`).join('');
    return [`${docComment(joinDocs(doc, enumerationDoc(t)))}export type ${t.tsName} =${text};`];
  }
  if (t.variety === 'list') {
    type = arrayOf(t.itemType === undefined ? 'string' : ctx.exprs.expression(t.itemType, s));
  } else if (t.variety === 'union') {
    const refs = t.memberTypes ?? [];
    const hasString = refs.some((m) => ctx.exprs.expression(m, { types: '', runtime: 'rt.' }) === 'string');
    // `string` already holds the string literals of an enumerated member (xml:lang's `language | ''` is a string).
    const kept = hasString ? refs.filter((m) => !isStringLiterals(ctx, m)) : refs;
    const members = [...new Set(kept.map((m) => ctx.exprs.expression(m, s)))];
    type = members.length === 0 ? 'string' : unionOf(members, '');
  } else {
    type = t.base === null ? 'string' : ctx.exprs.expression(t.base, s);
  }
  return [typeAliasText(t.tsName, type, doc)];
}

/** True when a union member is a simple type written as string literals (an enumeration of strings). */
function isStringLiterals(ctx: EmitContext, ref: string): boolean {
  const m = ctx.index.type(ref);
  return m !== undefined && m.kind === 'simple' && hasLiteralEnumeration(m, ctx.exprs) && ctx.exprs.simpleKind(m) === 'string';
}

/** Enumeration values as TypeScript literals, deduplicated, for the value kind of the type. */
function literalValues(values: readonly string[], kind: 'string' | 'number' | 'boolean'): string[] {
  const out: string[] = [];
  for (const v of values) {
    let lit: string;
    if (kind === 'number') {
      const n = Number(v.trim());
      lit = v.trim() === 'INF' ? 'number' : Number.isFinite(n) ? String(n) : 'number';
    } else if (kind === 'boolean') {
      lit = v.trim() === 'true' || v.trim() === '1' ? 'true' : 'false';
    } else {
      lit = quote(v);
    }
    if (!out.includes(lit)) out.push(lit);
  }
  return out.includes('number') ? ['number'] : out;
}

/**
 * QName enumeration values as literal `QName` object types, when every value is in Clark notation
 * (`{namespace}local`); null otherwise (values still written with a prefix cannot be resolved here).
 */
function clarkLiterals(values: readonly string[]): string[] | null {
  if (values.length === 0) return null;
  const out: string[] = [];
  for (const v of values) {
    const m = /^\{([^}]*)\}(.+)$/.exec(v);
    if (m === null) return null;
    out.push(`{ readonly namespace: ${quote(m[1] ?? '')}; readonly local: ${quote(m[2] ?? '')} }`);
  }
  return [...new Set(out)];
}

function enumerationDoc(t: SimpleTypeDefinition): string | undefined {
  const docsByValue = t.facets.enumerationDocs;
  if (docsByValue === undefined) return undefined;
  const lines: string[] = [];
  for (const v of t.facets.enumeration ?? []) {
    const d = docText(docsByValue[v]);
    if (d !== undefined) lines.push(`- ${code(v)}: ${d.replace(/\n+/g, ' ')}`);
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}

function facetDoc(t: SimpleTypeDefinition): string | undefined {
  const f = t.facets;
  const lines: string[] = [];
  for (const p of f.pattern ?? []) lines.push(`Pattern: ${code(p)}.`);
  if (f.length !== undefined) lines.push(`Length: ${f.length}.`);
  if (f.minLength !== undefined || f.maxLength !== undefined) {
    lines.push(`Length: ${f.minLength ?? 0} to ${f.maxLength ?? 'unbounded'}.`);
  }
  const bounds: string[] = [];
  if (f.minInclusive !== undefined) bounds.push(`≥ ${f.minInclusive}`);
  if (f.minExclusive !== undefined) bounds.push(`> ${f.minExclusive}`);
  if (f.maxInclusive !== undefined) bounds.push(`≤ ${f.maxInclusive}`);
  if (f.maxExclusive !== undefined) bounds.push(`< ${f.maxExclusive}`);
  if (bounds.length > 0) lines.push(`Range: ${bounds.join(', ')}.`);
  if (f.totalDigits !== undefined) lines.push(`Total digits: ${f.totalDigits}.`);
  if (f.fractionDigits !== undefined) lines.push(`Fraction digits: ${f.fractionDigits}.`);
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** Where the type comes from, for its TSDoc (in XML terms: the ids of anonymous types are internal). */
function origin(t: TypeDefinition): string {
  const what = t.kind === 'simple' ? 'simple type' : 'complex type';
  if (t.name !== null) return `XML Schema ${what} ${code(t.name)}.`;
  const element = globalElementOf(t);
  if (element !== null) return `The anonymous ${what} of global element ${code(element)}.`;
  const attribute = globalAttributeOf(t);
  if (attribute !== null) return `The anonymous ${what} of global attribute ${code(attribute)}.`;
  const { namespace, local } = splitQName(t.id);
  const owner = local.split(/[/~]/)[0]?.replace(/^@/, '') ?? '';
  const where = local.startsWith('@') ? 'global attribute' : /^[^/~]+~/.test(local) ? 'global element' : 'type';
  return `An anonymous XML Schema ${what} declared inside ${where} ${code(`{${namespace}}${owner}`)}.`;
}

/** The global element whose anonymous type `t` is (`{ns}Name~`), or null. */
function globalElementOf(t: TypeDefinition): string | null {
  const m = /^(\{[^}]*\})([^/~@][^/~]*)~$/.exec(t.id);
  return m === null ? null : `${m[1]}${m[2]}`;
}

/** The global attribute whose anonymous type `t` is (`{ns}@name~`), or null. */
function globalAttributeOf(t: TypeDefinition): string | null {
  const m = /^(\{[^}]*\})@([^/~]+)~$/.exec(t.id);
  return m === null ? null : `${m[1]}${m[2]}`;
}

/** A type's documentation: its own, else (anonymous type of a global element) the element's. */
function typeDoc(ctx: EmitContext, t: TypeDefinition): string | undefined {
  if (t.documentation !== undefined) return docText(t.documentation);
  const element = globalElementOf(t);
  return element === null ? undefined : docText(ctx.index.element(element)?.documentation);
}

// ───────────────────────────────────────────── complex types ──

function complexType(ctx: EmitContext, t: ComplexTypeDefinition, s: ExpressionScope): string[] {
  const shape = ctx.shapes.shape(t);
  const out: string[] = [];
  const notes: string[] = [];
  if (t.abstract) notes.push('Abstract: a value names a concrete derived type in `$type`.');
  const union = ctx.exprs.unionName(t);
  if (union !== undefined) notes.push(`Where this type is declared, values are typed {@link ${union}}.`);
  const doc = joinDocs(typeDoc(ctx, t), origin(t), notes.join('\n') || undefined);

  const members = plainMembers(ctx, shape, s);
  const choices = shape.fields.filter((f) => f.kind === 'choice').map((f) => choiceText(ctx, f, s, ''));
  const base = shape.extends;
  let baseText: string | null = null;
  if (base !== null) {
    baseText = ctx.exprs.refer(base, base.tsName, s);
    const baseShape = ctx.shapes.shape(base);
    if (shape.mixed && baseShape.mixed) baseText = `Omit<${baseText}, '$content'>`;
  }
  if (choices.length === 0 && (base === null || !needsAlias(ctx, base))) {
    const properties = members.map((m) => ({ key: propertyKey(m.name), type: m.type, optional: m.optional, doc: m.doc }));
    out.push(interfaceText(t.tsName, baseText === null ? [] : [baseText], properties, doc));
  } else {
    const parts: string[] = [];
    if (baseText !== null) parts.push(baseText);
    if (members.length > 0 || parts.length === 0) parts.push(objectText(members, ''));
    for (const c of choices) parts.push(`(${c})`);
    out.push(`${docComment(doc)}export type ${t.tsName} = ${parts.join(' & ')};`);
  }
  if (union !== undefined) out.push(unionText(ctx, t, union, s));
  return out;
}

/** True when a complex type is written as a type alias (it or a base has a choice), so types deriving from it are too. */
function needsAlias(ctx: EmitContext, t: ComplexTypeDefinition): boolean {
  for (let cur: ComplexTypeDefinition | null = t, guard = 0; cur !== null && guard < 100; guard++) {
    const shape = ctx.shapes.shape(cur);
    if (shape.fields.some((f) => f.kind === 'choice')) return true;
    cur = shape.extends;
  }
  return false;
}

function unionText(ctx: EmitContext, t: ComplexTypeDefinition, union: string, s: ExpressionScope): string {
  const variants = ctx.exprs.concreteVariants(t);
  // Without `$type` a value is the declared type: the derived types' own properties are forbidden
  // there, or a derived value written without its `$type` would type-check and lose them.
  const own = ctx.shapes.shape(t).props;
  const foreign: string[] = [];
  for (const v of variants) {
    if (v.id === t.id) continue;
    for (const p of ctx.shapes.shape(v).props) if (!own.has(p) && !foreign.includes(p)) foreign.push(p);
  }
  // One member per line: the forbidden properties of a large hierarchy would make one very long line.
  const never = foreign.map((p) => `\n      ${propertyKey(p)}?: never;`).join('');
  const lines = variants.map((v) => {
    const name = ctx.exprs.refer(v, v.tsName, s);
    if (v.id !== t.id) return `\n  | (${name} & { $type: ${quote(v.tsName)} })`;
    const one = `\n  | (${name} & { $type?: ${quote(v.tsName)}${foreign.map((p) => `; ${propertyKey(p)}?: never`).join('')} })`;
    return one.length <= DOC_WIDTH ? one : `\n  | (${name} & {\n      $type?: ${quote(v.tsName)};${never}\n    })`;
  });
  const doc = joinDocs(
    `${code(t.tsName)}${t.abstract ? ' (abstract)' : ''} or a type derived from it, told apart by \`$type\` (written as \`xsi:type\`).`,
    t.abstract ? 'A value must name its concrete type in `$type`.' : `Without \`$type\`, the value is a {@link ${t.tsName}}.`,
  );
  return `${docComment(doc)}export type ${union} =${lines.join('')};`;
}

/** The members that are always there (not inside a choice): elements, wildcards, lists, special members, attributes. */
function plainMembers(ctx: EmitContext, shape: ComplexShape, s: ExpressionScope): Member[] {
  const members: Member[] = [];
  if (shape.simpleContent !== null && (shape.extends === null || shape.type.content.kind === 'simple')) {
    const inherited = shape.extends !== null && ctx.shapes.shape(shape.extends).simpleContent === shape.simpleContent;
    if (!inherited) members.push({ name: '$value', type: ctx.exprs.expression(shape.simpleContent, s), optional: false, doc: 'The text content.' });
  }
  if (shape.mixed) {
    const baseMixed = shape.extends !== null && ctx.shapes.shape(shape.extends).mixed;
    if (!baseMixed || shape.fields.length > 0) {
      const items = shape.elements.flatMap((e) => taggedItems(ctx, e, s, true));
      s.usedRuntime = true;
      const itemType = items.length === 0 ? 'never' : unionOf([...new Set(items)]);
      members.push({
        name: '$content',
        type: `${s.runtime}MixedItem<${itemType}>[]`,
        optional: true,
        doc: 'Mixed content: text and child elements, in document order.',
      });
    }
  } else {
    for (const f of shape.fields) if (f.kind !== 'choice') members.push(fieldMember(ctx, f, s));
  }
  for (const a of shape.attributes) members.push(attributeMember(ctx, a, s));
  if (shape.anyAttribute !== null && (shape.extends === null || ctx.shapes.shape(shape.extends).anyAttribute === null)) {
    s.usedRuntime = true;
    members.push({
      name: '$attrs',
      type: `${s.runtime}AnyAttributes`,
      optional: true,
      doc: 'Attributes matched by `xs:anyAttribute`, by Clark name `{namespace}local`.',
    });
  }
  return members;
}

function attributeMember(ctx: EmitContext, a: AttributeField, s: ExpressionScope): Member {
  const notes: string[] = [];
  if (a.prop !== a.local) notes.push(`XML attribute ${code(a.namespace === '' ? a.local : `{${a.namespace}}${a.local}`)}.`);
  if (a.fixed !== undefined) notes.push(`Fixed value: ${code(a.fixed)}.`);
  else if (a.default !== undefined) notes.push(`Default value: ${code(a.default)}.`);
  return {
    name: a.prop,
    type: ctx.exprs.expression(a.type, s),
    optional: !a.required,
    doc: joinDocs(docText(a.documentation), notes.join('\n') || undefined),
  };
}

/** The member of a non-choice field. */
function fieldMember(ctx: EmitContext, f: Exclude<Field, { kind: 'choice' }>, s: ExpressionScope): Member {
  if (f.kind === 'any') {
    s.usedRuntime = true;
    return { name: f.prop, type: `${s.runtime}RawXml[]`, optional: f.min === 0, doc: 'Elements matched by `xs:any`, as raw XML.' };
  }
  if (f.kind === 'list') {
    const items: string[] = [];
    for (const item of f.items) {
      if (item.kind === 'any') {
        s.usedRuntime = true;
        items.push(`${s.runtime}RawXml`);
      } else items.push(...taggedItems(ctx, item, s, true));
    }
    const tags = f.items.filter((i): i is ElementField => i.kind === 'element').map((i) => code(i.local));
    return {
      name: f.prop,
      type: items.length === 0 ? 'never[]' : `(${unionOf([...new Set(items)])})[]`,
      optional: f.min === 0,
      doc: `A repeating group, in document order: ${tags.join(', ')}${f.items.some((i) => i.kind === 'any') ? ' and wildcard elements' : ''}.`,
    };
  }
  return elementMember(ctx, f, s);
}

function elementMember(ctx: EmitContext, f: ElementField, s: ExpressionScope): Member {
  let value: string;
  if (f.substitutes !== null) {
    value = unionOf(taggedItems(ctx, f, s, false));
  } else {
    value = valueType(ctx, f.type, f.nillable, s);
  }
  const type = f.max === 1 ? value : arrayOf(value);
  const notes: string[] = [];
  if (f.prop !== f.local) notes.push(`XML element ${code(f.namespace === '' ? f.local : `{${f.namespace}}${f.local}`)}.`);
  if (f.substitutes !== null) notes.push('A substitution group: `$el` names the element used.');
  if (f.fixed !== undefined) notes.push(`Fixed value: ${code(f.fixed)}.`);
  else if (f.default !== undefined) notes.push(`Default value: ${code(f.default)}.`);
  if (f.max !== 1 && (f.min > 1 || f.max !== UNBOUNDED)) notes.push(`Occurs ${f.min} to ${f.max === UNBOUNDED ? 'unbounded' : f.max} times.`);
  return { name: f.prop, type, optional: f.min === 0, doc: joinDocs(docText(f.documentation), notes.join('\n') || undefined) };
}

/** `T`, or `T | null` for a nillable element. */
function valueType(ctx: EmitContext, ref: string, nillable: boolean, s: ExpressionScope): string {
  const t = ctx.exprs.elementValue(ref, s);
  return nillable && t !== 'unknown' ? `${hasTopLevelOperator(t) ? `(${t})` : t} | null` : t;
}

/**
 * The tagged items an element contributes to a list, mixed content or a substitution group:
 * `rt.Tagged<tag, value>`, one per substitutable element (tag = its element key) or one for the
 * element itself (tag = its property name in lists and mixed content).
 */
function taggedItems(ctx: EmitContext, f: ElementField, s: ExpressionScope, inList: boolean): string[] {
  s.usedRuntime = true;
  if (f.substitutes !== null) {
    return f.substitutes.map((m) => `${s.runtime}Tagged<${quote(m.tsName)}, ${valueType(ctx, m.type, m.nillable, s)}>`);
  }
  const tag = inList ? f.prop : f.local;
  return [`${s.runtime}Tagged<${quote(tag)}, ${valueType(ctx, f.type, f.nillable, s)}>`];
}

/** A choice as a union of branch objects; each branch forbids (`?: never`) the other branches' properties. */
function choiceText(ctx: EmitContext, choice: Extract<Field, { kind: 'choice' }>, s: ExpressionScope, indent: string): string {
  const branchProps = choice.branches.map((b) => fieldProps(b));
  const all = [...new Set(branchProps.flat())];
  const variants: string[] = [];
  choice.branches.forEach((branch, i) => {
    const members: Member[] = [];
    const nested: string[] = [];
    for (const f of branch) {
      if (f.kind === 'choice') nested.push(choiceText(ctx, f, s, `${indent}  `));
      else members.push(fieldMember(ctx, f, s));
    }
    for (const p of all) {
      if (!branchProps[i].includes(p)) members.push({ name: p, type: 'never', optional: true });
    }
    const parts = [objectText(members, `${indent}  `), ...nested.map((n) => `(${n})`)];
    variants.push(parts.join(' & '));
  });
  if (choice.min === 0 && !choice.branches.some((b) => b.length === 0)) {
    variants.push(
      objectText(
        all.map((p) => ({ name: p, type: 'never', optional: true })),
        `${indent}  `,
      ),
    );
  }
  return [...new Set(variants)].map((v) => `\n${indent}  | ${v}`).join('') + `\n${indent}`;
}

/** An object type literal, one member per line, at `indent`. */
function objectText(members: readonly Member[], indent: string): string {
  if (members.length === 0) return '{}';
  const lines = members.map((m) => `${docComment(m.doc, `${indent}  `)}${indent}  ${propertyKey(m.name)}${m.optional ? '?' : ''}: ${m.type};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** Local name of a built-in or model type reference, for messages. */
export function refName(ref: string): string {
  return isBuiltin(ref) ? `xs:${localOf(ref)}` : ref;
}
