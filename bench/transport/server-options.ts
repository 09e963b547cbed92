/**
 * The options of the benches' local mutual-TLS servers (the test PKI's server certificate, client
 * certificates required and checked). A module apart from child.ts, whose PKI maker would load
 * node-forge into the workers whose memory is measured.
 */
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import type { PkiPaths } from './child.js';

/** Server key, certificate chain and trusted CAs read from `pki`; client certificates required. */
export function mutualTlsServerOptions(pki: PkiPaths): ServerOptions {
  return {
    key: readFileSync(pki.serverKey),
    cert: readFileSync(pki.serverCert),
    ca: readFileSync(pki.ca),
    requestCert: true,
    rejectUnauthorized: true,
  };
}
