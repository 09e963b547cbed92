/**
 * HTTP proxies through CONNECT: explicit settings, environment variables, NO_PROXY, credentials.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TransportError } from '@volet/runtime';
import { bypassesProxy, HttpsTransport, parseNoProxy, proxyFromEnvironment, type HttpsTransportOptions } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { startConnectProxy, type TestProxy } from './helpers/connect-proxy.js';
import { okHandler, startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';

let pki: TestPki;
let server: TestServer;
let proxy: TestProxy;

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, okHandler);
  proxy = await startConnectProxy();
});
after(async () => {
  await proxy.close();
  await server.close();
});

function transport(options: HttpsTransportOptions): HttpsTransport {
  return new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase }, ...options });
}

test('explicit proxy: the call goes through one CONNECT tunnel, mutual TLS end to end, kept alive', async () => {
  const before = proxy.tunnels.length;
  const t = transport({ proxy: proxy.url });
  try {
    assert.equal(t.proxy, proxy.url);
    for (let i = 0; i < 3; i++) assert.equal((await t.send({ url: `${server.url}/svc`, body: SOAP12_OK })).status, 200);
    assert.deepEqual(proxy.tunnels.slice(before), [`localhost:${server.port}`]);
    assert.equal(server.clientCns.at(-1), 'VOLET ORG_AUTH_CLI TEST');
  } finally {
    t.close();
  }
});

test('host name verification applies to the target through the tunnel', async () => {
  const wrong = await startTlsServer(pki, okHandler, { certificate: pki.serverWrongHost });
  const t = transport({ proxy: proxy.url });
  try {
    await assert.rejects(t.send({ url: `https://localhost:${wrong.port}/`, body: SOAP12_OK }), (err: unknown) => {
      assert.ok(err instanceof TransportError);
      assert.equal(err.reason, 'hostname-mismatch');
      return true;
    });
  } finally {
    t.close();
    await wrong.close();
  }
});

test('HTTPS_PROXY from the environment is picked up; NO_PROXY bypasses it', async () => {
  const before = proxy.tunnels.length;
  const viaEnv = transport({ env: { HTTPS_PROXY: proxy.url } });
  const lower = transport({ env: { https_proxy: proxy.url, HTTPS_PROXY: 'http://127.0.0.1:9' } });
  const bypass = transport({ env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.org,localhost' } });
  const disabled = transport({ env: { HTTPS_PROXY: proxy.url }, proxy: false });
  try {
    await viaEnv.send({ url: `${server.url}/a`, body: SOAP12_OK });
    await lower.send({ url: `${server.url}/b`, body: SOAP12_OK });
    assert.equal(proxy.tunnels.length, before + 2);
    await bypass.send({ url: `${server.url}/c`, body: SOAP12_OK });
    await disabled.send({ url: `${server.url}/d`, body: SOAP12_OK });
    assert.equal(proxy.tunnels.length, before + 2, 'NO_PROXY and proxy:false connect directly');
    assert.equal(bypass.proxy, proxy.url);
    assert.equal(disabled.proxy, undefined);
  } finally {
    for (const t of [viaEnv, lower, bypass, disabled]) t.close();
  }
});

test('process.env is the default source', async () => {
  const saved = { HTTPS_PROXY: process.env['HTTPS_PROXY'], https_proxy: process.env['https_proxy'] };
  process.env['HTTPS_PROXY'] = proxy.url;
  delete process.env['https_proxy'];
  const before = proxy.tunnels.length;
  try {
    const t = transport({});
    await t.send({ url: `${server.url}/env`, body: SOAP12_OK });
    t.close();
    assert.equal(proxy.tunnels.length, before + 1);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test('proxy credentials from the URL; a 407 is a proxy error without the password', async () => {
  const expected = 'Basic ' + Buffer.from('hopital:p@ss word').toString('base64');
  const guarded = await startConnectProxy(expected);
  const port = new URL(guarded.url).port;
  try {
    const ok = transport({ proxy: `http://hopital:p%40ss%20word@127.0.0.1:${port}` });
    assert.equal((await ok.send({ url: server.url, body: SOAP12_OK })).status, 200);
    assert.equal(ok.proxy, `http://127.0.0.1:${port}`, 'credentials are not shown');
    ok.close();
    const bad = transport({ proxy: `http://hopital:wrong-secret@127.0.0.1:${port}` });
    await assert.rejects(bad.send({ url: server.url, body: SOAP12_OK }), (err: unknown) => {
      assert.ok(err instanceof TransportError);
      assert.equal(err.kind, 'proxy');
      assert.equal(err.status, 407);
      assert.match(err.message, /proxy authentication required/);
      assert.doesNotMatch(err.message, /wrong-secret|hopital/);
      return true;
    });
    bad.close();
  } finally {
    await guarded.close();
  }
});

test('unreachable proxy: proxy error', async () => {
  const t = transport({ proxy: 'http://127.0.0.1:9' });
  await assert.rejects(
    t.send({ url: server.url, body: SOAP12_OK }),
    (err: unknown) => err instanceof TransportError && err.kind === 'proxy' && /cannot reach proxy/.test(err.message),
  );
  t.close();
});

test('unsupported proxy schemes are refused at construction', () => {
  assert.throws(
    () => transport({ proxy: 'socks5://127.0.0.1:1080' }),
    (err: unknown) => err instanceof TransportError && err.kind === 'proxy',
  );
});

test('NO_PROXY matching rules', () => {
  const rules = parseNoProxy(' .ameli.fr, dmp.gouv.fr ,10.0.0.1,[::1], intranet:8443 ');
  assert.deepEqual(rules, ['.ameli.fr', 'dmp.gouv.fr', '10.0.0.1', '[::1]', 'intranet:8443']);
  assert.ok(bypassesProxy('services-ps.ameli.fr', 443, rules));
  assert.ok(bypassesProxy('ameli.fr', 443, rules));
  assert.ok(bypassesProxy('lps2.dmp.gouv.fr', 443, rules));
  assert.ok(bypassesProxy('DMP.GOUV.FR.', 443, rules));
  assert.ok(!bypassesProxy('notdmp.gouv.fr.evil', 443, rules));
  assert.ok(!bypassesProxy('xdmp.gouv.fr', 443, rules), 'suffix match needs a dot boundary');
  assert.ok(bypassesProxy('10.0.0.1', 443, rules));
  assert.ok(!bypassesProxy('10.0.0.10', 443, rules));
  assert.ok(bypassesProxy('[::1]', 443, rules));
  assert.ok(bypassesProxy('intranet', 8443, rules));
  assert.ok(!bypassesProxy('intranet', 443, rules));
  assert.ok(bypassesProxy('anything', 1, ['*']));
  assert.equal(proxyFromEnvironment({}), undefined);
  assert.equal(proxyFromEnvironment({ HTTPS_PROXY: 'proxy.chu.local:3128' })?.url.href, 'http://proxy.chu.local:3128/');
  assert.deepEqual(proxyFromEnvironment({ ALL_PROXY: 'http://p:1', no_proxy: 'a,b' })?.noProxy, ['a', 'b']);
});
