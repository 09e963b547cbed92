/**
 * Prints a large decoded message as indented JSON without building it as one string: the text is
 * exactly `JSON.stringify(toJsonValue(value), null, 2)`, written in chunks as it is made.
 *
 * A 54 MB ITI-18 response is 78 MB of JSON: one string that size, its UTF-8 copy for the write and
 * a JSON copy of the whole value tree (`toJsonValue`) all lived at once, and the garbage collector
 * moved them around. Here the outer structure (objects and arrays near the top, and long arrays at
 * any depth: what makes a message large) is written by hand, and each remaining subtree (one
 * `ExtrinsicObject`, say) is printed by `JSON.stringify` (native, far faster than a writer in
 * JavaScript), nested in as many one-item arrays as its depth so that `JSON.stringify` indents it
 * where it goes; the wrapper's brackets are cut off. A subtree is copied by `toJsonValue` only when
 * it holds something whose JSON form differs (bytes, special floats…).
 */
import { toJsonValue } from '@volet/runtime/client';
import { isReceivedAttachment } from '@volet/runtime/mtom';

/** Options of {@link writeJson}. */
export interface JsonWriterOptions {
  /** Objects and arrays less deep than this are written by hand, member by member. Default 6. */
  readonly splitDepth?: number;
  /** Arrays of at least this many items are written by hand at any depth (each item on its own). Default 16. */
  readonly splitLength?: number;
  /**
   * Text is handed to `write` in chunks of about this many characters. Default 64 Ki: a chunk and
   * its UTF-8 copy stay below V8's large-object size and die young (1 Mi measured 5–10 % more CPU).
   */
  readonly chunkChars?: number;
}

/** Indentation strings by depth (two spaces a level, as `JSON.stringify(…, null, 2)`). */
const indents: string[] = [''];

function indent(depth: number): string {
  for (let d = indents.length; d <= depth; d++) indents.push(' '.repeat(2 * d));
  return indents[depth] as string;
}

/** Where `JSON.stringify([[…[x]…]], null, 2)` puts `x`, by depth: prefix and suffix lengths. */
const wrappers: { readonly prefix: number; readonly suffix: number }[] = [];

function wrapper(depth: number): { readonly prefix: number; readonly suffix: number } {
  let w = wrappers[depth];
  if (w === undefined) {
    let probe: unknown = 0;
    for (let d = 0; d < depth; d++) probe = [probe];
    const text = JSON.stringify(probe, null, 2);
    const at = text.indexOf('0');
    w = wrappers[depth] = { prefix: at, suffix: text.length - at - 1 };
  }
  return w;
}

/** True for what the writer walks itself: arrays and plain objects (not bytes, attachments, class instances). */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !isReceivedAttachment(value);
}

/**
 * True when `toJsonValue` would change something in `value` (bytes, bigints, special floats, an
 * undefined member, an object that is not plain): else `JSON.stringify` prints `value` itself the
 * same, without the copy `toJsonValue` makes.
 */
function needsConversion(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return false;
    case 'number':
      return !Number.isFinite(value) || Object.is(value, -0);
    case 'object': {
      if (value === null) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (needsConversion(value[i])) return true;
        return false;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return true;
      const obj = value as Record<string, unknown>;
      // for…in: no key array made (plain objects inherit no enumerable member).
      for (const key in obj) if (needsConversion(obj[key])) return true;
      return false;
    }
    default:
      return true;
  }
}

/** True when JSON.stringify leaves the (converted) value out of an object. */
function omitted(json: unknown): boolean {
  return json === undefined || typeof json === 'function' || typeof json === 'symbol';
}

/** Text gathered into chunks; full chunks wait in `ready` until the walk pauses and hands them out. */
class ChunkedOutput {
  private text = '';
  readonly ready: string[] = [];
  constructor(private readonly chunkChars: number) {}
  push(s: string): void {
    this.text += s;
    if (this.text.length >= this.chunkChars) this.flush();
  }
  flush(): void {
    if (this.text === '') return;
    this.ready.push(this.text);
    this.text = '';
  }
  /** The chunks made so far, handed out once. */
  *take(): Generator<string, void, undefined> {
    for (let i = 0; i < this.ready.length; i++) yield this.ready[i] as string;
    this.ready.length = 0;
  }
}

class JsonWriter {
  constructor(
    private readonly out: ChunkedOutput,
    private readonly splitDepth: number,
    private readonly splitLength: number,
  ) {}

  /**
   * Writes a value placed at `depth`, already known to appear (not omitted). Pauses (yields) after
   * a member whenever a chunk is ready, so that the caller can write it out and wait for the
   * output to drain before the walk goes on.
   */
  *value(value: unknown, depth: number): Generator<void, void, undefined> {
    if (isContainer(value) && (depth < this.splitDepth || (Array.isArray(value) && value.length >= this.splitLength))) {
      if (Array.isArray(value)) yield* this.array(value, depth);
      else yield* this.object(value, depth);
    } else {
      this.converted(needsConversion(value) ? toJsonValue(value) : value, depth);
    }
  }

  /** A value in its JSON form, by one JSON.stringify call, indented for `depth`. */
  converted(json: unknown, depth: number): void {
    let wrapped = json;
    for (let d = 0; d < depth; d++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2) as string;
    const w = wrapper(depth);
    this.out.push(depth === 0 ? text : text.slice(w.prefix, text.length - w.suffix));
  }

  private *array(items: readonly unknown[], depth: number): Generator<void, void, undefined> {
    if (items.length === 0) {
      this.out.push('[]');
      return;
    }
    const inner = `\n${indent(depth + 1)}`;
    for (let i = 0; i < items.length; i++) {
      this.out.push(i === 0 ? `[${inner}` : `,${inner}`);
      const item = items[i];
      // toJsonValue keeps an undefined item, which JSON.stringify writes as null.
      if (isContainer(item)) yield* this.value(item, depth + 1);
      else this.converted(toJsonValue(item), depth + 1);
      if (this.out.ready.length > 0) yield;
    }
    this.out.push(`\n${indent(depth)}]`);
  }

  private *object(obj: Record<string, unknown>, depth: number): Generator<void, void, undefined> {
    const inner = `\n${indent(depth + 1)}`;
    let first = true;
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (isContainer(v)) {
        this.out.push(`${first ? '{' : ','}${inner}${JSON.stringify(key)}: `);
        yield* this.value(v, depth + 1);
      } else {
        const json = toJsonValue(v);
        if (omitted(json)) continue;
        this.out.push(`${first ? '{' : ','}${inner}${JSON.stringify(key)}: `);
        this.converted(json, depth + 1);
      }
      first = false;
      if (this.out.ready.length > 0) yield;
    }
    this.out.push(first ? '{}' : `\n${indent(depth)}}`);
  }
}

/**
 * The text of `JSON.stringify(toJsonValue(value), null, 2)` followed by a newline, in chunks, made
 * as they are taken: a caller that waits for its output to drain between chunks never holds more
 * than a chunk or two of the text.
 *
 * @param value - a decoded value, or a structure of plain objects and arrays holding decoded values
 */
export function* jsonChunks(value: unknown, options: JsonWriterOptions = {}): Generator<string, void, undefined> {
  const out = new ChunkedOutput(options.chunkChars ?? 1 << 16);
  const walk = new JsonWriter(out, options.splitDepth ?? 6, options.splitLength ?? 16).value(value, 0);
  while (!walk.next().done) yield* out.take();
  out.push('\n');
  out.flush();
  yield* out.take();
}

/**
 * Writes `JSON.stringify(toJsonValue(value), null, 2)` followed by a newline to `write`, in chunks,
 * never holding the whole text.
 *
 * @param value - a decoded value, or a structure of plain objects and arrays holding decoded values
 * @param write - receives the text, chunk after chunk
 */
export function writeJson(value: unknown, write: (chunk: string) => void, options: JsonWriterOptions = {}): void {
  for (const chunk of jsonChunks(value, options)) write(chunk);
}
