/**
 * What `npm run simulator` and `volet simulate` print once the simulators listen: their URLs and
 * where the test PKI is, so that a vendor can point a client at them.
 */
import { SIMULATOR_IDAM } from './insi/insi-simulator.js';
import type { RunningSimulators } from './start-simulators.js';

/** The lines printed at start (ends with a newline). */
export function simulatorBanner(running: RunningSimulators): string {
  const e = running.pki;
  return [
    'volet simulators (fictional test data only)',
    `  DMP registry    ${running.dmp.registryUrl}`,
    `  DMP repository  ${running.dmp.repositoryUrl}`,
    `  INSi (mTLS)     ${running.insi.mtlsUrl}`,
    `  INSi (CPx)      ${running.insi.cpxUrl}`,
    `  known IDAM      ${SIMULATOR_IDAM}`,
    `  PKI             ${running.pkiManifestFile}`,
    `    CA bundle     ${e.caBundleFile}`,
    `    DMP client    ${e.orgAuth.p12File}  (ORG_AUTH_CLI; VIHF signer: ${e.orgSign.p12File})`,
    `    INSi client   ${e.insiAuto.p12File}  (CN=INSI-AUTO)`,
    `    passphrase    ${e.passphrase}  (test PKI only)`,
    'Ctrl-C to stop.',
    '',
  ].join('\n');
}

/** A port option's value: an integer 0–65535 (0: a free port), or undefined when not given. Throws otherwise. */
export function portOption(value: string | number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number (0-65535)`);
  return n;
}
