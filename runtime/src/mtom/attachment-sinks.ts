/**
 * The receiving side of streamed MTOM for one call: a response body reader that parses the
 * multipart response as it arrives, and the sinks its parts go to (files of a folder, or the
 * caller's writables), each part becoming a {@link ReceivedAttachment}.
 */
import { createWriteStream, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { WritableStream as WebWritableStream } from 'node:stream/web';
import { parseContentType } from '../http/content-type.js';
import type { ResponseBodyReader } from '../http/transport.js';
import { MtomError } from './mtom-error.js';
import type { MimePart } from './decode.js';
import { readMultipartStream, type PartSink } from './multipart-stream.js';
import { DEFAULT_MAX_ATTACHMENT_BYTES, ReceivedAttachment, type AttachmentOutput, type AttachmentPartInfo } from './received-attachment.js';

/** Longest file name made from a Content-ID. */
const MAX_NAME = 120;

/**
 * A file name for a part: the Content-ID with anything but letters, digits, `.`, `_`, `-` and `@`
 * replaced by `_`, no leading dot (so never `.`, `..` or a hidden file), at most 120 characters;
 * `part-<n>` when nothing is left. Never contains a path separator.
 * @param contentId - normalised Content-ID (may be `''`)
 * @param index - position of the part in the message
 */
export function attachmentFileName(contentId: string, index: number): string {
  const name = contentId
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .replace(/^[.]+/, '')
    .slice(0, MAX_NAME);
  return name === '' || /^_*$/.test(name) ? `part-${index}` : name;
}

/** A sink over a Node writable: backpressure through 'drain', completion through 'finish'. */
function nodeSink(stream: Writable, received: ReceivedAttachment, what: string, onAbort: () => void): PartSink {
  let failure: unknown;
  stream.on('error', (err) => {
    failure ??= err;
  });
  const wrap = (err: unknown): MtomError =>
    err instanceof MtomError
      ? err
      : new MtomError('sink-failed', `cannot write attachment ${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, err);
  return {
    async write(chunk) {
      if (failure !== undefined) throw wrap(failure);
      received.size += chunk.byteLength;
      if (!stream.write(chunk)) {
        try {
          await once(stream, 'drain');
        } catch (err) {
          throw wrap(err);
        }
      }
    },
    async end() {
      if (failure !== undefined) throw wrap(failure);
      stream.end();
      try {
        await finished(stream);
      } catch (err) {
        throw wrap(err);
      }
    },
    abort(err) {
      stream.destroy(err instanceof Error ? err : undefined);
      onAbort();
    },
  };
}

/** A sink over a web WritableStream. */
function webSink(stream: WebWritableStream<Uint8Array>, received: ReceivedAttachment): PartSink {
  const writer = stream.getWriter();
  return {
    async write(chunk) {
      received.size += chunk.byteLength;
      await writer.ready;
      await writer.write(chunk);
    },
    async end() {
      await writer.close();
    },
    abort(err) {
      writer.abort(err).catch(() => undefined);
    },
  };
}

/** Collects the streamed parts of one response (see the `attachments` call option). */
export class AttachmentCollector {
  readonly #output: AttachmentOutput;
  readonly #received = new Map<string, ReceivedAttachment>();
  readonly #files: string[] = [];
  #dirReady = false;
  #root: MimePart | undefined;

  /** @param output - a folder or a sink, and the limit */
  constructor(output: AttachmentOutput) {
    const max = output.maxAttachmentBytes;
    if (max !== undefined && !(Number.isSafeInteger(max) && max >= 0)) throw new TypeError('maxAttachmentBytes must be a whole number of bytes');
    if (!('dir' in output) && typeof (output as { sink?: unknown }).sink !== 'function') throw new TypeError('attachments: give { dir } or { sink }');
    this.#output = output;
  }

  /** The parts received so far, by normalised Content-ID. */
  get received(): ReadonlyMap<string, ReceivedAttachment> {
    return this.#received;
  }

  /** The root part, when the response was read as a stream; undefined otherwise. */
  get root(): MimePart | undefined {
    return this.#root;
  }

  /** The transport hook: streams multipart/related responses, leaves anything else to the transport. */
  readonly readBody: ResponseBodyReader = (head) => {
    const ct = parseContentType(head.headers['content-type']);
    const boundary = ct?.params['boundary'];
    if (ct?.mediaType !== 'multipart/related' || boundary === undefined || boundary === '') return undefined;
    const start = ct.params['start'];
    return async (body) => {
      const message = await readMultipartStream(body, {
        boundary,
        ...(start !== undefined ? { start } : {}),
        maxBufferedBytes: head.maxBufferedBytes,
        maxAttachmentBytes: this.#output.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
        openPart: (part) => this.openPart(part),
      });
      this.#root = message.root;
      return message.root.body;
    };
  };

  /**
   * Opens the sink of one part and registers its {@link ReceivedAttachment}.
   * @param part - the part's Content-ID, Content-Type and position
   */
  openPart(part: AttachmentPartInfo): PartSink {
    const output = this.#output;
    if ('dir' in output) {
      const { path, fd } = this.#createFile(output.dir, attachmentFileName(part.contentId, part.index));
      const received = this.#register(part, path);
      return nodeSink(createWriteStream(path, { fd, highWaterMark: 256 * 1024 }), received, JSON.stringify(path.slice(-160)), () => this.#remove(path));
    }
    const received = this.#register(part, undefined);
    const target = output.sink(part);
    return target instanceof Writable ? nodeSink(target, received, `<${part.contentId.slice(0, 80)}>`, () => undefined) : webSink(target, received);
  }

  /**
   * Writes the parts of a response the transport buffered (a transport that does not stream) to
   * the output, so a call gives the same result whatever the transport.
   * @param attachments - the buffered attachments by Content-ID (a part indexed under two ids is written once)
   */
  async writeBuffered(attachments: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const seen = new Set<Uint8Array>();
    let index = 1;
    for (const [contentId, data] of attachments) {
      if (seen.has(data)) continue;
      seen.add(data);
      const sink = this.openPart({ contentId, contentType: undefined, index: index++ });
      try {
        await sink.write(data);
        await sink.end();
      } catch (err) {
        sink.abort(err);
        throw err;
      }
    }
  }

  /** Removes the files written for a call that failed after its response was read. */
  discard(): void {
    for (const path of this.#files.splice(0)) this.#remove(path);
  }

  #register(part: AttachmentPartInfo, path: string | undefined): ReceivedAttachment {
    const received = new ReceivedAttachment(part.contentId, part.contentType, path);
    if (!this.#received.has(part.contentId)) this.#received.set(part.contentId, received);
    return received;
  }

  /** A new file in `dir` (never an existing one, nor a link: O_EXCL), with a numbered suffix on a clash. */
  #createFile(dir: string, name: string): { path: string; fd: number } {
    if (!this.#dirReady) {
      mkdirSync(dir, { recursive: true });
      this.#dirReady = true;
    }
    for (let n = 1; n < 10_000; n++) {
      const path = join(dir, n === 1 ? name : `${name}-${n}`);
      try {
        const fd = openSync(path, 'wx', 0o600);
        this.#files.push(path);
        return { path, fd };
      } catch (err) {
        if ((err as { code?: unknown }).code !== 'EEXIST')
          throw new MtomError(
            'sink-failed',
            `cannot create attachment file in ${JSON.stringify(dir.slice(-160))}: ${(err as Error).message.split('\n')[0]}`,
            err,
          );
      }
    }
    throw new MtomError('sink-failed', `too many attachment files named ${name}`);
  }

  #remove(path: string): void {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}
