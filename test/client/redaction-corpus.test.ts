/**
 * Deny-by-default redaction on every official example message of the corpus (DMP example package
 * with its VIHF tokens, CDA document and XAdES signature; INSi fixtures and extracted messages).
 *
 * The oracle does not use the redactor: each message is parsed with the runtime's XML reader and
 * the values to hide are gathered from the parse — the known patient fields (INSi traits, HL7
 * names/birth time/addr/telecom/ids, XDS patient slots and identifiers, the VIHF resource-id) and
 * every text or attribute value outside the safe-by-construction list. The redacted text must
 * contain none of them (nor any token of them), however the value is written: as is, escaped,
 * split by a comment, or in CDATA. The safe values (Action, MessageID…) must still be there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { redactHeaders } from '@volet/runtime/client';
import { SoapClient, type PortDescriptor, type SchemaDescriptor, type Transport } from '@volet/runtime';
import { TransportError } from '@volet/runtime/http';
import { decodeMultipartRelated, sniffBoundary } from '@volet/runtime/mtom';
import { escapeXml, isSafeAttribute, isSafeElementText, readXml, redactXml, XMLNS_NS, XSI_NS, type XmlTag } from '@volet/runtime/xml';
import { corpus, corpusRoot, corpusSkipReason } from '../support/paths.js';

/** Elements whose whole content is a patient field, by local name (any namespace). */
const PATIENT_ELEMENTS = new Set([
  // DMP PatientsSpecific / patient account, INSi traits and results, ContexteBAM beneficiary.
  'lastName',
  'firstName',
  'dateOfBirth',
  'nationalId',
  'birthName',
  'usualName',
  'email',
  'mobilePhone',
  'phone',
  'address',
  'NomNaissance',
  'Prenom',
  'ListePrenom',
  'NomUsage',
  'DateNaissance',
  'LieuNaissance',
  'RangNaissance',
  'Sexe',
  'NumIdentifiant',
  'Cle',
  'Num',
  'DateNai',
  'NIR',
  'INS',
  'Matricule',
  // HL7 v3 / CDA.
  'given',
  'family',
  'prefix',
  'suffix',
  'addr',
  'streetAddressLine',
  'city',
  'postalCode',
  'country',
  'houseNumber',
  'streetName',
]);
/** Attributes that are patient fields on any element (HL7 `birthTime@value`, `telecom@value`, `id@extension`). */
const PATIENT_ATTRIBUTE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  birthTime: ['value'],
  telecom: ['value'],
  id: ['extension'],
  patientId: ['extension'],
};
/** XDS slots and identifiers that hold patient identity. */
const PATIENT_SLOTS = /^(sourcePatientId|sourcePatientInfo|\$XDSDocumentEntryPatientId|\$XDSFolderPatientId|\$XDSSubmissionSetPatientId|intendedRecipient)$/;

const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Oracle {
  /** Values that must not be printed: patient fields. */
  readonly patient: Set<string>;
  /** Every other value outside the safe list. */
  readonly unsafe: Set<string>;
  /** Names, namespace URIs and safe values: what the redacted text may legitimately contain. */
  readonly allowed: string[];
  /** Safe text values that must still be shown (the redactor is not "mask everything"). */
  readonly shown: Set<string>;
}

/** Collects the oracle values of one document with the runtime's XML reader (not the redactor). */
function oracle(xml: string): Oracle {
  const patient = new Set<string>();
  const unsafe = new Set<string>();
  const allowed: string[] = [];
  const shown = new Set<string>();
  const stack: { tag: XmlTag; patient: boolean; slot: boolean; text: string }[] = [];
  const add = (value: string, isPatient: boolean): void => {
    const v = value.trim();
    if (v === '') return;
    (isPatient ? patient : unsafe).add(v);
  };
  readXml(xml, {
    openTag(tag) {
      const parent = stack[stack.length - 1];
      const slotName = tag.local === 'Slot' ? tag.attributeList.find((a) => a.local === 'name')?.value : undefined;
      const owner = PATIENT_ATTRIBUTE_OWNERS[tag.local];
      allowed.push(tag.name);
      for (const a of tag.attributeList) {
        allowed.push(a.name);
        if (a.uri === XMLNS_NS || a.name === 'xmlns') {
          allowed.push(a.value);
          continue;
        }
        // Inside a patient field every attribute is patient data, but its schema type (xsi:type).
        // An HL7 id whose extension is a UUID names a message or document (acknowledgement targetMessage), not a person.
        const isPatient =
          (parent?.patient === true && a.uri !== XSI_NS) ||
          ((owner?.includes(a.local) ?? false) && !UUID.test(a.value)) ||
          (tag.local === 'ExternalIdentifier' && a.local === 'value');
        if (!isPatient && isSafeAttribute({ namespace: tag.uri, local: tag.local }, { namespace: a.uri, local: a.local }, escapeXml(a.value, true))) {
          allowed.push(a.value);
        } else add(a.value, isPatient);
      }
      const isResourceId = tag.local === 'Attribute' && /resource-id$/.test(tag.attributeList.find((a) => a.local === 'Name')?.value ?? '');
      stack.push({
        tag,
        patient: parent?.patient === true || PATIENT_ELEMENTS.has(tag.local) || (slotName !== undefined && PATIENT_SLOTS.test(slotName)) || isResourceId,
        slot: false,
        text: '',
      });
    },
    text(text) {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.text += text;
    },
    closeTag() {
      const top = stack.pop();
      if (top === undefined) return;
      if (!top.patient && isSafeElementText(top.tag.uri, top.tag.local)) {
        if (top.text.trim() !== '') {
          allowed.push(top.text);
          shown.add(top.text.trim());
        }
      } else add(top.text, top.patient);
    },
  });
  return { patient, unsafe, allowed, shown };
}

/**
 * The pieces of a value worth looking for: the value, escaped, and its tokens of 4+ characters. A
 * value of 1–3 characters (a sex code, a birth rank) is looked for as a whole text or attribute value.
 */
function needles(value: string): string[] {
  if (value.length < 4) return [`>${escapeXml(value)}<`, `="${escapeXml(value, true)}"`, `[CDATA[${value}]]`];
  const out = new Set([value, escapeXml(value)]);
  for (const token of value.split(/[\s^|&~,;:/()=+'"<>]+/)) if (token.length >= 4) out.add(token);
  return [...out];
}

/** Every text node of a message split by an empty comment and the rest put in CDATA: `<a>X<!----><![CDATA[YZ]]></a>`. */
function splitAndCdata(xml: string): string {
  return xml.replace(/>([^<]+)</g, (whole, text: string) => {
    if (/^\s*$/.test(text) || text.includes(']]>')) return whole;
    return `>${text.slice(0, 1)}<!----><![CDATA[${text.slice(1)}]]><`;
  });
}

function check(name: string, xml: string): { patient: number; unsafe: number } {
  const o = oracle(xml);
  const allowed = o.allowed.join('\n');
  for (const variant of [xml, splitAndCdata(xml)]) {
    const printed = redactXml(variant);
    for (const value of o.patient) {
      for (const needle of needles(value)) {
        // A token of a patient value that is also a name or a safe value elsewhere is not a leak of it.
        if (needle !== value && !needle.startsWith('>') && !needle.startsWith('=') && allowed.includes(needle)) continue;
        assert.ok(!printed.includes(needle), `${name}: patient value ${JSON.stringify(needle)} printed`);
      }
    }
    for (const value of o.unsafe) {
      for (const needle of needles(value)) {
        if (allowed.includes(needle)) continue;
        assert.ok(!printed.includes(needle), `${name}: value ${JSON.stringify(needle.slice(0, 80))} printed`);
      }
    }
  }
  // Not vacuous: the structure and the safe values remain.
  const printed = redactXml(xml);
  for (const value of o.shown) assert.ok(printed.includes(value), `${name}: safe value ${value} not shown`);
  return { patient: o.patient.size, unsafe: o.unsafe.size };
}

/** Every `.xml` file under a corpus folder. */
function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...xmlFiles(path));
    else if (entry.endsWith('.xml')) out.push(path);
  }
  return out;
}

/** The XML documents of a file: itself, or the parts of a raw MTOM body (TD2.1 request). */
function documentsOf(path: string): { name: string; xml: string }[] {
  const bytes = readFileSync(path);
  const name = relative(corpusRoot, path);
  const boundary = sniffBoundary(bytes);
  if (boundary === undefined) return [{ name, xml: new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '') }];
  const mime = decodeMultipartRelated(bytes, undefined, { boundary });
  return mime.parts.map((part, i) => ({
    name: `${name} part ${i + 1}`,
    xml: new TextDecoder('utf-8', { fatal: false }).decode(part.body).replace(/^\uFEFF/, ''),
  }));
}

test('no patient value of any official example message survives redaction (as written, split, or in CDATA)', { skip: corpusSkipReason }, () => {
  const files = [
    ...xmlFiles(corpus('dmp-exemples-messages')),
    ...xmlFiles(corpus('insi-padoa', 'src', 'ins', 'fixtures')),
    ...xmlFiles(corpus('insi-padoa', 'extracted')),
  ];
  assert.ok(files.length >= 30, `only ${files.length} example messages found`);
  let patientValues = 0;
  let documents = 0;
  for (const file of files) {
    for (const doc of documentsOf(file)) {
      if (!doc.xml.trimStart().startsWith('<')) continue; // a binary MIME part
      const counts = check(doc.name, doc.xml);
      patientValues += counts.patient;
      documents++;
    }
  }
  // The oracle found real patient data to look for (the DMP and INSi examples carry plenty).
  assert.ok(documents >= 30, `${documents} documents`);
  assert.ok(patientValues >= 50, `${patientValues} patient values`);
});

test('the shapes the name list missed: XDS PID-5/PID-7, HL7 addr/telecom, CDATA, split text, INS with spaces', () => {
  const xml = [
    '<rim:Slot xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0" name="sourcePatientInfo"><rim:ValueList>',
    '<rim:Value>PID-5|DUPONT^JEAN^^^^^L</rim:Value><rim:Value>PID-7|19800101</rim:Value></rim:ValueList></rim:Slot>',
    '<patient xmlns="urn:hl7-org:v3"><addr><streetAddressLine>12 rue des Lilas</streetAddressLine></addr>',
    '<telecom value="tel:0601020304"/><name><given><![CDATA[Jean]]></given></name></patient>',
    '<INSi><Prenom><!---->JEAN</Prenom><NumIdentifiant>1 80 01 75 123 456 78</NumIdentifiant></INSi>',
    '<PatientsSpecific><lastName>DUPONT</lastName><dateOfBirth>1980-01-01</dateOfBirth><nationalId>1800175123456781234567</nationalId></PatientsSpecific>',
  ].join('');
  const printed = redactXml(xml);
  for (const secret of ['DUPONT', 'JEAN', 'Jean', '19800101', 'Lilas', '0601020304', '1 80 01', '1980-01-01', '1800175123456781234567']) {
    assert.ok(!printed.includes(secret), secret);
  }
  assert.match(printed, /<rim:Slot xmlns:rim="[^"]+" name="sourcePatientInfo">/, 'the structure is kept');
});

test('truncated and malformed text is masked too', () => {
  assert.equal(redactXml('<a x="DUPONT"><b>JEAN'), '<a x="***"><b>***');
  assert.equal(redactXml('Patient DUPONT <b>x</b> 1 < 2'), '***<b>***</b>*********');
  assert.equal(redactXml('<a><!-- DUPONT --><?pi DUPONT?><!DOCTYPE a [<!ENTITY e "DUPONT">]></a>').includes('DUPONT'), false);
  assert.equal(redactXml('<a>x</a>', { maxLength: 5 }), '<a>*…');
});

test('TransportError messages never quote a body unredacted', async () => {
  const schema: SchemaDescriptor = { v: 1, ns: ['', 'urn:t'], types: {}, elements: { E: { n: 'E', ns: 1, t: 'xs:string' } } };
  const port: PortDescriptor = {
    name: 'P',
    service: 'S',
    address: null,
    operations: {
      Op: {
        name: 'Op',
        soapVersion: '1.2',
        style: 'document',
        soapAction: '',
        action: null,
        responseAction: null,
        input: { body: [{ part: 'b', element: 'E' }], headers: [] },
        output: { body: [{ part: 'b', element: 'E' }], headers: [] },
        faults: [],
      },
    },
  };
  const cases: [string, string][] = [
    ['text/html; charset=utf-8', '<html><body><h1>Erreur</h1><p>Patient DUPONT Jean INS 180017512345678 né le 01/01/1980</p></body></html>'],
    ['text/plain', 'Patient DUPONT Jean INS 180017512345678 né le 01/01/1980'],
    ['application/json', '{"patient":"DUPONT Jean","ins":"180017512345678"}'],
  ];
  for (const [type, body] of cases) {
    const transport: Transport = { send: async () => ({ status: 502, headers: { 'content-type': type }, body: Buffer.from(body) }) };
    const client = new SoapClient(schema, port, { endpoint: 'https://dmp.example/ws?ticket=1', transport });
    await assert.rejects(client.call('Op', 'x'), (e: unknown) => {
      assert.ok(e instanceof TransportError);
      for (const text of [e.message, e.excerpt ?? '']) assert.doesNotMatch(text, /DUPONT|Jean|180017512345678|1980/);
      assert.match(e.message, new RegExp(`non-SOAP response \\(${type.split(';')[0].replace('/', '\\/')}, ${Buffer.byteLength(body)} bytes\\)`));
      return true;
    });
  }
});

test('trace headers: framing headers shown, cookies, tokens and custom headers masked', () => {
  const shown = redactHeaders({
    'content-type': 'application/soap+xml; action="urn:a"',
    'set-cookie': 'JSESSIONID=abc',
    authorization: 'Bearer x',
    'x-patient': 'DUPONT',
  });
  assert.deepEqual(shown, { 'content-type': 'application/soap+xml; action="urn:a"', 'set-cookie': '***', authorization: '***', 'x-patient': '***' });
});
