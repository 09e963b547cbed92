/**
 * One small test per resolve pass, in the way of xsdata's handler tests: a schema is loaded and
 * parsed, the passes before the one under test run, then the test looks at the context just before
 * and just after that pass alone, so each assertion is about what that pass does.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ComplexTypeDefinition, Diagnostic, Operation, Service, SimpleTypeDefinition, TypeDefinition } from '../../generator/model/model.js';
import { loadDescription } from '../../generator/load/load.js';
import { parseSchemas } from '../../generator/parse/xsd/parse-schemas.js';
import type { RawParticle } from '../../generator/parse/xsd/components.js';
import { createContext, type ResolveContext } from '../../generator/resolve/context.js';
import { RESOLVE_PASSES } from '../../generator/resolve/resolve.js';
import { schema, writeFiles, xs } from '../xsd/support.js';

/** A context with every pass before `name` run, and a function running `name` itself. */
function before(
  name: string,
  body: string,
  roots: { elements?: string[]; types?: string[] } = {},
  services: Service[] = [],
  attributes?: string,
): { ctx: ResolveContext; run: () => Diagnostic[] } {
  const dir = writeFiles({ 'main.xsd': attributes === undefined ? schema(body) : schema(body, attributes) });
  const loaded = loadDescription([join(dir, 'main.xsd')]);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const components = parseSchemas(loaded, diagnostics);
  assert.deepEqual(diagnostics, [], 'the schema itself is fine');
  const ctx = createContext(components, { elements: roots.elements ?? [], types: roots.types ?? [] }, diagnostics, services);
  const index = RESOLVE_PASSES.findIndex((p) => p.name === name);
  assert.ok(index >= 0, `no pass ${name}`);
  for (const pass of RESOLVE_PASSES.slice(0, index)) pass.run(ctx);
  const pass = RESOLVE_PASSES[index];
  return {
    ctx,
    run: () => {
      const from = diagnostics.length;
      pass?.run(ctx);
      return diagnostics.slice(from);
    },
  };
}

function complex(ctx: ResolveContext, id: string): ComplexTypeDefinition {
  const t: TypeDefinition | undefined = ctx.types.get(id);
  assert.equal(t?.kind, 'complex', id);
  return t as ComplexTypeDefinition;
}

function simple(ctx: ResolveContext, id: string): SimpleTypeDefinition {
  const t: TypeDefinition | undefined = ctx.types.get(id);
  assert.equal(t?.kind, 'simple', id);
  return t as SimpleTypeDefinition;
}

const tested = new Set<string>();
function pass(name: string, body: () => void): void {
  tested.add(name);
  describe(`resolve pass ${name}`, body);
}

pass('collect-types', () => {
  it('indexes named and anonymous types by id', () => {
    const { ctx, run } = before(
      'collect-types',
      `<xs:complexType name="A"><xs:sequence><xs:element name="b"><xs:complexType/></xs:element></xs:sequence></xs:complexType>
       <xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType>`,
    );
    assert.equal(ctx.rawTypes.size, 0);
    assert.deepEqual(run(), []);
    assert.deepEqual([...ctx.rawTypes.keys()].sort(), ['{urn:t}A', '{urn:t}A/b~', '{urn:t}S']);
  });
});

pass('link-references', () => {
  it('reports an unresolved type reference and puts xs:anyType in its place', () => {
    const { ctx, run } = before('link-references', `<xs:element name="e" type="t:Missing"/>`);
    const found = run();
    assert.deepEqual(
      found.map((d) => [d.severity, d.code]),
      [['error', 'unresolved-type']],
    );
    const use = ctx.components.elements.get('{urn:t}e')?.type;
    assert.equal(use?.kind === 'ref' ? use.ref.name : undefined, xs('anyType'));
  });

  it('says nothing when every reference resolves', () => {
    const { run } = before('link-references', `<xs:element name="e" type="t:T"/><xs:complexType name="T"/>`);
    assert.deepEqual(run(), []);
  });

  it('takes an unprefixed reference from the target namespace (a warning), and checks what it names like any other', () => {
    // No default namespace: `T` and `C` fall in no namespace, where nothing is declared.
    const { ctx, run } = before(
      'link-references',
      `<xs:simpleType name="T"><xs:restriction base="xs:string"/></xs:simpleType><xs:complexType name="C"/>
       <xs:element name="e" type="T"/>
       <xs:complexType name="H"><xs:attribute name="a" type="C"/></xs:complexType>`,
      {},
      [],
      'targetNamespace="urn:t" xmlns:t="urn:t"',
    );
    const found = run();
    assert.deepEqual(found.map((d) => [d.severity, d.code]).sort(), [
      ['error', 'simple-type-expected'],
      ['warning', 'unqualified-reference'],
      ['warning', 'unqualified-reference'],
    ]);
    const use = ctx.components.elements.get('{urn:t}e')?.type;
    assert.equal(use?.kind === 'ref' ? use.ref.name : undefined, '{urn:t}T');
    const h = ctx.rawTypes.get('{urn:t}H');
    const a = h?.kind === 'complex' ? h.attributes[0] : undefined;
    // The attribute's type must be simple: the complex C gives way to xs:anySimpleType.
    assert.equal(a?.kind === 'attribute' && a.type?.kind === 'ref' ? a.type.ref.name : undefined, xs('anySimpleType'));
  });
});

pass('flatten-groups', () => {
  it('replaces a group reference by the group, and an attribute group reference by its attributes', () => {
    const { ctx, run } = before(
      'flatten-groups',
      `<xs:group name="G"><xs:sequence><xs:element name="g" type="xs:string"/></xs:sequence></xs:group>
       <xs:attributeGroup name="AG"><xs:attribute name="a" type="xs:string"/></xs:attributeGroup>
       <xs:complexType name="T"><xs:sequence><xs:group ref="t:G" minOccurs="0"/></xs:sequence><xs:attributeGroup ref="t:AG"/></xs:complexType>`,
    );
    const raw = ctx.rawTypes.get('{urn:t}T');
    assert.equal(raw?.kind, 'complex');
    if (raw?.kind !== 'complex') return;
    const firstTerm = (p: RawParticle | null): string | undefined => (p?.term.kind === 'sequence' ? p.term.particles[0]?.term.kind : undefined);
    assert.equal(firstTerm(raw.particle), 'groupRef');
    assert.deepEqual(run(), []);
    const inner = raw.particle?.term.kind === 'sequence' ? raw.particle.term.particles[0] : undefined;
    assert.equal(inner?.term.kind, 'sequence');
    assert.equal(inner?.minOccurs, 0, 'the reference keeps its occurrence bounds');
    assert.deepEqual(
      raw.attributes.map((a) => a.kind),
      ['attribute'],
    );
  });

  it('flattens a group nested in groups and used by several types, at any depth, and drops an unresolved reference', () => {
    const { ctx, run } = before(
      'flatten-groups',
      `<xs:group name="Inner"><xs:sequence><xs:element name="i" type="xs:string"/></xs:sequence></xs:group>
       <xs:group name="Outer"><xs:choice><xs:element name="o" type="xs:int"/><xs:group ref="t:Inner" maxOccurs="2"/></xs:choice></xs:group>
       <xs:complexType name="A"><xs:sequence><xs:element name="a" type="xs:string"/><xs:sequence><xs:group ref="t:Outer"/></xs:sequence></xs:sequence></xs:complexType>
       <xs:complexType name="B"><xs:sequence><xs:group ref="t:Inner"/><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>
       <xs:complexType name="Plain"><xs:sequence><xs:element name="p" type="xs:string"/><xs:choice><xs:element name="q" type="xs:string"/></xs:choice></xs:sequence></xs:complexType>`,
    );
    // Group references resolve; an unresolvable one (reported earlier) would be dropped: add one by hand.
    const rawB = ctx.rawTypes.get('{urn:t}B');
    if (rawB?.kind !== 'complex' || rawB.particle?.term.kind !== 'sequence') throw new Error('B');
    rawB.particle.term.particles.push({
      minOccurs: 1,
      maxOccurs: 1,
      term: { kind: 'groupRef', ref: { name: '{urn:t}Missing', at: rawB.source } },
      source: rawB.source,
    });
    assert.deepEqual(run(), []);
    /** A particle as text: terms, bounds, and the group a model group came from. */
    const text = (p: RawParticle | null): string => {
      if (p === null) return '-';
      const t = p.term;
      const bounds = p.minOccurs === 1 && p.maxOccurs === 1 ? '' : `{${p.minOccurs},${p.maxOccurs}}`;
      if (t.kind === 'element') return `${t.decl.name.replace('{urn:t}', '')}${bounds}`;
      if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') {
        return `${t.kind}${t.group === undefined ? '' : `<${t.group.replace('{urn:t}', '')}>`}${bounds}(${t.particles.map(text).join(' ')})`;
      }
      return `${t.kind}${bounds}`;
    };
    const particle = (id: string): RawParticle | null => {
      const raw = ctx.rawTypes.get(id);
      return raw?.kind === 'complex' ? raw.particle : null;
    };
    assert.equal(text(particle('{urn:t}A')), 'sequence(a sequence(choice<Outer>(o sequence<Inner>{1,2}(i))))');
    assert.equal(text(particle('{urn:t}B')), 'sequence(sequence<Inner>(i) b)');
    assert.equal(text(particle('{urn:t}Plain')), 'sequence(p choice(q))');
    // The named groups themselves are left as written.
    const outer = ctx.components.groups.get('{urn:t}Outer')?.group;
    assert.deepEqual(
      outer?.particles.map((p) => p.term.kind),
      ['element', 'groupRef'],
    );
  });

  it('reports a circular group', () => {
    const { run } = before(
      'flatten-groups',
      `<xs:group name="G"><xs:sequence><xs:group ref="t:G"/></xs:sequence></xs:group>
       <xs:complexType name="T"><xs:group ref="t:G"/></xs:complexType>`,
    );
    assert.ok(run().some((d) => d.code === 'circular-group'));
  });
});

pass('build-components', () => {
  it('makes model types, elements and attributes, with the facts of later passes still empty', () => {
    const { ctx, run } = before(
      'build-components',
      `<xs:element name="e" type="t:T"/><xs:attribute name="at" type="xs:int"/>
       <xs:complexType name="T"><xs:sequence><xs:element name="c" type="xs:string"/></xs:sequence></xs:complexType>
       <xs:complexType name="U"><xs:complexContent><xs:extension base="t:T"/></xs:complexContent></xs:complexType>`,
    );
    assert.equal(ctx.types.size, 0);
    assert.deepEqual(run(), []);
    assert.deepEqual([...ctx.types.keys()].sort(), ['{urn:t}T', '{urn:t}U']);
    assert.equal(ctx.elements.get('{urn:t}e')?.type, '{urn:t}T');
    assert.equal(ctx.attributes.get('{urn:t}at')?.type, xs('int'));
    assert.equal(complex(ctx, '{urn:t}U').base, '{urn:t}T');
    assert.deepEqual(complex(ctx, '{urn:t}T').derivedTypes, [], 'derived-types fills it later');
    assert.equal(ctx.elements.get('{urn:t}e')?.reached, false, 'reachability sets it later');
  });
});

pass('simple-content', () => {
  it('gives a simple-content extension the value type of its base', () => {
    const { ctx, run } = before(
      'simple-content',
      `<xs:complexType name="Amount"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="cur" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
       <xs:complexType name="Price"><xs:simpleContent><xs:extension base="t:Amount"/></xs:simpleContent></xs:complexType>`,
    );
    assert.deepEqual(run(), []);
    const price = complex(ctx, '{urn:t}Price').content;
    assert.deepEqual(price, { kind: 'simple', type: xs('decimal') });
  });
});

pass('simple-type-facts', () => {
  it('walks base to the built-ins: variety, primitive, closest built-in', () => {
    const { ctx, run } = before(
      'simple-type-facts',
      `<xs:simpleType name="Code"><xs:restriction base="xs:token"/></xs:simpleType>
       <xs:simpleType name="Short"><xs:restriction base="t:Code"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>
       <xs:simpleType name="Codes"><xs:list itemType="t:Code"/></xs:simpleType>`,
    );
    assert.deepEqual(run(), []);
    const short = simple(ctx, '{urn:t}Short');
    assert.deepEqual([short.variety, short.primitive, short.builtin], ['atomic', 'string', 'token']);
    assert.equal(simple(ctx, '{urn:t}Codes').variety, 'list');
  });
});

pass('qname-enumerations', () => {
  it('rewrites enumeration values of QName types to Clark notation', () => {
    const { ctx, run } = before(
      'qname-enumerations',
      `<xs:simpleType name="Q"><xs:restriction base="xs:QName"><xs:enumeration value="t:a"/><xs:enumeration value="xs:string"/></xs:restriction></xs:simpleType>`,
    );
    assert.deepEqual(simple(ctx, '{urn:t}Q').facets.enumeration, ['t:a', 'xs:string']);
    assert.deepEqual(run(), []);
    assert.deepEqual(simple(ctx, '{urn:t}Q').facets.enumeration, ['{urn:t}a', xs('string')]);
  });
});

pass('service-rules', () => {
  it('leaves the types of other namespaces as they are (the INSi rules: test/resolve/service-rules.test.ts)', () => {
    const { ctx, run } = before('service-rules', `<xs:simpleType name="CodSexe"><xs:restriction base="xs:string"/></xs:simpleType>`);
    assert.deepEqual(run(), []);
    assert.deepEqual(simple(ctx, '{urn:t}CodSexe').facets, {});
  });
});

pass('derived-types', () => {
  it('lists the types derived from each complex type, sorted', () => {
    const { ctx, run } = before(
      'derived-types',
      `<xs:complexType name="Base"/>
       <xs:complexType name="Z"><xs:complexContent><xs:extension base="t:Base"/></xs:complexContent></xs:complexType>
       <xs:complexType name="A"><xs:complexContent><xs:restriction base="t:Base"/></xs:complexContent></xs:complexType>`,
    );
    assert.deepEqual(complex(ctx, '{urn:t}Base').derivedTypes, []);
    assert.deepEqual(run(), []);
    assert.deepEqual(complex(ctx, '{urn:t}Base').derivedTypes, ['{urn:t}A', '{urn:t}Z']);
  });

  it('reports a circular derivation', () => {
    const { run } = before(
      'derived-types',
      `<xs:complexType name="A"><xs:complexContent><xs:extension base="t:B"/></xs:complexContent></xs:complexType>
       <xs:complexType name="B"><xs:complexContent><xs:extension base="t:A"/></xs:complexContent></xs:complexType>`,
    );
    assert.ok(run().some((d) => d.code === 'circular-derivation'));
  });
});

pass('substitution-groups', () => {
  it('lists the members of a head, transitively, and the non-abstract substitutes of a reference', () => {
    const { ctx, run } = before(
      'substitution-groups',
      `<xs:element name="Head" type="t:H" abstract="true"/>
       <xs:element name="M1" type="t:H" substitutionGroup="t:Head"/>
       <xs:element name="M2" type="t:H" substitutionGroup="t:M1"/>
       <xs:complexType name="H"/>
       <xs:complexType name="Holder"><xs:sequence><xs:element ref="t:Head"/></xs:sequence></xs:complexType>`,
    );
    assert.deepEqual(ctx.elements.get('{urn:t}Head')?.substitutionMembers, []);
    assert.deepEqual(run(), []);
    assert.deepEqual(ctx.elements.get('{urn:t}Head')?.substitutionMembers, ['{urn:t}M1', '{urn:t}M2']);
    const holder = complex(ctx, '{urn:t}Holder').content;
    const term = holder.kind === 'element' && holder.particle?.term.kind === 'sequence' ? holder.particle.term.particles[0]?.term : undefined;
    assert.equal(term?.kind, 'element');
    if (term?.kind === 'element') assert.deepEqual(term.substitutes, ['{urn:t}M1', '{urn:t}M2']);
  });
});

pass('reachability', () => {
  it('marks what the roots lead to, and nothing else', () => {
    const { ctx, run } = before(
      'reachability',
      `<xs:element name="In" type="t:In"/><xs:complexType name="In"><xs:sequence><xs:element name="x" type="t:X"/></xs:sequence></xs:complexType>
       <xs:simpleType name="X"><xs:restriction base="xs:string"/></xs:simpleType>
       <xs:complexType name="Unused"/>`,
      { elements: ['{urn:t}In'] },
    );
    assert.deepEqual(run(), []);
    const reached = [...ctx.types.values()].filter((t) => t.reached).map((t) => t.id);
    assert.deepEqual(reached.sort(), ['{urn:t}In', '{urn:t}X']);
    assert.equal(ctx.elements.get('{urn:t}In')?.reached, true);
  });
});

pass('allocate-names', () => {
  it('names types from their XML names and elements with an Element suffix', () => {
    const { ctx, run } = before('allocate-names', `<xs:element name="order" type="t:order-type"/><xs:complexType name="order-type"/>`);
    assert.deepEqual(run(), []);
    assert.equal(ctx.types.get('{urn:t}order-type')?.tsName, 'OrderType');
    assert.equal(ctx.elements.get('{urn:t}order')?.tsName, 'OrderElement');
  });

  it('names the unions of derived types and the constants of literal enumerations, after every type name', () => {
    const { ctx, run } = before(
      'allocate-names',
      `<xs:complexType name="Shape"/>
       <xs:complexType name="Circle"><xs:complexContent><xs:extension base="t:Shape"/></xs:complexContent></xs:complexType>
       <xs:complexType name="Base" abstract="true"/>
       <xs:complexType name="Middle" abstract="true"><xs:complexContent><xs:extension base="t:Base"/></xs:complexContent></xs:complexType>
       <xs:complexType name="ShapeOrDerived"/>
       <xs:simpleType name="Color"><xs:restriction base="xs:string"><xs:enumeration value="red"/></xs:restriction></xs:simpleType>
       <xs:simpleType name="Size"><xs:restriction base="xs:int"><xs:enumeration value="1"/></xs:restriction></xs:simpleType>
       <xs:simpleType name="Bytes"><xs:restriction base="xs:base64Binary"><xs:enumeration value="AA=="/></xs:restriction></xs:simpleType>
       <xs:simpleType name="Plain"><xs:restriction base="xs:string"/></xs:simpleType>`,
    );
    assert.equal(complex(ctx, '{urn:t}Shape').unionName, undefined, 'not named before the pass');
    assert.deepEqual(run(), []);
    // A type named like the union takes the name first: types are named before the names code adds.
    assert.equal(complex(ctx, '{urn:t}ShapeOrDerived').tsName, 'ShapeOrDerived');
    assert.equal(complex(ctx, '{urn:t}Shape').unionName, 'ShapeOrDerived2');
    // Only abstract types derive from Base: no value can name a concrete derived type, no union.
    assert.equal(complex(ctx, '{urn:t}Base').unionName, undefined);
    assert.equal(complex(ctx, '{urn:t}Circle').unionName, undefined);
    assert.equal(simple(ctx, '{urn:t}Color').valuesName, 'ColorValues');
    assert.equal(simple(ctx, '{urn:t}Size').valuesName, 'SizeValues');
    // Bytes are not written as literals: no constant.
    assert.equal(simple(ctx, '{urn:t}Bytes').valuesName, undefined);
    assert.equal(simple(ctx, '{urn:t}Plain').valuesName, undefined);
  });

  it('names the synthesised element of each rpc part given by type, avoiding the schema names', () => {
    const s = service('{urn:t}req', '{urn:t}req');
    const op = s.ports[0]?.operations[0] as Operation;
    op.name = 'get-thing';
    if (op.input !== null) op.input.body = [{ part: 'id', type: '{http://www.w3.org/2001/XMLSchema}int' }];
    if (op.output !== null) op.output.body = [{ part: 'id', type: '{http://www.w3.org/2001/XMLSchema}int' }];
    const { run } = before('allocate-names', '<xs:element name="req" type="xs:string"/><xs:complexType name="GetThingIdPart"/>', {}, [s]);
    assert.deepEqual(run(), []);
    const key = (m: Operation['input']): string | undefined => {
      const b = m?.body[0];
      return b !== undefined && 'type' in b ? b.key : undefined;
    };
    assert.equal(key(op.input), 'GetThingIdPart2');
    assert.equal(key(op.output), 'GetThingIdPart3');
  });
});

/** A one-operation SOAP 1.2 service whose request and response bodies are the given elements. */
function service(request: string, response: string): Service {
  const operation: Operation = {
    name: 'Op',
    style: 'document',
    pattern: 'request-response',
    soapAction: '',
    inputAction: null,
    outputAction: null,
    actionSource: { input: 'none', output: 'none' },
    input: { message: '{urn:t}In', body: [{ part: 'body', element: request }], headers: [] },
    output: { message: '{urn:t}Out', body: [{ part: 'body', element: response }], headers: [] },
    faults: [],
    mtom: false,
    mtomResponse: false,
    mtomReason: { input: 'none', output: 'none' },
  };
  const port = {
    name: 'P',
    binding: '{urn:t}B',
    portType: '{urn:t}PT',
    soapVersion: '1.2' as const,
    address: null,
    style: 'document' as const,
    transport: null,
    operations: [operation],
  };
  return { name: 'S', namespace: 'urn:t', ports: [port] };
}

pass('service-references', () => {
  it('reports a part naming an element no schema declares, and accepts declared ones', () => {
    const s = service('{urn:t}req', '{urn:t}missing');
    const { run } = before('service-references', '<xs:element name="req" type="xs:string"/>', {}, [s]);
    const found = run();
    assert.deepEqual(
      found.map((d) => [d.severity, d.code]),
      [['error', 'wsdl-undeclared-element']],
    );
    assert.match(found[0]?.message ?? '', /\{urn:t\}missing/);
  });
});

pass('mtom-operations', () => {
  it('flags the operation whose request reaches base64Binary content marked for XOP', () => {
    const s = service('{urn:t}upload', '{urn:t}ack');
    const { run } = before(
      'mtom-operations',
      `<xs:element name="upload"><xs:complexType><xs:sequence>
         <xs:element name="data" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream"/>
       </xs:sequence></xs:complexType></xs:element>
       <xs:element name="ack" type="xs:string"/>`,
      { elements: ['{urn:t}upload', '{urn:t}ack'] },
      [s],
      'targetNamespace="urn:t" xmlns:t="urn:t" xmlns:xmime="http://www.w3.org/2005/05/xmlmime" elementFormDefault="qualified"',
    );
    const op = s.ports[0]?.operations[0];
    assert.equal(op?.mtom, false);
    assert.deepEqual(run(), []);
    assert.equal(op?.mtom, true);
    assert.equal(op?.mtomResponse, false);
  });
});

describe('resolve passes', () => {
  it('every pass of RESOLVE_PASSES has its test here', () => {
    assert.deepEqual(
      RESOLVE_PASSES.map((p) => p.name).filter((n) => !tested.has(n)),
      [],
    );
  });
});
