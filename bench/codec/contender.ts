/**
 * One benchmark contender, run in its own child process by run.ts:
 * `contender.ts <name> <input file> <runs> [adhoc|pnr]`. Prints one JSON line: the contender's
 * name, the wall and CPU time of every timed run in milliseconds, the input size, the size of the
 * contender's result (elements or output characters) and the peak RSS.
 */
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { SaxesParser } from 'saxes';
import type { ElementRef } from '@volet/runtime';
import { decodeEnvelope, decodeEnvelopeAsync, encodeEnvelope, encodeEnvelopeBytes, type EnvelopeInput } from '@volet/runtime/soap';
import { readXml, type XmlHandler } from '@volet/runtime/xml';
import { AdhocQueryResponse } from '../../test/codec/descriptors/ebrim.js';
import { builtinXmlCatalog } from '../../test/support/builtin-schemas.js';
import { corpus, repoRoot } from '../../test/support/paths.js';
import { ProvideAndRegisterDocumentSetRequestElement } from '../../generated/schemas/ihe-xdsb/index.js';

/** What each input needs: the body element for volet, and the WSDL and root element for node-soap. */
interface InputProfile {
  readonly version: '1.1' | '1.2';
  readonly element: ElementRef;
  readonly wsdl: string;
  readonly root: string;
  readonly prefix: string;
  readonly namespace: string;
}

const PROFILES: Record<string, InputProfile> = {
  // ITI-18 response: the hand-written ebRIM subset; node-soap with the DMP XDS.b registry WSDL.
  adhoc: {
    version: '1.2',
    element: AdhocQueryResponse,
    wsdl: corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl'),
    root: 'AdhocQueryResponse',
    prefix: 'query',
    namespace: 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0',
  },
  // ITI-18 response with titles in French typography: the same, from a two-byte input.
  'adhoc-fr': {
    version: '1.2',
    element: AdhocQueryResponse,
    wsdl: corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl'),
    root: 'AdhocQueryResponse',
    prefix: 'query',
    namespace: 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0',
  },
  // ITI-41 request: the generated repository client's descriptors and the WSDL they come from
  // (the envelope is SOAP 1.1, as in the DMP example the input is built from).
  pnr: {
    version: '1.1',
    element: ProvideAndRegisterDocumentSetRequestElement,
    wsdl: `${repoRoot}/wsdl/xds/document-repository.wsdl`,
    root: 'ProvideAndRegisterDocumentSetRequest',
    prefix: 'xdsb',
    namespace: 'urn:ihe:iti:xds-b:2007',
  },
};

const [name, file, runsArg, inputArg] = process.argv.slice(2);
const runs = Number(runsArg ?? '7');
const profile = PROFILES[inputArg ?? 'adhoc'];
if (profile === undefined) throw new Error(`unknown input ${inputArg}`);
const xml = readFileSync(file, 'utf8');
const bytes = Buffer.from(xml, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Keeps one saxes parser and one tag alive for the life of the process: when no object of those
 * shapes survives a forced GC, V8 drops the shapes and the optimised saxes code with them, and
 * after a few rounds stops optimising it (measured: 4x slower from the sixth document on). The
 * runtime no longer uses saxes, so the baseline keeps its own, to be measured at its best.
 */
const saxesKeepers: unknown[] = [];
if (name === 'saxes-events') {
  const keeper = new SaxesParser({ xmlns: true });
  keeper.on('opentag', (tag) => {
    if (saxesKeepers.length === 0) saxesKeepers.push(tag, ...Object.values(tag.attributes));
  });
  keeper.on('text', () => {});
  keeper.on('closetag', () => {});
  keeper.write('<a xmlns:p="urn:p" p:x="1" y="2"><b>t&amp;</b><p:c/></a>').close();
  saxesKeepers.push(keeper);
}

/** saxes's handlers: the same functions for every run (see voletEvents). */
let saxesOpened = 0;
const saxesOnOpen = (): void => {
  saxesOpened++;
};
const saxesNoop = (): void => {};

function saxesEvents(): number {
  // The floor: saxes with namespaces, handlers that do nothing but count.
  saxesOpened = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', saxesOnOpen);
  parser.on('text', saxesNoop);
  parser.on('closetag', saxesNoop);
  parser.write(xml).close();
  return saxesOpened;
}

/** The reader alone, with handlers that do nothing but count: compare with saxes-events. */
let opened = 0;
const countingHandler: XmlHandler = {
  openTag() {
    opened++;
  },
  text() {},
  closeTag() {},
};

function voletEvents(): number {
  // One handler object for every run, as the codec's handler classes are: handlers made per run
  // die at each forced GC and take the optimised code that inlined them along.
  opened = 0;
  readXml(xml, countingHandler);
  return opened;
}

function voletDecode(input: string | Uint8Array): number {
  const env = decodeEnvelope(input, { version: profile.version, bodyDescriptors: [profile.element] });
  return env.body.length;
}

/** The bytes as a socket hands them out: 64 KiB chunks (a TLS record is at most 16 KiB; node joins a few). */
const STREAM_CHUNK = 65_536;

async function* streamed(): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += STREAM_CHUNK) yield bytes.subarray(i, i + STREAM_CHUNK);
}

async function voletDecodeChunks(): Promise<number> {
  const env = await decodeEnvelopeAsync(streamed(), { version: profile.version, bodyDescriptors: [profile.element] });
  return env.body.length;
}

const decoded = name.startsWith('volet-encode') ? decodeEnvelope(xml, { version: profile.version, bodyDescriptors: [profile.element] }) : undefined;

/** What volet encodes: the raw WS-A (or SAML) header blocks and the typed body; `checked`: with the checks clients run before sending (`validate`). */
function envelopeInput(checked = false): EnvelopeInput {
  const env = decoded as ReturnType<typeof decodeEnvelope>;
  return {
    version: profile.version,
    headers: env.headers.map((h) => h.xml ?? ''),
    body: { element: profile.element, value: env.body[0].value },
    ...(checked ? { encodeOptions: { validate: true } } : {}),
  };
}

/** The envelope as text. */
function voletEncodeText(checked = false): string {
  return encodeEnvelope(envelopeInput(checked));
}

function voletEncode(): number {
  return voletEncodeText().length;
}

/** node-soap 1.13.0 (dev dependency), driven by the input's WSDL (see PROFILES). */
interface NodeSoapWsdl {
  xmlToObject(xml: string): { Body: Record<string, unknown> };
  objectToDocumentXML(name: string, params: unknown, nsPrefix: string, nsURI: string): string;
}
let nodeSoap: NodeSoapWsdl | undefined;
let nodeSoapBody: unknown;
/** For node-soap-encode-bytes: the ITI-41 documents as bytes, as a caller holding files has them. */
let nodeSoapDocuments: { attributes: unknown; bytes: Buffer }[] = [];
if (name.startsWith('node-soap')) {
  type Override = (resolved: string, base: string, location: string) => string;
  const soap = (await import('soap')) as unknown as {
    createClientAsync(wsdl: string, options: { wsdl_options: { overrideImportLocation: Override } }): Promise<{ wsdl: NodeSoapWsdl }>;
  };
  // wsdl/ imports the standard schemas (xml.xsd…) by their official URLs, which volet resolves from
  // its built-in catalog; node-soap is given the same files instead of the network.
  const catalog = builtinXmlCatalog();
  const overrideImportLocation: Override = (resolved, _base, location) => catalog[location] ?? resolved;
  const client = await soap.createClientAsync(profile.wsdl, { wsdl_options: { overrideImportLocation } });
  nodeSoap = client.wsdl;
  if (name.startsWith('node-soap-encode')) nodeSoapBody = nodeSoap.xmlToObject(xml).Body[profile.root];
  if (name === 'node-soap-encode-bytes') nodeSoapDocuments = documentsAsBytes(nodeSoapBody);
}

/** The `Document` entries of node-soap's ITI-41 tree, their base64 text turned back into bytes. */
function documentsAsBytes(body: unknown): { attributes: unknown; bytes: Buffer }[] {
  const documents = (body as { Document?: unknown }).Document;
  if (!Array.isArray(documents)) throw new Error('node-soap-encode-bytes needs the pnr input (no Document list)');
  return documents.map((d: unknown) => {
    const { attributes, $value } = d as { attributes: unknown; $value: unknown };
    if (typeof $value !== 'string') throw new Error('unexpected node-soap Document shape');
    return { attributes, bytes: Buffer.from($value, 'base64') };
  });
}

/** node-soap takes base64 text: the bytes are encoded in the timed run, as volet-encode does. */
function nodeSoapEncodeBytes(): number {
  const body = {
    ...(nodeSoapBody as Record<string, unknown>),
    Document: nodeSoapDocuments.map((d) => ({ attributes: d.attributes, $value: d.bytes.toString('base64') })),
  };
  return (nodeSoap as NodeSoapWsdl).objectToDocumentXML(profile.root, body, profile.prefix, profile.namespace).length;
}

const contenders: Record<string, () => number | Promise<number>> = {
  // node-soap parses to its own object shape (attributes under `attributes`, no typing).
  'node-soap-decode': () => Object.keys((nodeSoap as NodeSoapWsdl).xmlToObject(xml).Body).length,
  // Body only (node-soap builds response envelopes in its server code); its output puts the rim
  // (and, for pnr, lcm) elements in the root element's namespace, so it is not valid against the
  // schema (see the README). For pnr it is given the documents as base64 text, its natural input.
  'node-soap-encode': () => (nodeSoap as NodeSoapWsdl).objectToDocumentXML(profile.root, nodeSoapBody, profile.prefix, profile.namespace).length,
  'node-soap-encode-bytes': nodeSoapEncodeBytes,
  // The -wire variants also turn the text into the UTF-8 bytes a transport sends: a string built
  // by concatenation is only copied into one piece (flattened) when something reads it, so this
  // charges every contender for that copy, whichever step makes it.
  'node-soap-encode-wire': () =>
    Buffer.from((nodeSoap as NodeSoapWsdl).objectToDocumentXML(profile.root, nodeSoapBody, profile.prefix, profile.namespace), 'utf8').byteLength,
  'saxes-events': saxesEvents,
  'volet-events': voletEvents,
  'volet-decode': () => voletDecode(xml),
  'volet-decode-bytes': () => voletDecode(bytes),
  // Decoded as it arrives (decodeEnvelopeAsync over the chunks), without the whole text at once.
  'volet-decode-chunks': voletDecodeChunks,
  'volet-encode': voletEncode,
  // What a generated client does by default (validateRequests): unknown properties, facets and
  // lexical spaces checked while writing.
  'volet-encode-checked': () => voletEncodeText(true).length,
  // The bytes the client hands to the transport: written as UTF-8 by the encoder, no string.
  'volet-encode-wire': () => encodeEnvelopeBytes(envelopeInput()).byteLength,
};

const run = contenders[name];
if (run === undefined) throw new Error(`unknown contender ${name}`);
for (let i = 0; i < 2; i++) await run();
const times: number[] = [];
const cpu: number[] = [];
let outputSize = 0;
for (let i = 0; i < runs; i++) {
  gc?.();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  outputSize = await run();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  // Process CPU time (all threads: GC helper threads included): less sensitive than wall time to
  // other processes on a shared machine.
  cpu.push((c.user + c.system) / 1000);
}
process.stdout.write(
  JSON.stringify({ name, times, cpu, bytes: bytes.byteLength, result: outputSize, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n',
);
