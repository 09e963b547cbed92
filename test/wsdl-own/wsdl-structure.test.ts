/**
 * Structural facts of our WSDLs and schemas, read with plain DOM (@xmldom/xmldom): the six operations and their
 * actions, the SOAP 1.2 document/literal bindings, the INSi header parts and fault, the MTOM cue, the ebRIM
 * substitution group and type hierarchy, and volet.config.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { loadConfig } from '../../generator/config/config.js';
import { repoRoot } from '../support/paths.js';
import { builtinXmlCatalog } from '../support/builtin-schemas.js';
import { childElements } from './message-parts.js';

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const SOAP12 = 'http://schemas.xmlsoap.org/wsdl/soap12/';
const XS = 'http://www.w3.org/2001/XMLSchema';
const WSAW_DMP = 'http://www.w3.org/2006/05/addressing/wsdl';
const WSAW_INSI = 'http://www.w3.org/2006/02/addressing/wsdl';
const XMIME = 'http://www.w3.org/2005/05/xmlmime';
const RIM = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';
const QUERY = 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0';
const LCM = 'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0';
const RS = 'urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0';
const IHE = 'urn:ihe:iti:xds-b:2007';
const ACTION_INSI = 'urn:ServiceIdentiteCertifiee:1.0.0:';

const wsdlPath = (...p: string[]): string => join(repoRoot, 'wsdl', ...p);
const REGISTRY = wsdlPath('xds', 'document-registry.wsdl');
const REPOSITORY = wsdlPath('xds', 'document-repository.wsdl');
const INSI = wsdlPath('insi', 'insi.wsdl');

function load(path: string): Document {
  return new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/xml');
}

function root(doc: Document): Element {
  const r = doc.documentElement;
  assert.ok(r !== null);
  return r;
}

/** Children of `parent` named {ns}local, optionally with a given @name. */
function kids(parent: Element, ns: string, local: string, name?: string): Element[] {
  return childElements(parent).filter((e) => e.namespaceURI === ns && e.localName === local && (name === undefined || e.getAttribute('name') === name));
}

function only(parent: Element, ns: string, local: string, name?: string): Element {
  const found = kids(parent, ns, local, name);
  assert.equal(found.length, 1, `expected one ${local}${name === undefined ? '' : ` "${name}"`} in ${parent.localName}`);
  return found[0] as Element;
}

/** A QName-valued attribute as `{ns}local`, resolved against the element's in-scope namespaces. */
function qname(el: Element, attr: string): string {
  const v = el.getAttribute(attr);
  assert.ok(v !== null, `${el.localName} without @${attr}`);
  const colon = v.indexOf(':');
  const prefix = colon < 0 ? null : v.slice(0, colon);
  const ns = el.lookupNamespaceURI(prefix);
  assert.ok(ns !== null, `unbound prefix in ${v}`);
  return `{${ns}}${v.slice(colon + 1)}`;
}

/** The global element declarations (`{ns}name`) of the schemas a WSDL's types section reaches, transitively. */
function globalElements(wsdl: string): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, refs: Element[]): void => {
    for (const ref of refs) {
      const loc = ref.getAttribute('schemaLocation');
      if (loc === null) continue;
      // A standard schema named by its official location comes from the generator's built-in catalog.
      const target = builtinXmlCatalog()[loc] ?? resolve(dirname(file), loc);
      if (seen.has(target)) continue;
      seen.add(target);
      const schema = root(load(target));
      const tns = schema.getAttribute('targetNamespace') ?? '';
      for (const el of kids(schema, XS, 'element')) out.add(`{${tns}}${el.getAttribute('name') ?? ''}`);
      visit(target, [...kids(schema, XS, 'import'), ...kids(schema, XS, 'include')]);
    }
  };
  const types = only(root(load(wsdl)), WSDL, 'types');
  const refs = kids(types, XS, 'schema').flatMap((s) => [...kids(s, XS, 'import'), ...kids(s, XS, 'include')]);
  visit(wsdl, refs);
  return out;
}

interface OperationFacts {
  wsdl: string;
  operation: string;
  wsaw: string;
  input: string;
  output: string;
  body: string;
  response: string;
}

const operations: OperationFacts[] = [
  {
    wsdl: REGISTRY,
    operation: 'RegistryStoredQuery',
    wsaw: WSAW_DMP,
    input: 'urn:ihe:iti:2007:RegistryStoredQuery',
    output: 'urn:ihe:iti:2007:RegistryStoredQueryResponse',
    body: `{${QUERY}}AdhocQueryRequest`,
    response: `{${QUERY}}AdhocQueryResponse`,
  },
  {
    wsdl: REGISTRY,
    operation: 'UpdateDocumentSet',
    wsaw: WSAW_DMP,
    input: 'urn:ihe:iti:2010:UpdateDocumentSet',
    output: 'urn:ihe:iti:2010:UpdateDocumentSet-Response',
    body: `{${LCM}}SubmitObjectsRequest`,
    response: `{${RS}}RegistryResponse`,
  },
  {
    wsdl: REPOSITORY,
    operation: 'ProvideAndRegisterDocumentSet',
    wsaw: WSAW_DMP,
    input: 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b',
    output: 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse',
    body: `{${IHE}}ProvideAndRegisterDocumentSetRequest`,
    response: `{${RS}}RegistryResponse`,
  },
  {
    wsdl: REPOSITORY,
    operation: 'RetrieveDocumentSet',
    wsaw: WSAW_DMP,
    input: 'urn:ihe:iti:2007:RetrieveDocumentSet',
    output: 'urn:ihe:iti:2007:RetrieveDocumentSetResponse',
    body: `{${IHE}}RetrieveDocumentSetRequest`,
    response: `{${IHE}}RetrieveDocumentSetResponse`,
  },
  {
    wsdl: INSI,
    operation: 'rechercherInsAvecTraitsIdentite',
    wsaw: WSAW_INSI,
    input: ACTION_INSI + 'rechercherInsAvecTraitsIdentite',
    output: ACTION_INSI + 'rechercherInsAvecTraitsIdentiteResponse',
    body: '{http://www.cnamts.fr/INSiRecSans}RECSANSVITALE',
    response: '{http://www.cnamts.fr/INSiResultat}RESULTAT',
  },
  {
    wsdl: INSI,
    operation: 'rechercherInsAvecCarteVitale',
    wsaw: WSAW_INSI,
    input: ACTION_INSI + 'rechercherInsAvecCarteVitale',
    output: ACTION_INSI + 'rechercherInsAvecCarteVitaleResponse',
    body: '{http://www.cnamts.fr/INSiRecVit}RECVITALE',
    response: '{http://www.cnamts.fr/INSiResultat}RESULTAT',
  },
];

/** The wsdl:message named by a QName attribute (messages live in the definitions' target namespace). */
function message(defs: Element, ref: Element, attr: string): Element {
  const q = qname(ref, attr);
  const tns = defs.getAttribute('targetNamespace') ?? '';
  assert.ok(q.startsWith(`{${tns}}`), `${q} is not in ${tns}`);
  return only(defs, WSDL, 'message', q.slice(tns.length + 2));
}

test('the three WSDLs declare exactly the six expected operations', () => {
  for (const wsdl of [REGISTRY, REPOSITORY, INSI]) {
    const portType = only(root(load(wsdl)), WSDL, 'portType');
    const names = kids(portType, WSDL, 'operation')
      .map((o) => o.getAttribute('name'))
      .sort();
    const expected = operations
      .filter((o) => o.wsdl === wsdl)
      .map((o) => o.operation)
      .sort();
    assert.deepEqual(names, expected, wsdl);
  }
});

for (const op of operations) {
  test(`${op.operation}: actions, soapAction, body elements and SOAP 1.2 document/literal binding`, () => {
    const defs = root(load(op.wsdl));
    const portOp = only(only(defs, WSDL, 'portType'), WSDL, 'operation', op.operation);
    const input = only(portOp, WSDL, 'input');
    const output = only(portOp, WSDL, 'output');
    assert.equal(input.getAttributeNS(op.wsaw, 'Action'), op.input);
    assert.equal(output.getAttributeNS(op.wsaw, 'Action'), op.output);

    const bodyPart = (msg: Element): Element => {
      const parts = kids(msg, WSDL, 'part');
      return parts.find((p) => p.getAttribute('name') === 'body') ?? assert.fail(`no body part in ${msg.getAttribute('name')}`);
    };
    assert.equal(qname(bodyPart(message(defs, input, 'message')), 'element'), op.body);
    assert.equal(qname(bodyPart(message(defs, output, 'message')), 'element'), op.response);

    const binding = only(defs, WSDL, 'binding');
    const soapBinding = only(binding, SOAP12, 'binding');
    assert.equal(soapBinding.getAttribute('style'), 'document');
    assert.equal(soapBinding.getAttribute('transport'), 'http://schemas.xmlsoap.org/soap/http');
    const bindOp = only(binding, WSDL, 'operation', op.operation);
    assert.equal(only(bindOp, SOAP12, 'operation').getAttribute('soapAction'), op.input);
    for (const dir of ['input', 'output']) {
      assert.equal(only(only(bindOp, WSDL, dir), SOAP12, 'body').getAttribute('use'), 'literal');
    }
  });
}

test('one service with one SOAP 1.2 port per WSDL, at a placeholder address', () => {
  const expected: Array<[string, string]> = [
    [REGISTRY, 'https://localhost/si-dmp-server/v2/services/registry'],
    [REPOSITORY, 'https://localhost/si-dmp-server/v2/services/repository'],
    [INSI, 'https://localhost/lps'],
  ];
  for (const [wsdl, address] of expected) {
    const defs = root(load(wsdl));
    const port = only(only(defs, WSDL, 'service'), WSDL, 'port');
    assert.equal(qname(port, 'binding'), `{${defs.getAttribute('targetNamespace') ?? ''}}${only(defs, WSDL, 'binding').getAttribute('name') ?? ''}`);
    assert.equal(only(port, SOAP12, 'address').getAttribute('location'), address);
  }
});

test('XDS WSDLs declare no header parts and no faults (the DMP declares none)', () => {
  for (const wsdl of [REGISTRY, REPOSITORY]) {
    const defs = root(load(wsdl));
    assert.equal(defs.getElementsByTagNameNS(WSDL, 'fault').length, 0);
    assert.equal(defs.getElementsByTagNameNS(SOAP12, 'header').length, 0);
    for (const msg of kids(defs, WSDL, 'message')) assert.equal(kids(msg, WSDL, 'part').length, 1);
  }
});

test('INSi: the input carries the body plus ContexteLPS, ContexteBAM, MessageID and Security bound as soap12:header', () => {
  const defs = root(load(INSI));
  const headerParts: Record<string, string> = {
    ContexteLPS: '{urn:siram:lps:ctxlps}ContexteLPS',
    ContexteBAM: '{urn:siram:bam:ctxbam}ContexteBAM',
    MessageID: '{http://www.w3.org/2005/08/addressing}MessageID',
    Security: '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security',
  };
  for (const op of operations.filter((o) => o.wsdl === INSI)) {
    const portOp = only(only(defs, WSDL, 'portType'), WSDL, 'operation', op.operation);
    const inputMsg = message(defs, only(portOp, WSDL, 'input'), 'message');
    const parts = new Map(kids(inputMsg, WSDL, 'part').map((p) => [p.getAttribute('name') ?? '', qname(p, 'element')]));
    assert.deepEqual(Object.fromEntries(parts), { body: op.body, ...headerParts });

    const bindInput = only(only(only(defs, WSDL, 'binding'), WSDL, 'operation', op.operation), WSDL, 'input');
    assert.equal(only(bindInput, SOAP12, 'body').getAttribute('parts'), 'body');
    const headers = kids(bindInput, SOAP12, 'header');
    assert.deepEqual(headers.map((h) => h.getAttribute('part')).sort(), Object.keys(headerParts).sort());
    for (const h of headers) {
      assert.equal(qname(h, 'message'), `{${defs.getAttribute('targetNamespace') ?? ''}}${inputMsg.getAttribute('name') ?? ''}`);
      assert.equal(h.getAttribute('use'), 'literal');
    }
  }
});

test('INSi: both operations declare the fault Erreur carrying siram:Erreur, bound with soap12:fault', () => {
  const defs = root(load(INSI));
  for (const op of operations.filter((o) => o.wsdl === INSI)) {
    const fault = only(only(only(defs, WSDL, 'portType'), WSDL, 'operation', op.operation), WSDL, 'fault');
    assert.equal(fault.getAttribute('name'), 'Erreur');
    const part = only(message(defs, fault, 'message'), WSDL, 'part');
    assert.equal(qname(part, 'element'), '{urn:siram}Erreur');
    const bindFault = only(only(only(defs, WSDL, 'binding'), WSDL, 'operation', op.operation), WSDL, 'fault', 'Erreur');
    const soapFault = only(bindFault, SOAP12, 'fault');
    assert.equal(soapFault.getAttribute('name'), 'Erreur');
    assert.equal(soapFault.getAttribute('use'), 'literal');
  }
});

test('every message part names a global element declared by the schemas the WSDL imports', () => {
  for (const wsdl of [REGISTRY, REPOSITORY, INSI]) {
    const declared = globalElements(wsdl);
    const defs = root(load(wsdl));
    for (const msg of kids(defs, WSDL, 'message')) {
      for (const part of kids(msg, WSDL, 'part')) {
        const q = qname(part, 'element');
        assert.ok(declared.has(q), `${wsdl}: ${msg.getAttribute('name') ?? ''}/${part.getAttribute('name') ?? ''} → ${q} is not declared`);
      }
    }
  }
});

test('MTOM cue: both Document elements are base64Binary with xmime:expectedContentTypes', () => {
  const schema = root(load(wsdlPath('xds', 'ihe-xds-b.xsd')));
  const documents = Array.from(schema.getElementsByTagNameNS(XS, 'element')).filter((e) => e.getAttribute('name') === 'Document');
  assert.equal(documents.length, 2);
  const complexTypes = new Map(kids(schema, XS, 'complexType').map((t) => [t.getAttribute('name') ?? '', t]));
  for (const doc of documents) {
    assert.equal(doc.getAttributeNS(XMIME, 'expectedContentTypes'), 'application/octet-stream');
    const type = qname(doc, 'type');
    if (type === `{${XS}}base64Binary`) continue;
    // ITI-41: a simple-content extension of base64Binary carrying the id attribute.
    assert.equal(type, `{${IHE}}ProvidedDocumentType`);
    const ct = complexTypes.get('ProvidedDocumentType');
    assert.ok(ct !== undefined);
    const ext = ct.getElementsByTagNameNS(XS, 'extension')[0];
    assert.ok(ext !== undefined);
    assert.equal(qname(ext, 'base'), `{${XS}}base64Binary`);
  }
});

test('ebRIM: RegistryObjectList holds rim:Identifiable, whose substitution group has the XDS object classes', () => {
  const schema = root(load(wsdlPath('xds', 'ebrim-3.0.xsd')));
  const listType = only(schema, XS, 'complexType', 'RegistryObjectListType');
  const refs = Array.from(listType.getElementsByTagNameNS(XS, 'element')).map((e) => qname(e, 'ref'));
  assert.deepEqual(refs, [`{${RIM}}Identifiable`]);

  const heads = new Map<string, string>();
  for (const el of kids(schema, XS, 'element')) {
    if (el.hasAttribute('substitutionGroup')) heads.set(`{${RIM}}${el.getAttribute('name') ?? ''}`, qname(el, 'substitutionGroup'));
  }
  const reachesIdentifiable = (q: string): boolean => {
    for (let h = heads.get(q); h !== undefined; h = heads.get(h)) if (h === `{${RIM}}Identifiable`) return true;
    return false;
  };
  const members = [...heads.keys()]
    .filter(reachesIdentifiable)
    .map((q) => q.slice(RIM.length + 2))
    .sort();
  assert.deepEqual(members, [
    'AdhocQuery',
    'Association',
    'Classification',
    'ExternalIdentifier',
    'ExtrinsicObject',
    'ObjectRef',
    'RegistryObject',
    'RegistryPackage',
  ]);
  assert.equal(heads.get(`{${RIM}}AdhocQuery`), `{${RIM}}RegistryObject`); // transitive member
});

test('ebRIM: the type hierarchy IdentifiableType → ObjectRefType | RegistryObjectType → the XDS classes', () => {
  const schema = root(load(wsdlPath('xds', 'ebrim-3.0.xsd')));
  const base = (typeName: string): string => {
    const ext = only(schema, XS, 'complexType', typeName).getElementsByTagNameNS(XS, 'extension')[0];
    assert.ok(ext !== undefined, `${typeName} extends nothing`);
    return qname(ext, 'base').slice(RIM.length + 2);
  };
  assert.equal(base('ObjectRefType'), 'IdentifiableType');
  assert.equal(base('RegistryObjectType'), 'IdentifiableType');
  for (const t of ['AssociationType1', 'ClassificationType', 'ExternalIdentifierType', 'ExtrinsicObjectType', 'RegistryPackageType', 'AdhocQueryType']) {
    assert.equal(base(t), 'RegistryObjectType', t);
  }
  assert.equal(only(schema, XS, 'complexType', 'IdentifiableType').getElementsByTagNameNS(XS, 'extension').length, 0);
});

test('volet.config.json lists the three services and loads with the generator configuration reader', () => {
  const config = loadConfig(join(repoRoot, 'volet.config.json'));
  assert.deepEqual(
    config.services.map((s) => [s.name, s.wsdl, s.out]),
    [
      ['xds-registry', [REGISTRY], join(repoRoot, 'generated', 'xds-registry')],
      ['xds-repository', [REPOSITORY], join(repoRoot, 'generated', 'xds-repository')],
      ['insi', [INSI], join(repoRoot, 'generated', 'insi')],
    ],
  );
  assert.deepEqual(config.catalog, []);
});
