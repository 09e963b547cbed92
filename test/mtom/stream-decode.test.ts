/**
 * The streaming multipart reader against the buffered decoder (the oracle): same root and parts
 * whatever the chunking (down to one byte), LF-only messages, base64 parts, empty parts; bounded
 * on hostile input (no closing boundary, huge root, endless headers, too many attachment bytes);
 * file names from Content-IDs cannot leave the folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { MtomError } from '@volet/runtime';
import { AttachmentCollector, attachmentFileName, decodeMultipartRelated, encodeMtom, readMultipartStream, type PartSink } from '@volet/runtime/mtom';

const BOUNDARY = 'MIMEBoundary_test';

function* chunked(body: Buffer, size: number): Generator<Buffer> {
  for (let o = 0; o < body.length; o += size) yield body.subarray(o, Math.min(o + size, body.length));
}

async function* source(body: Buffer, size: number): AsyncGenerator<Buffer> {
  yield* chunked(body, size);
}

/** Collects streamed parts in memory (for comparison only). */
function memory(): { parts: Map<string, Buffer>; openPart: (p: { contentId: string }) => PartSink } {
  const parts = new Map<string, Buffer>();
  return {
    parts,
    openPart: (p) => {
      const chunks: Buffer[] = [];
      return {
        write: (c) => void chunks.push(Buffer.from(c)),
        end: async () => void parts.set(p.contentId, Buffer.concat(chunks)),
        abort: () => undefined,
      };
    },
  };
}

function message(envelope: string, attachments: { contentId: string; data: Uint8Array }[]): { body: Buffer; contentType: string } {
  const msg = encodeMtom(envelope, attachments, { boundary: BOUNDARY, checkReferences: false });
  return { body: Buffer.concat(msg.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c))), contentType: msg.contentType };
}

test('same parts as the buffered decoder, whatever the chunk size', async () => {
  const a = randomBytes(70_000);
  // Bytes that look like the start of a delimiter inside the data.
  const b = Buffer.concat([Buffer.from(`\r\n--${BOUNDARY.slice(0, 10)}`), randomBytes(5000), Buffer.from(`\r\n--${BOUNDARY}X`), randomBytes(100)]);
  const { body, contentType } = message('<e:Envelope xmlns:e="urn:x"><e:Body>é</e:Body></e:Envelope>', [
    { contentId: 'a@x', data: a },
    { contentId: 'b@x', data: b },
    { contentId: 'empty@x', data: new Uint8Array(0) },
  ]);
  const oracle = decodeMultipartRelated(body, contentType);
  for (const size of [1, 7, 64, 1000, 65_536, body.length]) {
    const m = memory();
    const start = /start="<([^>]+)>"/.exec(contentType)?.[1];
    const result = await readMultipartStream(source(body, size), { boundary: BOUNDARY, ...(start !== undefined ? { start } : {}), openPart: m.openPart });
    assert.deepEqual(Buffer.from(result.root.body), Buffer.from(oracle.root.body), `root, chunks of ${size}`);
    assert.equal(result.partCount, 4);
    for (const id of ['a@x', 'b@x', 'empty@x'])
      assert.deepEqual(m.parts.get(id), Buffer.from(oracle.attachments.get(id) as Uint8Array), `${id}, chunks of ${size}`);
  }
});

test('LF-only message with preamble, padding, a base64 part and an epilogue', async () => {
  const data = randomBytes(3000);
  const body = Buffer.from(
    `preamble\n--${BOUNDARY}  \nContent-Type: text/xml\nContent-ID: <root>\n\n<r/>\n--${BOUNDARY}\nContent-ID: <p@x>\nContent-Transfer-Encoding: base64\n\n` +
      `${data.toString('base64').replace(/(.{76})/g, '$1\n')}\n--${BOUNDARY}--\nepilogue`,
    'latin1',
  );
  const oracle = decodeMultipartRelated(body, `multipart/related; boundary=${BOUNDARY}`);
  for (const size of [1, 13, body.length]) {
    const m = memory();
    const result = await readMultipartStream(source(body, size), { boundary: BOUNDARY, openPart: m.openPart });
    assert.equal(Buffer.from(result.root.body).toString(), '<r/>');
    assert.deepEqual(m.parts.get('p@x'), data);
    assert.deepEqual(m.parts.get('p@x'), Buffer.from(oracle.attachments.get('p@x') as Uint8Array));
  }
});

async function rejects(body: AsyncIterable<Buffer>, code: string, options: { maxBufferedBytes?: number; maxAttachmentBytes?: number } = {}): Promise<number> {
  let aborted = 0;
  await assert.rejects(
    readMultipartStream(body, {
      boundary: BOUNDARY,
      ...options,
      openPart: () => ({ write: () => undefined, end: async () => undefined, abort: () => void aborted++ }),
    }),
    (err: unknown) => err instanceof MtomError && err.code === code,
  );
  return aborted;
}

test('a part without its closing boundary fails as unterminated, and its sink is aborted', async () => {
  const { body } = message('<r/>', [{ contentId: 'a@x', data: randomBytes(10_000) }]);
  const cut = body.subarray(0, body.length - `\r\n--${BOUNDARY}--\r\n`.length);
  assert.equal(await rejects(source(cut, 999), 'unterminated'), 1);
});

/** An endless stream of the same slice (memory would grow without bound if the reader kept it). */
async function* endless(head: string, filler: Buffer): AsyncGenerator<Buffer> {
  yield Buffer.from(head, 'latin1');
  for (;;) yield filler;
}

test('hostile bodies fail on a limit instead of growing memory', async () => {
  const filler = Buffer.alloc(64 * 1024, 0x41);
  // A root part that never ends: bounded by maxBufferedBytes.
  await rejects(endless(`--${BOUNDARY}\r\nContent-ID: <r>\r\n\r\n`, filler), 'too-large', { maxBufferedBytes: 1024 * 1024 });
  // An attachment that never ends: bounded by maxAttachmentBytes.
  await rejects(endless(`--${BOUNDARY}\r\n\r\n<r/>\r\n--${BOUNDARY}\r\nContent-ID: <a>\r\n\r\n`, filler), 'too-large', { maxAttachmentBytes: 4 * 1024 * 1024 });
  // Headers that never end, and no boundary at all.
  await rejects(endless(`--${BOUNDARY}\r\nX-A: `, filler), 'malformed-part');
  await rejects(endless('', filler), 'boundary-not-found');
});

test('file names from Content-IDs stay in the folder', async () => {
  for (const id of ['../../etc/passwd', '..', '.', '/abs/path', 'a/../../b', '..\\..\\win', '', '....', 'ok@x.y']) {
    const name = attachmentFileName(id, 3);
    assert.ok(!name.includes('/') && !name.includes('\\') && !name.startsWith('.'), `${JSON.stringify(id)} → ${name}`);
  }
  assert.equal(attachmentFileName('doc-1@urn:ihe:iti:xds-b:2007', 1), 'doc-1@urn_ihe_iti_xds-b_2007');
  assert.equal(attachmentFileName('', 2), 'part-2');

  const dir = mkdtempSync(join(tmpdir(), 'volet-att-'));
  try {
    const out = join(dir, 'out');
    const data = randomBytes(5000);
    const { body } = message('<r/>', [
      { contentId: '..%2F..%2Fescaped', data },
      { contentId: '%2E%2E', data },
    ]);
    const collector = new AttachmentCollector({ dir: out });
    await readMultipartStream(source(body, 512), { boundary: BOUNDARY, openPart: (p) => collector.openPart(p) });
    assert.deepEqual(readdirSync(dir), ['out'], 'nothing written outside the folder');
    const files = readdirSync(out).sort();
    assert.equal(files.length, 2);
    for (const f of files) assert.deepEqual(readFileSync(join(out, f)), data);
    for (const r of collector.received.values()) assert.equal(resolve(r.path as string).startsWith(resolve(out) + '/'), true);
    // A second response with the same ids never overwrites: numbered names.
    const again = new AttachmentCollector({ dir: out });
    await readMultipartStream(source(body, 4096), { boundary: BOUNDARY, openPart: (p) => again.openPart(p) });
    assert.equal(readdirSync(out).length, 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed read removes the files it had started', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-att-'));
  try {
    const { body } = message('<r/>', [{ contentId: 'a@x', data: randomBytes(10_000) }]);
    const collector = new AttachmentCollector({ dir });
    await assert.rejects(readMultipartStream(source(body.subarray(0, body.length - 30), 1000), { boundary: BOUNDARY, openPart: (p) => collector.openPart(p) }));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Node writable sink gets the bytes with backpressure', async () => {
  const data = randomBytes(1_000_000);
  const { body } = message('<r/>', [{ contentId: 'a@x', data }]);
  const hash = createHash('sha256');
  const collector = new AttachmentCollector({
    sink: () =>
      new Writable({
        highWaterMark: 1024,
        write(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          setImmediate(cb);
        },
      }),
  });
  await readMultipartStream(source(body, 16_384), { boundary: BOUNDARY, openPart: (p) => collector.openPart(p) });
  assert.equal(hash.digest('hex'), createHash('sha256').update(data).digest('hex'));
  assert.equal(collector.received.get('a@x')?.size, data.length);
});
