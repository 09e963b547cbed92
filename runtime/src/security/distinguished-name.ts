/**
 * X.509 subject names in the string form SAML calls `X509SubjectName`: RFC 4514 (RFC 2253), the
 * form Java's `X500Principal.getName()` prints and the one the official DMP tokens carry, e.g.
 * `CN=899900038839+2.5.4.4=#14045452414c+2.5.4.42=#14064144454d4953,OU=Médecin,O=TEST,C=FR`:
 * RDNs from last to first, multi-valued RDNs joined by `+` in encoded order, only the RFC 4514
 * keywords as names, any other attribute as `<oid>=#<hex of its DER encoding>`.
 */
import { decodeOid, derChildren, readDer, type DerNode } from './der.js';

// RFC 4514 §3 keywords (the same set as Java's RFC 2253 output).
const KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const TAG_SEQUENCE = 0x30;
const TAG_SET = 0x31;
const TAG_OID = 0x06;

/** Decodes a directory string; `undefined` when the tag is not a string type. */
function decodeString(node: DerNode): string | undefined {
  const c = node.content;
  switch (node.tag) {
    case 0x0c: // UTF8String
      return new TextDecoder('utf-8', { fatal: true }).decode(c);
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x1a: // VisibleString
    case 0x14: // T61String: treated as Latin-1, as most toolkits do (CPS cards use it so)
      return Buffer.from(c).toString('latin1');
    case 0x1e: {
      // BMPString: UTF-16BE
      const swapped = Buffer.from(c);
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case 0x1c: {
      // UniversalString: UTF-32BE
      let out = '';
      for (let i = 0; i + 3 < c.length; i += 4) out += String.fromCodePoint(((c[i] << 24) | (c[i + 1] << 16) | (c[i + 2] << 8) | c[i + 3]) >>> 0);
      return out;
    }
    default:
      return undefined;
  }
}

/** RFC 4514 §2.4 escaping of a string value. */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[\\"+,;<>\u0000]/g, (c) => (c === '\u0000' ? '\\00' : `\\${c}`));
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  // A trailing space needs its own escape unless the leading-space escape already covered it.
  if (value.length > 1 && value.endsWith(' ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** Formats a DER-encoded `Name` (SEQUENCE OF RDN) as an RFC 4514 string. */
export function formatName(name: DerNode): string {
  if (name.tag !== TAG_SEQUENCE) throw new RangeError('Name: not a SEQUENCE');
  const rdns = derChildren(name).map((rdn) => {
    if (rdn.tag !== TAG_SET) throw new RangeError('Name: RDN is not a SET');
    return derChildren(rdn)
      .map((atv) => {
        const [type, value] = derChildren(atv);
        if (!type || !value || type.tag !== TAG_OID) throw new RangeError('Name: malformed AttributeTypeAndValue');
        const oid = decodeOid(type.content);
        const keyword = KEYWORDS[oid];
        const text = keyword ? decodeString(value) : undefined;
        if (keyword && text !== undefined) return `${keyword}=${escapeDnValue(text)}`;
        return `${keyword ?? oid}=#${Buffer.from(value.bytes).toString('hex')}`;
      })
      .join('+');
  });
  return rdns.reverse().join(',');
}

/** The `Name` node of a certificate's subject (or issuer). */
function certificateName(certificateDer: Uint8Array, which: 'subject' | 'issuer'): DerNode {
  const cert = readDer(certificateDer);
  const [tbs] = derChildren(cert);
  if (cert.tag !== TAG_SEQUENCE || !tbs || tbs.tag !== TAG_SEQUENCE) throw new RangeError('not an X.509 certificate');
  const fields = derChildren(tbs);
  const base = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version is optional
  const node = fields[base + (which === 'issuer' ? 2 : 4)];
  if (!node) throw new RangeError('not an X.509 certificate');
  return node;
}

/** The subject DN of a DER certificate in RFC 4514 form (the VIHF/assertion `Issuer` value). */
export function subjectDn(certificateDer: Uint8Array): string {
  return formatName(certificateName(certificateDer, 'subject'));
}

/** The issuer DN of a DER certificate in RFC 4514 form. */
export function issuerDn(certificateDer: Uint8Array): string {
  return formatName(certificateName(certificateDer, 'issuer'));
}
