/**
 * Names of what a service folder declares (docs/naming.md): client classes after the port without
 * binding noise, lowerCamelCase methods, consistent port descriptors, configuration overrides;
 * and the names of the official registry, repository and INSi clients.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Fault, Port, Service } from '../../generator/model/model.js';
import { allocateClientNames, lowerCamel, methodBaseName, NamesOverRun, portBaseName } from '../../generator/resolve/run/client-names.js';
import { buildModel } from '../../generator/pipeline.js';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';

function port(name: string, soapVersion: '1.1' | '1.2', operations: string[]): Port {
  return {
    name,
    binding: '{urn:x}B',
    portType: '{urn:x}PT',
    soapVersion,
    address: null,
    style: 'document',
    transport: null,
    operations: operations.map((o) => ({
      name: o,
      style: 'document',
      pattern: 'request-response',
      soapAction: '',
      inputAction: null,
      outputAction: null,
      actionSource: { input: 'none', output: 'none' },
      input: null,
      output: null,
      faults: [],
      mtom: false,
      mtomResponse: false,
      mtomReason: { input: 'none', output: 'none' },
    })),
  };
}

/** Class name → method names of each port of the services. */
function names(services: Service[], overrides = {}): Record<string, string[]> {
  const { ports } = allocateClientNames(services, overrides, new Set(), () => true);
  return Object.fromEntries(ports.map((p) => [p.client, [p.descriptor, p.operations, ...p.methods.values()]]));
}

describe('client names', () => {
  test('port names lose their binding noise; methods are lowerCamelCase without a port prefix', () => {
    assert.equal(portBaseName('DocumentRegistry_Port_Soap12'), 'DocumentRegistry');
    assert.equal(portBaseName('GDP_Binding_Soap12'), 'GDP');
    assert.equal(portBaseName('PatientCertificationEndPointImplPort'), 'PatientCertification');
    assert.equal(portBaseName('ICIRService'), 'ICIR');
    assert.equal(portBaseName('Port'), 'Port');
    assert.equal(lowerCamel('RegistryStoredQuery'), 'registryStoredQuery');
    assert.equal(lowerCamel('ICIRLookup'), 'icirLookup');
    assert.equal(lowerCamel('PRPA_IN201305UV02'), 'prpaIN201305UV02');
    assert.equal(methodBaseName('DocumentRepository_ProvideAndRegisterDocumentSet-b', 'DocumentRepository'), 'provideAndRegisterDocumentSetB');
    assert.equal(methodBaseName('rechercherInsAvecCarteVitale', 'ICIR'), 'rechercherInsAvecCarteVitale');
    assert.equal(methodBaseName('get-thing', 'X'), 'getThing');
  });

  test('a SOAP version suffix only when one service has the same port name for SOAP 1.1 and 1.2', () => {
    const twins: Service = { name: 'S', namespace: 'urn:x', ports: [port('Shapes_Soap12', '1.2', ['Get']), port('Shapes_Soap', '1.1', ['Get'])] };
    assert.deepEqual(Object.keys(names([twins])), ['ShapesSoap12Client', 'ShapesSoap11Client']);
    const single: Service = { name: 'S', namespace: 'urn:x', ports: [port('Shapes_Soap12', '1.2', ['Get'])] };
    assert.deepEqual(names([single]), { ShapesClient: ['shapesPort', 'shapesOperations', 'get'] });
  });

  test('volet.config.json names override services, ports and operations; unknown keys are reported', () => {
    const s: Service = {
      name: 'DocumentRegistry_Service',
      namespace: 'urn:x',
      ports: [port('DocumentRegistry_Port_Soap12', '1.2', ['RegistryStoredQuery', 'UpdateDocumentSet'])],
    };
    assert.deepEqual(names([s], { services: { DocumentRegistry_Service: 'Registry' } }), {
      RegistryClient: ['registryPort', 'registryOperations', 'registryStoredQuery', 'updateDocumentSet'],
    });
    assert.deepEqual(
      names([s], {
        services: { DocumentRegistry_Service: 'Registry' },
        ports: { DocumentRegistry_Port_Soap12: 'Dmp' },
        operations: { RegistryStoredQuery: 'query', 'DocumentRegistry_Port_Soap12.UpdateDocumentSet': 'update' },
      }),
      { DmpClient: ['dmpPort', 'dmpOperations', 'query', 'update'] },
    );
    const { unused } = allocateClientNames([s], { ports: { Nope: 'X' }, operations: { 'DocumentRegistry_Port_Soap12.Nope': 'y' } }, new Set(), () => true);
    assert.deepEqual(unused, ['ports.Nope', 'operations.DocumentRegistry_Port_Soap12.Nope']);
  });

  test('a name the folder already exports (a schema type) is not taken by a client', () => {
    const s: Service = { name: 'S', namespace: 'urn:x', ports: [port('Ping', '1.1', ['Ping'])] };
    const { ports } = allocateClientNames([s], {}, new Set(['PingClient']), () => true);
    assert.equal(ports[0]?.client, 'PingClient2');
  });

  test('headers and faults types: once per operation of a port type, after the clients, only for declared fault elements', () => {
    const header = { part: 'h', element: '{urn:x}H', message: '{urn:x}In', headerFaults: [] };
    const fault = (name: string, element: string | null): Fault => ({ name, element, message: `{urn:x}${name}`, action: null });
    const twin = (name: string, soapVersion: '1.1' | '1.2'): Port => {
      const p = port(name, soapVersion, ['Ping', 'Pong']);
      const [ping, pong] = p.operations;
      if (ping !== undefined) {
        ping.input = { message: '{urn:x}In', body: [], headers: [header] };
        ping.faults = [fault('Oops', '{urn:x}Oops')];
      }
      if (pong !== undefined) pong.faults = [fault('Gone', '{urn:x}Undeclared'), fault('Plain', null)];
      return p;
    };
    const s: Service = { name: 'S', namespace: 'urn:x', ports: [twin('Ping_Soap11', '1.1'), twin('Ping_Soap12', '1.2')] };
    const { ports } = allocateClientNames([s], {}, new Set(['PingHeaders']), (e) => e === '{urn:x}Oops');
    const [p11, p12] = ports;
    const ping11 = p11?.port.operations[0];
    const ping12 = p12?.port.operations[0];
    const pong11 = p11?.port.operations[1];
    assert.ok(ping11 !== undefined && ping12 !== undefined && pong11 !== undefined);
    assert.equal(p11?.headers.get(ping11), 'PingHeaders2', 'a taken name gets a number');
    assert.equal(p11?.faults.get(ping11), 'PingFaults');
    // The SOAP 1.2 port of the same port type shares the types.
    assert.equal(p12?.headers.get(ping12), 'PingHeaders2');
    assert.equal(p12?.faults.get(ping12), 'PingFaults');
    // No header part, and no fault element the schema declares: no types.
    assert.equal(p11?.headers.get(pong11), undefined);
    assert.equal(p11?.faults.get(pong11), undefined);
  });

  test('the committed clients of wsdl/: registry, repository and INSi', () => {
    const read = (svc: string): string => readFileSync(join(repoRoot, 'generated', svc, 'client.ts'), 'utf8');
    const shape = (text: string): string[] => [...text.matchAll(/^export class (\w+)|^ {2}async (\w+)\(/gm)].map((m) => m[1] ?? m[2] ?? '');
    assert.deepEqual(shape(read('xds-registry')), ['DocumentRegistryClient', 'registryStoredQuery', 'updateDocumentSet']);
    assert.deepEqual(shape(read('xds-repository')), ['DocumentRepositoryClient', 'provideAndRegisterDocumentSet', 'retrieveDocumentSet']);
    assert.deepEqual(shape(read('insi')), ['ICIRClient', 'rechercherInsAvecTraitsIdentite', 'rechercherInsAvecCarteVitale']);
  });

  test('the official DMP registry and repository WSDLs', { skip: corpusSkipReason }, () => {
    for (const [file, client, methods] of [
      ['XDS.b_DocumentRegistry.wsdl', 'DocumentRegistryClient', ['updateDocumentSet', 'registryStoredQuery']],
      ['XDS.b_DocumentRepository.wsdl', 'DocumentRepositoryClient', ['retrieveDocumentSet', 'provideAndRegisterDocumentSetB']],
    ] as const) {
      const model = buildModel([corpus('dmp-annexe-wsdl-schema', 'wsdl', file)]);
      const { ports } = allocateClientNames(model.services, {}, new Set(), () => true);
      assert.equal(ports.length, 1, file);
      assert.equal(ports[0]?.client, client);
      assert.deepEqual([...(ports[0]?.methods.values() ?? [])], methods);
    }
  });
});

test("each folder takes its names over the run's without changing them or seeing another folder's", () => {
  const run = new Set(['PingClient']);
  const s: Service = { name: 'Ping', namespace: 'urn:x', ports: [port('PingPort', '1.2', ['Ping'])] };
  const first = new NamesOverRun(run);
  const second = new NamesOverRun(run);
  const a = allocateClientNames([s], {}, first, () => true);
  const b = allocateClientNames([s], {}, second, () => true);
  // Both folders avoid the run's name, each alone: the same names, the run's set as it was.
  assert.equal(a.ports[0]?.client, 'PingClient2');
  assert.equal(b.ports[0]?.client, 'PingClient2');
  assert.deepEqual([...run], ['PingClient']);
  assert.ok(first.has('PingClient2') && first.has('PingClient') && !first.has('Other'));
});
