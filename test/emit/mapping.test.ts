/**
 * One test per XSD → TypeScript mapping rule: a small schema goes through the real front end and
 * the emitters; the emitted text must hold the expected declarations and descriptors, and every
 * emitted folder must compile (strict, nodenext, verbatimModuleSyntax, no Node types), which also
 * checks the descriptors against the runtime's `SchemaDescriptor` and `PortDescriptor` types.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAPPING_SCHEMAS } from './mapping-fixtures.js';
import { describeDiagnostics, emitted, forbiddenTypes, modelOf, Scratch, typecheckAll, wsdlAround, type Emitted } from './support/emit-fixture.js';

const scratch = new Scratch();

/** Consumer code compiled with some fixtures: what the types accept and what they reject. */
const USAGE: Readonly<Record<string, string>> = {
  choice: `import type { Root } from './index.js';
export const byName: Root = { common: 'c', byName: 'n' };
export const byNumber: Root = { common: 'c', byNumber: 1, checkDigit: 2, left: 'l' };
// @ts-expect-error two branches of the choice
export const both: Root = { common: 'c', byName: 'n', byNumber: 1 };
// @ts-expect-error no branch of a required choice
export const none: Root = { common: 'c' };
// @ts-expect-error two branches of the optional choice
export const twoOptional: Root = { common: 'c', byName: 'n', left: 'l', right: 'r' };
`,
  polymorphism: `import type { Root } from './index.js';
export const ok: Root = { shape: [{ $type: 'Circle', radius: 1 }, { $type: 'Square', side: 2 }], pet: { name: 'Rex' } };
export const dog: Root = { shape: [], pet: { $type: 'Dog', name: 'Rex', breed: 'collie' } };
// @ts-expect-error an abstract type needs $type
export const noType: Root = { shape: [{ radius: 1 }], pet: { name: 'Rex' } };
// @ts-expect-error a property of another derived type
export const wrong: Root = { shape: [{ $type: 'Circle', side: 1 }], pet: { name: 'Rex' } };
// @ts-expect-error a derived type's property without $type
export const untagged: Root = { shape: [], pet: { name: 'Rex', breed: 'collie' } };
`,
  substitution: `import type { Root } from './index.js';
export const ok: Root = { Vehicle: [{ $el: 'CarElement', value: { wheels: 4, doors: 5 } }, { $el: 'BikeElement', value: { wheels: 2 } }] };
// @ts-expect-error the abstract head cannot appear
export const head: Root = { Vehicle: [{ $el: 'VehicleElement', value: { wheels: 4 } }] };
`,
  enumerations: `import { StatusValues, type Root, type Status } from './index.js';
export const all: readonly Status[] = StatusValues;
export const ok: Root = { status: 'active', level: 2, flag: true, code: '7', color: 'red' };
// @ts-expect-error not an enumerated value
export const wrong: Root = { status: 'gone', level: 2, flag: true, code: '7', color: 'red' };
`,
};
const fixtures = new Map<string, Emitted>();

before(() => {
  for (const [name, body] of Object.entries(MAPPING_SCHEMAS)) {
    const output = name === 'names' ? 'Other' : 'Root';
    const model = modelOf(scratch, name, { 'test.wsdl': wsdlAround(body, 'Root', output) }, 'test.wsdl');
    const errors = model.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], `fixture ${name} has front-end errors`);
    const f = emitted(name, model);
    const usage = USAGE[name];
    // Consumer code: the valid values must compile, each invalid one must be an error
    // (an unused @ts-expect-error is itself an error).
    if (usage !== undefined) f.result.files.push({ path: 'usage.ts', content: usage });
    fixtures.set(name, f);
  }
  typecheckAll(scratch.dir, [...fixtures.values()]);
});

after(() => scratch.remove());

function fixture(name: string): Emitted {
  const f = fixtures.get(name);
  assert.ok(f !== undefined, `fixture ${name} was not emitted`);
  return f;
}

/** Asserts that `text` contains every snippet (whitespace as written). */
function contains(text: string, ...snippets: string[]): void {
  for (const s of snippets) assert.ok(text.includes(s), `expected to find:\n${s}\n--- in ---\n${text}`);
}

function compiles(f: Emitted): void {
  assert.equal(f.diagnostics.length, 0, `${f.name} does not compile:\n${describeDiagnostics(f.diagnostics)}`);
}

describe('XSD → TypeScript mapping', () => {
  test('minOccurs=0 → optional, maxOccurs>1 → array, nillable → | null; documentation → TSDoc', () => {
    const f = fixture('occurrences');
    contains(
      f.files['types.ts'],
      '/** A required string. */\n  required: string;',
      '  optional?: string;',
      '  many?: number[];',
      '  atLeastTwo: string[];',
      '  nothing: string | null;',
      '  nilMany: (string | null)[];',
      // documentation that would close the comment or start a tag is escaped
      'It ends *\\/ here @not-a-tag.',
    );
    contains(
      f.files['descriptors.ts'],
      "{ n: 'optional', t: 'xs:string', min: 0 }",
      "{ n: 'many', t: 'xs:int', min: 0, max: -1 }",
      "{ n: 'atLeastTwo', t: 'xs:string', min: 2, max: 5 }",
      "{ n: 'nothing', t: 'xs:string', nil: 1 }",
    );
    compiles(f);
  });

  test('extension → interface extends; restriction → a standalone interface; derived types → polymorphic union', () => {
    const f = fixture('extension');
    const types = f.files['types.ts'];
    contains(types, 'export interface Derived extends Base {\n  extra: boolean;\n}', 'export interface Restricted {\n  id: string;\n  version?: string;\n}');
    contains(types, "  | (Base & { $type?: 'Base'; extra?: never })", "  | (Derived & { $type: 'Derived' })", "  | (Restricted & { $type: 'Restricted' })");
    contains(f.files['descriptors.ts'], "q: 'Derived', b: 'Base', x: 'e', f: [{ n: 'extra', t: 'xs:boolean' }]", "b: 'Base',\n      x: 'r',");
    compiles(f);
  });

  test('abstract types and xsi:type → unions tagged by $type (required for derived types, whose properties the untagged declared type forbids)', () => {
    const f = fixture('polymorphism');
    const types = f.files['types.ts'];
    contains(
      types,
      "export type ShapeOrDerived =\n  | (Circle & { $type: 'Circle' })\n  | (Square & { $type: 'Square' });",
      "export type AnimalOrDerived =\n  | (Animal & { $type?: 'Animal'; breed?: never })\n  | (Dog & { $type: 'Dog' });",
      '  shape: ShapeOrDerived[];\n  pet: AnimalOrDerived;',
    );
    contains(f.files['descriptors.ts'], 'abs: 1');
    compiles(f);
  });

  test('choice → a union whose branches exclude each other (?: never); optional choice → an empty branch', () => {
    const f = fixture('choice');
    contains(
      f.files['types.ts'],
      'export type Root = {\n  common: string;\n} & (',
      '  | {\n    byName: string;\n    byNumber?: never;\n    checkDigit?: never;\n  }',
      '  | {\n    byNumber: number;\n    checkDigit?: number;\n    byName?: never;\n  }',
      '  | {\n    left?: never;\n    right?: never;\n  }',
    );
    contains(
      f.files['descriptors.ts'],
      "[{ n: 'byName', t: 'xs:string' }],",
      "{ c: [[{ n: 'left', t: 'xs:string' }], [{ n: 'right', t: 'xs:string' }]], min: 0 }",
    );
    compiles(f);
  });

  test('repeating choice → one ordered list of tagged items (wildcards as raw XML)', () => {
    const f = fixture('repeatingChoice');
    contains(f.files['types.ts'], "textOrNumberOrAny?: (rt.Tagged<'text', string> | rt.Tagged<'number', number> | rt.RawXml)[];");
    contains(
      f.files['descriptors.ts'],
      "l: 'textOrNumberOrAny'",
      "{ n: 'text', t: 'xs:string' }",
      "{ any: { m: 'not', u: ['', 'urn:volet:test:emit'], pc: 'lax' } }",
    );
    compiles(f);
  });

  test('mixed content → $content list of text and tagged elements', () => {
    const f = fixture('mixed');
    contains(f.files['types.ts'], "$content?: rt.MixedItem<rt.Tagged<'b', string> | rt.Tagged<'i', string>>[];", '  lang?: string;');
    contains(f.files['descriptors.ts'], 'mx: 1');
    compiles(f);
  });

  test('substitution groups → a union tagged by element key', () => {
    const f = fixture('substitution');
    contains(f.files['types.ts'], "Vehicle: (rt.Tagged<'BikeElement', VehicleTypeOrDerived> | rt.Tagged<'CarElement', CarType>)[];");
    contains(f.files['descriptors.ts'], "{ r: 'VehicleElement', max: -1, s: ['BikeElement', 'CarElement'] }", 'abs: 1');
    compiles(f);
  });

  test('enumerations → literal unions of the runtime value kind, plus a Values constant', () => {
    const f = fixture('enumerations');
    const types = f.files['types.ts'];
    contains(
      types,
      "export type Status = 'active' | 'retired' | 'it\\'s';",
      "export const StatusValues = ['active', 'retired', 'it\\'s'] as const;",
      ' * - `active`: In use.',
      'export type Level = 1 | 2 | 3;',
      'export const LevelValues = [1, 2, 3] as const;',
      'export type Flag = true;',
      // xs:integer values stay strings: no precision lost
      "export type BigCode = '10000000000000000001' | '7';",
      "export type RootColor = 'red' | 'blue';",
    );
    contains(f.files['descriptors.ts'], "enumeration: ['active', 'retired', 'it\\'s']");
    compiles(f);
  });

  test('built-ins → the runtime value shapes (big numbers as strings, binary as Uint8Array, QName)', () => {
    const f = fixture('builtins');
    contains(
      f.files['types.ts'],
      '  integer: string;\n  long: string;\n  decimal: string;\n  int: number;\n  double: number;\n  bool: boolean;',
      '  data: Uint8Array;\n  hex: Uint8Array;\n  qname: rt.QName;\n  tokens: string[];\n  anything: unknown;',
      'export type Numbers = number[];',
      'export type IntOrDate = number | string;',
    );
    assert.doesNotMatch(f.files['types.ts'], /\bBuffer\b/);
    contains(
      f.files['descriptors.ts'],
      "Numbers: { k: 'l', ns: 1, q: 'Numbers', item: 'xs:int' }",
      "IntOrDate: { k: 'u', ns: 1, q: 'IntOrDate', m: ['xs:int', 'xs:date'] }",
    );
    compiles(f);
  });

  test('xs:any → RawXml[]; xs:anyAttribute → attribute map', () => {
    const f = fixture('wildcards');
    contains(f.files['types.ts'], '  $any?: rt.RawXml[];', '  $attrs?: rt.AnyAttributes;');
    contains(f.files['descriptors.ts'], "{ any: { m: 'not', u: ['', 'urn:volet:test:emit'], pc: 'lax' }, min: 0, max: -1 }", "aa: { pc: 'skip' }");
    compiles(f);
  });

  test('property names: attribute vs element, reserved words, non-identifiers, __proto__; generated names avoid type names', () => {
    const f = fixture('names');
    const types = f.files['types.ts'];
    contains(
      types,
      '  id: string;',
      "  'first-name': string;",
      '  default: string;',
      '  class: string;',
      '  __proto__2?: string;',
      '  id2?: number;',
      '  idAttr?: string;',
      "  'first-nameAttr'?: string;",
      // `KindValues` is a schema type, so the enumeration constant of `Kind` takes the next free name
      'export const KindValues2 = [',
      'export interface KindValues {',
    );
    contains(
      f.files['descriptors.ts'],
      "{ p: '__proto__2', n: '__proto__', t: 'xs:string', min: 0 }",
      "{ p: 'id2', r: 'IdElement', min: 0 }",
      "{ p: 'idAttr', n: 'id', t: 'xs:string' }",
      "{ p: 'first-nameAttr', n: 'first-name', t: 'xs:string' }",
    );
    compiles(f);
  });

  test('simple content → $value plus attributes; extension keeps the value', () => {
    const f = fixture('simpleContent');
    contains(f.files['types.ts'], '  $value: string;\n  currency: string;', 'export interface TaggedAmount extends Amount {\n  tag?: string;\n}');
    contains(f.files['descriptors.ts'], "b: 'xs:decimal',\n      x: 'e',\n      sc: 'xs:decimal',");
    compiles(f);
  });

  test('every file starts with the @generated header and lint pragmas, and imports only @volet/runtime and generated files', () => {
    for (const f of fixtures.values()) {
      for (const [path, text] of Object.entries(f.files)) {
        assert.ok(text.startsWith('// @generated by volet test — do not edit\n// From test.wsdl (inputs sha256:0000000000000000)'), `${f.name}/${path}`);
        assert.match(text, /^\/\* eslint-disable \*\/$/m, `${f.name}/${path}`);
        assert.match(text, /^\/\/ biome-ignore-all lint: generated by volet$/m, `${f.name}/${path}`);
        for (const m of text.matchAll(/from '([^']+)'/g)) {
          // Siblings, the service's schemas folder, or another schema module (../<module>/types.js).
          assert.ok(m[1] === '@volet/runtime' || /^(?:\.\/|\.\.\/|\.\/schemas\/)(?:[a-z0-9-]+\/)?[a-z]+\.js$/.test(m[1]), `${f.name}/${path} imports ${m[1]}`);
        }
        assert.deepEqual(forbiddenTypes(text), [], `${f.name}/${path} uses any or a Node-only type`);
      }
    }
  });
});
