/**
 * The emitted descriptors drive the runtime codec: for several mapping fixtures, an XML instance
 * decodes (strict mode) into a value whose property names are the ones types.ts declares, and
 * encoding that value gives the instance back. This ties `types.ts`, `descriptors.ts` and the
 * runtime together: a property named one way in the types and another in the descriptors fails.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { elementRef, type SchemaDescriptor } from '@volet/runtime';
import { decode, encode } from '@volet/runtime/codec';
import { schemaDescriptorData } from '../../generator/emit/descriptors-file.js';
import { createEmitContext } from '../../generator/emit/emit-context.js';
import { MAPPING_SCHEMAS } from './mapping-fixtures.js';
import { modelOf, Scratch, TNS, wsdlAround } from './support/emit-fixture.js';

const scratch = new Scratch('volet-roundtrip-');
after(() => scratch.remove());

/** The schema descriptor emitted for a mapping fixture, as the runtime receives it. */
function schemaOf(name: string): SchemaDescriptor {
  const model = modelOf(scratch, name, { 'test.wsdl': wsdlAround(MAPPING_SCHEMAS[name] ?? '') }, 'test.wsdl');
  // The emitted literal is plain data of the SchemaDescriptor shape (descriptors.ts is type-checked against it).
  return schemaDescriptorData(createEmitContext(model)) as unknown as SchemaDescriptor;
}

/** Decodes `xml` as element `Root`, checks the value, re-encodes it and compares with `xml`. */
function roundTrip(name: string, xml: string, expected: unknown): void {
  const ref = elementRef<unknown>(schemaOf(name), 'RootElement');
  const value = decode(ref, xml, { mode: 'strict' });
  assert.deepEqual(value, expected);
  assert.equal(encode(ref, value, { prefixes: { [TNS]: 't' } }), xml);
}

const root = (body: string, attrs = ''): string => `<t:Root xmlns:t="${TNS}"${attrs}>${body}</t:Root>`;

describe('emitted descriptors through the runtime codec', () => {
  test('occurrences: optional, arrays, nil', () => {
    roundTrip(
      'occurrences',
      `<t:Root xmlns:t="${TNS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><t:required>r</t:required>` +
        '<t:many>1</t:many><t:many>2</t:many><t:atLeastTwo>a</t:atLeastTwo><t:atLeastTwo>b</t:atLeastTwo>' +
        '<t:nothing xsi:nil="true"/><t:nilMany>x</t:nilMany></t:Root>',
      { required: 'r', many: [1, 2], atLeastTwo: ['a', 'b'], nothing: null, nilMany: ['x'] },
    );
  });

  test('choice: the chosen branch only', () => {
    roundTrip('choice', root('<t:common>c</t:common><t:byNumber>7</t:byNumber><t:right>r</t:right>'), { common: 'c', byNumber: 7, right: 'r' });
  });

  test('repeating choice: one ordered list of tagged items', () => {
    roundTrip('repeatingChoice', root('<t:number>1</t:number><t:text>a</t:text><t:number>2</t:number>'), {
      textOrNumberOrAny: [
        { $el: 'number', value: 1 },
        { $el: 'text', value: 'a' },
        { $el: 'number', value: 2 },
      ],
    });
  });

  test('mixed content: text and tagged elements in order', () => {
    roundTrip('mixed', root('Hello <t:b>big</t:b> world', ' lang="fr"'), {
      lang: 'fr',
      $content: ['Hello ', { $el: 'b', value: 'big' }, ' world'],
    });
  });

  test('substitution group: tagged by element key', () => {
    roundTrip('substitution', root('<t:Car><t:wheels>4</t:wheels><t:doors>5</t:doors></t:Car><t:Bike><t:wheels>2</t:wheels></t:Bike>'), {
      Vehicle: [
        { $el: 'CarElement', value: { wheels: 4, doors: 5 } },
        { $el: 'BikeElement', value: { wheels: 2 } },
      ],
    });
  });

  test('xsi:type: $type names the derived type', () => {
    roundTrip(
      'polymorphism',
      `<t:Root xmlns:t="${TNS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        '<t:shape xsi:type="t:Circle"><t:radius>1.5</t:radius></t:shape><t:pet><t:name>Rex</t:name></t:pet></t:Root>',
      { shape: [{ $type: 'Circle', radius: 1.5 }], pet: { name: 'Rex' } },
    );
  });

  test('renamed properties: attribute vs element, non-identifier names, __proto__', () => {
    const value = decode(
      elementRef<Record<string, unknown>>(schemaOf('names'), 'RootElement'),
      root(
        '<t:id>e</t:id><t:first-name>f</t:first-name><t:default>d</t:default><t:class>c</t:class><t:__proto__>p</t:__proto__><t:id>5</t:id>',
        ' id="a" first-name="g"',
      ),
      { mode: 'strict' },
    );
    assert.equal(value.id, 'e');
    assert.equal(value.idAttr, 'a');
    assert.equal(value['first-name'], 'f');
    assert.equal(value['first-nameAttr'], 'g');
    assert.equal(value.__proto__2, 'p');
    assert.equal(value.id2, 5);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  test('simple content: $value and attributes', () => {
    roundTrip('simpleContent', root('<t:total currency="EUR" tag="x">12.50</t:total>'), { total: { $value: '12.50', currency: 'EUR', tag: 'x' } });
  });
});
