/**
 * One benchmark contender, run in its own child process by run.ts:
 * `contender.ts <name> <input file> <runs>`. Prints one JSON line: the contender's name, the
 * wall and CPU time of every timed run in milliseconds, the input size and the peak RSS.
 */
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { SaxesParser } from 'saxes';
import { decodeEnvelope, encodeEnvelope, readXml, type XmlHandler } from '@volet/runtime';
import { AdhocQueryResponse } from '../../test/codec/descriptors/ebrim.js';
import { corpus } from '../../test/support/paths.js';

const [name, file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? '7');
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
  const env = decodeEnvelope(input, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] });
  return env.body.length;
}

const decoded = name === 'volet-encode' ? decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] }) : undefined;

function voletEncode(): number {
  const env = decoded as ReturnType<typeof decodeEnvelope>;
  const out = encodeEnvelope({
    version: '1.2',
    headers: env.headers.map((h) => h.xml ?? ''),
    body: { element: AdhocQueryResponse, value: env.body[0].value as Record<string, unknown> },
  });
  return out.length;
}

/** node-soap 1.13.0 (dev dependency), driven by the DMP XDS.b registry WSDL of the corpus. */
interface NodeSoapWsdl {
  xmlToObject(xml: string): { Body: Record<string, unknown> };
  objectToDocumentXML(name: string, params: unknown, nsPrefix: string, nsURI: string): string;
}
let nodeSoap: NodeSoapWsdl | undefined;
let nodeSoapBody: unknown;
if (name.startsWith('node-soap')) {
  const soap = (await import('soap')) as unknown as { createClientAsync(wsdl: string): Promise<{ wsdl: NodeSoapWsdl }> };
  const client = await soap.createClientAsync(corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl'));
  nodeSoap = client.wsdl;
  if (name === 'node-soap-encode') nodeSoapBody = nodeSoap.xmlToObject(xml).Body.AdhocQueryResponse;
}

const contenders: Record<string, () => number> = {
  // node-soap parses to its own object shape (attributes under `attributes`, no typing).
  'node-soap-decode': () => Object.keys((nodeSoap as NodeSoapWsdl).xmlToObject(xml).Body).length,
  // Body only (node-soap builds response envelopes in its server code); its output puts the rim
  // elements in the query namespace, so it is not valid against the schema (see the report).
  'node-soap-encode': () =>
    (nodeSoap as NodeSoapWsdl).objectToDocumentXML('AdhocQueryResponse', nodeSoapBody, 'query', 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0').length,
  'saxes-events': saxesEvents,
  'volet-events': voletEvents,
  'volet-decode': () => voletDecode(xml),
  'volet-decode-bytes': () => voletDecode(bytes),
  'volet-encode': voletEncode,
};

const run = contenders[name];
if (run === undefined) throw new Error(`unknown contender ${name}`);
for (let i = 0; i < 2; i++) run();
const times: number[] = [];
const cpu: number[] = [];
let outputSize = 0;
for (let i = 0; i < runs; i++) {
  gc?.();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  outputSize = run();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  // Process CPU time (all threads: GC helper threads included): less sensitive than wall time to
  // other processes on a shared machine.
  cpu.push((c.user + c.system) / 1000);
}
process.stdout.write(
  JSON.stringify({ name, times, cpu, bytes: bytes.byteLength, result: outputSize, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n',
);
