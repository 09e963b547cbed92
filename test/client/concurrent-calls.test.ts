/**
 * Calls in flight at once through one generated client keep their own request and response: what
 * the client now works out once (the endpoint URL, codec options, response descriptors, parsed
 * Content-Types) must never carry one call's options, headers or answer into another's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransportRequest, TransportResponse } from '@volet/runtime/http';
import { ICIRClient } from '../../generated/insi/index.js';
import type { ContexteLPS } from '../../generated/schemas/ctxlps/types.js';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const IDENTITY = { NomNaissance: 'DUPONT', Prenom: ['MARIE'], Sexe: 'F', DateNaissance: '1980-05-17' };

/** A RESULTAT envelope whose compte rendu names the request it answers. */
function answer(code: string, label: string, contentType: string): TransportResponse {
  const xml =
    `<env:Envelope xmlns:env="${SOAP12}"><env:Body><RESULTAT xmlns="http://www.cnamts.fr/INSiResultat">` +
    `<CR><CodeCR>${code}</CodeCR><LibelleCR>${label}</LibelleCR></CR></RESULTAT></env:Body></env:Envelope>`;
  return { status: 200, headers: { 'content-type': contentType }, body: new TextEncoder().encode(xml) };
}

/** An in-memory transport that holds every request until `count` are in flight, then answers each. */
function gatheringTransport(count: number, reply: (request: TransportRequest, text: string) => TransportResponse) {
  const seen: { url: string; headers: Readonly<Record<string, string>>; text: string }[] = [];
  const waiting: (() => void)[] = [];
  return {
    seen,
    transport: {
      send(request: TransportRequest): Promise<TransportResponse> {
        const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
        seen.push({ url: String(request.url), headers: { ...request.headers }, text });
        return new Promise<TransportResponse>((resolve) => {
          waiting.push(() => resolve(reply(request, text)));
          if (waiting.length === count) for (const release of waiting.splice(0)) setImmediate(release);
        });
      },
    },
  };
}

test('two calls in flight with different endpoints, header blocks, actions and checks each send and receive their own', async () => {
  const { seen, transport } = gatheringTransport(2, (_request, text) =>
    text.includes('id="A"') ? answer('00', 'pour A', 'application/soap+xml; charset=utf-8') : answer('01', 'pour B', 'application/soap+xml;charset=UTF-8'),
  );
  const client = new ICIRClient({ endpoint: 'https://a.example/insi', transport });
  const [a, b] = await Promise.all([
    client.rechercherInsAvecTraitsIdentite(IDENTITY, {}, { extraHeaders: ['<t:Trace xmlns:t="urn:test" id="A"/>'] }),
    client.rechercherInsAvecTraitsIdentite(
      { ...IDENTITY, NomNaissance: 'MARTIN' },
      // A declared header part given as raw XML (what header-blocks accepts besides a typed value).
      { ContexteLPS: { $xml: '<ctx:ContexteLPS xmlns:ctx="urn:siram:lps:ctxlps" Nature="CTXLPS" Version="01_00"/>' } as unknown as ContexteLPS },
      {
        endpoint: 'https://b.example/other',
        httpAction: 'urn:test:b',
        validateRequests: false,
        extraHeaders: ['<t:Trace xmlns:t="urn:test" id="B"/>'],
      },
    ),
  ]);
  assert.equal(seen.length, 2);
  const sentA = seen.find((s) => s.text.includes('id="A"'));
  const sentB = seen.find((s) => s.text.includes('id="B"'));
  assert.ok(sentA && sentB);
  assert.equal(sentA.url, 'https://a.example/insi');
  assert.equal(sentB.url, 'https://b.example/other');
  assert.match(sentA.text, /DUPONT/);
  assert.doesNotMatch(sentA.text, /MARTIN|id="B"|ContexteLPS/);
  assert.match(sentB.text, /MARTIN/);
  assert.match(sentB.text, /ContexteLPS/);
  assert.doesNotMatch(sentB.text, /DUPONT|id="A"/);
  assert.doesNotMatch(sentA.headers['content-type'] ?? '', /urn:test:b/);
  assert.match(sentB.headers['content-type'] ?? '', /action="urn:test:b"/);
  assert.deepEqual(a.CR, { CodeCR: '00', LibelleCR: 'pour A' });
  assert.deepEqual(b.CR, { CodeCR: '01', LibelleCR: 'pour B' });
});

test('the request check stays per call: a call without it does not switch it off for a call in flight beside it', async () => {
  const { transport } = gatheringTransport(1, () => answer('00', 'OK', 'application/soap+xml; charset=utf-8'));
  const client = new ICIRClient({ endpoint: 'https://a.example/insi', transport });
  const bad = { ...IDENTITY, Nom: 'DUPONT' } as unknown as typeof IDENTITY;
  const results = await Promise.allSettled([
    client.rechercherInsAvecTraitsIdentite(bad, {}, { validateRequests: false }),
    client.rechercherInsAvecTraitsIdentite(bad),
  ]);
  assert.equal(results[0]?.status, 'fulfilled');
  assert.equal(results[1]?.status, 'rejected');
  assert.match(String((results[1] as PromiseRejectedResult).reason), /unknown property "Nom"/);
});

test('the endpoint is parsed again when it changes, and a transport that changes the URL it was given cannot redirect the next call', async () => {
  const urls: string[] = [];
  const client = new ICIRClient({
    endpoint: 'https://a.example/insi',
    transport: {
      send(request: TransportRequest): Promise<TransportResponse> {
        urls.push(String(request.url));
        if (request.url instanceof URL) request.url.pathname = '/changed-by-the-transport';
        return Promise.resolve(answer('00', 'OK', 'application/soap+xml'));
      },
    },
  });
  await client.rechercherInsAvecTraitsIdentite(IDENTITY);
  await client.rechercherInsAvecTraitsIdentite(IDENTITY);
  await client.rechercherInsAvecTraitsIdentite(IDENTITY, {}, { endpoint: 'https://c.example/insi' });
  await client.rechercherInsAvecTraitsIdentite(IDENTITY);
  assert.deepEqual(urls, ['https://a.example/insi', 'https://a.example/insi', 'https://c.example/insi', 'https://a.example/insi']);
});
