/**
 * Worker of small-calls.ts. `server <pkiJson>`: a mutual-TLS keep-alive HTTPS server answering a
 * small SOAP envelope. `volet|bare <pkiJson> <port> <calls>`: sequential POSTs, prints calls/s.
 */
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HttpsTransport } from '@volet/runtime/http';
import type { PkiPaths } from './child.js';
import { mutualTlsServerOptions } from './server-options.js';

const [mode, pkiJson, portText, callsText] = process.argv.slice(2);
const pki = JSON.parse(pkiJson ?? '{}') as PkiPaths;
const REQUEST = Buffer.from(
  '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header/><env:Body>' +
    '<RECSANSVITALE xmlns="http://www.cnamts.fr/webservice"><NomNaissance>TEST</NomNaissance></RECSANSVITALE></env:Body></env:Envelope>',
);
const RESPONSE = Buffer.from(
  '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><RESULTAT xmlns="http://www.cnamts.fr/webservice">' +
    '<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR></RESULTAT></env:Body></env:Envelope>',
);
const HEADERS = { 'content-type': 'application/soap+xml; charset=utf-8; action="urn:bench"' };

async function server(): Promise<void> {
  const srv = createServer({ ...mutualTlsServerOptions(pki), keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8', 'content-length': RESPONSE.length });
      res.end(RESPONSE);
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  process.stdout.write(JSON.stringify({ port: (srv.address() as AddressInfo).port }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

async function client(kind: 'volet' | 'bare', port: number, calls: number): Promise<void> {
  const url = `https://localhost:${port}/lps`;
  let send: () => Promise<number>;
  if (kind === 'volet') {
    const transport = new HttpsTransport({ trust: { caFile: pki.ca }, credentials: { pfxFile: pki.clientP12, passphrase: pki.passphrase }, proxy: false });
    send = async () => (await transport.send({ url, headers: HEADERS, body: REQUEST })).body.length;
  } else {
    // The same agent settings the transport uses, without its timeouts, limits and checks.
    const agent = new Agent({
      keepAlive: true,
      maxSockets: 8,
      pfx: readFileSync(pki.clientP12),
      passphrase: pki.passphrase,
      ca: readFileSync(pki.ca),
      minVersion: 'TLSv1.2',
    });
    send = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(url, { method: 'POST', agent, headers: { ...HEADERS, 'content-length': String(REQUEST.length) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).length));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(REQUEST);
      });
  }
  for (let i = 0; i < 300; i++) await send(); // warm-up: handshake, JIT
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await send();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuMicrosPerCall = (cpu.user + cpu.system) / calls;
  process.stdout.write(JSON.stringify({ kind, calls, seconds, perSecond: calls / seconds, cpuMicrosPerCall }) + '\n');
  process.exit(0);
}

if (mode === 'server') await server();
else if (mode === 'volet' || mode === 'bare') await client(mode, Number(portText), Number(callsText));
else throw new Error('usage: server|volet|bare <pkiJson> [port calls]');
