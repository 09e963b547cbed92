/**
 * Prints a large decoded message as indented JSON without building it as one string: the text is
 * exactly `JSON.stringify(toJsonValue(value), null, 2)`, written in chunks as it is made.
 *
 * A 54 MB ITI-18 response is 78 MB of JSON: one string that size, its UTF-8 copy for the write and
 * a JSON copy of the whole value tree (`toJsonValue`) all lived at once, and the garbage collector
 * moved them around. Here the outer structure (objects and arrays too large to print in one go) is
 * written by hand, and each subtree small enough is converted and printed by `JSON.stringify`
 * (native, far faster than a writer in JavaScript), nested in as many one-item arrays as its depth
 * so that `JSON.stringify` indents it where it goes; the wrapper's brackets are cut off.
 */
import { toJsonValue } from '@volet/runtime/client';
import { isReceivedAttachment } from '@volet/runtime/mtom';

/** Options of {@link writeJson}. */
export interface JsonWriterOptions {
  /** A subtree of at most this many values is printed by one `JSON.stringify` call. Default 4096. */
  readonly subtreeValues?: number;
  /** Text is handed to `write` in chunks of about this many characters. Default 1 MiB. */
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

/** `budget` minus the number of values in `value` (stops counting once below zero). */
function countDown(value: unknown, budget: number): number {
  let left = budget - 1;
  if (left < 0 || !isContainer(value)) return left;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) left = countDown(value[i], left);
  } else {
    for (const key of Object.keys(value)) {
      left = countDown(value[key], left);
      if (left < 0) break;
    }
  }
  return left;
}

/** True when JSON.stringify leaves the (converted) value out of an object. */
function omitted(json: unknown): boolean {
  return json === undefined || typeof json === 'function' || typeof json === 'symbol';
}

class ChunkedOutput {
  private text = '';
  constructor(
    private readonly write: (chunk: string) => void,
    private readonly chunkChars: number,
  ) {}
  push(s: string): void {
    this.text += s;
    if (this.text.length >= this.chunkChars) this.flush();
  }
  flush(): void {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    this.write(text);
  }
}

class JsonWriter {
  constructor(
    private readonly out: ChunkedOutput,
    private readonly subtreeValues: number,
  ) {}

  /** Writes a value placed at `depth`, already known to appear (not omitted). */
  value(value: unknown, depth: number): void {
    if (isContainer(value) && countDown(value, this.subtreeValues) < 0) {
      if (Array.isArray(value)) this.array(value, depth);
      else this.object(value, depth);
    } else {
      this.converted(toJsonValue(value), depth);
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

  private array(items: readonly unknown[], depth: number): void {
    const inner = `\n${indent(depth + 1)}`;
    for (let i = 0; i < items.length; i++) {
      this.out.push(i === 0 ? `[${inner}` : `,${inner}`);
      const item = items[i];
      // toJsonValue keeps an undefined item, which JSON.stringify writes as null.
      if (isContainer(item)) this.value(item, depth + 1);
      else this.converted(toJsonValue(item), depth + 1);
    }
    this.out.push(`\n${indent(depth)}]`);
  }

  private object(obj: Record<string, unknown>, depth: number): void {
    const inner = `\n${indent(depth + 1)}`;
    let first = true;
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (isContainer(v)) {
        this.out.push(`${first ? '{' : ','}${inner}${JSON.stringify(key)}: `);
        this.value(v, depth + 1);
      } else {
        const json = toJsonValue(v);
        if (omitted(json)) continue;
        this.out.push(`${first ? '{' : ','}${inner}${JSON.stringify(key)}: `);
        this.converted(json, depth + 1);
      }
      first = false;
    }
    this.out.push(first ? '{}' : `\n${indent(depth)}}`);
  }
}

/**
 * Writes `JSON.stringify(toJsonValue(value), null, 2)` followed by a newline to `write`, in chunks,
 * never holding the whole text.
 *
 * @param value - a decoded value, or a structure of plain objects and arrays holding decoded values
 * @param write - receives the text, chunk after chunk
 */
export function writeJson(value: unknown, write: (chunk: string) => void, options: JsonWriterOptions = {}): void {
  const out = new ChunkedOutput(write, options.chunkChars ?? 1 << 20);
  new JsonWriter(out, options.subtreeValues ?? 4096).value(value, 0);
  out.push('\n');
  out.flush();
}
