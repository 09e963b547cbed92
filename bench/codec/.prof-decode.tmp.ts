import { readFileSync } from 'node:fs';
import { decodeEnvelope } from '@volet/runtime';
import { AdhocQueryResponse } from '../../test/codec/descriptors/ebrim.js';
const xml = readFileSync('/tmp/adhoc.xml', 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
const t: number[] = [];
let keep: unknown;
for (let r = 0; r < 15; r++) {
  if (process.argv[2] === 'gc') gc?.();
  const t0 = performance.now();
  keep = decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] });
  t.push(performance.now() - t0);
}
console.log(typeof keep, process.argv[2], t.map((x) => x.toFixed(1)).join(' '));
