/**
 * The multipart/related parser on hand-made messages: line-end variants, preamble/epilogue,
 * padding, look-alike boundaries, transfer encodings, root selection, limits and malformed input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MtomError } from '@volet/runtime';
import { decodeMultipartRelated, normalizeContentId, partText, resolveXopHref, splitSoapPayload, type MtomErrorCode } from '@volet/runtime/mtom';

const B = 'MIMEBoundary_test';

function message(
  eol: string,
  parts: { headers: string[]; body: string | Buffer }[],
  opts: { preamble?: string; epilogue?: string; padding?: string } = {},
): Buffer {
  const chunks: Buffer[] = [];
  if (opts.preamble !== undefined) chunks.push(Buffer.from(opts.preamble + eol));
  parts.forEach((p, i) => {
    chunks.push(Buffer.from(`${i === 0 ? '' : eol}--${B}${opts.padding ?? ''}${eol}${p.headers.join(eol)}${eol}${eol}`));
    chunks.push(typeof p.body === 'string' ? Buffer.from(p.body) : p.body);
  });
  chunks.push(Buffer.from(`${eol}--${B}--${opts.epilogue ?? ''}`));
  return Buffer.concat(chunks);
}

function code(fn: () => unknown): MtomErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof MtomError) return e.code;
    throw e;
  }
  return undefined;
}

const ROOT = { headers: ['Content-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"', 'Content-ID: <root@x>'], body: '<e/>' };

test('CRLF and LF-only messages give the same parts, even for binary ending in CR or holding LF--boundary-like bytes', () => {
  const binary = Buffer.from([0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0x0a, 0xff, 0x0d]);
  for (const eol of ['\r\n', '\n']) {
    const mp = decodeMultipartRelated(message(eol, [ROOT, { headers: ['Content-ID: <a@x>'], body: binary }]), `multipart/related; boundary=${B}`);
    assert.equal(mp.parts.length, 2);
    assert.equal(partText(mp.root), '<e/>');
    assert.ok(Buffer.from(mp.attachments.get('a@x') ?? []).equals(binary), JSON.stringify(eol));
  }
});

test('preamble, epilogue and transport padding are ignored', () => {
  const body = message('\r\n', [ROOT, { headers: ['Content-ID: <a@x>'], body: 'A' }], {
    preamble: 'This is a MIME message.',
    epilogue: '\r\ntrailing junk',
    padding: ' \t',
  });
  const mp = decodeMultipartRelated(body, { mediaType: 'multipart/related', params: { boundary: B } });
  assert.equal(mp.parts.length, 2);
  assert.equal(Buffer.from(mp.attachments.get('a@x') ?? []).toString(), 'A');
});

test('a line starting with the boundary followed by other characters is content, not a delimiter', () => {
  const tricky = `x\r\n--${B}X not a boundary\r\n--${B}_ neither`;
  const mp = decodeMultipartRelated(message('\r\n', [ROOT, { headers: ['Content-ID: <a@x>'], body: tricky }]), `multipart/related; boundary="${B}"`);
  assert.equal(Buffer.from(mp.attachments.get('a@x') ?? []).toString(), tricky);
});

test('empty bodies, parts without headers, folded headers, repeated headers', () => {
  const body = Buffer.from(
    `--${B}\r\nContent-Type: text/xml;\r\n charset=utf-8\r\nContent-ID: <root@x>\r\nX-A: 1\r\nX-A: 2\r\n\r\n<r/>` +
      `\r\n--${B}\r\nContent-ID: <empty@x>\r\n\r\n\r\n--${B}\r\n\r\nno headers\r\n--${B}--\r\n`,
  );
  const mp = decodeMultipartRelated(body, undefined, { boundary: B });
  assert.equal(mp.parts.length, 3);
  assert.equal(mp.root.contentType, 'text/xml; charset=utf-8');
  assert.equal(mp.root.headers['x-a'], '1, 2');
  assert.equal(mp.attachments.get('empty@x')?.length, 0);
  assert.equal(Buffer.from(mp.parts[2]?.body ?? []).toString(), 'no headers');
  assert.equal(mp.parts[2]?.contentId, undefined);
});

test('the root is the start part when given, else the first part', () => {
  const body = message('\r\n', [{ headers: ['Content-ID: <a@x>'], body: 'A' }, ROOT]);
  assert.equal(decodeMultipartRelated(body, `multipart/related; boundary=${B}`).root.contentId, 'a@x');
  const mp = decodeMultipartRelated(body, `multipart/related; boundary=${B}; start="<root@x>"`);
  assert.equal(mp.root.contentId, 'root@x');
  assert.deepEqual([...mp.attachments.keys()], ['a@x']);
  assert.equal(decodeMultipartRelated(body, `multipart/related; boundary=${B}`, { start: 'cid:root@x' }).root.contentId, 'root@x');
  assert.equal(
    code(() => decodeMultipartRelated(body, `multipart/related; boundary=${B}; start="<nope@x>"`)),
    'root-not-found',
  );
});

test('base64 and quoted-printable parts are decoded; unknown encodings refused', () => {
  const data = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);
  const wrapped = data.toString('base64').replace(/(.{4})/g, '$1\r\n');
  const body = message('\r\n', [
    ROOT,
    { headers: ['Content-ID: <b64@x>', 'Content-Transfer-Encoding: BASE64'], body: wrapped },
    { headers: ['Content-ID: <qp@x>', 'Content-Transfer-Encoding: quoted-printable'], body: 'caf=C3=A9 au lait=\r\n suite =3D fin' },
  ]);
  const mp = decodeMultipartRelated(body, `multipart/related; boundary=${B}`);
  assert.ok(Buffer.from(mp.attachments.get('b64@x') ?? []).equals(data));
  assert.equal(Buffer.from(mp.attachments.get('qp@x') ?? []).toString('utf8'), 'café au lait suite = fin');
  const odd = message('\r\n', [ROOT, { headers: ['Content-Transfer-Encoding: x-uuencode'], body: 'x' }]);
  assert.equal(
    code(() => decodeMultipartRelated(odd, `multipart/related; boundary=${B}`)),
    'unsupported-encoding',
  );
});

test('Content-ID forms: <>, cid:, percent-encoding on either side, no @', () => {
  assert.equal(normalizeContentId(' <abc-2@urn:ihe:iti:xds-b:2007> '), 'abc-2@urn:ihe:iti:xds-b:2007');
  assert.equal(normalizeContentId('cid:abc-2@urn%3Aihe%3Aiti%3Axds-b%3A2007'), 'abc-2@urn:ihe:iti:xds-b:2007');
  assert.equal(normalizeContentId('CID:doc.xml'), 'doc.xml');
  assert.equal(normalizeContentId('cid:bad%zzescape'), 'bad%zzescape');
  const body = message('\r\n', [
    ROOT,
    { headers: ['Content-ID: <d1@urn:ihe:iti:xds-b:2007>'], body: 'one' },
    { headers: ['Content-ID: <d2@urn%3Aihe%3Aiti%3Axds-b%3A2007>'], body: 'two' },
    { headers: ['Content-ID: <plain-name.xml>'], body: 'three' },
  ]);
  const mp = decodeMultipartRelated(body, `multipart/related; boundary=${B}`);
  const text = (href: string): string => Buffer.from(resolveXopHref(mp.attachments, href) ?? Buffer.from('?')).toString();
  assert.equal(text('cid:d1@urn%3Aihe%3Aiti%3Axds-b%3A2007'), 'one');
  assert.equal(text('cid:d1@urn:ihe:iti:xds-b:2007'), 'one');
  assert.equal(text('cid:d2@urn%3Aihe%3Aiti%3Axds-b%3A2007'), 'two');
  assert.equal(text('cid:d2@urn:ihe:iti:xds-b:2007'), 'two');
  assert.equal(text('cid:plain-name.xml'), 'three');
  assert.equal(resolveXopHref(mp.attachments, 'cid:absent@x'), undefined);
});

test('malformed messages give typed errors, never a crash or a hang', () => {
  const ct = `multipart/related; boundary=${B}`;
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from('hello'), 'multipart/related')),
    'no-boundary',
  );
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from('hello'), ct)),
    'boundary-not-found',
  );
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from(`--${B}\r\nContent-ID: <a>\r\n\r\nbody without end`), ct)),
    'unterminated',
  );
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from(`--${B}`), ct)),
    'unterminated',
  );
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from(`--${B}--\r\n`), ct)),
    'malformed-part',
  );
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from(`--${B}\r\nno colon here\r\n\r\nx\r\n--${B}--`), ct)),
    'malformed-part',
  );
  assert.equal(
    code(() => decodeMultipartRelated(Buffer.from(`--${B}\r\nContent-ID: <a>` + 'x'.repeat(40_000)), ct)),
    'malformed-part',
  );
  const many = Buffer.from(Array.from({ length: 12 }, (_, i) => `--${B}\r\nContent-ID: <p${i}>\r\n\r\n${i}\r\n`).join('') + `--${B}--`);
  assert.equal(decodeMultipartRelated(many, ct).parts.length, 12);
  assert.equal(
    code(() => decodeMultipartRelated(many, ct, { maxParts: 10 })),
    'too-many-parts',
  );
  const badUtf8 = decodeMultipartRelated(message('\r\n', [{ headers: ['Content-Type: text/xml; charset=UTF-8'], body: Buffer.from([0x3c, 0xe8, 0x3e]) }]), ct);
  assert.equal(
    code(() => partText(badUtf8.root)),
    'invalid-charset',
  );
  const cp1252 = decodeMultipartRelated(message('\r\n', [{ headers: ['Content-Type: text/xml; charset=Cp1252'], body: Buffer.from([0x3c, 0xe8, 0x3e]) }]), ct);
  assert.equal(partText(cp1252.root), '<è>');
});

test('splitSoapPayload: plain XML passes through; multipart is split; zero-copy views', () => {
  const xml = Buffer.from('<env:Envelope/>');
  const plain = splitSoapPayload('application/soap+xml; charset=utf-8', xml);
  assert.equal(plain.multipart, false);
  assert.equal(plain.envelope, xml);
  const body = message('\r\n', [ROOT, { headers: ['Content-ID: <a@x>'], body: 'A' }]);
  const mp = splitSoapPayload(`multipart/related; type="application/xop+xml"; boundary="${B}"; start="<root@x>"`, body);
  assert.equal(mp.multipart, true);
  assert.equal(Buffer.from(mp.envelope).toString(), '<e/>');
  assert.equal(mp.envelope.buffer, body.buffer);
  assert.equal(mp.envelopeContentType, 'application/xop+xml; charset=UTF-8; type="application/soap+xml"');
});
