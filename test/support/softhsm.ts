/**
 * A SoftHSM2 token made at test time: a private `softhsm2.conf` and token folder in a temporary
 * directory (SOFTHSM2_CONF points at it for this process and the tools it runs), one token
 * initialised with `softhsm2-util --init-token`, keys imported with `softhsm2-util --import` and
 * certificates written with `pkcs11-tool`. Tests needing it skip with {@link softHsmSkipReason}.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's softhsm2 package puts the module (override with SOFTHSM2_MODULE). */
export const SOFTHSM_MODULE = process.env.SOFTHSM2_MODULE ?? '/usr/lib/softhsm/libsofthsm2.so';

function canRun(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).error === undefined;
}

/** Why PKCS#11 tests cannot run here, or false when everything is present. */
export function softHsmSkipReason(): string | false {
  const missing: string[] = [];
  if (!existsSync(SOFTHSM_MODULE)) missing.push(`SoftHSM2 module ${SOFTHSM_MODULE} (apt-get install softhsm2)`);
  if (!canRun('softhsm2-util', ['--version'])) missing.push('softhsm2-util (apt-get install softhsm2)');
  if (!canRun('pkcs11-tool', ['--help'])) missing.push('pkcs11-tool (apt-get install opensc)');
  try {
    createRequire(import.meta.url)('pkcs11js');
  } catch {
    missing.push('the optional npm package pkcs11js with its native addon (npm install; allowScripts must include pkcs11js)');
  }
  return missing.length > 0 ? `PKCS#11 test skipped: missing ${missing.join('; ')}` : false;
}

/** An initialised SoftHSM2 token. */
export interface SoftHsmToken {
  /** The PKCS#11 module path. */
  readonly module: string;
  /** Token label. */
  readonly label: string;
  /** User PIN. */
  readonly pin: string;
  /** Security officer PIN. */
  readonly soPin: string;
  /** Imports an unencrypted PKCS#8 PEM key (and optionally a DER certificate) under `label`/`id` (hex). */
  importKey(options: { keyPemFile: string; certDerFile?: string; label: string; id: string }): void;
  /** Removes the token folder. */
  cleanup(): void;
}

/**
 * Creates a fresh token. Sets `process.env.SOFTHSM2_CONF` (SoftHSM reads it at C_Initialize), so
 * create it before the first PKCS#11 call of the process and use one token per test file.
 */
export function createSoftHsmToken(options: { label?: string; pin?: string; soPin?: string } = {}): SoftHsmToken {
  const label = options.label ?? 'volet';
  const pin = options.pin ?? '1234';
  const soPin = options.soPin ?? '5678';
  const dir = mkdtempSync(join(tmpdir(), 'volet-softhsm-'));
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens);
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  process.env.SOFTHSM2_CONF = conf;
  const run = (command: string, args: string[]): void => {
    execFileSync(command, args, { env: { ...process.env, SOFTHSM2_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin]);
  return {
    module: SOFTHSM_MODULE,
    label,
    pin,
    soPin,
    importKey({ keyPemFile, certDerFile, label: keyLabel, id }) {
      run('softhsm2-util', ['--import', keyPemFile, '--token', label, '--label', keyLabel, '--id', id, '--pin', pin]);
      if (certDerFile) {
        run('pkcs11-tool', [
          '--module',
          SOFTHSM_MODULE,
          '--token-label',
          label,
          '--login',
          '--pin',
          pin,
          '--write-object',
          certDerFile,
          '--type',
          'cert',
          '--id',
          id,
          '--label',
          keyLabel,
        ]);
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
