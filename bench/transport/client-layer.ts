/**
 * The generated client's own CPU per call, without the network: the INSi and ITI-18 clients of
 * concurrent-calls.ts, 64 calls in flight, over an in-memory transport that answers each request on
 * the next turn of the event loop with the same answers as the bench server (a fresh copy of the
 * bytes each time, as a socket would give). What is left is the client layer (options, envelope,
 * request check, response checks, decode): less sensitive to the machine's load than throughput.
 * The last column is the decode of the same answer alone (`decodeEnvelope` from its bytes with the
 * operation's body descriptor, one call after another): the share of the client layer the codec takes.
 * Usage: node --import tsx --conditions=volet-source bench/transport/client-layer.ts [runs=5] [calls=20000]
 */
import { readFileSync } from 'node:fs';
import type { ElementRef } from '@volet/runtime/codec';
import type { Transport, TransportRequest, TransportResponse } from '@volet/runtime/http';
import { decodeEnvelope } from '@volet/runtime/soap';
import { ICIRClient, schema as insiSchema } from '../../generated/insi/index.js';
import { DocumentRegistryClient, schema as registrySchema } from '../../generated/xds-registry/index.js';
import { findDocumentsQuery, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { corpus } from '../../test/support/paths.js';
import { buildAdhocQueryResponse } from '../codec/build-input.js';
import { median } from './child.js';

const runs = Number(process.argv[2] ?? 5);
const calls = Number(process.argv[3] ?? 20000);
const IN_FLIGHT = 64;

/** Answers every request with `answer` (copied, as a socket's chunk would be) on the next turn of the loop. */
function cannedTransport(answer: Buffer): Transport {
  const headers = { 'content-type': 'application/soap+xml; charset=utf-8', 'content-length': String(answer.length) };
  return {
    send: (_request: TransportRequest) =>
      new Promise<TransportResponse>((resolve) => {
        setImmediate(() => resolve({ status: 200, headers, body: Buffer.from(answer) }));
      }),
  };
}

async function drive(send: () => Promise<unknown>, count: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) await send();
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

const insiAnswer = readFileSync(corpus('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml'));
const registryAnswer = Buffer.from(buildAdhocQueryResponse(1), 'utf8');
const insi = new ICIRClient({ endpoint: 'https://localhost/insi', transport: cannedTransport(insiAnswer) });
const identity = { NomNaissance: 'DUPONT', Prenom: ['MARIE'], Sexe: 'F', DateNaissance: '1980-05-17' };
const registry = new DocumentRegistryClient({
  endpoint: 'https://localhost/registry',
  transport: cannedTransport(registryAnswer),
  relatesTo: 'off',
});
const query = findDocumentsQuery(xdsPatientId('207058575627097', '1.2.250.1.213.1.4.10'));
/** The answer's decode alone, as the client makes it (lenient, the operation's frozen body descriptor). */
function decodeAlone(answer: Buffer, body: ElementRef): () => void {
  const bodyDescriptors = Object.freeze([body]);
  const none = Object.freeze([]);
  return () => {
    decodeEnvelope(answer, { mode: 'lenient', bodyDescriptors, headerDescriptors: none, faultDetailDescriptors: none, httpStatus: 200 });
  };
}

const services: [string, () => Promise<unknown>, number, () => void][] = [
  ['insi', () => insi.rechercherInsAvecTraitsIdentite(identity), calls, decodeAlone(insiAnswer, { schema: insiSchema, element: 'RESULTATElement' })],
  [
    'iti18',
    () => registry.registryStoredQuery(query),
    Math.max(1000, Math.round(calls / 5)),
    decodeAlone(registryAnswer, { schema: registrySchema, element: 'AdhocQueryResponseElement' }),
  ],
];

console.log(`\nclient layer CPU per call, ${IN_FLIGHT} in flight, in-memory transport; ${runs} runs\n`);
console.log('| service | calls per run | µs/call (median) | µs/call (min) | decode alone µs (median) |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, send, count, decode] of services) {
  await drive(send, 5000); // warm-up
  const perCall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    await drive(send, count);
    const cpu = process.cpuUsage(cpu0);
    perCall.push((cpu.user + cpu.system) / count);
  }
  const decodes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < count; i++) decode();
    const cpu = process.cpuUsage(cpu0);
    decodes.push((cpu.user + cpu.system) / count);
  }
  console.log(`| ${name} | ${count} | ${median(perCall).toFixed(1)} | ${Math.min(...perCall).toFixed(1)} | ${median(decodes).toFixed(1)} |`);
}
