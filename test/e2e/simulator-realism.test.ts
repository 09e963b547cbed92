/**
 * The simulators are no weaker than the services they stand for (issue #11): time checks for every
 * VIHF mode and for the assertion PS, an ORG_SIGN-like signer of the request's structure (not a TLS
 * certificate), SHA-1 refused by default and accepted only with the simulator's opt-in. (DIRECTE and
 * the card certificate: see failures.test.ts.) Each refusal with its fault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cisisProfile, loadPemSigner, SoapFault, tlsiProfile, type SoapProfile } from '@volet/runtime';
import { buildAssertionPs, buildVihf } from '@volet/runtime/security';
import { ICIRClient } from '../../generated/insi/index.js';
import type { Erreur } from '../../generated/schemas/siram/index.js';
import { DMP_FAULT_NS } from '../../simulator/dmp/dmp-faults.js';
import { createDmpSimulator, DMP_PATHS } from '../../simulator/dmp/dmp-simulator.js';
import { SIMULATOR_IDAM } from '../../simulator/insi/insi-simulator.js';
import { DEFAULT_POPULATION, fullIns, type SimulatedIdentity } from '../../simulator/insi/population.js';
import { tlsFor } from '../../simulator/samples/sample-clients.js';
import { findDocumentsQuery, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { useSimulators } from './support/simulators.js';

const ctx = useSimulators();
const alice = DEFAULT_POPULATION[0] as SimulatedIdentity;
const aliceIns = fullIns(alice);
const aliceQuery = findDocumentsQuery(xdsPatientId(aliceIns, alice.ins.oid));
const LONG_AGO = (): Date => new Date('2001-01-01T00:00:00Z');
const fixedVihf = (xml: string): SoapProfile => cisisProfile({ vihf: () => xml });

async function fault(call: () => Promise<unknown>): Promise<SoapFault> {
  try {
    await call();
  } catch (error) {
    if (error instanceof SoapFault) return error;
    throw error;
  }
  assert.fail('expected a SOAP fault');
}

function dmpCode(f: SoapFault): string | undefined {
  const sub = f.subcodes[0];
  return sub?.namespace === DMP_FAULT_NS ? sub.local : undefined;
}

function dmpQuery(profile: SoapProfile): Promise<unknown> {
  return ctx().clients.registry.registryStoredQuery(aliceQuery, { profile });
}

test('DMP: IssueInstant and Conditions are checked in every mode (2001 tokens → DMPVIHFExpired), fresh ones pass', async () => {
  const { clients } = ctx();
  for (const mode of ['INDIRECTE', 'INDIRECTE_RENFORCEE'] as const) {
    const withConditions = await buildVihf(clients.vihfInput(aliceIns, mode), { signer: clients.vihfSigner, now: LONG_AGO, lifetimeSeconds: 3600 });
    const f = await fault(() => dmpQuery(fixedVihf(withConditions)));
    assert.equal(dmpCode(f), 'DMPVIHFExpired', `${mode}: ${f.reason()}`);
    assert.equal(f.httpStatus, 500);
  }
  // Without Conditions: IssueInstant alone decides.
  const bare = await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer: clients.vihfSigner, now: LONG_AGO });
  assert.doesNotMatch(bare, /Conditions/);
  assert.equal(dmpCode(await fault(() => dmpQuery(fixedVihf(bare)))), 'DMPVIHFExpired');
  // Issued in the future.
  const future = await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer: clients.vihfSigner, now: () => new Date(Date.now() + 3_600_000) });
  assert.equal(dmpCode(await fault(() => dmpQuery(fixedVihf(future)))), 'DMPVIHFExpired');
  await dmpQuery(fixedVihf(await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer: clients.vihfSigner, lifetimeSeconds: 600 })));
});

test('DMP: a TLS server certificate or an ORG_SIGN of another structure as VIHF signer → DMPInvalidCertificate', async () => {
  const { clients, manifest } = ctx();
  const serverSigner = await loadPemSigner({ keyFile: manifest.entities.server.key, certificateFile: manifest.entities.server.cert });
  try {
    const token = await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer: serverSigner });
    const f = await fault(() => dmpQuery(fixedVihf(token)));
    assert.equal(dmpCode(f), 'DMPInvalidCertificate');
    assert.match(f.reason(), /TLS/);
  } finally {
    await serverSigner.close();
  }
  const otherStructure = await buildVihf({ ...clients.vihfInput(aliceIns, 'INDIRECTE'), structureId: '10B0999999' }, { signer: clients.vihfSigner });
  const f = await fault(() => dmpQuery(fixedVihf(otherStructure)));
  assert.equal(dmpCode(f), 'DMPInvalidCertificate');
  assert.match(f.reason(), /structure/);
});

test('DMP: RSA-SHA1 is refused by default (DMPInvalidSignature) and accepted by a simulator made with allowSha1', async () => {
  const { clients, manifest, sims } = ctx();
  const sha1 = await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer: clients.vihfSigner, signature: { algorithm: 'RSA-SHA1' } });
  let request: { envelope: string; contentType: string } | undefined;
  const f = await fault(() =>
    clients.registry.registryStoredQuery(aliceQuery, {
      profile: fixedVihf(sha1),
      revealValues: true,
      trace: (e) => {
        if (e.phase === 'request') request = { envelope: e.body, contentType: e.headers['content-type'] ?? '' };
      },
    }),
  );
  assert.equal(dmpCode(f), 'DMPInvalidSignature');
  assert.match(f.reason(), /SHA-1/);
  assert.ok(request !== undefined);
  // The same request, to a simulator that opted in (called without a socket, as the server would).
  const lenient = createDmpSimulator({ vihfTrust: [sims.pki.intermediateCa.certPem], allowSha1: true });
  const der = new X509Certificate(readFileSync(manifest.entities.orgAuth.cert)).raw;
  const reply = await lenient.handler({
    method: 'POST',
    path: DMP_PATHS.registry,
    headers: { 'content-type': request.contentType },
    body: Buffer.from(request.envelope),
    peer: { commonName: 'VOLET ORG_AUTH_CLI TEST', organizationalUnit: undefined, der },
  });
  assert.equal(reply.status, 200, String(reply.body));
});

test('INSi CPx: an assertion PS from 2001 or issued in the future → desir_570; SHA-1 refused', async () => {
  const { manifest, sims } = ctx();
  const signer = await loadPemSigner({ keyFile: manifest.entities.cps.key, certificateFile: manifest.entities.cps.cert });
  const input = { nameId: '899700000001', identifiantFacturation: '991234567', secteurActivite: 'SA07' };
  const cpx = (ps: string): ICIRClient =>
    new ICIRClient({
      endpoint: sims.insi.cpxUrl,
      tls: tlsFor(manifest, manifest.entities.cps),
      profile: tlsiProfile({
        security: { mode: 'cpx', assertions: [ps] },
        contexts: {
          ContexteLPS: {
            Version: '01_00',
            Nature: 'CTXLPS',
            LPS: { IDAM: { $value: SIMULATOR_IDAM, R: '4' }, Version: '1', Instance: '00000000-0000-4000-8000-000000000000', Nom: 'urn:lps:test:1' },
          },
          ContexteBAM: { Version: '01_02', COUVERTURE: {} },
        },
      }),
    });
  const traits = { NomNaissance: 'DEMOVOLET', Prenom: ['ALICE'], Sexe: 'F', DateNaissance: '1980-05-12' };
  try {
    const cases: Array<[string, string]> = [
      ['2001, with Conditions', await buildAssertionPs(input, { signer, now: LONG_AGO, lifetimeSeconds: 3600 })],
      ['2001, no Conditions', await buildAssertionPs(input, { signer, now: LONG_AGO })],
      ['future', await buildAssertionPs(input, { signer, now: () => new Date(Date.now() + 3_600_000) })],
      ['SHA-1', await buildAssertionPs(input, { signer, signature: { algorithm: 'RSA-SHA1' } })],
    ];
    for (const [label, ps] of cases) {
      const client = cpx(ps);
      try {
        const f = await fault(() => client.rechercherInsAvecTraitsIdentite(traits));
        assert.equal((f.detail[0]?.value as Erreur).code, 'desir_570', label);
      } finally {
        client.soap.close();
      }
    }
    const ok = cpx(await buildAssertionPs(input, { signer }));
    try {
      assert.equal((await ok.rechercherInsAvecTraitsIdentite(traits)).CR.CodeCR, '00');
    } finally {
      ok.soap.close();
    }
  } finally {
    await signer.close();
  }
  assert.deepEqual(ctx().serverErrors, []);
});
