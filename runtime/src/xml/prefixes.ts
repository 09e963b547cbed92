import { escapeXml } from './escape.js';
import { isNCName } from './qname.js';
import { XML_NS, XSI_NS } from './namespaces.js';

/**
 * Chooses one prefix per namespace for a document being written, and renders their declarations.
 *
 * Deterministic: a namespace gets its preferred prefix (from the descriptors or the caller) when
 * it is free, otherwise `ns1`, `ns2`… in order of first use. `xml` is never declared, XML Schema
 * instance gets `xsi`. No default namespace is ever declared, so unprefixed names are in no
 * namespace (the form-correct writing of unqualified local elements).
 */
export class PrefixAllocator {
  private readonly byUri = new Map<string, string>();
  private readonly taken = new Set<string>(['xml', 'xmlns']);
  private readonly order: string[] = [];
  private readonly preferred: (uri: string) => string | undefined;
  private counter = 0;

  /**
   * @param preferred - the preferred prefix of a namespace, if any
   * @param reserved - prefixes that must not be used (for example the SOAP envelope's)
   */
  constructor(preferred: (uri: string) => string | undefined, reserved: Iterable<string> = []) {
    this.preferred = preferred;
    for (const p of reserved) this.taken.add(p);
  }

  /** The prefix of `uri` (`''` for no namespace), allocated on first use. */
  prefixFor(uri: string): string {
    if (uri === '') return '';
    if (uri === XML_NS) return 'xml';
    const known = this.byUri.get(uri);
    if (known !== undefined) return known;
    let prefix = uri === XSI_NS ? 'xsi' : this.preferred(uri);
    if (prefix === undefined || prefix === '' || this.taken.has(prefix) || !isNCName(prefix) || prefix.toLowerCase().startsWith('xml')) {
      do prefix = `ns${++this.counter}`;
      while (this.taken.has(prefix));
    }
    this.taken.add(prefix);
    this.byUri.set(uri, prefix);
    this.order.push(uri);
    return prefix;
  }

  /** The namespace declarations for every prefix allocated so far, in order of first use: ` xmlns:p="uri"…`. */
  declarations(): string {
    let out = '';
    for (const uri of this.order) out += ` xmlns:${this.byUri.get(uri)}="${escapeXml(uri, true)}"`;
    return out;
  }

  /** True when nothing has been allocated. */
  get empty(): boolean {
    return this.order.length === 0;
  }
}
