import { readFileSync } from 'node:fs';
import { decodeEnvelope, encodeEnvelope } from '@volet/runtime';
import { AdhocQueryResponse } from '../../test/codec/descriptors/ebrim.js';
const xml = readFileSync('/tmp/adhoc.xml', 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
const env = decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] });
const t: number[] = [];
let size = 0;
for (let r = 0; r < (Number(process.env.RUNS) || 15); r++) {
  if (process.argv[2] === 'gc') gc?.();
  const t0 = performance.now();
  size = encodeEnvelope({ version: '1.2', headers: env.headers.map((h) => h.xml ?? ''), body: { element: AdhocQueryResponse, value: env.body[0].value as Record<string, unknown> } }).length;
  t.push(performance.now() - t0);
}
console.log(size, t.map((x) => x.toFixed(1)).join(' '));
