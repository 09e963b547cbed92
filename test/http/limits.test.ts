/**
 * Timeouts, abort, response size limit, and answers that are not SOAP (HTML 502, empty 500).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { TransportError } from '@volet/runtime';
import { HttpsTransport, type HttpsTransportOptions } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';

let pki: TestPki;
let server: TestServer;
const PATTERN = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 5 }, (_, i) => (i * 7 + (i >> 11)) & 0xff));
const held: { end(): void }[] = [];

const routes: Record<string, (res: import('node:http').ServerResponse, body: Buffer) => void> = {
  '/ok': (res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(SOAP12_OK);
  },
  '/fault': (res) => {
    res.writeHead(500, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end('<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault/></env:Body></env:Envelope>');
  },
  '/html502': (res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>' +
        '<body>\u0007<h1>Bad\u001b[31m Gateway</h1><p>' +
        'The proxy server received an invalid response from an upstream server. '.repeat(10) +
        '</p><hr><address>Apache Server at dmp.example Port 443</address></body></html>',
    );
  },
  '/untyped-xml': (res) => {
    res.writeHead(200);
    res.end('\ufeff  <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"/>');
  },
  '/login-page': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>Authentification proxy</title></head><body>Veuillez vous identifier</body></html>');
  },
  '/empty500': (res) => {
    res.writeHead(500);
    res.end();
  },
  '/empty202': (res) => {
    res.writeHead(202);
    res.end();
  },
  '/redirect': (res) => {
    res.writeHead(302, { location: '/login?token=secret', 'content-type': 'text/html' });
    res.end('<html><body>moved</body></html>');
  },
  '/big': (res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-length': String(2 * 1024 * 1024) });
    res.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
  },
  '/big-chunked': (res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml' });
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < 4 * 1024 * 1024) {
        sent += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  },
  '/pattern-chunked': (res) => {
    // No Content-Length: the client collects chunks, then moves to one buffer past 1 MiB.
    res.writeHead(200, { 'content-type': 'application/soap+xml' });
    const all = PATTERN;
    let at = 0;
    const pump = (): void => {
      while (at < all.length) {
        const piece = all.subarray(at, at + 65_536);
        at += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  },
  '/gzip': (res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-encoding': 'gzip' });
    res.end(gzipSync(SOAP12_OK));
  },
  '/gzip-bomb': (res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
  },
  '/hang': (res) => {
    held.push(res);
  },
  '/slow-body': (res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml' });
    res.write('<env:Envelope');
    held.push(res);
  },
  '/whole': (res) => {
    const body = Buffer.from(SOAP12_OK, 'utf8');
    res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-length': String(body.length) });
    res.end(body);
  },
  '/pieces': (res) => {
    // A body with a Content-Length that arrives in several writes (held back between them).
    const body = Buffer.from(SOAP12_OK, 'utf8');
    res.writeHead(200, { 'content-type': 'application/soap+xml', 'content-length': String(body.length) });
    res.write(body.subarray(0, 10));
    setTimeout(() => res.write(body.subarray(10, 40)), 20);
    setTimeout(() => res.end(body.subarray(40)), 40);
  },
  '/echo': (res, body) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml' });
    res.end(body);
  },
};

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, (req, body, res) => {
    const route = routes[(req.url ?? '').split('?')[0] ?? ''];
    if (req.url === '/host') {
      // The Host headers received, one per line, and the request's own headers' names.
      const hosts = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]?.toLowerCase() === 'host').length;
      res.writeHead(200, { 'content-type': 'application/soap+xml' });
      res.end(`<h n="${hosts}" host="${req.headers.host}" type="${req.headers['content-type']}" length="${req.headers['content-length']}"/>`);
    } else if (route) route(res, body);
    else {
      res.writeHead(404);
      res.end();
    }
  });
});
after(async () => {
  for (const h of held) h.end();
  await server.close();
});

function transport(options: HttpsTransportOptions = {}): HttpsTransport {
  return new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase }, ...options });
}

async function expectError(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof TransportError, `expected TransportError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a failure');
}

test('a SOAP fault with HTTP 500 is a response, not an error', async () => {
  const t = transport();
  const res = await t.send({ url: `${server.url}/fault`, body: SOAP12_OK });
  assert.equal(res.status, 500);
  assert.match(Buffer.from(res.body).toString(), /env:Fault/);
  t.close();
});

test('an empty 202 (one-way) is a response', async () => {
  const t = transport();
  const res = await t.send({ url: `${server.url}/empty202`, body: SOAP12_OK });
  assert.equal(res.status, 202);
  assert.equal(res.body.length, 0);
  t.close();
});

test('an HTML 502 page: http error with status and a short redacted excerpt', async () => {
  const t = transport();
  const err = await expectError(t.send({ url: `${server.url}/html502?ticket=abc`, body: SOAP12_OK }));
  assert.equal(err.kind, 'http');
  assert.equal(err.status, 502);
  assert.equal(err.contentType, 'text/html');
  assert.ok(err.excerpt !== undefined);
  assert.ok(err.excerpt.length <= 200, `excerpt length ${err.excerpt.length}`);
  // The page's structure only: its text could quote anything (deny-by-default redaction).
  assert.match(err.excerpt, /^<!DOCTYPE \*\*\*><html><head><title>\*\*\*<\/title><style>\*\*\*<\/style><\/head>/);
  assert.doesNotMatch(err.excerpt, /[\u0000-\u001f\u007f]/);
  assert.doesNotMatch(err.excerpt, /Bad Gateway|color:red|proxy server/);
  assert.match(err.message, /HTTP 502/);
  assert.doesNotMatch(err.message, /ticket=abc/, 'query strings stay out of messages');
  assert.equal(err.url, `${server.url}/html502`);
  t.close();
});

test('XML without Content-Type is accepted; an HTML page with HTTP 200 is not', async () => {
  const t = transport();
  const res = await t.send({ url: `${server.url}/untyped-xml`, body: SOAP12_OK });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], undefined);
  const err = await expectError(t.send({ url: `${server.url}/login-page`, body: SOAP12_OK }));
  assert.equal(err.kind, 'http');
  assert.equal(err.status, 200);
  assert.equal(err.excerpt, '<html><head><title>***</title></head><body>***</body></html>');
  assert.match(err.message, /non-SOAP response \(text\/html, \d+ bytes\)/);
  t.close();
});

test('an empty 500: http error with status and empty excerpt', async () => {
  const t = transport();
  const err = await expectError(t.send({ url: `${server.url}/empty500`, body: SOAP12_OK }));
  assert.equal(err.kind, 'http');
  assert.equal(err.status, 500);
  assert.equal(err.excerpt, '');
  assert.match(err.message, /HTTP 500 .*empty body/);
  t.close();
});

test('a redirect is reported, not followed, without the query string', async () => {
  const t = transport();
  const err = await expectError(t.send({ url: `${server.url}/redirect`, body: SOAP12_OK }));
  assert.equal(err.kind, 'http');
  assert.equal(err.status, 302);
  assert.match(err.message, /redirect to https:\/\/localhost:\d+\/login \(not followed\)/);
  assert.doesNotMatch(err.message, /secret/);
  t.close();
});

test('maxResponseBytes: Content-Length above the limit, and a chunked body crossing it', async () => {
  const t = transport({ maxResponseBytes: 1024 * 1024 });
  for (const path of ['/big', '/big-chunked']) {
    const err = await expectError(t.send({ url: `${server.url}${path}`, body: SOAP12_OK }));
    assert.equal(err.kind, 'too-large', path);
    assert.equal(err.status, 200);
    assert.match(err.message, /maxResponseBytes=1048576/);
  }
  // The transport still works afterwards.
  assert.equal((await t.send({ url: `${server.url}/ok`, body: SOAP12_OK })).status, 200);
  t.close();
});

test('a body with Content-Length arrives the same whether it comes in one chunk or in several', async () => {
  const t = transport();
  const whole = await t.send({ url: `${server.url}/whole`, body: SOAP12_OK });
  const pieces = await t.send({ url: `${server.url}/pieces`, body: SOAP12_OK });
  assert.equal(Buffer.from(whole.body).toString('utf8'), SOAP12_OK);
  assert.equal(Buffer.from(pieces.body).toString('utf8'), SOAP12_OK);
  assert.equal(pieces.body.byteLength, Buffer.byteLength(SOAP12_OK));
  t.close();
});

test('large responses without Content-Length arrive intact', async () => {
  const t = transport();
  const res = await t.send({ url: `${server.url}/pattern-chunked`, body: SOAP12_OK });
  assert.equal(res.headers['transfer-encoding'], 'chunked');
  assert.equal(res.body.length, PATTERN.length);
  assert.ok(Buffer.from(res.body.buffer, res.body.byteOffset, res.body.byteLength).equals(PATTERN));
  t.close();
});

test('gzip responses are decoded, and the size limit applies after decompression', async () => {
  const t = transport({ maxResponseBytes: 1024 * 1024 });
  const res = await t.send({ url: `${server.url}/gzip`, body: SOAP12_OK });
  assert.equal(Buffer.from(res.body).toString(), SOAP12_OK);
  const err = await expectError(t.send({ url: `${server.url}/gzip-bomb`, body: SOAP12_OK }));
  assert.equal(err.kind, 'too-large');
  t.close();
});

test('response timeout: no answer at all, and a body that stalls', async () => {
  const t = transport({ timeoutMs: 300 });
  for (const path of ['/hang', '/slow-body']) {
    const err = await expectError(t.send({ url: `${server.url}${path}`, body: SOAP12_OK }));
    assert.equal(err.kind, 'timeout', path);
    assert.equal(err.phase, 'response');
    assert.match(err.message, /within 300 ms/);
  }
  // Per-request override.
  const t2 = transport();
  const err = await expectError(t2.send({ url: `${server.url}/hang`, body: SOAP12_OK, timeoutMs: 200 }));
  assert.equal(err.kind, 'timeout');
  t.close();
  t2.close();
});

test('a connected request outlives the connect deadline and times out at the whole-exchange deadline (phase response)', async () => {
  // One timer serves both limits: it first checks the connection at connectTimeoutMs, then waits for the rest.
  const t = transport({ connectTimeoutMs: 100, timeoutMs: 400 });
  const err = await expectError(t.send({ url: `${server.url}/hang`, body: SOAP12_OK }));
  assert.equal(err.kind, 'timeout');
  assert.equal(err.phase, 'response');
  assert.match(err.message, /within 400 ms/);
  // With the whole-exchange limit shorter than the connect limit, the response limit is the one reported.
  const t2 = transport({ connectTimeoutMs: 5_000, timeoutMs: 150 });
  const err2 = await expectError(t2.send({ url: `${server.url}/hang`, body: SOAP12_OK }));
  assert.equal(err2.phase, 'response');
  t.close();
  t2.close();
});

test("request headers: one Host (host:port from the URL), the caller's headers, a Content-Length computed from the body", async () => {
  const t = transport();
  const port = new URL(server.url).port;
  const read = async (headers: Record<string, string>): Promise<string> =>
    Buffer.from((await t.send({ url: `${server.url}/host`, headers, body: SOAP12_OK })).body).toString('utf8');
  assert.equal(
    await read({ 'content-type': 'application/soap+xml; charset=utf-8', 'Content-Length': '1' }),
    `<h n="1" host="localhost:${port}" type="application/soap+xml; charset=utf-8" length="${Buffer.byteLength(SOAP12_OK)}"/>`,
  );
  t.close();
});

test('connect timeout: a peer that accepts TCP but never speaks TLS', async () => {
  const sockets: Socket[] = [];
  const silent: NetServer = createNetServer((s) => sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as AddressInfo).port;
  try {
    const t = transport({ connectTimeoutMs: 200 });
    const err = await expectError(t.send({ url: `https://localhost:${port}/`, body: SOAP12_OK }));
    assert.equal(err.kind, 'timeout');
    assert.equal(err.phase, 'connect');
    t.close();
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('connection refused: network error', async () => {
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const t = transport();
  const err = await expectError(t.send({ url: `https://127.0.0.1:${port}/`, body: SOAP12_OK }));
  assert.equal(err.kind, 'network');
  assert.equal(err.systemCode, 'ECONNREFUSED');
  assert.match(err.message, /connection refused/);
  t.close();
});

test('AbortSignal: already aborted, and aborted while waiting', async () => {
  const t = transport();
  const pre = await expectError(t.send({ url: `${server.url}/ok`, body: SOAP12_OK, signal: AbortSignal.abort() }));
  assert.equal(pre.kind, 'aborted');
  const controller = new AbortController();
  const pending = t.send({ url: `${server.url}/hang`, body: SOAP12_OK, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  const err = await expectError(pending);
  assert.equal(err.kind, 'aborted');
  assert.equal(err.code, 'aborted');
  t.close();
});

test('chunked request bodies are sent in order with a correct Content-Length', async () => {
  const t = transport();
  const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61);
  const res = await t.send({ url: `${server.url}/echo`, body: ['<a>', big, new Uint8Array([0x62]), '</a>'] });
  const echoed = Buffer.from(res.body);
  assert.equal(echoed.length, 3 + big.length + 1 + 4);
  assert.equal(echoed.subarray(0, 3).toString(), '<a>');
  assert.ok(echoed.subarray(3, 3 + big.length).equals(big));
  assert.equal(echoed.subarray(-5).toString(), 'b</a>');
  t.close();
});

test('invalid option values are refused', () => {
  assert.throws(() => transport({ timeoutMs: 0 }), TypeError);
  assert.throws(() => transport({ maxResponseBytes: -1 }), TypeError);
});
