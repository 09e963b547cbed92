/**
 * The `wsse:Security` header block. Assertions go in as the exact strings they were signed as:
 * re-serialising a signed assertion (attribute order, namespace placement, escapes) would be
 * harmless for exclusive c14n in theory and fatal in practice, so nothing here parses-and-rewrites.
 */
import { documentRoot } from '../xml/document-root.js';
import type { XmlTag } from '../xml/reader.js';
import { isNCName } from '../xml/qname.js';
import { SecurityError } from './errors.js';
import { SAML2_NS, WSSE_NS } from './namespaces.js';

/** Options of {@link securityHeader}. */
export interface SecurityHeaderOptions {
  /** Prefix of the header element. Default `wsse`. */
  readonly prefix?: string;
  /**
   * Check that each string is one well-formed, self-contained `saml2:Assertion` (namespaces
   * declared inside it). Default true; the check only reads, the bytes inserted are the input's.
   */
  readonly check?: boolean;
}

// A leading BOM / XML declaration cannot appear mid-document; they are outside the signed element.
const PROLOG = /^\uFEFF?(?:<\?xml[^>]*\?>)?\s*/;

/**
 * True when `xml` is one well-formed document (the runtime's reader: namespaces resolved inside it,
 * no DTD) whose root is `saml2:Assertion`; throws `invalid-xml` when it is not well-formed.
 */
function isAssertionDocument(xml: string, what: string): boolean {
  let root: XmlTag | undefined;
  try {
    root = documentRoot(xml);
  } catch (cause) {
    throw new SecurityError('invalid-xml', `${what}: not well-formed XML`, { cause });
  }
  return root !== undefined && root.uri === SAML2_NS && root.local === 'Assertion';
}

/**
 * `<wsse:Security xmlns:wsse="…">assertion1assertion2…</wsse:Security>`, the assertions inserted
 * byte for byte (after dropping a leading BOM/XML declaration and surrounding whitespace).
 */
export function securityHeader(assertions: readonly string[], options: SecurityHeaderOptions = {}): string {
  if (assertions.length === 0) throw new SecurityError('invalid-input', 'wsse:Security needs at least one assertion');
  const prefix = options.prefix ?? 'wsse';
  if (!isNCName(prefix)) throw new SecurityError('invalid-input', 'wsse:Security: invalid prefix');
  const bodies = assertions.map((assertion, i) => {
    const body = assertion.replace(PROLOG, '').trimEnd();
    if (options.check ?? true) {
      if (!isAssertionDocument(body, `assertion ${i}`)) {
        throw new SecurityError('invalid-xml', `assertion ${i}: the root element is not a SAML 2.0 Assertion`);
      }
    }
    return body;
  });
  return `<${prefix}:Security xmlns:${prefix}="${WSSE_NS}">${bodies.join('')}</${prefix}:Security>`;
}
