/**
 * The one error type of the security module. Messages name the field or the step that failed and
 * never carry the offending value: VIHF and TLSi inputs hold patient identifiers (INS, NIR) and
 * signer options hold PINs and passphrases.
 */

/** What went wrong, as a stable machine-readable code. */
export type SecurityErrorCode =
  /** A builder input failed validation; `issues` lists every problem. */
  | 'invalid-input'
  /** An XML string (assertion, document to verify) is not well-formed or has the wrong shape. */
  | 'invalid-xml'
  /** A PKCS#12 file could not be decrypted: wrong passphrase (MAC check failed). */
  | 'bad-passphrase'
  /** A PKCS#12 file is not readable (not DER, truncated, no key or no certificate). */
  | 'pkcs12-unreadable'
  /** Node's OpenSSL 3 refuses the PKCS#12 encryption (legacy RC2-40): re-encrypt it or read it with forge. */
  | 'pkcs12-legacy-encryption'
  /** A private key or certificate could not be read. */
  | 'key-unreadable'
  /** The private key does not belong to the certificate. */
  | 'key-certificate-mismatch'
  /** The key type is not usable for the requested signature (RSA only). */
  | 'unsupported-key'
  /** The signature algorithm is not supported. */
  | 'unsupported-algorithm'
  /** The optional `pkcs11js` package is not installed or its native addon did not build. */
  | 'pkcs11-unavailable'
  /** The PKCS#11 module could not be loaded or initialised. */
  | 'pkcs11-module'
  /** No slot/token matched the selection. */
  | 'pkcs11-token-not-found'
  /** Login was refused (wrong PIN, PIN locked, …). */
  | 'pkcs11-login-failed'
  /** No private key (or certificate) matched the label/id. */
  | 'pkcs11-key-not-found'
  /** A PKCS#11 call failed. */
  | 'pkcs11-error'
  /** The signer failed to produce a signature. */
  | 'signature-failed'
  /** The installation id file is unreadable or holds something other than a UUID. */
  | 'instance-id';

/** One validation problem: where (a JSON-path-like location) and what, never the value itself. */
export interface SecurityIssue {
  /** Location of the problem in the input, e.g. `roles[1].codeSystem`. */
  readonly path: string;
  /** What is wrong, without echoing the value. */
  readonly message: string;
}

/** Error raised by every security helper. */
export class SecurityError extends Error {
  /** Stable code for programs. */
  readonly code: SecurityErrorCode;
  /** Validation problems, for `invalid-input`. */
  readonly issues: readonly SecurityIssue[];

  /**
   * @param code - stable error code
   * @param message - human-readable message; must not contain secrets or patient data
   * @param options - validation issues and an optional cause (kept off the message)
   */
  constructor(code: SecurityErrorCode, message: string, options: { issues?: readonly SecurityIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SecurityError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/** Builds an `invalid-input` error whose message lists the issues (paths and rules only). */
export function invalidInput(what: string, issues: readonly SecurityIssue[]): SecurityError {
  const lines = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
  return new SecurityError('invalid-input', `invalid ${what}:\n${lines}`, { issues });
}
