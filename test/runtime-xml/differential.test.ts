/**
 * Differential test: every XML file of the corpus (.xml, .xsd, .wsdl) read by the reader and by
 * saxes 6 (`xmlns: true`, the reader's previous engine): both accept with the same events (names,
 * namespaces, attributes, text) or both reject. Then the reader alone, given the file's bytes, and
 * the bytes and the text in random small chunks: the same outcome as the whole string.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusRoot, corpusSkipReason } from '../support/paths.js';
import { random, randomCuts, readerOutcome, saxesOutcome, type Outcome } from './support/events.js';

function corpusXmlFiles(): string[] {
  return readdirSync(corpusRoot, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(xml|xsd|wsdl)$/i.test(f))
    .sort()
    .map((f) => join(corpusRoot, f));
}

/** The encoding an XML declaration names, if any. */
function declaredEncoding(text: string): string | undefined {
  return /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
}

function same(a: Outcome, b: Outcome): boolean {
  if (!a.ok || !b.ok) return a.ok === b.ok;
  return a.events.length === b.events.length && a.events.every((e, i) => e === b.events[i]);
}

function firstDifference(a: Outcome, b: Outcome): string {
  if (!a.ok || !b.ok) return `${a.ok ? 'accepted' : `rejected (${a.message})`} / ${b.ok ? 'accepted' : `rejected (${b.message})`}`;
  const i = a.events.findIndex((e, k) => e !== b.events[k]);
  return `event ${i}: ${a.events[i]?.slice(0, 200)} / ${b.events[i]?.slice(0, 200)}`;
}

test('corpus: the reader and saxes agree on every XML file', { skip: corpusSkipReason }, (t) => {
  const files = corpusXmlFiles();
  assert.ok(files.length > 700, `expected the whole corpus, found ${files.length} files`);
  const next = random(20240611);
  const disagreements: string[] = [];
  const invalidUtf8: string[] = [];
  const notUtf8Label: string[] = [];
  const rejectedByBoth: string[] = [];
  let accepted = 0;
  for (const file of files) {
    const name = relative(corpusRoot, file);
    const bytes = readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // saxes takes strings only: the reader alone, and it must say why.
      const outcome = readerOutcome(bytes);
      assert.ok(!outcome.ok && outcome.code === 'encoding', `${name}: invalid UTF-8 must be refused as such`);
      invalidUtf8.push(name);
      continue;
    }
    const reference = saxesOutcome(text);
    const whole = readerOutcome(text);
    if (!same(reference, whole)) {
      disagreements.push(`${name}: saxes / reader: ${firstDifference(reference, whole)}`);
      continue;
    }
    if (whole.ok) accepted++;
    else rejectedByBoth.push(`${name} (${reference.ok ? '' : reference.message})`);

    // The same document as bytes: only the declared encoding can change the outcome.
    const fromBytes = readerOutcome(bytes);
    const label = declaredEncoding(text);
    if (label !== undefined && !/^utf-?8$/i.test(label)) {
      assert.ok(!fromBytes.ok && fromBytes.code === 'encoding', `${name}: bytes declared as ${label} must be refused`);
      notUtf8Label.push(`${name} (${label})`);
    } else {
      assert.ok(same(whole, fromBytes), `${name}: bytes vs string: ${firstDifference(whole, fromBytes)}`);
    }

    // Chunks cut anywhere: inside tags, references, multi-byte characters, CR LF, ]]>.
    const byteChunks = readerOutcome(bytes, randomCuts(bytes.length, 48, next));
    assert.ok(same(fromBytes, byteChunks), `${name}: byte chunks: ${firstDifference(fromBytes, byteChunks)}`);
    const textChunks = readerOutcome(text, randomCuts(text.length, 48, next));
    assert.ok(same(whole, textChunks), `${name}: string chunks: ${firstDifference(whole, textChunks)}`);
  }
  t.diagnostic(`${files.length} files: ${accepted} accepted by both, ${rejectedByBoth.length} rejected by both, ${invalidUtf8.length} invalid UTF-8`);
  for (const f of rejectedByBoth) t.diagnostic(`rejected by both: ${f}`);
  for (const f of invalidUtf8) t.diagnostic(`invalid UTF-8 (refused as bytes, encoding): ${f}`);
  for (const f of notUtf8Label) t.diagnostic(`declared in another encoding (refused as bytes, encoding; accepted as a string): ${f}`);
  assert.deepEqual(disagreements, []);
  // The two VIHF samples with a Latin-1 byte in UTF-8 (see docs/corpus.md).
  assert.deepEqual(invalidUtf8.map((f) => f.split(/[\\/]/).pop()).sort(), ['VIHF_DIRECTE_non_signe.xml', 'VIHF_DIRECTE_signe.xml']);
});
