/**
 * Signature wrapping (XSW) attacks, the family of the literature, built from legitimate requests
 * captured from the generated clients: an INDIRECTE ITI-18 query for patient A (DMP) and a CPx
 * INSi search (assertion PS). Each attack forges a copy of the signed assertion (patient B, another
 * holder), plays with where the untouched signed assertion sits and how IDs are written, and is
 * sent to the runtime verifier and, over mutual TLS, to the simulator: every one must be refused.
 * xmlsec1 is the oracle on the same documents: the genuine assertion verifies, the forged one
 * (what a wrapped request wants acted on) does not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SoapFault, loadPemSigner, tlsiProfile, type TransportResponse } from '@volet/runtime';
import { HttpsTransport } from '@volet/runtime/http';
import { envelopeText, splitSoapPayload } from '@volet/runtime/mtom';
import { buildAssertionPs, verifyAssertionSignature } from '@volet/runtime/security';
import { decodeEnvelope } from '@volet/runtime/soap';
import { ICIRClient } from '../../generated/insi/index.js';
import { DMP_FAULT_NS } from '../../simulator/dmp/dmp-faults.js';
import { SIMULATOR_IDAM } from '../../simulator/insi/insi-simulator.js';
import { DEFAULT_POPULATION, fullIns, type SimulatedIdentity } from '../../simulator/insi/population.js';
import { tlsFor } from '../../simulator/samples/sample-clients.js';
import { findDocumentsQuery, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { useSimulators } from '../e2e/support/simulators.js';
import { tempDir, toolsSkipReason, xmlsecVerify } from './tools.js';

const skip = toolsSkipReason('xmlsec1');
const ctx = useSimulators();
const alice = DEFAULT_POPULATION[0] as SimulatedIdentity;
const bob = DEFAULT_POPULATION[1] as SimulatedIdentity;
const WRAP = 'urn:volet:test:wrapper';

/** A captured request. */
interface Captured {
  readonly envelope: string;
  readonly contentType: string;
}

/** The pieces of a request an attack recombines. */
interface Pieces {
  /** The envelope before the signed assertion, and after it (the assertion sits in wsse:Security). */
  readonly before: string;
  readonly after: string;
  /** The signed assertion, untouched. */
  readonly signed: string;
  /** Its ID. */
  readonly id: string;
  /** The `<wsse:Security …>` start tag, to open a second one. */
  readonly securityStart: string;
  readonly securityEnd: string;
}

function pieces(envelope: string): Pieces {
  const m = /<(\w+:)?Assertion\b[\s\S]*?<\/\1Assertion>/.exec(envelope);
  assert.ok(m !== null, 'the request carries an assertion');
  const signed = m[0];
  const id = /\sID="([^"]+)"/.exec(signed)?.[1];
  assert.ok(id !== undefined);
  const securityStart = /<(\w+:)?Security\b[^>]*>/.exec(envelope)?.[0];
  assert.ok(securityStart !== undefined);
  const prefix = /^<(\w+:)?/.exec(securityStart)?.[1] ?? '';
  return { before: envelope.slice(0, m.index), after: envelope.slice(m.index + signed.length), signed, id, securityStart, securityEnd: `</${prefix}Security>` };
}

/** Changes one character of the SignatureValue. */
function alterSignatureValue(assertion: string): string {
  return assertion.replace(/(<(?:\w+:)?SignatureValue>)(.)/, (_all, tag: string, c: string) => `${tag}${c === 'A' ? 'B' : 'A'}`);
}

/** Rewrites the assertion's own ID attribute (not the Reference). */
function withId(assertion: string, id: string): string {
  return assertion.replace(/(<(?:\w+:)?Assertion\b[^>]*?\sID=")[^"]*"/, (_all, head: string) => `${head}${id}"`);
}

/** One attack: the envelope to send and the forged assertion it wants acted on. */
interface Attack {
  readonly name: string;
  readonly envelope: string;
  readonly forged: string;
  /** The signed copy sits in the Body. */
  readonly inBody: boolean;
}

/**
 * The XSW family over one legitimate request. `retarget` turns the legitimate claims into the
 * attacker's (patient B, another holder) in the assertion and, where it names them, the body.
 */
function attacks(legit: string, retarget: (text: string) => string): Attack[] {
  const p = pieces(legit);
  const before = retarget(p.before);
  const after = retarget(p.after);
  const claims = retarget(p.signed);
  assert.notEqual(claims, p.signed, 'the forged copy differs');
  const forged = (id: string): string => alterSignatureValue(withId(claims, id));
  const unknownHeader = (content: string): string => `<x:Wrapper xmlns:x="${WRAP}">${content}</x:Wrapper>`;
  // Inserts a header block right after wsse:Security.
  const afterSecurity = (envelope: string, block: string): string => {
    const end = envelope.indexOf(p.securityEnd);
    return envelope.slice(0, end + p.securityEnd.length) + block + envelope.slice(end + p.securityEnd.length);
  };
  const secondSecurity = (content: string): string => `${p.securityStart}${content}${p.securityEnd}`;
  const list: Attack[] = [];
  const add = (name: string, envelope: string, forgedAssertion: string): void => {
    list.push({ name, envelope, forged: forgedAssertion, inBody: name.includes('in the Body') });
  };
  for (const [label, id] of [
    ['ID with spaces', ` ${p.id} `],
    ['ID with a tab', `\t${p.id}`],
    ['ID with a newline', `${p.id}\n`],
  ] as const) {
    const f = forged(id);
    add(`${label}; signed copy in an unknown header`, afterSecurity(before + f + after, unknownHeader(p.signed)), f);
    add(`${label}; signed copy in a second wsse:Security`, afterSecurity(before + f + after, secondSecurity(p.signed)), f);
    add(
      `${label}; signed copy in a second wsse:Security placed first`,
      before.replace(p.securityStart, secondSecurity(p.signed) + p.securityStart) + f + after,
      f,
    );
    add(`${label}; signed copy in the Body`, afterSecurity(before + f + after, '').replace(/(<(\w+:)?Body\b[^>]*>)/, `$1${unknownHeader(p.signed)}`), f);
    add(`${label}; alone (naive edit)`, before + f + after, f);
  }
  const sameId = forged(p.id);
  add('same ID; forged copy before the signed one in wsse:Security', before + sameId + p.signed + after, sameId);
  add('same ID; forged copy after the signed one in wsse:Security', before + p.signed + sameId + after, sameId);
  add('same ID; signed copy in an unknown header', afterSecurity(before + sameId + after, unknownHeader(p.signed)), sameId);
  add('same ID; altered SignatureValue, no other copy', before + sameId + after, sameId);
  const caseId = forged(p.id.toUpperCase() === p.id ? p.id.toLowerCase() : p.id.toUpperCase());
  add('ID in another case; signed copy in an unknown header', afterSecurity(before + caseId + after, unknownHeader(p.signed)), caseId);
  // The forged copy wraps the signed one (in Advice-like position), and the other way round.
  const wrapping = caseId.replace(/(<\/(\w+:)?Issuer>)/, `$1${unknownHeader(p.signed)}`);
  // xmlsec1 checks the first Signature in document order (the nested genuine one): the oracle gets the forged claims alone.
  add('signed copy inside the forged one', before + wrapping + after, caseId);
  const inside = p.signed.replace(/(<\/(\w+:)?Issuer>)/, `$1${unknownHeader(caseId)}`);
  add('forged copy inside the signed one', before + inside + after, caseId);
  // A fresh ID on the forged copy, its Reference still naming the signed one.
  const elsewhere = forged('_forged-0001');
  add('Reference URI pointing at the signed copy elsewhere', afterSecurity(before + elsewhere + after, unknownHeader(p.signed)), elsewhere);
  add('duplicate ID on another element', afterSecurity(before + sameId + after, `<x:Data xmlns:x="${WRAP}" ID="${p.id}"/>`), sameId);
  add('duplicate ID (spaces) on another element', afterSecurity(legit, `<x:Data xmlns:x="${WRAP}" ID=" ${p.id} "/>`), sameId);
  add('duplicate ID in another attribute namespace', afterSecurity(legit, `<x:Data xmlns:x="${WRAP}" x:ID="${p.id}"/>`), sameId);
  return list;
}

/** xmlsec1 on one assertion, alone in a file. */
function xmlsecAccepts(assertionXml: string, certFile: string): boolean {
  const t = tempDir('xsw');
  try {
    return xmlsecVerify(t.file('assertion.xml', assertionXml), certFile).ok;
  } finally {
    t.cleanup();
  }
}

/** The answer's fault, or undefined when the answer is not a fault. */
function faultOf(response: TransportResponse): SoapFault | undefined {
  try {
    decodeEnvelope(envelopeText(splitSoapPayload(response.headers['content-type'], response.body)));
  } catch (error) {
    if (error instanceof SoapFault) return error;
    throw error;
  }
  return undefined;
}

/** The ebRIM status of a registry answer (`Success`, `Failure`…), or `fault`. */
function registryStatus(response: TransportResponse): string {
  if (faultOf(response) !== undefined) return 'fault';
  const text = envelopeText(splitSoapPayload(response.headers['content-type'], response.body));
  return /status="urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:(\w+)"/.exec(text)?.[1] ?? 'none';
}

async function capture(call: (trace: (e: { phase: string; body?: string; headers?: Record<string, string> }) => void) => Promise<unknown>): Promise<Captured> {
  let captured: Captured | undefined;
  await call((e) => {
    if (e.phase === 'request' && e.body !== undefined) captured = { envelope: e.body, contentType: e.headers?.['content-type'] ?? '' };
  });
  assert.ok(captured !== undefined);
  return captured;
}

describe('XSW: DMP ITI-18, INDIRECTE VIHF for patient A rewritten for patient B', { skip }, () => {
  test('every wrapping variant is refused by the runtime verifier and the DMP simulator; xmlsec1 refuses each forged assertion', async () => {
    const { clients, manifest, sims } = ctx();
    const legit = await capture((trace) =>
      clients.registry.registryStoredQuery(findDocumentsQuery(xdsPatientId(fullIns(alice), alice.ins.oid)), {
        profile: clients.dmpProfile(fullIns(alice)),
        revealValues: true,
        trace,
      }),
    );
    const transport = new HttpsTransport(tlsFor(manifest, manifest.entities.orgAuth));
    const send = (envelope: string): Promise<TransportResponse> =>
      transport.send({ url: sims.dmp.registryUrl, headers: { 'content-type': legit.contentType }, body: envelope });
    const retarget = (text: string): string => text.split(fullIns(alice)).join(fullIns(bob));
    try {
      // Controls: the legitimate request passes the verifier, the simulator and xmlsec1.
      const p = pieces(legit.envelope);
      assert.equal(verifyAssertionSignature(legit.envelope, { trustedCertificates: [sims.pki.intermediateCa.certPem] }).valid, true);
      assert.equal(registryStatus(await send(legit.envelope)), 'Success');
      assert.equal(xmlsecAccepts(p.signed, manifest.entities.orgSign.cert), true);
      // A straight request for B (B's INS in the body only) is refused: the VIHF names A.
      assert.equal(registryStatus(await send(legit.envelope.replace(/<(\w+:)?Body\b[\s\S]*/, (body) => retarget(body)))), 'Failure');

      const list = attacks(legit.envelope, retarget);
      assert.ok(list.length >= 20);
      for (const attack of list) {
        const verdict = verifyAssertionSignature(attack.envelope, { trustedCertificates: [sims.pki.intermediateCa.certPem], allowUnsigned: true });
        assert.equal(verdict.valid, false, `verifier accepted: ${attack.name}`);
        const response = await send(attack.envelope);
        const fault = faultOf(response);
        assert.ok(fault !== undefined, `DMP simulator answered ${response.status} (${registryStatus(response)}) without a fault: ${attack.name}`);
        assert.ok(response.status >= 400, attack.name);
        // In the Body the strict body decoding refuses the request first; elsewhere the VIHF check does.
        if (!attack.inBody) assert.equal(fault.subcodes[0]?.namespace, DMP_FAULT_NS, `${attack.name}: ${fault.reason()}`);
        assert.equal(xmlsecAccepts(attack.forged, manifest.entities.orgSign.cert), false, `xmlsec1 accepted the forged assertion: ${attack.name}`);
      }
      assert.deepEqual(ctx().serverErrors, []);
    } finally {
      transport.close();
    }
  });
});

describe('XSW: INSi CPx, assertion PS of one holder rewritten for another', { skip }, () => {
  test('every wrapping variant is refused by the runtime verifier and the INSi simulator; xmlsec1 refuses each forged assertion', async () => {
    const { manifest, sims } = ctx();
    const signer = await loadPemSigner({ keyFile: manifest.entities.cps.key, certificateFile: manifest.entities.cps.cert });
    const ps = await buildAssertionPs({ nameId: '899700000001', identifiantFacturation: '991234567', secteurActivite: 'SA07' }, { signer });
    await signer.close();
    const client = new ICIRClient({
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
    const legit = await capture((trace) =>
      client.rechercherInsAvecTraitsIdentite(
        { NomNaissance: 'DEMOVOLET', Prenom: ['ALICE'], Sexe: 'F', DateNaissance: '1980-05-12' },
        {},
        { revealValues: true, trace },
      ),
    );
    client.soap.close();
    const transport = new HttpsTransport(tlsFor(manifest, manifest.entities.cps));
    const send = (envelope: string): Promise<TransportResponse> =>
      transport.send({ url: sims.insi.cpxUrl, headers: { 'content-type': legit.contentType }, body: envelope });
    const retarget = (text: string): string => text.split('899700000001').join('899700000666').split('991234567').join('990000666');
    try {
      const p = pieces(legit.envelope);
      assert.equal(faultOf(await send(legit.envelope)), undefined);
      assert.equal(xmlsecAccepts(p.signed, manifest.entities.cps.cert), true);
      for (const attack of attacks(legit.envelope, retarget)) {
        assert.equal(
          verifyAssertionSignature(attack.envelope, { trustedCertificates: [sims.pki.intermediateCa.certPem] }).valid,
          false,
          `verifier accepted: ${attack.name}`,
        );
        const response = await send(attack.envelope);
        const fault = faultOf(response);
        assert.ok(fault !== undefined, `INSi simulator answered ${response.status} without a fault: ${attack.name}`);
        if (!attack.inBody) assert.match(JSON.stringify(fault.detail), /desir_570/, attack.name);
        assert.equal(xmlsecAccepts(attack.forged, manifest.entities.cps.cert), false, `xmlsec1 accepted the forged assertion: ${attack.name}`);
      }
      assert.deepEqual(ctx().serverErrors, []);
    } finally {
      transport.close();
    }
  });
});
