/**
 * `openssl s_server` as an independent TLS peer: unlike node servers (which verify client
 * certificates after the handshake and just drop the connection), OpenSSL with
 * `-verify_return_error` answers a bad client certificate with the precise TLS alert
 * (unknown_ca, certificate_expired…), as production servers do.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestPki } from '../../support/pki.js';

/** A running s_server. */
export interface OpensslServer {
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** Stops it. */
  close(): Promise<void>;
}

/** Why s_server tests must skip, or false when the openssl CLI is usable. */
export function opensslSkipReason(): string | false {
  const r = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? 'openssl CLI not found: install openssl to run the s_server tests' : false;
}

/**
 * Starts `openssl s_server -www` with the test server certificate, requiring a client certificate
 * from the test CA and failing the handshake on any verification error.
 * @param pki - the test PKI
 */
export function startOpensslServer(pki: TestPki): Promise<OpensslServer> {
  const child: ChildProcess = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      '127.0.0.1:0',
      '-cert',
      pki.server.certFile,
      '-key',
      pki.server.keyFile,
      '-cert_chain',
      pki.intermediateCa.certFile,
      '-CAfile',
      pki.caBundleFile,
      '-Verify',
      '2',
      '-verify_return_error',
      '-www',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise<OpensslServer>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('openssl s_server did not start: ' + out));
    }, 10_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /ACCEPT\s+\S*:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({
          port: Number(m[1]),
          close: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill();
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
