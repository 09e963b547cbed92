/**
 * SoapClient on a small SOAP 1.1 service generated at test time (rpc and document operations,
 * a one-way one, a base64Binary one) against a local mutual-TLS server: rpc wrappers and SOAPAction,
 * one-way calls, SOAP 1.1 faults, MTOM with SOAP 1.1, the RelatesTo modes, response headers,
 * the trace hook and its masking, abort, strict decoding, and the errors for bad calls.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AddressingError,
  DecodeError,
  EncodeError,
  SoapClient,
  SoapFault,
  TransportError,
  type ClientOptions,
  type PortDescriptor,
  type SchemaDescriptor,
  type SoapProfile,
  type TraceEvent,
} from '@volet/runtime';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { generateClients, repoScratch } from '../e2e-runtime/support/generated-clients.js';
import { startSoapServer, type Reply, type SoapTestServer } from '../e2e-runtime/support/soap-server.js';

const TNS = 'urn:volet:test:calc';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

const WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="${TNS}" xmlns:tns="${TNS}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types>
    <xs:schema targetNamespace="${TNS}" elementFormDefault="qualified">
      <xs:element name="Note"><xs:complexType><xs:sequence><xs:element name="text" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="Blob"><xs:complexType><xs:sequence>
        <xs:element name="name" type="xs:string"/><xs:element name="data" type="xs:base64Binary" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>
      <xs:element name="Trace"><xs:complexType><xs:attribute name="id" type="xs:string"/></xs:complexType></xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="AddRequest"><wsdl:part name="a" type="xs:int"/><wsdl:part name="b" type="xs:int"/></wsdl:message>
  <wsdl:message name="AddResponse"><wsdl:part name="sum" type="xs:int"/></wsdl:message>
  <wsdl:message name="NotifyRequest"><wsdl:part name="note" element="tns:Note"/></wsdl:message>
  <wsdl:message name="UploadRequest"><wsdl:part name="blob" element="tns:Blob"/></wsdl:message>
  <wsdl:message name="UploadResponse"><wsdl:part name="note" element="tns:Note"/><wsdl:part name="trace" element="tns:Trace"/></wsdl:message>
  <wsdl:portType name="Calc">
    <wsdl:operation name="Add"><wsdl:input message="tns:AddRequest"/><wsdl:output message="tns:AddResponse"/></wsdl:operation>
    <wsdl:operation name="Notify"><wsdl:input message="tns:NotifyRequest"/></wsdl:operation>
    <wsdl:operation name="Upload"><wsdl:input message="tns:UploadRequest"/><wsdl:output message="tns:UploadResponse"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="CalcBinding" type="tns:Calc">
    <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Add">
      <soap:operation soapAction="${TNS}#Add"/>
      <wsdl:input><soap:body use="literal" namespace="${TNS}"/></wsdl:input>
      <wsdl:output><soap:body use="literal" namespace="${TNS}"/></wsdl:output>
    </wsdl:operation>
    <wsdl:operation name="Notify">
      <soap:operation soapAction="urn:notify" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
    </wsdl:operation>
    <wsdl:operation name="Upload">
      <soap:operation soapAction="" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="CalcService">
    <wsdl:port name="CalcPort" binding="tns:CalcBinding"><soap:address location="https://servicelocation/calc"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;

const envelope11 = (body: string, header = ''): string =>
  `<s:Envelope xmlns:s="${SOAP11}">${header === '' ? '' : `<s:Header>${header}</s:Header>`}<s:Body>${body}</s:Body></s:Envelope>`;
const soap11 = (body: string, status = 200): Reply => ({ status, contentType: 'text/xml; charset=utf-8', body: body === '' ? '' : envelope11(body) });
const RELATES = (id: string): string => `<wsa:RelatesTo xmlns:wsa="http://www.w3.org/2005/08/addressing">${id}</wsa:RelatesTo>`;

type Calc = {
  add(body: { a: number; b: number }, options?: Record<string, unknown>): Promise<number>;
  notify(body: { text: string }): Promise<void>;
  upload(body: { name: string; data: Uint8Array[] }, options?: Record<string, unknown>): Promise<{ note: { text: string }; trace: { id: string } }>;
  soap: SoapClient;
};

let pki: TestPki;
let server: SoapTestServer;
let reply: () => Reply | Promise<Reply>;
let Calc: new (options: ClientOptions) => Calc;
let schema: SchemaDescriptor;
let port: PortDescriptor;

function options(extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    endpoint: `${server.url}/calc`,
    tls: { credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase }, trust: { caFile: pki.caBundleFile } },
    ...extra,
  };
}

/** A minimal profile of our own: one wsa:MessageID (exercises the profile contract and RelatesTo). */
const messageIdProfile = (id: string): SoapProfile => ({
  name: 'test',
  prepare: () =>
    Promise.resolve({
      headers: [
        {
          namespace: 'http://www.w3.org/2005/08/addressing',
          local: 'MessageID',
          xml: `<wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">${id}</wsa:MessageID>`,
        },
      ],
      messageId: id,
    }),
});

before(async () => {
  pki = await sharedTestPki();
  const src = repoScratch('client-wsdl-');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'calc.wsdl'), WSDL);
  const clients = generateClients([{ name: 'calc', wsdl: [join(src, 'calc.wsdl')] }], 'client-');
  const mod = await clients.load('calc');
  Calc = mod.CalcClient as typeof Calc;
  schema = mod.schema as SchemaDescriptor;
  port = mod.calcPort as PortDescriptor;
  server = await startSoapServer(pki, () => reply());
});

after(async () => {
  await server?.close();
});

test('rpc/literal over SOAP 1.1: wrapper in the binding namespace, unqualified parts, SOAPAction, text/xml', async () => {
  reply = () => soap11(`<c:AddResponse xmlns:c="${TNS}"><sum>5</sum></c:AddResponse>`);
  const calc = new Calc(options());
  try {
    const result = await calc.add({ a: 2, b: 3 });
    assert.equal(result, 5);
    const request = server.last();
    assert.equal(request.headers['content-type'], 'text/xml; charset=utf-8');
    assert.equal(request.headers.soapaction, `"${TNS}#Add"`);
    assert.equal(request.doc.documentElement?.namespaceURI, SOAP11);
    assert.match(request.envelope, new RegExp(`<rpc:Add xmlns:rpc="${TNS}"><a>2</a><b>3</b></rpc:Add>`));
  } finally {
    calc.soap.close();
  }
});

test('one-way operation: an empty 202 resolves; SOAP 1.1 fault (Client) rejects with a SoapFault', async () => {
  const calc = new Calc(options());
  try {
    reply = () => ({ status: 202, contentType: 'text/xml', body: '' });
    assert.equal(await calc.notify({ text: 'hello' }), undefined);
    assert.equal(server.last().headers.soapaction, '"urn:notify"');
    reply = () => soap11(`<s:Fault xmlns:s="${SOAP11}"><faultcode>s:Client</faultcode><faultstring>bad numbers</faultstring></s:Fault>`, 500);
    await assert.rejects(calc.add({ a: 1, b: 1 }), (err: unknown) => {
      assert.ok(err instanceof SoapFault);
      assert.equal(err.version, '1.1');
      assert.deepEqual(err.faultCode, { namespace: SOAP11, local: 'Client' });
      assert.equal(err.reason(), 'bad numbers');
      return true;
    });
  } finally {
    calc.soap.close();
  }
});

test('MTOM with SOAP 1.1: start-info text/xml, SOAPAction "" (empty soapAction), no action parameter; several parts for one field', async () => {
  reply = () => soap11(`<Note xmlns="${TNS}"><text>stored</text></Note><Trace xmlns="${TNS}" id="t-1"/>`);
  const calc = new Calc(options({ mtom: true }));
  try {
    const data = [new Uint8Array([0, 1, 2, 255]), new TextEncoder().encode('<doc>é</doc>')];
    const result = await calc.upload({ name: 'two', data });
    const request = server.last();
    const ct = request.headers['content-type'] ?? '';
    assert.match(ct, /^multipart\/related; type="application\/xop\+xml"; boundary=/);
    assert.match(ct, /start-info="text\/xml"/);
    assert.doesNotMatch(ct, /action=/);
    assert.equal(request.headers.soapaction, '""');
    assert.equal(request.attachments.size, 2);
    assert.deepEqual(
      [...request.attachments.values()].map((v) => Buffer.from(v)),
      data.map((d) => Buffer.from(d)),
    );
    // Several body parts in the response: an object by part name.
    assert.deepEqual(result, { note: { text: 'stored' }, trace: { id: 't-1' } });
    // A call without binary content sends plain SOAP even with MTOM on.
    reply = () => soap11(`<c:AddResponse xmlns:c="${TNS}"><sum>2</sum></c:AddResponse>`);
    await calc.add({ a: 1, b: 1 });
    assert.equal(server.last().multipart, false);
  } finally {
    calc.soap.close();
  }
});

test('RelatesTo: warn by default, strict throws AddressingError, a match is silent; callWithHeaders and onResponse', async () => {
  const sent = 'urn:uuid:11111111-1111-4111-8111-111111111111';
  const warnings: string[] = [];
  const responses: unknown[] = [];
  const calc = new Calc(options({ profile: messageIdProfile(sent), onWarning: (m) => warnings.push(m), onResponse: (r) => responses.push(r.status) }));
  try {
    reply = () => ({
      status: 200,
      contentType: 'text/xml; charset=utf-8',
      body: envelope11(`<c:AddResponse xmlns:c="${TNS}"><sum>3</sum></c:AddResponse>`, RELATES('urn:uuid:other')),
    });
    assert.equal(await calc.add({ a: 1, b: 2 }), 3);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /does not match the request MessageID urn:uuid:11111111/);
    assert.match(server.last().envelope, /<wsa:MessageID[^>]*>urn:uuid:11111111/);
    await assert.rejects(
      calc.add({ a: 1, b: 2 }, { relatesTo: 'strict' }),
      (err: unknown) => err instanceof AddressingError && err.code === 'relates-to-mismatch',
    );
    reply = () => ({
      status: 200,
      contentType: 'text/xml; charset=utf-8',
      body: envelope11(`<c:AddResponse xmlns:c="${TNS}"><sum>3</sum></c:AddResponse>`, RELATES(sent)),
    });
    const full = await calc.soap.callWithHeaders<number>('Add', { a: 1, b: 2 }, {}, { relatesTo: 'strict' });
    assert.equal(full.body, 3);
    assert.equal(full.status, 200);
    assert.equal(full.version, '1.1');
    assert.equal(full.messageId, sent);
    assert.deepEqual(full.addressing.relatesTo, [{ value: sent, relationshipType: 'http://www.w3.org/2005/08/addressing/reply' }]);
    assert.equal(full.headers.length, 1);
    assert.equal(warnings.length, 1);
    assert.deepEqual(responses, [200, 200]);
  } finally {
    calc.soap.close();
  }
});

test('trace: request and response events, patient data masked by default, unmasked on request', async () => {
  const events: TraceEvent[] = [];
  reply = () => soap11(`<Note xmlns="${TNS}"><text>ok</text></Note><Trace xmlns="${TNS}" id="x"/>`);
  const calc = new Calc(options({ trace: (e) => events.push(e) }));
  try {
    // An INS-like number and a name in the payload.
    await calc.upload({ name: 'patient 207058575627097', data: [new Uint8Array([1])] });
    assert.deepEqual(
      events.map((e) => e.phase),
      ['request', 'response'],
    );
    assert.equal(events[0].operation, 'Upload');
    assert.equal(events[0].masked, true);
    assert.doesNotMatch(events[0].body, /207058575627097/);
    assert.match(events[0].body, /<calc:name>\*\*\*<\/calc:name>/);
    assert.doesNotMatch(events[1].body, />ok</, 'response values are redacted too');
    assert.equal(events[1].status, 200);
    await calc.upload({ name: 'patient 207058575627097', data: [new Uint8Array([1])] }, { revealValues: true });
    assert.match(events[2].body, /207058575627097/);
    assert.equal(events[2].masked, false);
  } finally {
    calc.soap.close();
  }
});

test('abort, strict decoding, and typed errors for bad calls', async () => {
  const calc = new Calc(options());
  try {
    reply = () => new Promise((resolve) => setTimeout(() => resolve(soap11(`<c:AddResponse xmlns:c="${TNS}"><sum>1</sum></c:AddResponse>`)), 800));
    const controller = new AbortController();
    const pending = calc.add({ a: 0, b: 1 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (err: unknown) => err instanceof TransportError && err.kind === 'aborted');

    reply = () => soap11(`<Note xmlns="${TNS}"><text>ok</text><extra/></Note><Trace xmlns="${TNS}"/>`);
    assert.deepEqual(
      (await calc.upload({ name: 'n', data: [new Uint8Array([7])] })).note,
      { text: 'ok' },
      'lenient by default: the unknown element is skipped',
    );
    await assert.rejects(
      calc.upload({ name: 'n', data: [new Uint8Array([7])] }, { strict: true }),
      (err: unknown) => err instanceof DecodeError && err.code === 'unknown-element',
    );

    await assert.rejects(calc.soap.call('Nope', {}), (err: unknown) => err instanceof EncodeError && err.code === 'unknown-operation');
    await assert.rejects(
      calc.soap.call('Add', { a: 1, b: 2 }, { NotAHeader: 1 }),
      (err: unknown) => err instanceof EncodeError && err.code === 'unknown-header',
    );
    await assert.rejects(calc.soap.call('Add', { a: 1 }), (err: unknown) => err instanceof EncodeError && err.code === 'missing-property');
    const noEndpoint = new SoapClient(schema, { ...port, address: null }, { transport: { send: () => Promise.reject(new Error('not called')) } });
    await assert.rejects(noEndpoint.call('Add', { a: 1, b: 2 }), /set the endpoint option/);
  } finally {
    calc.soap.close();
  }
});

test('a transport of the caller is used as given (here an in-memory one) and not closed by the client', async () => {
  let closed = false;
  const requests: string[] = [];
  const client = new SoapClient(schema, port, {
    endpoint: 'https://example.invalid/calc',
    transport: {
      send: (request) => {
        requests.push(String(request.body));
        return Promise.resolve({
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: new TextEncoder().encode(envelope11(`<c:AddResponse xmlns:c="${TNS}"><sum>9</sum></c:AddResponse>`)),
        });
      },
      close: () => {
        closed = true;
      },
    },
  });
  assert.equal(await client.call('Add', { a: 4, b: 5 }), 9);
  client.close();
  assert.equal(closed, false);
  assert.match(requests[0], /<a>4<\/a><b>5<\/b>/);
});

test('requests are checked before sending by default (an unknown property is an error naming the nearest one); validateRequests: false skips the check', async () => {
  const requests: string[] = [];
  const transport = {
    send: (request: { body: unknown }) => {
      requests.push(String(request.body));
      return Promise.resolve({
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: new TextEncoder().encode(envelope11(`<c:AddResponse xmlns:c="${TNS}"><sum>3</sum></c:AddResponse>`)),
      });
    },
  };
  const checked = new SoapClient(schema, port, { endpoint: 'https://example.invalid/calc', transport });
  await assert.rejects(
    checked.call('Notify', { text: 'hi', txet: 'typo' }),
    (err: unknown) =>
      err instanceof EncodeError &&
      err.code === 'unknown-property' &&
      /unknown property "txet" \(did you mean text\?\)/.test(err.message) &&
      err.path === 'txet',
  );
  await assert.rejects(
    checked.call('Add', { a: 2 ** 40, b: 1 }),
    (err: unknown) => err instanceof EncodeError && err.code === 'invalid-value' && /out of range/.test(err.message),
  );
  assert.equal(requests.length, 0, 'nothing was sent');
  const unchecked = new SoapClient(schema, port, { endpoint: 'https://example.invalid/calc', transport, validateRequests: false });
  await unchecked.call('Notify', { text: 'hi', txet: 'typo' });
  assert.equal(requests.length, 1);
  assert.doesNotMatch(requests[0], /typo/, 'an unknown property is not written, whatever the option');
});

test('the request goes to the transport as UTF-8 bytes; the trace shows the same envelope as text', async () => {
  const bodies: unknown[] = [];
  const events: TraceEvent[] = [];
  const text = 'Hôpital d’Arras – œdème 😀';
  const client = new SoapClient(schema, port, {
    endpoint: 'https://example.invalid/calc',
    trace: (e) => events.push(e),
    revealValues: true,
    transport: {
      send: (request) => {
        bodies.push(request.body);
        return Promise.resolve({ status: 202, headers: {}, body: new Uint8Array(0) });
      },
    },
  });
  await client.call('Notify', { text });
  assert.ok(bodies[0] instanceof Uint8Array, 'bytes, not a string');
  const sent = Buffer.from(bodies[0]);
  assert.ok(sent.includes(Buffer.from(`text>${text}</`, 'utf8')), 'the value, as UTF-8');
  const traced = events.find((e) => e.phase === 'request')?.body;
  assert.equal(typeof traced, 'string');
  assert.ok(Buffer.from(traced ?? '', 'utf8').equals(sent), 'the traced envelope is the text of the bytes sent');
});
