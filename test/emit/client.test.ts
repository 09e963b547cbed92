/**
 * client.ts: one class per port, one method per callable operation, typed body, headers, response
 * and fault details.
 * Inputs: the ping WSDL of test/fixtures (header part, fault) and a hand-written model
 * (test/fixtures/models/client-shapes.json: rpc parts by type, several parts, one-way, no body,
 * operation names that are not method names, two ports of one port type).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Model } from '../../generator/model/model.js';
import { buildModel } from '../../generator/pipeline.js';
import { repoRoot } from '../support/paths.js';
import { describeDiagnostics, emitted, Scratch, typecheckAll, type Emitted } from './support/emit-fixture.js';

const scratch = new Scratch('volet-client-');
let ping: Emitted;
let shapes: Emitted;

function shapesModel(): Model {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'models', 'client-shapes.json'), 'utf8')) as Model;
}

before(() => {
  ping = emitted('ping', buildModel([join(repoRoot, 'test', 'fixtures', 'wsdl', 'ping', 'ping.wsdl')]));
  shapes = emitted('shapes', shapesModel());
  typecheckAll(scratch.dir, [ping, shapes]);
});

after(() => scratch.remove());

function contains(text: string, ...snippets: string[]): void {
  for (const s of snippets) assert.ok(text.includes(s), `expected to find:\n${s}\n--- in ---\n${text}`);
}

describe('client.ts', () => {
  test('a document/literal operation with a header part and a typed fault', () => {
    const client = ping.files['client.ts'];
    contains(
      client,
      "import { SoapClient, type CallOptions, type ClientOptions } from '@volet/runtime';",
      "import type { ContextType, Ping, PingResponse } from './schemas/ping/types.js';",
      "import { schema } from './schemas/schema.js';",
      "import { pingPort, pingOperations } from './descriptors.js';",
      'export type PingHeaders = {\n',
      '  context?: ContextType;\n',
      'export type PingFaults = {\n',
      '  PingFaultElement: string;\n',
      'export class PingClient {',
      '    this.soap = new SoapClient(schema, pingPort, options);',
      'async ping(body: Ping, headers: PingHeaders = {}, options: CallOptions = {}): Promise<PingResponse> {',
      'return this.soap.invoke(pingOperations.ping, body, headers, options);',
      '   * SOAP action: `urn:volet:test:ping:Ping`.',
      '   * Declared faults: `PingFault` (typed details: {@link PingFaults}).',
    );
    contains(ping.files['descriptors.ts'], 'export const pingOperations = {\n', "  ping: operationRef<Ping, PingResponse, PingHeaders>(pingPort, 'Ping'),\n");
    assert.equal(ping.diagnostics.length, 0, describeDiagnostics(ping.diagnostics));
  });

  test('rpc parts by type, several parts, one-way, no body, awkward operation names, two ports', () => {
    const client = shapes.files['client.ts'];
    contains(
      client,
      'async lookup(body: { id: number; filter: Item }, options: CallOptions = {}): Promise<Item> {',
      'return this.soap.invoke(shapesSoap12Operations.lookup, body, {}, options);',
      'async notify(body: string, headers: NotifyHeaders = {}, options: CallOptions = {}): Promise<void> {',
      'async ping(options: CallOptions = {}): Promise<void> {\n    return this.soap.invoke(shapesSoap12Operations.ping, undefined, {}, options);',
      'async constructor2(body: string, options: CallOptions = {}): Promise<string> {\n    return this.soap.invoke(shapesSoap12Operations.constructor2, body, {}, options);',
      "async getThing(body: { first: string; 'second-part': Item }, options: CallOptions = {}): Promise<Item | null> {",
      'export class ShapesSoap12Client {',
      'export class ShapesSoap11Client {',
      ' * The WSDL gives no address: set `endpoint` in the options.',
    );
    // a notification (server-initiated) is not a client method; one headers type serves both ports
    assert.doesNotMatch(client, /subscribe\(/);
    assert.equal(client.match(/export type NotifyHeaders/g)?.length, 1);
    const descriptors = shapes.files['descriptors.ts'];
    contains(
      descriptors,
      "LookupIdPart: { n: 'id', ns: 0, t: 'xs:int' },",
      "body: [{ part: 'id', element: 'LookupIdPart' }, { part: 'filter', element: 'LookupFilterPart' }],",
      "rpcNamespace: 'urn:m:rpc',",
      "faults: [{ name: 'NotFound', element: 'NoticeElement' }, { name: 'Untyped' }],",
      "  constructor2: operationRef<string, string>(shapesSoap12Port, 'constructor'),",
      "  getThing: operationRef<{ first: string; 'second-part': Item }, Item | null>(shapesSoap12Port, 'get-thing'),",
    );
    assert.equal(shapes.diagnostics.length, 0, describeDiagnostics(shapes.diagnostics));
  });
});
