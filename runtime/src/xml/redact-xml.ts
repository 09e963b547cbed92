/**
 * Deny-by-default redaction of XML for traces, logs and error messages. Health data has too many
 * shapes for a list of sensitive names (INSi traits, HL7 `addr`/`telecom`/`birthTime`, XDS
 * `PID-5|DUPONT^JEAN` slot values, CDATA, text split by comments), so the rule is the reverse: the
 * structure (element and attribute names, namespace declarations) is kept, and so are the values
 * that are safe by construction — WS-Addressing headers, SOAP fault codes, status and error codes,
 * identifiers and timestamps of the exchange, algorithm URIs — while every other text node, CDATA
 * section, comment and attribute value becomes `***`.
 *
 * It is a textual pass (no parser, no limits to hit): it also works on partial, truncated or
 * malformed XML, where anything it cannot read as markup is treated as text and masked.
 */

const WSA = ['http://www.w3.org/2005/08/addressing', 'http://schemas.xmlsoap.org/ws/2004/08/addressing'];
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const SAML2 = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XOP = 'http://www.w3.org/2004/08/xop/include';
const EBRS = 'urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0';
const EBRIM = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';
const EBQUERY = 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0';
const INSI_RESULTAT = 'http://www.cnamts.fr/INSiResultat';
const SIRAM = 'urn:siram';

/** `{namespace}local` keys, built once. */
function keys(namespaces: readonly string[], locals: readonly string[]): string[] {
  return namespaces.flatMap((ns) => locals.map((l) => `{${ns}}${l}`));
}

/**
 * Elements whose text is shown: addressing (URIs and message IDs), fault codes and roles, the
 * exchange's timestamps, SAML authentication-context class, the INSi result code.
 */
const SAFE_TEXT = new Set<string>([
  ...keys(WSA, ['Action', 'MessageID', 'RelatesTo', 'To', 'Address']),
  ...keys([SOAP12], ['Value', 'Node', 'Role']),
  ...keys([''], ['faultcode', 'faultactor']),
  ...keys([WSU], ['Created', 'Expires']),
  ...keys([SAML2], ['AuthnContextClassRef']),
  ...keys([INSI_RESULTAT], ['CodeCR']),
]);

/** Attributes shown on any element: envelope processing, schema typing, language, `wsu:Id`. */
const SAFE_ANY_ELEMENT_ATTRIBUTES = new Set<string>([
  ...keys([SOAP11, SOAP12], ['mustUnderstand', 'role', 'actor', 'relay', 'encodingStyle']),
  ...keys([XSI], ['type', 'nil']),
  ...keys([XML_NS], ['lang']),
  ...keys([WSU], ['Id']),
  ...keys(WSA, ['IsReferenceParameter']),
]);

/** Unqualified attributes shown on the elements of a namespace: IDs, instants, codes, algorithm URIs. */
const SAFE_ATTRIBUTES_BY_NAMESPACE = new Map<string, ReadonlySet<string>>([
  ...WSA.map((ns) => [ns, new Set(['mustUnderstand', 'RelationshipType'])] as const),
  [SAML2, new Set(['ID', 'IssueInstant', 'Version', 'AuthnInstant', 'NotBefore', 'NotOnOrAfter', 'Name', 'NameFormat', 'Format', 'Method'])],
  [DSIG, new Set(['Algorithm', 'URI', 'Id'])],
  [EXC_C14N, new Set(['PrefixList'])],
  [WSSE, new Set(['EncodingType', 'ValueType'])],
  [XOP, new Set(['href'])],
  [EBRS, new Set(['status', 'errorCode', 'severity', 'requestId'])],
  [EBRIM, new Set(['objectType', 'status', 'name', 'classificationScheme', 'identificationScheme', 'associationType', 'mimeType'])],
  [EBQUERY, new Set(['returnType', 'returnComposedObjects'])],
  [SIRAM, new Set(['code', 'severite', 'messageID'])],
]);

// Generated identifiers: `urn:uuid:…` or a bare UUID say nothing about a person.
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when the text of element `{namespace}local` is shown by {@link redactXml}.
 * @param namespace - the element's namespace URI (`''` for none)
 * @param local - its local name
 */
export function isSafeElementText(namespace: string, local: string): boolean {
  return SAFE_TEXT.has(`{${namespace}}${local}`);
}

/**
 * True when an attribute value is shown by {@link redactXml}: namespace declarations, attributes
 * of the safe lists, a UUID or a boolean.
 * @param element - namespace and local name of the element carrying it
 * @param attribute - namespace (`''` for an unprefixed attribute) and local name of the attribute
 * @param value - the value as written (entities not expanded)
 */
export function isSafeAttribute(
  element: { readonly namespace: string; readonly local: string },
  attribute: { readonly namespace: string; readonly local: string },
  value: string,
): boolean {
  if (value === '' || value === 'true' || value === 'false' || UUID.test(value)) return true;
  if (attribute.namespace !== '') return SAFE_ANY_ELEMENT_ATTRIBUTES.has(`{${attribute.namespace}}${attribute.local}`);
  return SAFE_ATTRIBUTES_BY_NAMESPACE.get(element.namespace)?.has(attribute.local) === true;
}

/** Options of {@link redactXml}. */
export interface RedactOptions {
  /** Cut the result to this many characters (with `…`); default: no cut. */
  readonly maxLength?: number;
}

/** The mask written in place of a value. */
export const MASK = '***';

interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
  readonly namespace: string;
  readonly local: string;
  readonly name: string;
}

const ATTRIBUTE = /([^\s=/<>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)/g;
const NAME = /^[^\s/<>=!?"']+/;

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/** The end of the tag starting at `from` (`>` outside quotes), or the end of the text. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return xml.length;
}

/** Text outside markup: whitespace kept (it is layout), anything else masked. */
function maskText(text: string): string {
  return /^\s*$/.test(text) ? text : MASK;
}

/**
 * Redacts XML text: structure kept, values that are not safe by construction masked as `***`
 * (see the module documentation). Never throws.
 * @param xml - an envelope, a fragment, or any text (non-XML text is masked whole)
 * @param options - optional length cut
 */
export function redactXml(xml: string, options: RedactOptions = {}): string {
  const out: string[] = [];
  const stack: Scope[] = [];
  const top = (): Scope | undefined => stack[stack.length - 1];
  const resolve = (prefix: string, scope: Scope | undefined, own: ReadonlyMap<string, string>): string | undefined => {
    if (prefix === 'xml') return XML_NS;
    return own.get(prefix) ?? scope?.prefixes.get(prefix) ?? (prefix === '' ? '' : undefined);
  };
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      out.push(maskText(xml.slice(i)));
      break;
    }
    if (lt > i) {
      const scope = top();
      const text = xml.slice(i, lt);
      out.push(scope !== undefined && isSafeElementText(scope.namespace, scope.local) ? text : maskText(text));
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end + 3;
      out.push(end === lt + 4 ? '<!---->' : `<!--${MASK}-->`);
      i = stop;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const content = xml.slice(lt + 9, end < 0 ? n : end);
      const scope = top();
      out.push(`<![CDATA[${scope !== undefined && isSafeElementText(scope.namespace, scope.local) ? content : maskText(content)}]]>`);
      i = end < 0 ? n : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      const pi = xml.slice(lt, end < 0 ? n : end + 2);
      // The XML declaration (version, encoding) is structure; other instructions may carry anything.
      out.push(/^<\?xml\s[^<>]*\?>$/.test(pi) ? pi : `<?${NAME.exec(xml.slice(lt + 2))?.[0] ?? ''} ${MASK}?>`);
      i = end < 0 ? n : end + 2;
    } else if (xml.startsWith('<!', lt)) {
      const end = tagEnd(xml, lt + 2);
      out.push(`<!${NAME.exec(xml.slice(lt + 2))?.[0] ?? ''} ${MASK}>`);
      i = end + 1;
    } else if (xml.startsWith('</', lt)) {
      const end = tagEnd(xml, lt + 2);
      const name = NAME.exec(xml.slice(lt + 2, end))?.[0] ?? '';
      // Pop to the matching open element (tolerates unbalanced input).
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].name === name) {
          stack.length = k;
          break;
        }
      }
      out.push(`</${name}>`);
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      const inner = xml.slice(lt + 1, end);
      const name = NAME.exec(inner)?.[0];
      if (name === undefined) {
        // A lone `<` in text (malformed): mask like text.
        out.push(MASK);
        i = lt + 1;
        continue;
      }
      const selfClosing = /\/\s*$/.test(inner);
      const declarations = new Map<string, string>();
      const attributes: { name: string; quoted: string }[] = [];
      for (const m of inner.slice(name.length).matchAll(ATTRIBUTE)) {
        const quoted = m[2];
        const raw = quoted.startsWith('"') || quoted.startsWith("'") ? quoted.slice(1, -1) : quoted;
        if (m[1] === 'xmlns') declarations.set('', raw);
        else if (m[1].startsWith('xmlns:')) declarations.set(m[1].slice(6), raw);
        attributes.push({ name: m[1], quoted: raw });
      }
      const parent = top();
      const { prefix, local } = splitName(name);
      const namespace = resolve(prefix, parent, declarations) ?? '';
      const prefixes = declarations.size === 0 ? (parent?.prefixes ?? new Map<string, string>()) : new Map([...(parent?.prefixes ?? []), ...declarations]);
      let tag = `<${name}`;
      for (const a of attributes) {
        let shown: boolean;
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) shown = true;
        else {
          const an = splitName(a.name);
          const attributeNamespace = an.prefix === '' ? '' : (resolve(an.prefix, parent, declarations) ?? `(unbound ${an.prefix})`);
          shown = isSafeAttribute({ namespace, local }, { namespace: attributeNamespace, local: an.local }, a.quoted);
        }
        tag += ` ${a.name}="${shown ? a.quoted.replace(/"/g, '&quot;') : MASK}"`;
      }
      out.push(`${tag}${selfClosing ? '/' : ''}>`);
      if (!selfClosing) stack.push({ prefixes, namespace, local, name });
      i = end + 1;
    }
  }
  const result = out.join('');
  const max = options.maxLength;
  if (max === undefined || result.length <= max) return result;
  return `${result.slice(0, Math.max(0, max - 1))}…`;
}
