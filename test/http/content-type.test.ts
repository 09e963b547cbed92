/**
 * Content-Type parsing and formatting, response classification helpers, body excerpts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyExcerpt, formatContentType, isMultipartRelated, isSoapLikeContentType, parseContentType, redactUrl } from '@volet/runtime/http';

test('parses the MTOM Content-Type of a CXF / DMP response', () => {
  const ct = parseContentType(
    'Multipart/Related; type="application/xop+xml"; boundary="uuid:0b5b4f54-2d4c-4b6e-a4c1-4a0a9f1f7f11"; ' +
      'start="<root.message@cxf.apache.org>"; start-info="application/soap+xml"; action="urn:ihe:iti:2007:RetrieveDocumentSetResponse"',
  );
  assert.ok(ct);
  assert.equal(ct.mediaType, 'multipart/related');
  assert.equal(ct.params['type'], 'application/xop+xml');
  assert.equal(ct.params['boundary'], 'uuid:0b5b4f54-2d4c-4b6e-a4c1-4a0a9f1f7f11');
  assert.equal(ct.params['start'], '<root.message@cxf.apache.org>');
  assert.equal(ct.params['start-info'], 'application/soap+xml');
  assert.equal(ct.params['action'], 'urn:ihe:iti:2007:RetrieveDocumentSetResponse');
  assert.ok(isMultipartRelated(ct));
  assert.ok(isSoapLikeContentType(ct));
});

test('tolerates unquoted values with specials, spaces, upper-case names, escapes, duplicates, junk', () => {
  const ct = parseContentType('application/soap+xml ;CHARSET=UTF-8 ; action = "urn:a;b\\"c" ; start=<x@y>; flag; charset=latin1');
  assert.ok(ct);
  assert.equal(ct.mediaType, 'application/soap+xml');
  assert.equal(ct.params['charset'], 'UTF-8', 'the first occurrence wins');
  assert.equal(ct.params['action'], 'urn:a;b"c');
  assert.equal(ct.params['start'], '<x@y>');
  assert.equal(Object.keys(ct.params).length, 3);
  assert.equal(parseContentType(undefined), undefined);
  assert.equal(parseContentType('  ; a=b'), undefined);
  assert.equal(parseContentType('text/xml; boundary="unterminated')?.params['boundary'], 'unterminated');
  // biome-ignore lint/suspicious/noProto: the test is that a __proto__ parameter stays a plain key
  assert.equal(parseContentType('text/xml; __proto__=x')?.params['__proto__'], 'x');
});

test('formats with quoting only where needed, and round-trips', () => {
  const text = formatContentType('multipart/related', {
    type: 'application/xop+xml',
    boundary: 'MIME_b-1',
    start: '<root@volet>',
    action: 'urn:a "q"',
    skipped: undefined,
  });
  assert.equal(text, 'multipart/related; type="application/xop+xml"; boundary=MIME_b-1; start="<root@volet>"; action="urn:a \\"q\\""');
  const back = parseContentType(text);
  assert.deepEqual({ ...back?.params }, { type: 'application/xop+xml', boundary: 'MIME_b-1', start: '<root@volet>', action: 'urn:a "q"' });
});

test('SOAP-like media types', () => {
  for (const t of ['application/soap+xml', 'text/xml; charset=utf-8', 'application/xml', 'multipart/related; boundary=x', 'application/xop+xml']) {
    assert.ok(isSoapLikeContentType(t), t);
  }
  for (const t of ['text/html', 'text/plain', 'application/json', undefined, '']) assert.ok(!isSoapLikeContentType(t), String(t));
  assert.ok(!isMultipartRelated('multipart/mixed; boundary=x'));
});

test('bodyExcerpt: markup reduced to its redacted structure, other text not shown, bounded', () => {
  assert.equal(bodyExcerpt(new Uint8Array()), '');
  // Plain text is never quoted: it could be anything (the message gives type and length).
  assert.equal(bodyExcerpt(Buffer.from('Patient DUPONT Jean INS 180017512345678 né le 01/01/1980')), '');
  assert.equal(bodyExcerpt(Buffer.from([0xff, 0xfe, 0x41])), '');
  const long = bodyExcerpt(Buffer.from(`<a>${'<b x="1">y</b>'.repeat(500)}</a>`));
  assert.equal(Array.from(long).length, 200);
  assert.ok(long.endsWith('…'));
  assert.equal(
    bodyExcerpt(
      Buffer.from('\uFEFF <html><head><title>Erreur DUPONT</title><script>var s=1</script></head>\r\n<body><p>Retour &#233; 14h\u001b\u202e</p></body></html>'),
    ),
    '<html><head><title>***</title><script>***</script></head><body><p>***</p></body></html>',
  );
});

test('redactUrl drops user info and query', () => {
  assert.equal(
    redactUrl('https://user:pw@lps2.dmp.gouv.fr:443/si-dmp-server/v2/services/repository?x=1#f'),
    'https://lps2.dmp.gouv.fr/si-dmp-server/v2/services/repository',
  );
  assert.equal(redactUrl('::'), '(invalid URL)');
});

test('parsed Content-Types are frozen and shared per value; many distinct values still parse right', () => {
  const a = parseContentType('application/soap+xml; charset=utf-8; action="urn:a"');
  const again = parseContentType('application/soap+xml; charset=utf-8; action="urn:a"');
  assert.ok(a);
  assert.equal(again, a, 'the same value gives the same (cached) object');
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a.params));
  assert.throws(() => {
    (a.params as Record<string, string>)['action'] = 'urn:changed';
  }, TypeError);
  assert.equal(parseContentType('application/soap+xml; charset=utf-8; action="urn:a"')?.params['action'], 'urn:a');
  // More distinct values than the cache holds (MTOM boundaries differ per message): each parsed for itself.
  for (let i = 0; i < 300; i++) {
    const ct = parseContentType(`multipart/related; boundary="b${i}"; type="application/xop+xml"`);
    assert.equal(ct?.params['boundary'], `b${i}`);
  }
  assert.equal(parseContentType('; charset=utf-8'), undefined);
  assert.equal(parseContentType('; charset=utf-8'), undefined, 'a value without media type stays undefined when cached');
  const long = `text/xml; x=${'y'.repeat(1000)}`;
  assert.equal(parseContentType(long)?.params['x']?.length, 1000);
});
