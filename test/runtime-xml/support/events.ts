/**
 * Event recorders for comparing the reader with saxes: both give the same flat list of strings,
 * adjacent text merged (chunking and CDATA boundaries aside, text is text).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { XmlError } from '@volet/runtime';
import { XmlReader, type XmlHandler, type XmlTag } from '@volet/runtime/xml';

/** What a reader did with one input: its events, or the error that stopped it. */
export type Outcome = { ok: true; events: string[] } | { ok: false; code: string; message: string };

interface Named {
  name: string;
  prefix: string;
  local: string;
  uri: string;
}

function tagEvent(tag: Named & { isSelfClosing: boolean }, attributes: Iterable<Named & { value: string }>): string {
  let e = `<${tag.name} {${tag.uri}}${tag.local} p=${tag.prefix}${tag.isSelfClosing ? ' /' : ''}`;
  for (const a of attributes) e += ` @${a.name} {${a.uri}}${a.local} p=${a.prefix} =${JSON.stringify(a.value)}`;
  return e;
}

class Recorder {
  readonly events: string[] = [];
  private text = '';
  depth = 0;
  addText(t: string): void {
    if (this.depth > 0) this.text += t;
  }
  add(event: string): void {
    if (this.text !== '') {
      this.events.push(`"${JSON.stringify(this.text)}`);
      this.text = '';
    }
    this.events.push(event);
  }
}

/** The events saxes 6 (`xmlns: true`) reports for `text`, filtered as the reader filters them. */
export function saxesOutcome(text: string): Outcome {
  const r = new Recorder();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('doctype', () => {
    throw new Error('DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    r.add(tagEvent(tag, Object.values(tag.attributes)));
    r.depth++;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    r.add(`>${tag.name}`);
    r.depth--;
  });
  parser.on('text', (t) => r.addText(t));
  parser.on('cdata', (t) => r.addText(t));
  parser.on('comment', (t) => {
    if (r.depth > 0) r.add(`!${JSON.stringify(t)}`);
  });
  try {
    parser.write(text).close();
  } catch (err) {
    return { ok: false, code: 'saxes', message: (err as Error).message };
  }
  r.add('end');
  return { ok: true, events: r.events };
}

/** The events the reader reports for `input`, fed in the given chunks (whole when absent). */
export function readerOutcome(input: string | Uint8Array, cuts?: readonly number[]): Outcome {
  const r = new Recorder();
  const handler: XmlHandler = {
    openTag(tag: XmlTag) {
      r.add(tagEvent(tag, tag.attributeList));
      r.depth++;
    },
    closeTag(tag: XmlTag) {
      r.add(`>${tag.name}`);
      r.depth--;
    },
    text: (t) => r.addText(t),
    cdata: (t) => r.addText(t),
    comment: (t) => r.add(`!${JSON.stringify(t)}`),
  };
  const reader = new XmlReader(handler);
  try {
    if (cuts === undefined) {
      reader.write(input);
    } else {
      let from = 0;
      for (const cut of [...cuts, input.length]) {
        reader.write(input.slice(from, cut));
        from = cut;
      }
    }
    reader.end();
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
  r.add('end');
  return { ok: true, events: r.events };
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cut points splitting `length` units into chunks of 1 to `max` units. */
export function randomCuts(length: number, max: number, next: () => number): number[] {
  const cuts: number[] = [];
  for (let at = 1 + Math.floor(next() * max); at < length; at += 1 + Math.floor(next() * max)) cuts.push(at);
  return cuts;
}
