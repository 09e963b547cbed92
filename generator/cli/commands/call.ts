/**
 * `volet call <wsdl> --operation <name> --endpoint <url> --input <file.json> …`: one real call, a
 * scriptable SOAP client. The input is the JSON form of `volet decode` (an envelope or its body
 * element, so a captured request replays as is); the response is printed in the same form. A SOAP
 * fault is printed as JSON too, with exit code 1. TLS credentials, trust, proxy, timeout, MTOM, the
 * CI-SIS / CI-TLSi profiles and a byte-exact dump of the exchange are options; passphrases may come
 * from environment variables and are never printed.
 */
import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type {
  AssertionPsInput,
  BodyChunk,
  SchemaDescriptor,
  Signer,
  SoapClient,
  SoapProfile,
  TlsiProfileSecurity,
  Transport,
  TransportRequest,
  TransportResponse,
} from '@volet/runtime';
import type { HttpsTransportOptions } from '@volet/runtime/http';
import type { CliContext, RegisterCommand } from '../command.js';
import { ExitCode, InputError, UsageError } from '../io.js';
import { assertHoldsCertificate, assertReadable, checkEndpoint, checkMilliseconds, credentialsUsageError } from '../option-files.js';
import { loadDescriptors, readInput, readJson, reportRuntimeError, type LoadedDescriptors } from './decode.js';

/** The parsed options of `call`. */
interface CallArgs {
  wsdl: string;
  operation: string;
  endpoint: string;
  input: string;
  port?: string;
  pfx?: string;
  passphrase?: string;
  key?: string;
  cert?: string;
  ca?: string[];
  proxy?: string;
  timeout?: number;
  mtom?: boolean;
  strict: boolean;
  dump?: string;
  profile?: string;
  vihf?: string;
  contexts?: string;
  'assertion-file'?: string[];
  'assertion-ps'?: string;
  'sign-pfx'?: string;
  'sign-passphrase'?: string;
  trace: boolean;
  'reveal-values': boolean;
  catalog?: string;
  'attachments-dir'?: string;
}

/** Environment variables read for secrets (never printed). */
const ENV = { passphrase: 'VOLET_PASSPHRASE', signPassphrase: 'VOLET_SIGN_PASSPHRASE' } as const;

/** Writes a request body, parts streamed from files included (read a second time for the dump). */
async function dumpBody(path: string, chunks: readonly BodyChunk[]): Promise<void> {
  // Owner-only, like every dump file (see DumpingTransport).
  const out = createWriteStream(path, { mode: 0o600 });
  for (const c of chunks) {
    if (typeof c === 'string' || c instanceof Uint8Array) out.write(c);
    else if (c.replayable)
      for await (const piece of c.open())
        if (!out.write(piece)) await once(out, 'drain');
        else out.write('[a part streamed once, not dumped]');
  }
  out.end();
  await finished(out);
  chmodSync(path, 0o600);
}

/**
 * Writes the exact bytes of each exchange into a folder. They hold patient data and bearer tokens
 * (a signed VIHF is reusable until it expires), so the files are created readable by their owner
 * only (0600; a new folder 0700), whatever the umask.
 */
class DumpingTransport implements Transport {
  private count = 0;
  constructor(
    private readonly inner: Transport,
    private readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private write(name: string, data: string | Uint8Array): void {
    const path = join(this.dir, name);
    writeFileSync(path, data, { mode: 0o600 });
    // `mode` applies only when the file is created: an existing dump file is narrowed too.
    chmodSync(path, 0o600);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const n = this.count++;
    const prefix = n === 0 ? '' : `${n + 1}.`;
    const chunks = Array.isArray(request.body) ? (request.body as readonly BodyChunk[]) : [request.body as BodyChunk];
    const url = new URL(String(request.url));
    const headerLines = Object.entries(request.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\n`)
      .join('');
    this.write(`${prefix}request.headers`, `POST ${url.origin}${url.pathname}\n${headerLines}`);
    await dumpBody(join(this.dir, `${prefix}request.body`), chunks);
    try {
      // The dump holds the whole response body: read it buffered (streamed parts are then written from memory).
      const { readBody: _streamed, ...buffered } = request;
      const response = await this.inner.send(buffered);
      const lines = Object.entries(response.headers)
        .map(([k, v]) => `${k}: ${v}\n`)
        .join('');
      this.write(`${prefix}response.headers`, `HTTP ${response.status}\n${lines}`);
      this.write(`${prefix}response.body`, response.body);
      return response;
    } catch (err) {
      this.write(`${prefix}response.error`, `${err instanceof Error ? err.message : String(err)}\n`);
      throw err;
    }
  }

  close(): void {
    this.inner.close?.();
  }
}

/** The TLS settings from the options. */
function tlsOptions(args: CallArgs): HttpsTransportOptions {
  const passphrase = args.passphrase ?? process.env[ENV.passphrase];
  let credentials: HttpsTransportOptions['credentials'];
  if (args.pfx !== undefined) {
    if (args.key !== undefined || args.cert !== undefined) throw new UsageError('give either --pfx or --key/--cert, not both');
    credentials = { pfxFile: args.pfx, ...(passphrase !== undefined ? { passphrase } : {}) };
  } else if (args.key !== undefined || args.cert !== undefined) {
    if (args.key === undefined || args.cert === undefined) throw new UsageError('--key and --cert go together');
    credentials = { keyFile: args.key, certFile: args.cert, ...(passphrase !== undefined ? { passphrase } : {}) };
  }
  return {
    ...(credentials !== undefined ? { credentials } : {}),
    ...(args.ca !== undefined && args.ca.length > 0 ? { trust: { caFile: args.ca } } : {}),
    ...(args.proxy !== undefined ? { proxy: args.proxy === 'none' ? false : args.proxy } : {}),
    ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
  };
}

/** The signer of `--sign-pfx` (passphrase from `--sign-passphrase` or VOLET_SIGN_PASSPHRASE). */
async function signer(args: CallArgs): Promise<Signer | undefined> {
  const file = args['sign-pfx'];
  if (file === undefined) return undefined;
  const { loadPkcs12Signer } = await import('@volet/runtime');
  const passphrase = args['sign-passphrase'] ?? process.env[ENV.signPassphrase];
  try {
    return await loadPkcs12Signer({ file, passphrase: passphrase ?? '' });
  } catch (err) {
    throw credentialsUsageError(err, '--sign-pfx', file, passphrase !== undefined, `--sign-passphrase or ${ENV.signPassphrase}`) ?? err;
  }
}

/** The HTTPS transport; credentials that cannot be loaded are a usage error naming the flag and file. */
function transportOf(http: typeof import('@volet/runtime/http'), args: CallArgs): Transport {
  try {
    return new http.HttpsTransport(tlsOptions(args));
  } catch (err) {
    const given = (args.passphrase ?? process.env[ENV.passphrase]) !== undefined;
    const [flag, file] = args.pfx !== undefined ? ['--pfx', args.pfx] : ['--key', args.key ?? ''];
    throw credentialsUsageError(err, flag, file, given, `--passphrase or ${ENV.passphrase}`) ?? err;
  }
}

/** Checks the option values and files of `call` before anything runs (usage errors, exit 2). */
function checkCallOptions(args: CallArgs): void {
  checkEndpoint(args.endpoint);
  checkMilliseconds(args.timeout, '--timeout');
  if (args.proxy !== undefined && args.proxy !== 'none') {
    try {
      new URL(args.proxy);
    } catch {
      throw new UsageError('--proxy: not a URL (expected http://host:port, or "none")');
    }
  }
  assertReadable(args.input, '--input');
  for (const flag of ['pfx', 'key', 'cert', 'vihf', 'contexts', 'assertion-ps', 'sign-pfx', 'catalog'] as const) {
    const file = args[flag];
    if (file !== undefined) assertReadable(file, `--${flag}`);
  }
  for (const file of args['assertion-file'] ?? []) assertReadable(file, '--assertion-file');
  for (const file of args.ca ?? []) assertHoldsCertificate(file, '--ca');
}

/** Runs `read`; an invalid-input error of the runtime becomes an {@link InputError} naming `file`. */
function inputFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw asInputError(err, file);
  }
}

async function inputFileAsync<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw asInputError(err, file);
  }
}

function asInputError(err: unknown, file: string): unknown {
  const e = err as { code?: unknown; message?: unknown };
  return e.code === 'invalid-input' && typeof e.message === 'string' ? new InputError(`${file}: ${e.message}`) : err;
}

/** The profile of `--profile`. */
async function profileOf(args: CallArgs, schema: SchemaDescriptor): Promise<SoapProfile | undefined> {
  const rt = await import('@volet/runtime');
  if (args.profile === undefined) {
    for (const o of ['vihf', 'contexts', 'assertion-file', 'assertion-ps'] as const) {
      if (args[o] !== undefined) throw new UsageError(`--${o} needs --profile`);
    }
    return undefined;
  }
  if (args.profile === 'cisis') {
    if (args.vihf === undefined) throw new UsageError('--profile cisis needs --vihf <vihf.json>');
    const { parseVihfInput } = await import('@volet/runtime/security');
    const input = inputFile(args.vihf, () => parseVihfInput(readJson(args.vihf as string, 'VIHF input file')));
    if (input.mode !== 'DIRECTE' && args['sign-pfx'] === undefined) {
      throw new UsageError(`--vihf: a VIHF of mode ${input.mode} is signed: give --sign-pfx (and --sign-passphrase or ${ENV.signPassphrase})`);
    }
    const s = await signer(args);
    const provider = new rt.VihfProvider(s === undefined ? {} : { signer: s });
    return rt.cisisProfile({ vihf: { provider, input } });
  }
  if (args.profile === 'tlsi') {
    if (args['sign-pfx'] !== undefined && args['assertion-ps'] === undefined)
      throw new UsageError('--sign-pfx with --profile tlsi signs the assertion PS of --assertion-ps');
    const { checkedContexts } = await import('../contexts-file.js');
    const c = args.contexts === undefined ? {} : checkedContexts(schema, args.contexts);
    const value = (v: unknown): Readonly<Record<string, unknown>> | undefined =>
      typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    const assertions = (args['assertion-file'] ?? []).map((f) => readInput(f, 'assertion file').toString('utf8'));
    let security: TlsiProfileSecurity = { mode: 'mtls' };
    if (args['assertion-ps'] !== undefined) {
      const s = await signer(args);
      if (s === undefined) throw new UsageError('--assertion-ps needs --sign-pfx (the key that signs it)');
      const psInput = readJson(args['assertion-ps'], 'assertion PS input file') as AssertionPsInput;
      const { buildAssertionPs } = await import('@volet/runtime/security');
      const ps = await inputFileAsync(args['assertion-ps'], () => buildAssertionPs(psInput, { signer: s }));
      security = { mode: 'cpx', assertions: [ps, ...assertions] };
    } else if (assertions.length > 0) security = { mode: 'cpx', assertions };
    const ctx = { ContexteLPS: value(c.ContexteLPS), ContexteBAM: value(c.ContexteBAM) };
    return rt.tlsiProfile({
      security,
      contexts: {
        ...(ctx.ContexteLPS !== undefined ? { ContexteLPS: ctx.ContexteLPS } : {}),
        ...(ctx.ContexteBAM !== undefined ? { ContexteBAM: ctx.ContexteBAM } : {}),
      },
    });
  }
  throw new UsageError(`unknown profile "${args.profile}" (cisis, tlsi)`);
}

/** The port holding the operation (`--port`, or the only one that has it). */
function portOf(descriptors: LoadedDescriptors, args: CallArgs): LoadedDescriptors['ports'][number] {
  const candidates = descriptors.ports.filter(
    (p) => (args.port === undefined || p.port === args.port) && Object.hasOwn(p.descriptor.operations, args.operation),
  );
  if (candidates.length === 1) return candidates[0];
  if (args.port !== undefined && !descriptors.ports.some((p) => p.port === args.port)) {
    throw new UsageError(`no port "${args.port}" (ports: ${descriptors.ports.map((p) => p.port).join(', ')})`);
  }
  if (candidates.length === 0) {
    const ops = [...new Set(descriptors.ports.flatMap((p) => Object.keys(p.descriptor.operations)))];
    throw new UsageError(`no operation "${args.operation}" (operations: ${ops.join(', ')})`);
  }
  throw new UsageError(`operation "${args.operation}" is in several ports (${candidates.map((p) => p.port).join(', ')}): choose one with --port`);
}

async function runCall(args: CallArgs, context: CliContext): Promise<void> {
  checkCallOptions(args);
  const input = readJson(args.input, 'input file');
  const descriptors = await loadDescriptors(args.wsdl, args.catalog, context);
  if (descriptors === null) return;
  const port = portOf(descriptors, args);
  const rt = await import('@volet/runtime');
  const { blockToJson, callArgumentsFromJson, faultToJson } = await import('../message-json.js');
  let call: import('../message-json.js').CallArguments;
  try {
    call = callArgumentsFromJson(descriptors.schema, port.descriptor.operations[args.operation], input);
  } catch (err) {
    await reportRuntimeError(err, args.input, context);
    return;
  }
  let client: SoapClient | undefined;
  try {
    const profile = await profileOf(args, descriptors.schema);
    const base: Transport = transportOf(await import('@volet/runtime/http'), args);
    const transport = args.dump === undefined ? base : new DumpingTransport(base, args.dump);
    client = new rt.SoapClient(descriptors.schema, port.descriptor, {
      endpoint: args.endpoint,
      transport,
      strict: args.strict,
      ...(profile !== undefined ? { profile } : {}),
      ...(args.mtom !== undefined ? { mtom: args.mtom } : {}),
      ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
      ...(args.trace
        ? { trace: (e) => context.io.stderr(`--- ${e.phase} ${e.operation} ${e.url}${e.status !== undefined ? ` ${e.status}` : ''}\n${e.body}\n`) }
        : {}),
      ...(args['reveal-values'] ? { revealValues: true } : {}),
      // A replayed capture carries old addressing/security blocks: the profile's fresh ones win.
      headerPrecedence: profile !== undefined ? 'profile' : 'caller',
    });
    try {
      const response = await client.callWithHeaders(args.operation, call.body, call.headers, {
        extraHeaders: call.extraHeaders,
        // Parts of the response go to files as they arrive; the JSON refers to them ({ "$file": … }).
        ...(args['attachments-dir'] !== undefined ? { attachments: { dir: args['attachments-dir'] } } : {}),
      });
      const json = { envelope: { version: response.version, headers: response.headers.map(blockToJson), body: response.bodyBlocks.map(blockToJson) } };
      context.io.stdout(JSON.stringify(json, null, 2) + '\n');
      context.exitCode = ExitCode.ok;
    } catch (err) {
      if (!(err instanceof rt.SoapFault)) throw err;
      const json = { envelope: { version: err.version, headers: err.headers.map(blockToJson), fault: faultToJson(err) } };
      context.io.stdout(JSON.stringify(json, null, 2) + '\n');
      context.io.stderr(`volet: ${err.message}\n`);
      context.exitCode = ExitCode.inputErrors;
    }
  } catch (err) {
    await reportRuntimeError(err, undefined, context);
  } finally {
    client?.close();
  }
}

/** Registers `call`. */
export const registerCall: RegisterCommand = (cli, context) =>
  cli.command(
    'call <wsdl>',
    'Call one operation of a service (TLS, profiles, MTOM) with a JSON request; print the JSON response',
    (y) =>
      y
        .positional('wsdl', { describe: 'the service description (WSDL)', type: 'string', demandOption: true })
        .option('operation', { describe: 'the operation to call', type: 'string', demandOption: true, requiresArg: true })
        .option('endpoint', { describe: 'the endpoint URL (https:)', type: 'string', demandOption: true, requiresArg: true })
        .option('input', {
          describe: 'the request as JSON (what `volet decode` prints: an envelope or its body element)',
          type: 'string',
          demandOption: true,
          requiresArg: true,
        })
        .option('port', { describe: 'the port, when the operation is in several', type: 'string', requiresArg: true })
        .option('pfx', { describe: 'client certificate and key, PKCS#12 file', type: 'string', requiresArg: true })
        .option('passphrase', { describe: `passphrase of --pfx or --key (or env ${ENV.passphrase})`, type: 'string', requiresArg: true })
        .option('key', { describe: 'client private key, PEM file (with --cert)', type: 'string', requiresArg: true })
        .option('cert', { describe: 'client certificate (chain), PEM file (with --key)', type: 'string', requiresArg: true })
        .option('ca', { describe: 'trusted CA certificates, PEM file (repeatable)', type: 'string', array: true, requiresArg: true })
        .option('proxy', { describe: 'HTTP proxy URL, or "none" (default: HTTPS_PROXY/NO_PROXY)', type: 'string', requiresArg: true })
        .option('timeout', { describe: 'whole-call timeout in milliseconds', type: 'number', requiresArg: true })
        .option('mtom', { describe: 'send base64Binary content as MTOM/XOP parts (--no-mtom: never; default: as the operation says)', type: 'boolean' })
        .option('strict', { describe: 'strict decoding of the response', type: 'boolean', default: false })
        .option('dump', {
          describe:
            'write the exact request and response (headers, body bytes) into this folder, files 0600: they hold patient data and bearer tokens (signed VIHFs)',
          type: 'string',
          requiresArg: true,
        })
        .option('profile', { describe: 'transport profile: cisis (DMP) or tlsi (INSi…)', type: 'string', choices: ['cisis', 'tlsi'] })
        .option('vihf', { describe: 'cisis: VIHF input (vihf.json, see docs/security.md)', type: 'string', requiresArg: true })
        .option('contexts', {
          describe: 'tlsi: { "ContexteLPS": …, "ContexteBAM": … } in the JSON form of the generated types',
          type: 'string',
          requiresArg: true,
        })
        .option('assertion-file', {
          describe: 'tlsi: a pre-signed SAML assertion to put in wsse:Security (repeatable; none: mTLS mode)',
          type: 'string',
          array: true,
          requiresArg: true,
        })
        .option('assertion-ps', { describe: 'tlsi: assertion PS input (JSON) to build and sign with --sign-pfx', type: 'string', requiresArg: true })
        .option('sign-pfx', { describe: 'signing certificate and key, PKCS#12 (VIHF of the INDIRECTE modes, assertion PS)', type: 'string', requiresArg: true })
        .option('sign-passphrase', { describe: `passphrase of --sign-pfx (or env ${ENV.signPassphrase})`, type: 'string', requiresArg: true })
        .option('trace', {
          describe: 'print the request and response envelopes on stderr, redacted: structure and safe values (addressing, codes, IDs) only',
          type: 'boolean',
          default: false,
        })
        .option('reveal-values', {
          describe: 'with --trace: print every value (patient data, signed tokens): local debugging only',
          type: 'boolean',
          default: false,
        })
        .option('catalog', { describe: 'JSON catalog mapping namespaces or remote locations to local files', type: 'string', requiresArg: true })
        .option('attachments-dir', {
          describe: 'write the MTOM parts of the response into this folder as they arrive (the JSON refers to the files)',
          type: 'string',
          requiresArg: true,
        }),
    async (args) => {
      await runCall(
        {
          ...args,
          wsdl: String(args.wsdl),
          ca: args.ca?.map(String),
          'assertion-file': args['assertion-file']?.map(String),
        } as CallArgs,
        context,
      );
    },
  );
