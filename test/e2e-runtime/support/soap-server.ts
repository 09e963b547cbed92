/**
 * A local HTTPS SOAP server for end-to-end tests (client certificate required, test PKI): it
 * records every request — HTTP headers, the raw body, the envelope (root part of a multipart
 * body) parsed with xmldom, the XOP parts split back — and answers with what the test says.
 * Checks happen in the tests, after the call, on the recorded requests.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { splitSoapPayload, envelopeText } from '@volet/runtime/mtom';
import type { TestPki } from '../../support/pki.js';
import { startTlsServer, type TestServer } from '../../http/helpers/tls-server.js';

/** One request as the server received it. */
export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The envelope text (the root part for multipart bodies). */
  readonly envelope: string;
  readonly multipart: boolean;
  /** XOP parts by normalised Content-ID. */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  readonly doc: Document;
  /** CN of the client certificate. */
  readonly clientCn: string;
}

/** What the server answers. */
export interface Reply {
  readonly status?: number;
  readonly contentType?: string;
  /** A string, bytes, or multipart chunks. */
  readonly body: string | Uint8Array | readonly (string | Uint8Array)[];
}

/** A running SOAP test server. */
export interface SoapTestServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** The most recent request (throws when there is none). */
  last(): ReceivedRequest;
  close(): Promise<void>;
  readonly tls: TestServer;
}

export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const WSA = 'http://www.w3.org/2005/08/addressing';
export const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/** A plain SOAP 1.2 answer. */
export function soap12(body: string | Uint8Array, status = 200): Reply {
  return { status, contentType: 'application/soap+xml; charset=utf-8', body };
}

/**
 * Starts the server.
 * @param respond - the answer to each request (may throw: the server then answers 599 and the test sees a TransportError)
 */
export async function startSoapServer(pki: TestPki, respond: (request: ReceivedRequest) => Reply | Promise<Reply>): Promise<SoapTestServer> {
  const requests: ReceivedRequest[] = [];
  const tls = await startTlsServer(pki, (req, body, res) => {
    void (async () => {
      try {
        const payload = splitSoapPayload(req.headers['content-type'], body);
        const envelope = envelopeText(payload);
        const received: ReceivedRequest = {
          path: req.url ?? '/',
          headers: req.headers,
          body,
          envelope,
          multipart: payload.multipart,
          attachments: payload.attachments,
          doc: new DOMParser().parseFromString(envelope, 'text/xml'),
          clientCn: tls.clientCns[tls.clientCns.length - 1] ?? '',
        };
        requests.push(received);
        const reply = await respond(received);
        const chunks = typeof reply.body === 'string' || reply.body instanceof Uint8Array ? [reply.body] : reply.body;
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/soap+xml; charset=utf-8' });
        for (const c of chunks) res.write(c);
        res.end();
      } catch (err) {
        res.writeHead(599, { 'content-type': 'text/plain' });
        res.end(`test server error: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
  });
  return {
    url: tls.url,
    requests,
    last() {
      const r = requests[requests.length - 1];
      if (r === undefined) throw new Error('no request received');
      return r;
    },
    close: () => tls.close(),
    tls,
  };
}

/** The element children of an element. */
export function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The header blocks of a received envelope, in order. */
export function headerBlocks(doc: Document): Element[] {
  const env = doc.documentElement;
  if (env === null) return [];
  const header = children(env).find((c) => c.localName === 'Header');
  return header === undefined ? [] : children(header);
}

/** The body elements of a received envelope. */
export function bodyElements(doc: Document): Element[] {
  const env = doc.documentElement;
  if (env === null) return [];
  const body = children(env).find((c) => c.localName === 'Body');
  return body === undefined ? [] : children(body);
}

/** `{namespace}local` of each header block, in order. */
export function headerNames(doc: Document): string[] {
  return headerBlocks(doc).map((h) => `{${h.namespaceURI ?? ''}}${h.localName ?? ''}`);
}

/** The header block `{ns}local`, or undefined. */
export function headerBlock(doc: Document, ns: string, local: string): Element | undefined {
  return headerBlocks(doc).find((h) => h.namespaceURI === ns && h.localName === local);
}

/** The SOAP `mustUnderstand` of a header block (`true`/`1`/undefined). */
export function mustUnderstand(el: Element, envelopeNs = SOAP12_NS): string | undefined {
  const v = el.getAttributeNS(envelopeNs, 'mustUnderstand');
  return v === null || v === '' ? undefined : v;
}

/**
 * The assertions inside `wsse:Security`, as the exact substrings of the envelope text (what a
 * signature check must see), found by their start and end tags.
 */
export function securityAssertions(envelope: string): string[] {
  const security = /<([\w.-]+:)?Security\b[^>]*>([\s\S]*?)<\/\1?Security>/.exec(envelope);
  if (security === null) return [];
  const inner = security[2];
  const out: string[] = [];
  const re = /<([\w.-]+:)?Assertion\b[\s\S]*?<\/\1Assertion>/g;
  for (const m of inner.matchAll(re)) out.push(m[0]);
  return out;
}
