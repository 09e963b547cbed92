/**
 * `volet decode <wsdl> <file> [--strict] [--catalog <file.json>] [--content-type <value>]`: a SOAP
 * 1.1/1.2 envelope (faults included), a multipart/related MTOM body, or a bare instance of a global
 * element, printed as JSON in the shape of the generated types (docs/cli.md). Lenient by default.
 * Also exports what `encode` and `call` share: loading the descriptors of a WSDL, reading files,
 * reporting runtime errors.
 */
import { readRegularFile } from '../../load/read-document.js';
import type { CatalogEntry } from '../../load/types.js';
import { readCatalogOption } from '../catalog-option.js';
import type { CliContext, RegisterCommand } from '../command.js';
import { ExitCode, UsageError } from '../io.js';
import { assertReadable } from '../option-files.js';
import { reportDiagnostics } from '../report-diagnostics.js';

/** The live descriptors of a WSDL (the runtime-descriptors module brings in the emitter, so it loads on use). */
export type LoadedDescriptors = import('../../emit/runtime-descriptors.js').RuntimeDescriptors;

/**
 * Builds the descriptors of a service description; prints its diagnostics and returns null when it
 * has errors (exit code 1 set).
 */
export async function loadDescriptors(wsdl: string, catalogFile: string | undefined, context: CliContext): Promise<LoadedDescriptors | null> {
  assertReadable(wsdl, 'entry file');
  const catalog: CatalogEntry[] | undefined = catalogFile === undefined ? undefined : readCatalogOption(catalogFile);
  const { buildModel, hasErrors } = await import('../../pipeline.js');
  const model = buildModel([wsdl], catalog === undefined ? {} : { catalog });
  if (hasErrors(model.diagnostics)) {
    reportDiagnostics(model.diagnostics, context.io);
    context.exitCode = ExitCode.inputErrors;
    return null;
  }
  const { runtimeDescriptors } = await import('../../emit/runtime-descriptors.js');
  return runtimeDescriptors(model);
}

/** Most bytes of a message or JSON input file (a large MTOM capture fits; the decoder bounds the envelope). */
const MAX_INPUT_FILE_BYTES = 1024 * 1024 * 1024;

/** Reads an input file (usage error when it is unreadable, not a regular file, or over 1 GiB). */
export function readInput(file: string, what: string): Buffer {
  // A regular file of bounded size: a device (/dev/zero), a FIFO or a socket would be read forever.
  const bytes = readRegularFile(file, MAX_INPUT_FILE_BYTES);
  if (typeof bytes === 'string') throw new UsageError(`cannot read ${what} '${file}': ${bytes}`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads and parses a JSON input file (usage error when unreadable or not JSON). */
export function readJson(file: string, what: string): unknown {
  const text = readInput(file, what).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} '${file}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Reports an error of the runtime (decoding, encoding, transport, security) on stderr as
 * `volet: <file>:<line>:<col>: <message>` or `volet: <message>` and sets exit code 1; other errors
 * are rethrown (internal errors).
 */
export async function reportRuntimeError(err: unknown, file: string | undefined, context: CliContext): Promise<void> {
  const { VoletError } = await import('@volet/runtime');
  const isSecurity = err instanceof Error && err.name === 'SecurityError';
  if (!(err instanceof VoletError) && !isSecurity) throw err;
  const e = err as Error & { line?: unknown; column?: unknown };
  const where =
    file !== undefined && typeof e.line === 'number' && e.line > 0 ? `${file}:${e.line}:${String(e.column)}: ` : file !== undefined ? `${file}: ` : '';
  context.io.stderr(`volet: ${where}${withFlagNames(e.message)}\n`);
  context.exitCode = ExitCode.inputErrors;
}

/** The runtime's option names in its messages, as the CLI's flags (`trust.caFile` → `--ca`). */
const FLAG_NAMES: readonly (readonly [string, string])[] = [['trust.ca / trust.caFile', '--ca']];

function withFlagNames(message: string): string {
  let out = message;
  for (const [option, flag] of FLAG_NAMES) out = out.replaceAll(option, flag);
  return out;
}

/** Registers `decode`. */
export const registerDecode: RegisterCommand = (cli, context) =>
  cli.command(
    'decode <wsdl> <file>',
    'Decode a SOAP envelope, an MTOM body or a bare element into the JSON form of the generated types',
    (y) =>
      y
        .positional('wsdl', { describe: 'the service description (WSDL, or an XSD)', type: 'string', demandOption: true })
        .positional('file', { describe: 'the XML (or multipart/related) message', type: 'string', demandOption: true })
        .option('strict', { describe: 'strict decoding: unknown or misplaced elements are errors', type: 'boolean', default: false })
        .option('content-type', {
          describe: 'the HTTP Content-Type of a saved multipart body (when its boundary must be given)',
          type: 'string',
          requiresArg: true,
        })
        .option('catalog', { describe: 'JSON catalog mapping namespaces or remote locations to local files', type: 'string', requiresArg: true }),
    async (args) => {
      const file = String(args.file);
      const input = readInput(file, 'message file');
      const descriptors = await loadDescriptors(String(args.wsdl), args.catalog, context);
      if (descriptors === null) return;
      const { splitSoapPayload, envelopeText } = await import('@volet/runtime/mtom');
      const { parseContentType } = await import('@volet/runtime/http');
      const { decodeMessage } = await import('../message-json.js');
      const { jsonChunks } = await import('../json-writer.js');
      try {
        const payload = splitSoapPayload(args['content-type'], input);
        // UTF-8 (a multipart root part's declared charset, or none) goes to the reader as bytes.
        const charset = payload.multipart ? parseContentType(payload.envelopeContentType)?.params['charset']?.toLowerCase() : undefined;
        const xml = charset === undefined || charset === 'utf-8' || charset === 'utf8' ? payload.envelope : envelopeText(payload);
        const message = decodeMessage(descriptors.schema, xml, {
          mode: args.strict ? 'strict' : 'lenient',
          attachments: payload.attachments,
          excludeElements: descriptors.rpcPartElements,
        });
        // Printed in chunks as it is made (a large response is tens of MB of JSON), each one written
        // out before the next is made.
        for (const chunk of jsonChunks(message)) {
          context.io.stdout(chunk);
          await context.io.stdoutDrained?.();
        }
        context.exitCode = ExitCode.ok;
      } catch (err) {
        await reportRuntimeError(err, file, context);
      }
    },
  );
