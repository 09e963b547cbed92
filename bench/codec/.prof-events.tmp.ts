import { readFileSync } from 'node:fs';
import { readXml, type XmlHandler } from '@volet/runtime';
const xml = readFileSync('/tmp/adhoc.xml', 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
let n = 0;
const handler: XmlHandler = { openTag() { n++; }, text() {}, closeTag() {} };
const t: number[] = [];
for (let r = 0; r < 15; r++) {
  if (process.argv[2] === 'gc') gc?.();
  const t0 = performance.now();
  readXml(xml, handler);
  t.push(performance.now() - t0);
}
console.log(process.argv[2], t.map((x) => x.toFixed(1)).join(' '));
