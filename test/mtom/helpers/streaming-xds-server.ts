/**
 * A mutual-TLS XDS.b repository that streams both ways, for the streamed-MTOM test and bench:
 * ITI-41 uploads are parsed as they arrive and each document is only hashed (SHA-256); ITI-43
 * answers carry a document generated on the fly from a seed. Nothing is stored, so neither the
 * server's memory nor the disk grows with the document size.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseContentType } from '@volet/runtime/http';
import { attachmentFromStream, encodeMtomStreamed, readMultipartStream } from '@volet/runtime/mtom';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const XDS = 'urn:ihe:iti:xds-b:2007';
const RS = 'urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0';
const SUCCESS = 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success';
const SLICE = 256 * 1024;

/**
 * `size` deterministic pseudo-random bytes from `seed` (AES-128-CTR keystream), in 256 KiB slices.
 * @param seed - any text; the same seed gives the same bytes
 * @param size - bytes to produce
 */
export async function* seededBytes(seed: string, size: number): AsyncGenerator<Buffer> {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32));
  const zeros = Buffer.alloc(SLICE);
  for (let left = size; left > 0; left -= SLICE) yield cipher.update(left >= SLICE ? zeros : zeros.subarray(0, left));
}

/** SHA-256 (hex) of the bytes of `seededBytes(seed, size)`. */
export async function seededSha256(seed: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const b of seededBytes(seed, size)) hash.update(b);
  return hash.digest('hex');
}

/** What the server saw of one ITI-41 upload. */
export interface ReceivedUpload {
  /** SHA-256 (hex) and size of each non-root part, in order. */
  readonly parts: { readonly contentId: string; readonly sha256: string; readonly bytes: number }[];
}

/** A running server. */
export interface StreamingXdsServer {
  readonly url: string;
  readonly port: number;
  readonly uploads: ReceivedUpload[];
  close(): Promise<void>;
}

/** Paths and passphrase of the PKI files the server and its clients use. */
export interface ServerPki {
  readonly keyPem: string;
  readonly certPem: string;
  readonly caPem: string;
}

function soapReply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/soap+xml; charset=UTF-8' });
  res.end(`<env:Envelope xmlns:env="${SOAP12}"><env:Body>${body}</env:Body></env:Envelope>`);
}

async function write(res: ServerResponse, chunk: string | Uint8Array): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

/** ITI-43 answer: the document `seed` of `size` bytes, generated while it is sent. */
async function retrieveAnswer(res: ServerResponse, seed: string, size: number): Promise<void> {
  const envelope =
    `<env:Envelope xmlns:env="${SOAP12}"><env:Body><xds:RetrieveDocumentSetResponse xmlns:xds="${XDS}">` +
    `<rs:RegistryResponse xmlns:rs="${RS}" status="${SUCCESS}"/>` +
    `<xds:DocumentResponse><xds:RepositoryUniqueId>1.2.3</xds:RepositoryUniqueId><xds:DocumentUniqueId>${seed}</xds:DocumentUniqueId>` +
    `<xds:mimeType>application/octet-stream</xds:mimeType><xds:Document><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:doc-1@urn%3Aihe%3Aiti%3Axds-b%3A2007"/></xds:Document>` +
    `</xds:DocumentResponse></xds:RetrieveDocumentSetResponse></env:Body></env:Envelope>`;
  const msg = encodeMtomStreamed(envelope, [{ contentId: 'doc-1@urn:ihe:iti:xds-b:2007', data: attachmentFromStream(seededBytes(seed, size), { size }) }], {
    action: 'urn:ihe:iti:2007:RetrieveDocumentSetResponse',
  });
  res.writeHead(200, { 'content-type': msg.contentType, 'content-length': String(msg.byteLength) });
  for (const c of msg.chunks) {
    if (typeof c === 'string' || c instanceof Uint8Array) await write(res, c);
    else for await (const piece of c.open()) await write(res, piece);
  }
  res.end();
}

async function handle(req: IncomingMessage, res: ServerResponse, uploads: ReceivedUpload[], maxDocumentBytes: number): Promise<void> {
  const ct = parseContentType(req.headers['content-type']);
  const parts: { contentId: string; sha256: string; bytes: number }[] = [];
  let envelope: string;
  if (ct?.mediaType === 'multipart/related') {
    const boundary = ct.params['boundary'] ?? '';
    const start = ct.params['start'];
    const message = await readMultipartStream(req, {
      boundary,
      ...(start !== undefined ? { start } : {}),
      maxAttachmentBytes: 2 ** 40,
      openPart: (part) => {
        const hash = createHash('sha256');
        let bytes = 0;
        return {
          write: (chunk) => {
            bytes += chunk.byteLength;
            hash.update(chunk);
          },
          end: async () => void parts.push({ contentId: part.contentId, sha256: hash.digest('hex'), bytes }),
          abort: () => undefined,
        };
      },
    });
    envelope = Buffer.from(message.root.body).toString('utf8');
  } else {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    envelope = Buffer.concat(chunks).toString('utf8');
  }
  if (envelope.includes('RetrieveDocumentSetRequest')) {
    // The document's unique id is `<name>-<size>`: the seed and the length asked for (capped).
    const id = /^(.*)-(\d+)$/.exec(/DocumentUniqueId>([^<]+)</.exec(envelope)?.[1] ?? '');
    await retrieveAnswer(res, id?.[1] ?? 'seed', Math.min(maxDocumentBytes, Number(id?.[2] ?? 0)));
    return;
  }
  uploads.push({ parts });
  soapReply(res, 200, `<rs:RegistryResponse xmlns:rs="${RS}" status="${SUCCESS}"/>`);
}

/**
 * Starts the server on 127.0.0.1 (client certificate required).
 * @param pki - server key and chain, CA bundle (PEM)
 * @param maxDocumentBytes - largest document an ITI-43 answer may carry (asked as DocumentUniqueId `<name>-<size>`)
 */
export async function startStreamingXdsServer(pki: ServerPki, maxDocumentBytes: number): Promise<StreamingXdsServer> {
  const uploads: ReceivedUpload[] = [];
  const server = createServer(
    { key: pki.keyPem, cert: pki.certPem, ca: pki.caPem, requestCert: true, rejectUnauthorized: true, requestTimeout: 0 },
    (req, res) => {
      handle(req, res, uploads, maxDocumentBytes).catch((err: unknown) => {
        if (!res.headersSent)
          soapReply(
            res,
            500,
            `<env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">${String((err as Error).message).replace(/[<&]/g, '_')}</env:Text></env:Reason></env:Fault>`,
          );
        else res.destroy();
      });
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://localhost:${port}`,
    port,
    uploads,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
