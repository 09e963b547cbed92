/**
 * Worker of concurrent-calls.ts.
 * `server <pkiJson> <entries>`: a mutual-TLS keep-alive HTTPS server answering `/insi` with an INSi RESULTAT
 * (official CNDA fixture) and `/registry` with an ITI-18 AdhocQueryResponse built from the official
 * TD3.1 example with `entries` ExtrinsicObjects. `volet|bare|bare-pfx <pkiJson> <port> <service> <calls> <inFlight> <maxSockets>`: `calls`
 * calls with `inFlight` outstanding at any time; prints calls/s, client CPU and latency percentiles.
 * The client prints `{"warm":true}` after its warm-up and waits for a line on standard input before its
 * measured calls; the server answers each line on its standard input with its CPU time so far (the
 * parent reads it in between, for the server's CPU per measured call).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Agent, createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { corpus } from '../../test/support/paths.js';
import { buildAdhocQueryResponse } from '../codec/build-input.js';
import { findDocumentsQuery, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { ICIRClient } from '../../generated/insi/index.js';
import { DocumentRegistryClient } from '../../generated/xds-registry/index.js';
import type { Transport, TransportRequest } from '@volet/runtime/http';
import type { PkiPaths } from './child.js';
import { mutualTlsServerOptions } from './server-options.js';

type Service = 'insi' | 'iti18';
type Kind = 'volet' | 'bare' | 'bare-pfx';

const [mode, pkiJson, portText, serviceText, callsText, inFlightText, maxSocketsText] = process.argv.slice(2);
/** `server <pkiJson> <entries>`: ITI-18 answers carry this many ExtrinsicObjects (about 11 KB each). */
const iti18Entries = mode === 'server' ? Number(portText ?? 1) : 0;
const pki = JSON.parse(pkiJson ?? '{}') as PkiPaths;
const SOAP12 = 'application/soap+xml; charset=utf-8';
/** Calls made before the measured ones, by every contender alike (steady state: a server-side LPS runs for hours). */
const WARM_UP_CALLS = 3000;

async function server(): Promise<void> {
  const insi = readFileSync(corpus('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml'));
  const registry = Buffer.from(buildAdhocQueryResponse(iti18Entries), 'utf8');
  const srv = createServer({ ...mutualTlsServerOptions(pki), keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.url === '/registry' ? registry : insi;
      res.writeHead(200, { 'content-type': SOAP12, 'content-length': body.length });
      res.end(body);
    });
  });
  srv.maxConnections = 1024;
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  process.stdout.write(JSON.stringify({ port: (srv.address() as AddressInfo).port }) + '\n');
  // Each line on standard input asks for the server's CPU time so far (the parent brackets each measured phase).
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => process.stdout.write(JSON.stringify(process.cpuUsage()) + '\n'));
  lines.on('close', () => process.exit(0));
}

/** The generated client of `service`, the way a vendor's program makes it, with an optional transport in place of HTTPS. */
function voletClient(service: Service, port: number, maxSockets: number, transport?: Transport): () => Promise<unknown> {
  const tls = { trust: { caFile: pki.ca }, credentials: { pfxFile: pki.clientP12, passphrase: pki.passphrase }, proxy: false as const, maxSockets };
  const via = transport === undefined ? { tls } : { transport };
  if (service === 'insi') {
    const client = new ICIRClient({ endpoint: `https://localhost:${port}/insi`, ...via });
    const body = { NomNaissance: 'DUPONT', Prenom: ['MARIE'], Sexe: 'F', DateNaissance: '1980-05-17' };
    return () => client.rechercherInsAvecTraitsIdentite(body);
  }
  const client = new DocumentRegistryClient({ endpoint: `https://localhost:${port}/registry`, ...via, relatesTo: 'off' });
  const query = findDocumentsQuery(xdsPatientId('207058575627097', '1.2.250.1.213.1.4.10'));
  return () => client.registryStoredQuery(query);
}

/** One call of the generated client over HTTPS. */
function voletCall(service: Service, port: number, maxSockets: number): () => Promise<unknown> {
  return voletClient(service, port, maxSockets);
}

/** The exact request the generated client sends (path, headers, body bytes), captured once without a network. */
async function capturedRequest(service: Service, port: number): Promise<{ path: string; headers: Record<string, string>; body: Buffer }> {
  let seen: TransportRequest | undefined;
  const recorder: Transport = {
    send: async (request) => {
      seen = request;
      throw new Error('captured');
    },
  };
  await voletClient(service, port, 1, recorder)().catch(() => undefined);
  const sent = seen?.body;
  if (seen === undefined || (typeof sent !== 'string' && !(sent instanceof Uint8Array))) throw new Error('the generated client sent no envelope to capture');
  const url = new URL(seen.url);
  const body = typeof sent === 'string' ? Buffer.from(sent, 'utf8') : Buffer.from(sent);
  return { path: url.pathname, headers: { ...seen.headers, 'content-length': String(body.length) }, body };
}

/**
 * The same exchange through a bare node:https agent: the same pool settings and TLS context as the
 * transport (a secure context built once, keep-alive, LIFO), the generated client's exact request
 * bytes, and the answer checked for status 200 and read whole into one buffer, as any client must.
 */
async function bareCall(service: Service, port: number, maxSockets: number, pfxInAgent: boolean): Promise<() => Promise<unknown>> {
  const pool = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const, rejectUnauthorized: true };
  const credentials = { pfx: readFileSync(pki.clientP12), passphrase: pki.passphrase, ca: readFileSync(pki.ca), minVersion: 'TLSv1.2' as const };
  // `bare-pfx` is the loop of the first version of this bench: with `pfx` among the agent options,
  // node:https turns the PKCS#12 into text for the pool key of every request.
  const agent = new Agent(pfxInAgent ? { ...pool, ...credentials } : { ...pool, secureContext: createSecureContext(credentials) });
  const { path, headers, body } = await capturedRequest(service, port);
  const options = { hostname: 'localhost', port, path, method: 'POST', agent, headers };
  return () =>
    new Promise<number>((resolve, reject) => {
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).length) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** Runs `calls` calls with `inFlight` outstanding; returns each call's latency in ms. */
async function drive(send: () => Promise<unknown>, calls: number, inFlight: number): Promise<Float64Array> {
  const latencies = new Float64Array(calls);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < calls; i = next++) {
      const t0 = process.hrtime.bigint();
      await send();
      latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return latencies;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function client(kind: Kind, port: number, service: Service, calls: number, inFlight: number, maxSockets: number): Promise<void> {
  const send = kind === 'volet' ? voletCall(service, port, maxSockets) : await bareCall(service, port, maxSockets, kind === 'bare-pfx');
  // Warm-up: handshakes, and the JIT's optimised code for every path (a generated call runs far more
  // code than the bare loop; with 500 calls it was still being compiled during the measured calls).
  await drive(send, Math.max(WARM_UP_CALLS, inFlight * 8), inFlight);
  // Tell the parent the warm-up is over and wait for its go: it reads the server's CPU time in between.
  process.stdout.write('{"warm":true}\n');
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const latencies = await drive(send, calls, inFlight);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort();
  process.stdout.write(
    JSON.stringify({
      kind,
      service,
      calls,
      seconds,
      perSecond: calls / seconds,
      cpuMicrosPerCall: (cpu.user + cpu.system) / calls,
      user: cpu.user / calls,
      system: cpu.system / calls,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    }) + '\n',
  );
  process.exit(0);
}

if (mode === 'server') await server();
else if ((mode === 'volet' || mode === 'bare' || mode === 'bare-pfx') && (serviceText === 'insi' || serviceText === 'iti18'))
  await client(mode, Number(portText), serviceText, Number(callsText), Number(inFlightText), Number(maxSocketsText));
else throw new Error('usage: server <pkiJson> | volet|bare|bare-pfx <pkiJson> <port> insi|iti18 <calls> <inFlight> <maxSockets>');
