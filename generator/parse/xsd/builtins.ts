/**
 * The XML Schema 1.0 built-in types (Part 2, §3): each one's base and, for atomic types, its primitive.
 * `anyAtomicType` (XSD 1.1) is accepted too, since some schemas use it.
 */

/** What volet knows of one built-in type. */
export interface BuiltinType {
  /** Local name in the XML Schema namespace. */
  name: string;
  /** The built-in it is derived from (`null` for `anyType`). */
  base: string | null;
  variety: 'complex' | 'atomic' | 'list' | 'special';
  /** The primitive it derives from (itself for primitives); `null` for lists and the special types. */
  primitive: string | null;
  /** For built-in lists: the item type. */
  itemType?: string;
}

const PRIMITIVES = [
  'string',
  'boolean',
  'decimal',
  'float',
  'double',
  'duration',
  'dateTime',
  'time',
  'date',
  'gYearMonth',
  'gYear',
  'gMonthDay',
  'gDay',
  'gMonth',
  'hexBinary',
  'base64Binary',
  'anyURI',
  'QName',
  'NOTATION',
] as const;

/** Derived atomic built-ins: name → base. */
const DERIVED: ReadonlyArray<readonly [string, string]> = [
  ['normalizedString', 'string'],
  ['token', 'normalizedString'],
  ['language', 'token'],
  ['NMTOKEN', 'token'],
  ['Name', 'token'],
  ['NCName', 'Name'],
  ['ID', 'NCName'],
  ['IDREF', 'NCName'],
  ['ENTITY', 'NCName'],
  ['integer', 'decimal'],
  ['nonPositiveInteger', 'integer'],
  ['negativeInteger', 'nonPositiveInteger'],
  ['long', 'integer'],
  ['int', 'long'],
  ['short', 'int'],
  ['byte', 'short'],
  ['nonNegativeInteger', 'integer'],
  ['unsignedLong', 'nonNegativeInteger'],
  ['unsignedInt', 'unsignedLong'],
  ['unsignedShort', 'unsignedInt'],
  ['unsignedByte', 'unsignedShort'],
  ['positiveInteger', 'nonNegativeInteger'],
];

const LISTS: ReadonlyArray<readonly [string, string]> = [
  ['NMTOKENS', 'NMTOKEN'],
  ['IDREFS', 'IDREF'],
  ['ENTITIES', 'ENTITY'],
];

function buildTable(): Map<string, BuiltinType> {
  const table = new Map<string, BuiltinType>();
  table.set('anyType', { name: 'anyType', base: null, variety: 'complex', primitive: null });
  table.set('anySimpleType', { name: 'anySimpleType', base: 'anyType', variety: 'special', primitive: null });
  table.set('anyAtomicType', { name: 'anyAtomicType', base: 'anySimpleType', variety: 'special', primitive: null });
  for (const p of PRIMITIVES) table.set(p, { name: p, base: 'anySimpleType', variety: 'atomic', primitive: p });
  for (const [name, base] of DERIVED) {
    const primitive = table.get(base)?.primitive ?? null;
    table.set(name, { name, base, variety: 'atomic', primitive });
  }
  for (const [name, item] of LISTS) table.set(name, { name, base: 'anySimpleType', variety: 'list', primitive: null, itemType: item });
  return table;
}

/** Every built-in type by local name. */
export const BUILTIN_TYPES: ReadonlyMap<string, BuiltinType> = buildTable();

/** The built-in for a local name in the XML Schema namespace, if it is one. */
export function builtinType(local: string): BuiltinType | undefined {
  return BUILTIN_TYPES.get(local);
}
