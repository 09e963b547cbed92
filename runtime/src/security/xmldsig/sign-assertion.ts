/**
 * Enveloped XML-DSig over a SAML assertion, computed by xml-crypto with the private-key operation
 * delegated to a {@link Signer}: xml-crypto canonicalises and digests, then calls our
 * `SignatureAlgorithm.getSignature` with the canonical `SignedInfo`, which we hand to the signer
 * (PKCS#11 token, card, file key) through xml-crypto's asynchronous callback path.
 *
 * Output shape (CI-SIS §6.4, TLSi assertion PS): `Signature` right after `Issuer`,
 * `Reference URI="#<ID>"`, transforms enveloped-signature then exc-c14n, exc-c14n
 * `SignedInfo`, RSA-SHA256 (RSA-SHA1 on request), the certificate in `KeyInfo/X509Data`.
 */
import type { BinaryLike, KeyLike } from 'node:crypto';
import type { ErrorFirstCallback, SignatureAlgorithm, SignedXml } from 'xml-crypto';
import { SecurityError } from '../errors.js';
import { isNCName } from '../../xml/qname.js';
import { DSIG_NS, ENVELOPED_SIGNATURE, EXC_C14N, SAML2_NS } from '../namespaces.js';
import { DIGEST_ALGORITHM_URI, SIGNATURE_ALGORITHM_URI, type SignatureAlgorithmName, type Signer } from '../signers/signer.js';

/** Options of {@link signAssertion}. */
export interface SignAssertionOptions {
  /** Signature algorithm. Default `RSA-SHA256` (the digest follows: SHA-256 / SHA-1). */
  readonly algorithm?: SignatureAlgorithmName;
  /**
   * `InclusiveNamespaces PrefixList` on the reference's exc-c14n transform, e.g.
   * `['ds', 'saml', '#default', 'xsi']` as in the 2024 ANS example. Default: none (as the official
   * 2019–2020 tokens and the TLSi assertion PS). Beware: listed prefixes that an enclosing SOAP
   * envelope happens to declare become part of the digest at the receiver.
   */
  readonly inclusiveNamespacesPrefixList?: readonly string[];
  /** `InclusiveNamespaces PrefixList` on `SignedInfo`'s CanonicalizationMethod. Default: none. */
  readonly signedInfoInclusiveNamespacesPrefixList?: readonly string[];
  /** Namespace prefix of the signature elements (`ds`); default none (`<Signature xmlns="…">`, as the official tokens). */
  readonly prefix?: string;
}

const ISSUER_XPATH = `/*/*[local-name(.)='Issuer' and namespace-uri(.)='${SAML2_NS}']`;

/** xml-crypto SignatureAlgorithm whose private-key step is the signer. */
function delegatingAlgorithm(signer: Signer, algorithm: SignatureAlgorithmName): new () => SignatureAlgorithm {
  const uri = SIGNATURE_ALGORITHM_URI[algorithm];
  class DelegatingSignatureAlgorithm {
    getAlgorithmName(): string {
      return uri;
    }
    getSignature(signedInfo: BinaryLike, _privateKey: KeyLike, callback?: ErrorFirstCallback<string>): string {
      if (!callback) throw new Error('signers are asynchronous: computeSignature must be called with a callback');
      const data = typeof signedInfo === 'string' ? Buffer.from(signedInfo, 'utf8') : Buffer.from(signedInfo as Uint8Array);
      signer.sign(data, algorithm).then(
        (signature) => callback(null, Buffer.from(signature).toString('base64')),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
      return '';
    }
    verifySignature(): boolean {
      throw new Error('this algorithm only signs');
    }
  }
  return DelegatingSignatureAlgorithm as unknown as new () => SignatureAlgorithm;
}

/** The element of the DOM xml-crypto builds (its bundled xmldom 0.8), as far as we touch it. */
interface DomElementLike {
  localName: string | null;
  namespaceURI: string | null;
  childNodes: ArrayLike<DomElementLike>;
  getAttribute(name: string): string | null;
  removeChild(child: DomElementLike): unknown;
}

/**
 * xml-crypto 6.3 writes the reference's InclusiveNamespaces under *every* transform, including
 * enveloped-signature (where it means nothing). Its `addAllReferences` step runs before SignedInfo is
 * canonicalised and signed, so removing the stray elements there keeps the signature valid. This
 * relies on a private method of the pinned version; the tests check the resulting Transforms.
 */
function dropInclusiveNamespacesOutsideC14n(sig: SignedXml): void {
  const target = sig as unknown as { addAllReferences?: (...args: unknown[]) => unknown };
  const original = target.addAllReferences;
  if (typeof original !== 'function')
    throw new SecurityError('signature-failed', 'xml-crypto changed: cannot place InclusiveNamespaces (pin xml-crypto 6.3.x)');
  target.addAllReferences = function patched(this: unknown, ...args: unknown[]): unknown {
    const result = original.apply(this, args);
    const signatureElem = args[1] as DomElementLike;
    const walk = (node: DomElementLike): void => {
      for (const child of Array.from(node.childNodes)) {
        if (child.localName === 'Transform' && child.namespaceURI === DSIG_NS && child.getAttribute('Algorithm') !== EXC_C14N) {
          for (const inner of Array.from(child.childNodes)) if (inner.localName === 'InclusiveNamespaces') child.removeChild(inner);
        } else if (child.childNodes) walk(child);
      }
    };
    walk(signatureElem);
    return result;
  };
}

/**
 * Signs a SAML 2.0 assertion (the root element of `xml`, which must carry an NCName `ID` and an
 * `Issuer`) with an enveloped signature placed right after `Issuer`. Resolves to the signed XML.
 */
export async function signAssertion(xml: string, signer: Signer, options: SignAssertionOptions = {}): Promise<string> {
  const algorithm = options.algorithm ?? 'RSA-SHA256';
  const signatureUri = SIGNATURE_ALGORITHM_URI[algorithm];
  if (!signatureUri) throw new SecurityError('unsupported-algorithm', 'unsupported signature algorithm');
  const id = /^\uFEFF?(?:<\?xml[^>]*\?>\s*)?<(?:[A-Za-z_][\w.-]*:)?Assertion\b[^>]*?\sID="([^"]*)"/.exec(xml)?.[1];
  if (id === undefined || !isNCName(id)) {
    throw new SecurityError('invalid-xml', 'assertion to sign: the root must be an Assertion with an NCName ID attribute');
  }
  const referencePrefixes = [...(options.inclusiveNamespacesPrefixList ?? [])];
  const signedInfoPrefixes = [...(options.signedInfoInclusiveNamespacesPrefixList ?? [])];
  // Loaded on the first signature: importing the runtime must not load xml-crypto (and its xmldom, xpath).
  const { SignedXml } = await import('xml-crypto');
  const sig = new SignedXml({
    // Never used: the delegating algorithm ignores it, but xml-crypto insists on a value.
    privateKey: 'held-by-signer',
    publicCert: signer.certificate.pem,
    canonicalizationAlgorithm: EXC_C14N,
    signatureAlgorithm: signatureUri,
    inclusiveNamespacesPrefixList: signedInfoPrefixes,
  });
  sig.SignatureAlgorithms = { [signatureUri]: delegatingAlgorithm(signer, algorithm) };
  sig.addReference({
    xpath: '/*',
    transforms: [ENVELOPED_SIGNATURE, EXC_C14N],
    digestAlgorithm: DIGEST_ALGORITHM_URI[algorithm],
    inclusiveNamespacesPrefixList: referencePrefixes,
  });
  if (referencePrefixes.length > 0) dropInclusiveNamespacesOutsideC14n(sig);
  return new Promise<string>((resolve, reject) => {
    const fail = (cause: unknown): void =>
      reject(cause instanceof SecurityError ? cause : new SecurityError('signature-failed', 'signing the assertion failed', { cause }));
    try {
      sig.computeSignature(
        xml,
        { ...(options.prefix === undefined ? {} : { prefix: options.prefix }), location: { reference: ISSUER_XPATH, action: 'after' } },
        (error) => {
          if (error) fail(error);
          else resolve(sig.getSignedXml());
        },
      );
    } catch (cause) {
      fail(cause);
    }
  });
}
