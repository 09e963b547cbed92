/**
 * Worker of mtom-memory.ts.
 * `server <pkiJson> - - [length|chunked]`: receives an MTOM upload into one buffer, splits it (zero-copy), and answers
 * with the same document as an ITI-43-like MTOM response (zero-copy chunks).
 * `client <pkiJson> <port> <megabytes>`: builds the document, encodes, POSTs, decodes the response
 * and checks the bytes; reports peak RSS above its baseline.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HttpsTransport } from '@volet/runtime/http';
import { decodeMultipartRelated, encodeMtom, envelopeText, partText, resolveXopHref, splitSoapPayload, XopPackage } from '@volet/runtime/mtom';
import type { PkiPaths } from './child.js';
import { mutualTlsServerOptions } from './server-options.js';

const [mode, pkiJson, portText, mbText, framing] = process.argv.slice(2);
const pki = JSON.parse(pkiJson ?? '{}') as PkiPaths;
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const MB = 1024 * 1024;

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

async function server(): Promise<void> {
  const srv = createServer({ ...mutualTlsServerOptions(pki), requestTimeout: 0 }, (req, res) => {
    const length = Number(req.headers['content-length']);
    const body = Buffer.allocUnsafe(length);
    let at = 0;
    req.on('data', (c: Buffer) => {
      c.copy(body, at);
      at += c.length;
    });
    req.on('end', () => {
      const mp = decodeMultipartRelated(body, req.headers['content-type']);
      const href = /href="([^"]+)"/.exec(partText(mp.root))?.[1] ?? '';
      const doc = resolveXopHref(mp.attachments, href);
      if (!doc) {
        res.writeHead(400);
        res.end();
        return;
      }
      const envelope =
        `<env:Envelope xmlns:env="${SOAP12}"><env:Body><ns4:RetrieveDocumentSetResponse xmlns:ns4="urn:ihe:iti:xds-b:2007">` +
        `<ns4:DocumentResponse><ns4:Document><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:doc@volet"/>` +
        `</ns4:Document></ns4:DocumentResponse></ns4:RetrieveDocumentSetResponse></env:Body></env:Envelope>`;
      const msg = encodeMtom(envelope, [{ contentId: 'doc@volet', data: doc }], { action: 'urn:ihe:iti:2007:RetrieveDocumentSetResponse' });
      // `chunked`: no Content-Length, as servers that stream MTOM (Apache CXF) answer.
      res.writeHead(
        200,
        framing === 'chunked' ? { 'content-type': msg.contentType } : { 'content-type': msg.contentType, 'content-length': String(msg.byteLength) },
      );
      // Slices + backpressure, as the client transport does.
      const pieces = msg.chunks.flatMap((c): (string | Uint8Array)[] => {
        if (typeof c === 'string') return [c];
        const out: Uint8Array[] = [];
        for (let o = 0; o < c.byteLength; o += MB) out.push(c.subarray(o, Math.min(o + MB, c.byteLength)));
        return out;
      });
      let i = 0;
      const pump = (): void => {
        while (i < pieces.length) {
          if (!res.write(pieces[i++])) {
            res.once('drain', pump);
            return;
          }
        }
        res.end(() => process.stdout.write(JSON.stringify({ event: 'served', bytes: doc.byteLength, peakRssMb: peakRssMb() }) + '\n'));
      };
      pump();
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  process.stdout.write(JSON.stringify({ port: (srv.address() as AddressInfo).port, baselineRssMb: process.memoryUsage().rss / MB }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

async function client(port: number, megabytes: number): Promise<void> {
  const url = `https://localhost:${port}/repository`;
  const transport = new HttpsTransport({
    trust: { caFile: pki.ca },
    credentials: { pfxFile: pki.clientP12, passphrase: pki.passphrase },
    proxy: false,
    maxResponseBytes: (megabytes + 16) * MB,
    timeoutMs: 600_000,
  });
  // Warm-up call with a small document: TLS session, JIT and module loading are part of the baseline.
  const warm = new XopPackage();
  const w = warm.add(Buffer.alloc(1024, 1));
  const warmMsg = warm.encode(`<env:Envelope xmlns:env="${SOAP12}"><env:Body>${w.element}</env:Body></env:Envelope>`);
  await transport.send({ url, headers: { 'content-type': warmMsg.contentType }, body: warmMsg.chunks });
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRssMb = process.memoryUsage().rss / MB;
  const baselinePeakMb = peakRssMb();

  const t0 = process.hrtime.bigint();
  // The document: one buffer, filled with a pattern (cheap and verifiable).
  const doc = Buffer.allocUnsafe(megabytes * MB);
  for (let o = 0; o < doc.length; o += 4) doc.writeUInt32LE(o >>> 2, o);
  const pkg = new XopPackage();
  const ref = pkg.add(doc);
  const envelope =
    `<env:Envelope xmlns:env="${SOAP12}"><env:Body><ihe:ProvideAndRegisterDocumentSetRequest xmlns:ihe="urn:ihe:iti:xds-b:2007">` +
    `<ihe:Document id="Document01">${ref.element}</ihe:Document></ihe:ProvideAndRegisterDocumentSetRequest></env:Body></env:Envelope>`;
  const msg = pkg.encode(envelope, { action: 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b' });
  const res = await transport.send({ url, headers: { 'content-type': msg.contentType }, body: msg.chunks });
  const payload = splitSoapPayload(res.headers['content-type'], res.body);
  const href = /href="([^"]+)"/.exec(envelopeText(payload))?.[1] ?? '';
  const back = resolveXopHref(payload.attachments, href);
  const identical = back !== undefined && Buffer.from(back.buffer, back.byteOffset, back.byteLength).equals(doc);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peak = peakRssMb();
  process.stdout.write(
    JSON.stringify({ megabytes, identical, seconds, baselineRssMb, baselinePeakMb, peakRssMb: peak, overBaselineMb: peak - baselineRssMb }) + '\n',
  );
  transport.close();
  process.exit(0);
}

if (mode === 'server') await server();
else if (mode === 'client') await client(Number(portText), Number(mbText));
else throw new Error('usage: server|client <pkiJson> [port megabytes]');
