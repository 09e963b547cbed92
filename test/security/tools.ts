/**
 * Wrappers around the external oracles of the security tests: xmlsec1 (signature verification) and
 * openssl (certificates); xmllint is test/support/xmllint.ts. A missing tool gives a skip reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when `command` can be run. */
export function hasTool(command: string, versionArg = '--version'): boolean {
  const r = spawnSync(command, [versionArg], { stdio: 'ignore' });
  return r.error === undefined;
}

/** Skip reason when one of `commands` is missing, else false. */
export function toolsSkipReason(...commands: string[]): string | false {
  const missing = commands.filter((c) => !hasTool(c, c === 'openssl' ? 'version' : '--version'));
  return missing.length > 0 ? `missing tool(s): ${missing.join(', ')} (apt-get install ${missing.join(' ')})` : false;
}

/** A temporary folder removed by `cleanup()`, or when the process exits. */
export function tempDir(prefix: string): { dir: string; file(name: string, content?: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `volet-${prefix}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name: string, content?: string | Uint8Array): string {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Outcome of an external check. */
export interface ToolResult {
  readonly ok: boolean;
  readonly output: string;
}

function run(command: string, args: string[]): ToolResult {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** `xmlsec1 --verify --pubkey-cert-pem <cert> --id-attr:ID <saml Assertion> <file>`. */
export function xmlsecVerify(file: string, certPemFile: string): ToolResult {
  return run('xmlsec1', ['--verify', '--pubkey-cert-pem', certPemFile, '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', file]);
}

/** Runs openssl, throwing with its output on failure. */
export function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}
