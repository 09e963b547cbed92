/**
 * One test per value-mapping rule of docs/mapping.md, each with a tiny descriptor.
 * Documents are written exactly as the encoder writes them (prefix ns1 for urn:test, declarations
 * on the root), so that decode → encode can be checked byte for byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError, EncodeError, XmlError, elementRef, type ElementRef, type SchemaDescriptor } from '@volet/runtime';
import { decode, decodeAsync, encode } from '@volet/runtime/codec';
import { xmlDifference } from './support/compare.js';

const T = 1;
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const schema: SchemaDescriptor = {
  v: 1,
  ns: ['', 'urn:test', 'urn:other'],
  prefixes: ['', 'ns1', 'o'],
  types: {
    // xs:choice: properties of the chosen branch only.
    Choice: {
      k: 'c',
      ns: T,
      q: 'Choice',
      f: [
        {
          c: [
            [{ n: 'a', t: 'xs:string' }],
            [
              { n: 'b', t: 'xs:int' },
              { n: 'c', t: 'xs:string', min: 0 },
            ],
          ],
        },
      ],
    },
    // A repeating choice: an ordered list of tagged items.
    Repeating: {
      k: 'c',
      ns: T,
      q: 'Repeating',
      f: [
        { n: 'head', t: 'xs:string' },
        {
          l: 'items',
          f: [
            { n: 'a', t: 'xs:string' },
            { n: 'b', t: 'xs:int' },
          ],
        },
      ],
    },
    // Mixed content.
    Para: {
      k: 'c',
      ns: T,
      q: 'Para',
      mx: 1,
      f: [
        { n: 'b', t: 'xs:string', min: 0, max: -1 },
        { n: 'i', t: 'xs:string', min: 0, max: -1 },
      ],
    },
    // Extension and xsi:type.
    Animal: { k: 'c', ns: T, q: 'Animal', f: [{ n: 'name', t: 'xs:string' }] },
    Dog: { k: 'c', ns: T, q: 'Dog', b: 'Animal', x: 'e', f: [{ n: 'breed', t: 'xs:string' }], a: [{ n: 'good', t: 'xs:boolean' }] },
    // Abstract type.
    Shape: { k: 'c', ns: T, q: 'Shape', abs: 1, a: [{ n: 'id', t: 'xs:string', req: 1 }] },
    Circle: { k: 'c', ns: T, q: 'Circle', b: 'Shape', x: 'e', f: [{ n: 'radius', t: 'xs:double' }] },
    Square: { k: 'c', ns: T, q: 'Square', b: 'Shape', x: 'e', f: [{ n: 'side', t: 'xs:double' }] },
    Drawing: {
      k: 'c',
      ns: T,
      q: 'Drawing',
      f: [{ r: 'shapeHead', min: 0, max: -1, s: ['circle', 'square'] }],
    },
    // Nillable.
    Nils: {
      k: 'c',
      ns: T,
      q: 'Nils',
      f: [
        { n: 'x', t: 'xs:int', nil: 1 },
        { n: 'y', t: 'Animal', nil: 1, min: 0 },
        { n: 'z', t: 'xs:string', min: 0 },
      ],
    },
    // Wildcards.
    Open: {
      k: 'c',
      ns: T,
      q: 'Open',
      f: [
        { n: 'known', t: 'xs:string' },
        { any: { m: 'not', u: ['urn:test'], pc: 'lax' }, min: 0, max: -1 },
      ],
      aa: { m: 'not', u: [''] },
      a: [{ n: 'version', t: 'xs:string' }],
    },
    // Simple types.
    IntList: { k: 'l', item: 'xs:int' },
    Status: { k: 's', b: 'xs:string', f: { enumeration: ['unknown', 'n/a'] } },
    IntOrStatus: { k: 'u', m: ['xs:int', 'Status'] },
    Code: { k: 's', b: 'xs:string', f: { pattern: ['[A-Z]{2}[0-9]{3}'], maxLength: 5 } },
    Values: {
      k: 'c',
      ns: T,
      q: 'Values',
      f: [
        { n: 'qname', t: 'xs:QName', min: 0 },
        { n: 'list', t: 'IntList', min: 0 },
        { n: 'tokens', t: 'xs:NMTOKENS', min: 0 },
        { n: 'union', t: 'IntOrStatus', min: 0, max: -1 },
        { n: 'b64', t: 'xs:base64Binary', min: 0 },
        { n: 'hex', t: 'xs:hexBinary', min: 0 },
        { n: 'long', t: 'xs:long', min: 0 },
        { n: 'ulong', t: 'xs:unsignedLong', min: 0 },
        { n: 'integer', t: 'xs:integer', min: 0 },
        { n: 'decimal', t: 'xs:decimal', min: 0 },
        { n: 'int', t: 'xs:int', min: 0 },
        { n: 'short', t: 'xs:short', min: 0 },
        { n: 'double', t: 'xs:double', min: 0, max: -1 },
        { n: 'bool', t: 'xs:boolean', min: 0, max: -1 },
        { n: 'dateTime', t: 'xs:dateTime', min: 0 },
        { n: 'date', t: 'xs:date', min: 0 },
        { n: 'duration', t: 'xs:duration', min: 0 },
        { n: 'code', t: 'Code', min: 0 },
        { n: 'text', t: 'xs:string', min: 0 },
      ],
    },
    // Attribute and element with the same name: the descriptor names the properties apart.
    Clash: { k: 'c', ns: T, q: 'Clash', f: [{ n: 'id', t: 'xs:string' }], a: [{ n: 'id', p: 'idAttr', t: 'xs:string' }] },
    // Unqualified local elements (elementFormDefault="unqualified").
    Unq: {
      k: 'c',
      ns: T,
      q: 'Unq',
      f: [
        { n: 'child', ns: 0, t: 'xs:string' },
        { n: 'qual', t: 'xs:string' },
      ],
    },
    // xs:all.
    All: {
      k: 'c',
      ns: T,
      q: 'All',
      all: 1,
      f: [
        { n: 'p', t: 'xs:string' },
        { n: 'q', t: 'xs:string' },
      ],
    },
    // Simple content.
    Amount: { k: 'c', ns: T, q: 'Amount', b: 'xs:decimal', x: 'e', sc: 'xs:decimal', a: [{ n: 'currency', t: 'xs:string', req: 1 }] },
  },
  elements: {
    choice: { n: 'choice', ns: T, t: 'Choice' },
    repeating: { n: 'repeating', ns: T, t: 'Repeating' },
    para: { n: 'para', ns: T, t: 'Para' },
    pet: { n: 'pet', ns: T, t: 'Animal' },
    shape: { n: 'shape', ns: T, t: 'Shape' },
    shapeHead: { n: 'shapeHead', ns: T, t: 'Shape', abs: 1 },
    circle: { n: 'circle', ns: T, t: 'Circle' },
    square: { n: 'square', ns: T, t: 'Square' },
    drawing: { n: 'drawing', ns: T, t: 'Drawing' },
    nils: { n: 'nils', ns: T, t: 'Nils' },
    nilRoot: { n: 'nilRoot', ns: T, t: 'xs:string', nil: 1 },
    open: { n: 'open', ns: T, t: 'Open' },
    values: { n: 'values', ns: T, t: 'Values' },
    clash: { n: 'clash', ns: T, t: 'Clash' },
    unq: { n: 'unq', ns: T, t: 'Unq' },
    all: { n: 'all', ns: T, t: 'All' },
    amount: { n: 'amount', ns: T, t: 'Amount' },
  },
};

const ref = <V = Record<string, unknown>>(key: string): ElementRef<V> => elementRef<V>(schema, key);

/** decode → expected value; encode → the same bytes. */
function roundTrip(key: string, xml: string, expected: unknown): void {
  const value = decode(ref(key), xml);
  assert.deepEqual(value, expected);
  assert.equal(encode(ref(key), value), xml);
}

function decodeError(code: string, run: () => unknown): DecodeError {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof DecodeError, `expected DecodeError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

function encodeError(code: string, run: () => unknown): EncodeError {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof EncodeError, `expected EncodeError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

test('sequence order comes from descriptors, not from object keys', () => {
  const xml =
    '<ns1:pet xmlns:ns1="urn:test" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ns1:Dog" good="true"><ns1:name>Rex</ns1:name><ns1:breed>lab</ns1:breed></ns1:pet>';
  // Keys deliberately in the wrong order.
  assert.equal(encode(ref('pet'), { breed: 'lab', good: true, name: 'Rex', $type: 'Dog' }), xml);
});

test("xs:choice: only the chosen branch's properties; two branches are an error", () => {
  roundTrip('choice', '<ns1:choice xmlns:ns1="urn:test"><ns1:a>x</ns1:a></ns1:choice>', { a: 'x' });
  roundTrip('choice', '<ns1:choice xmlns:ns1="urn:test"><ns1:b>1</ns1:b><ns1:c>y</ns1:c></ns1:choice>', { b: 1, c: 'y' });
  decodeError('choice-conflict', () => decode(ref('choice'), '<choice xmlns="urn:test"><a>x</a><b>1</b></choice>'));
  decodeError('missing-element', () => decode(ref('choice'), '<choice xmlns="urn:test"/>'));
  encodeError('choice-conflict', () => encode(ref('choice'), { a: 'x', b: 1 }));
  encodeError('missing-property', () => encode(ref('choice'), {}));
});

test('repeating choice: an ordered list of tagged items, interleaving kept', () => {
  roundTrip(
    'repeating',
    '<ns1:repeating xmlns:ns1="urn:test"><ns1:head>h</ns1:head><ns1:a>1</ns1:a><ns1:b>2</ns1:b><ns1:a>3</ns1:a><ns1:b>4</ns1:b></ns1:repeating>',
    {
      head: 'h',
      items: [
        { $el: 'a', value: '1' },
        { $el: 'b', value: 2 },
        { $el: 'a', value: '3' },
        { $el: 'b', value: 4 },
      ],
    },
  );
  encodeError('unknown-element', () => encode(ref('repeating'), { head: 'h', items: [{ $el: 'zz', value: 1 }] }));
});

test('mixed content: text and elements in one ordered list', () => {
  roundTrip('para', '<ns1:para xmlns:ns1="urn:test">Hello <ns1:b>bold</ns1:b> and <ns1:i>italic</ns1:i> &amp; more</ns1:para>', {
    $content: ['Hello ', { $el: 'b', value: 'bold' }, ' and ', { $el: 'i', value: 'italic' }, ' & more'],
  });
});

test('extension + xsi:type: $type names the derived type; decoding without xsi:type gives the declared one', () => {
  const xml = `<ns1:pet xmlns:ns1="urn:test" ${XSI} xsi:type="ns1:Dog"><ns1:name>Rex</ns1:name><ns1:breed>lab</ns1:breed></ns1:pet>`;
  roundTrip('pet', xml, { $type: 'Dog', name: 'Rex', breed: 'lab' });
  // Any prefix the sender chooses for the type's namespace works.
  const other =
    '<a:pet xmlns:a="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:zz="urn:test" i:type="zz:Dog"><a:name>Rex</a:name><a:breed>lab</a:breed></a:pet>';
  assert.deepEqual(decode(ref('pet'), other), { $type: 'Dog', name: 'Rex', breed: 'lab' });
  roundTrip('pet', '<ns1:pet xmlns:ns1="urn:test"><ns1:name>Rex</ns1:name></ns1:pet>', { name: 'Rex' });
  decodeError('unknown-element', () => decode(ref('pet'), '<pet xmlns="urn:test"><name>Rex</name><breed>lab</breed></pet>'));
  decodeError('unknown-type', () => decode(ref('pet'), `<pet xmlns="urn:test" ${XSI} xsi:type="Cat"><name>Rex</name></pet>`));
  decodeError('invalid-type', () => decode(ref('pet'), `<pet xmlns="urn:test" ${XSI} xsi:type="Circle"><name>Rex</name></pet>`));
  encodeError('invalid-type', () => encode(ref('pet'), { $type: 'Circle', name: 'x' }));
});

test('abstract type: the value must say which concrete type it is', () => {
  roundTrip('shape', `<ns1:shape xmlns:ns1="urn:test" ${XSI} xsi:type="ns1:Circle" id="c1"><ns1:radius>2.5</ns1:radius></ns1:shape>`, {
    $type: 'Circle',
    id: 'c1',
    radius: 2.5,
  });
  decodeError('abstract-type', () => decode(ref('shape'), '<shape xmlns="urn:test" id="c1"/>'));
  encodeError('abstract-type', () => encode(ref('shape'), { id: 'c1' }));
});

test('substitution group: a union tagged by element name', () => {
  roundTrip(
    'drawing',
    '<ns1:drawing xmlns:ns1="urn:test"><ns1:circle id="a"><ns1:radius>1</ns1:radius></ns1:circle><ns1:square id="b"><ns1:side>INF</ns1:side></ns1:square></ns1:drawing>',
    {
      shapeHead: [
        { $el: 'circle', value: { id: 'a', radius: 1 } },
        { $el: 'square', value: { id: 'b', side: Infinity } },
      ],
    },
  );
  decodeError('unknown-element', () => decode(ref('drawing'), '<drawing xmlns="urn:test"><shapeHead id="x"/></drawing>'));
  encodeError('unknown-element', () => encode(ref('drawing'), { shapeHead: [{ $el: 'shapeHead', value: { id: 'x' } }] }));
});

test('nillable: null written xsi:nil="true"; not nillable: an error', () => {
  roundTrip('nils', `<ns1:nils xmlns:ns1="urn:test" ${XSI}><ns1:x xsi:nil="true"/><ns1:y xsi:nil="true"/></ns1:nils>`, { x: null, y: null });
  roundTrip('nilRoot', `<ns1:nilRoot xmlns:ns1="urn:test" ${XSI} xsi:nil="true"/>`, null);
  decodeError('not-nillable', () => decode(ref('nils'), `<nils xmlns="urn:test" ${XSI}><x>1</x><z xsi:nil="true"/></nils>`));
  decodeError('nil-with-content', () => decode(ref('nils'), `<nils xmlns="urn:test" ${XSI}><x xsi:nil="true">1</x></nils>`));
  encodeError('not-nillable', () => encode(ref('nils'), { x: 1, z: null }));
});

test('xs:any and xs:anyAttribute: raw XML and a Clark-keyed attribute map, re-emitted byte for byte', () => {
  const foreign = '<o:ext xmlns:o="urn:other" o:flag="1"><o:deep xmlns="urn:third" a="&lt;&amp;&quot;">t&amp;<b/><!--c--><![CDATA[x<y]]></o:deep></o:ext>';
  const xml = `<ns1:open xmlns:ns1="urn:test" xmlns:o="urn:other" version="2" o:extra="e"><ns1:known>k</ns1:known>${foreign}<x:y xmlns:x="urn:x"/></ns1:open>`;
  const value = decode(ref('open'), xml);
  assert.deepEqual(value, {
    version: '2',
    $attrs: { '{urn:other}extra': 'e' },
    known: 'k',
    $any: [{ $xml: foreign }, { $xml: '<x:y xmlns:x="urn:x"/>' }],
  });
  assert.equal(encode(ref('open'), value), xml);
  // An $attrs key is written as an attribute name: one that is not an NCName cannot inject markup.
  for (const local of ['x="1" onload', 'a><evil/', 'a b', '']) {
    encodeError('invalid-qname', () => encode(ref('open'), { ...value, $attrs: { [`{urn:other}${local}`]: 'v' } }));
  }
});

test('xs:any: a fragment using a prefix declared by an ancestor becomes self-contained', () => {
  const xml =
    '<t:open xmlns:t="urn:test" xmlns:p="urn:p" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:q="urn:q"><t:known>k</t:known><p:e xsi:type="q:T" p:a="1"><p:f/></p:e></t:open>';
  const value = decode(ref('open'), xml);
  const raw = (value.$any as { $xml: string }[])[0].$xml;
  assert.equal(raw, '<p:e xsi:type="q:T" p:a="1" xmlns:p="urn:p" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:q="urn:q"><p:f/></p:e>');
  assert.equal(xmlDifference(encode(ref('open'), value), xml), null);
});

test('QName values: { namespace, local }, prefixes resolved on decode and declared on encode', () => {
  const value = decode(ref('values'), '<v:values xmlns:v="urn:test" xmlns:k="urn:kind"><v:qname>k:thing</v:qname></v:values>');
  assert.deepEqual(value, { qname: { namespace: 'urn:kind', local: 'thing' } });
  assert.equal(encode(ref('values'), value), '<ns1:values xmlns:ns1="urn:test" xmlns:ns2="urn:kind"><ns1:qname>ns2:thing</ns1:qname></ns1:values>');
  assert.equal(
    encode(ref('values'), value, { prefixes: { 'urn:kind': 'kind' } }),
    '<ns1:values xmlns:ns1="urn:test" xmlns:kind="urn:kind"><ns1:qname>kind:thing</ns1:qname></ns1:values>',
  );
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><qname>nope:thing</qname></values>'));
});

test('xs:list → arrays; xs:union → the first member that accepts, lexical string fallback in lenient mode only', () => {
  const xml =
    '<ns1:values xmlns:ns1="urn:test"><ns1:list>1 2 3</ns1:list><ns1:tokens>a b</ns1:tokens><ns1:union>12</ns1:union><ns1:union>unknown</ns1:union><ns1:union>other</ns1:union></ns1:values>';
  const value = decode(ref('values'), xml, { mode: 'lenient' });
  assert.deepEqual(value, { list: [1, 2, 3], tokens: ['a', 'b'], union: [12, 'unknown', 'other'] });
  assert.equal(encode(ref('values'), value), xml);
  // Strict decoding refuses a value no member type accepts ('other' is not a Status).
  decodeError('invalid-value', () => decode(ref('values'), xml));
  assert.deepEqual(decode(ref('values'), '<values xmlns="urn:test"><list>\n 4\t5  </list></values>'), { list: [4, 5] });
});

test('base64Binary / hexBinary → Uint8Array (never Buffer)', () => {
  const xml = '<ns1:values xmlns:ns1="urn:test"><ns1:b64>AAEC/w==</ns1:b64><ns1:hex>0001FF</ns1:hex></ns1:values>';
  const value = decode(ref('values'), xml);
  const b64 = value.b64 as Uint8Array;
  assert.equal(Object.getPrototypeOf(b64), Uint8Array.prototype);
  assert.deepEqual([...b64], [0, 1, 2, 255]);
  assert.deepEqual([...(value.hex as Uint8Array)], [0, 1, 255]);
  assert.equal(encode(ref('values'), value), xml);
  // base64 split over lines (as many senders write it) is accepted.
  assert.deepEqual([...(decode(ref('values'), '<values xmlns="urn:test"><b64>AAEC\n/w==</b64></values>').b64 as Uint8Array)], [0, 1, 2, 255]);
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><b64>A*==</b64></values>'));
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><hex>0G</hex></values>'));
});

test('big integers and decimals stay strings (no precision loss); small integers are numbers', () => {
  const xml =
    '<ns1:values xmlns:ns1="urn:test"><ns1:long>9223372036854775807</ns1:long><ns1:ulong>18446744073709551615</ns1:ulong>' +
    '<ns1:integer>-123456789012345678901234567890</ns1:integer><ns1:decimal>0.10</ns1:decimal><ns1:int>-2147483648</ns1:int><ns1:short>7</ns1:short></ns1:values>';
  roundTrip('values', xml, {
    long: '9223372036854775807',
    ulong: '18446744073709551615',
    integer: '-123456789012345678901234567890',
    decimal: '0.10',
    int: -2147483648,
    short: 7,
  });
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><long>9223372036854775808</long></values>'));
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><int>2147483648</int></values>'));
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><decimal>1e5</decimal></values>'));
  // On encode, bigint and safe integers are accepted for big integer types.
  assert.equal(
    encode(ref('values'), { long: 42n, integer: 7 }),
    '<ns1:values xmlns:ns1="urn:test"><ns1:long>42</ns1:long><ns1:integer>7</ns1:integer></ns1:values>',
  );
  encodeError('invalid-value', () => encode(ref('values'), { short: 1.5 }));
  encodeError('invalid-value', () => encode(ref('values'), { ulong: '-1' }));
});

test('double, boolean, and dates/times kept in their lexical form', () => {
  roundTrip(
    'values',
    '<ns1:values xmlns:ns1="urn:test"><ns1:double>INF</ns1:double><ns1:double>-INF</ns1:double><ns1:double>NaN</ns1:double><ns1:double>1.5</ns1:double>' +
      '<ns1:bool>true</ns1:bool><ns1:bool>false</ns1:bool><ns1:dateTime>2024-02-29T23:59:60.123+01:00</ns1:dateTime><ns1:date>2009-07-14</ns1:date><ns1:duration>P1Y2MT3H</ns1:duration></ns1:values>',
    { double: [Infinity, -Infinity, NaN, 1.5], bool: [true, false], dateTime: '2024-02-29T23:59:60.123+01:00', date: '2009-07-14', duration: 'P1Y2MT3H' },
  );
  assert.deepEqual(decode(ref('values'), '<values xmlns="urn:test"><bool> 1 </bool><bool>0</bool></values>'), { bool: [true, false] });
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><date>14/07/2009</date></values>'));
});

test('errors never show values unless debug is set', () => {
  const err = decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><int>1234567890123</int></values>'));
  assert.doesNotMatch(err.message, /1234567890123/);
  assert.equal(err.path, '/values/int');
  let debug: unknown;
  try {
    decode(ref('values'), '<values xmlns="urn:test"><int>1234567890123</int></values>', { debug: true });
  } catch (e) {
    debug = e;
  }
  assert.ok(debug instanceof DecodeError);
  assert.match(debug.message, /1234567890123/);
  const enc = encodeError('invalid-value', () => encode(ref('values'), { union: [1], int: 'DUPONT' }));
  assert.doesNotMatch(enc.message, /DUPONT/);
  assert.equal(enc.path, 'int');
});

test('attribute and element of the same name: distinct properties named by the descriptor', () => {
  roundTrip('clash', '<ns1:clash xmlns:ns1="urn:test" id="attr"><ns1:id>elem</ns1:id></ns1:clash>', { idAttr: 'attr', id: 'elem' });
});

test('unqualified local elements: no namespace, no default namespace declared', () => {
  roundTrip('unq', '<ns1:unq xmlns:ns1="urn:test"><child>c</child><ns1:qual>q</ns1:qual></ns1:unq>', { child: 'c', qual: 'q' });
  // A sender using a default namespace must undeclare it for the unqualified child.
  assert.deepEqual(decode(ref('unq'), '<unq xmlns="urn:test"><child xmlns="">c</child><qual>q</qual></unq>'), { child: 'c', qual: 'q' });
  decodeError('unknown-element', () => decode(ref('unq'), '<unq xmlns="urn:test"><child>c</child><qual>q</qual></unq>'));
});

test('xs:all: any order on decode, kept on encode ($order); declaration order for a value without it', () => {
  const value = decode(ref('all'), '<all xmlns="urn:test"><q>2</q><p>1</p></all>');
  assert.deepEqual(value, { q: '2', p: '1', $order: ['q', 'p'] });
  assert.equal(encode(ref('all'), value), '<ns1:all xmlns:ns1="urn:test"><ns1:q>2</ns1:q><ns1:p>1</ns1:p></ns1:all>');
  assert.equal(encode(ref('all'), { q: '2', p: '1' }), '<ns1:all xmlns:ns1="urn:test"><ns1:p>1</ns1:p><ns1:q>2</ns1:q></ns1:all>');
});

test('simple content with attributes: $value', () => {
  roundTrip('amount', '<ns1:amount xmlns:ns1="urn:test" currency="EUR">12.50</ns1:amount>', { currency: 'EUR', $value: '12.50' });
  decodeError('missing-attribute', () => decode(ref('amount'), '<amount xmlns="urn:test">1</amount>'));
  decodeError('unexpected-element', () => decode(ref('amount'), '<amount xmlns="urn:test" currency="EUR"><x/></amount>'));
});

test('facets are kept in descriptors and checked only with validate: true', () => {
  assert.deepEqual(decode(ref('values'), '<values xmlns="urn:test"><code>abc</code></values>'), { code: 'abc' });
  decodeError('invalid-value', () => decode(ref('values'), '<values xmlns="urn:test"><code>abc</code></values>', { validate: true }));
  assert.deepEqual(decode(ref('values'), '<values xmlns="urn:test"><code>AB123</code></values>', { validate: true }), { code: 'AB123' });
  encodeError('invalid-value', () => encode(ref('values'), { code: 'AB1234' }, { validate: true }));
  assert.equal(encode(ref('values'), { union: ['n/a'] }, { validate: true }), '<ns1:values xmlns:ns1="urn:test"><ns1:union>n/a</ns1:union></ns1:values>');
});

test('strict: unknown element, missing required element; lenient: skip or keep unknown', () => {
  const xml = '<pet xmlns="urn:test"><name>Rex</name><extra a="1"><deep/></extra></pet>';
  const err = decodeError('unknown-element', () => decode(ref('pet'), xml));
  assert.equal(err.path, '/pet/extra');
  assert.deepEqual(decode(ref('pet'), xml, { mode: 'lenient' }), { name: 'Rex' });
  assert.deepEqual(decode(ref('pet'), xml, { mode: 'lenient', unknown: 'keep' }), {
    name: 'Rex',
    $unknown: [{ $xml: '<extra a="1" xmlns="urn:test"><deep/></extra>' }],
  });
  decodeError('missing-element', () => decode(ref('pet'), '<pet xmlns="urn:test"/>'));
  assert.deepEqual(decode(ref('pet'), '<pet xmlns="urn:test"/>', { mode: 'lenient' }), {});
  decodeError('unknown-attribute', () => decode(ref('pet'), '<pet xmlns="urn:test" foo="1"><name>x</name></pet>'));
  decodeError('unexpected-text', () => decode(ref('pet'), '<pet xmlns="urn:test">oops<name>x</name></pet>'));
  decodeError('unexpected-root', () => decode(ref('pet'), '<dog xmlns="urn:test"/>'));
});

test('encode: missing required values and characters XML cannot carry are typed errors with a path', () => {
  const missing = encodeError('missing-property', () => encode(ref('nils'), { y: { name: 'a' } }));
  assert.equal(missing.path, 'x');
  const deep = encodeError('missing-property', () =>
    encode(ref('drawing'), {
      shapeHead: [
        { $el: 'circle', value: { id: 'a', radius: 1 } },
        { $el: 'square', value: { id: 'b' } },
      ],
    }),
  );
  assert.equal(deep.path, 'shapeHead[1].side');
  const ctl = encodeError('invalid-char', () => encode(ref('values'), { text: 'a\u0001b' }));
  assert.equal(ctl.path, 'text');
  encodeError('invalid-char', () => encode(ref('values'), { text: 'lone \uD800 surrogate' }));
  // Tab, LF, CR survive: CR and attribute whitespace are escaped.
  const value = { text: 'a\tb\nc\rd', $type: undefined };
  const xml = encode(ref('values'), value);
  assert.equal(xml, '<ns1:values xmlns:ns1="urn:test"><ns1:text>a\tb\nc&#13;d</ns1:text></ns1:values>');
  assert.deepEqual(decode(ref('values'), xml), { text: 'a\tb\nc\rd' });
  const attr = encode(ref('clash'), { idAttr: 'x\ty\nz"<&>', id: 'e' });
  assert.equal(attr, '<ns1:clash xmlns:ns1="urn:test" id="x&#9;y&#10;z&quot;&lt;&amp;&gt;"><ns1:id>e</ns1:id></ns1:clash>');
  assert.deepEqual(decode(ref('clash'), attr), { idAttr: 'x\ty\nz"<&>', id: 'e' });
});

test('decodeAsync streams chunks; reader limits apply to decode', async () => {
  async function* chunks(): AsyncGenerator<string> {
    yield '<pet xmlns="urn:test"><na';
    yield 'me>Rex</name></pet>';
  }
  assert.deepEqual(await decodeAsync(ref('pet'), chunks()), { name: 'Rex' });
  assert.throws(
    () => decode(ref('repeating'), `<repeating xmlns="urn:test"><head>h</head>${'<a>1</a>'.repeat(50)}</repeating>`, { limits: { maxElements: 20 } }),
    (e: unknown) => e instanceof XmlError && e.code === 'limit-elements',
  );
});
