/**
 * Benchmark: build and sign one VIHF (INDIRECTE, RSA-2048, RSA-SHA256, exclusive c14n) through the
 * PEM signer — the per-call cost of an INDIRECTE_RENFORCEE client, which needs a fresh token for
 * every request. Also reports the parts: building the unsigned XML, and the bare RSA signature.
 * The signing credential is the test PKI's ORG_SIGN certificate (simulator/pki).
 *
 * Run: node --import tsx --conditions=volet-source bench/security/vihf-sign.bench.ts [iterations]
 * (or, after `npm run build`: node dist/bench/security/vihf-sign.bench.js [iterations]).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPemSigner, type VihfInput } from '@volet/runtime';
import { buildVihf, buildVihfXml, verifyAssertionSignature } from '@volet/runtime/security';
import { createTestPki } from '../../simulator/pki/index.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(iterations: number, action: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await action();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

const iterations = Math.max(50, Number(process.argv[2] ?? 1000) || 1000);

// The organisation signing ("cachet") credential of the test PKI, in a folder removed at exit.
const pkiDir = mkdtempSync(join(tmpdir(), 'volet-bench-pki-'));
process.once('exit', () => rmSync(pkiDir, { recursive: true, force: true }));
const { orgSign } = await createTestPki(pkiDir);
const signer = createPemSigner({ key: orgSign.keyPem, certificate: orgSign.certPem });

const input: VihfInput = {
  mode: 'INDIRECTE',
  nameId: '899900063480',
  subjectId: 'MAX LIBRE',
  structureId: '10B0127189',
  sector: 'SA07^1.2.250.1.71.4.2.4',
  roles: [
    { code: '10', codeSystem: '1.2.250.1.71.1.2.7', codeSystemName: 'professions', displayName: 'Médecin' },
    { code: 'SM26', codeSystem: '1.2.250.1.71.4.2.5', codeSystemName: 'specialites RPPS', displayName: 'Qualifié en Médecine Générale (SM)' },
  ],
  patientIns: '207058575627097',
  lpsId: '01.01.01.01',
  lpsName: 'volet',
  lpsVersion: '0.1.0',
  homologationDmp: 'NumAutorisation',
};

// Sanity: what we time is a valid signed token.
const sample = await buildVihf(input, { signer });
if (!verifyAssertionSignature(sample).valid) throw new Error('benchmark token does not verify');

const data = Buffer.from(sample);
await measure(100, () => buildVihf(input, { signer })); // warm-up
const full = await measure(iterations, () => buildVihf(input, { signer }));
const unsigned = await measure(iterations, () => buildVihfXml({ ...input, issuer: signer.subjectDn }));
const rsa = await measure(iterations, () => signer.sign(data.subarray(0, 1200), 'RSA-SHA256'));
const verify = await measure(Math.min(iterations, 300), () => verifyAssertionSignature(sample));

const fmt = (v: number[]): string => `median ${median(v).toFixed(3)} ms, p90 ${percentile(v, 90).toFixed(3)} ms`;
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0].toFixed(2)}`);
console.log(`iterations: ${iterations} (after 100 warm-up), token ${sample.length} bytes`);
console.log(`build + sign VIHF (RSA-2048, RSA-SHA256): ${fmt(full)}`);
console.log(`  build unsigned XML:                    ${fmt(unsigned)}`);
console.log(`  RSA-2048 signature alone:              ${fmt(rsa)}`);
console.log(`verify signed VIHF:                      ${fmt(verify)}`);
