/**
 * The transport resolves its answers in the check phase of the event loop, all those of one turn
 * together (so their decodes run back to back): order kept, after the turn's ticks and microtasks,
 * before immediates queued after them, and none lost when one is queued while others are resolved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveInCheckPhase } from '@volet/runtime/http';

test('resolutions queued in one turn run together in the check phase, in order', async () => {
  const seen: string[] = [];
  const answers = [1, 2, 3].map((k) => new Promise<number>((resolve) => resolveInCheckPhase(resolve, k)).then((v) => seen.push(`answer ${v}`)));
  setImmediate(() => seen.push('immediate queued after'));
  process.nextTick(() => seen.push('tick'));
  queueMicrotask(() => seen.push('microtask'));
  assert.deepEqual(seen, []);
  await Promise.all(answers);
  await new Promise<void>((resolve) => setImmediate(resolve));
  // (Ticks and microtasks in either order: the test body itself runs as a microtask.)
  assert.deepEqual(seen.slice(0, 2).sort(), ['microtask', 'tick']);
  assert.deepEqual(seen.slice(2), ['answer 1', 'answer 2', 'answer 3', 'immediate queued after']);
});

test('a resolution queued while others are being resolved waits for the next turn, and is not lost', async () => {
  const later = await new Promise<Promise<string>>((resolve) =>
    resolveInCheckPhase(resolve, new Promise<string>((inner) => resolveInCheckPhase(inner, 'second turn'))),
  );
  assert.equal(await later, 'second turn');
  const chained = await new Promise<string>((resolve) => resolveInCheckPhase(resolve, 'first')).then(
    (first) => new Promise<string>((resolve) => resolveInCheckPhase(resolve, `${first}, then next`)),
  );
  assert.equal(chained, 'first, then next');
});
