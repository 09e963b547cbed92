import { readFileSync } from 'node:fs';
import { decodeEnvelope, XmlReader, type XmlHandler, type XmlTag } from '@volet/runtime';
import { ElementDecoder, decodeSettings } from '../../runtime/src/codec/decode.js';
import { compiledSchema } from '../../runtime/src/codec/compile.js';
import { AdhocQueryResponse } from '../../test/codec/descriptors/ebrim.js';
import { buildAdhocQueryResponse } from './build-input.js';
const xml = readFileSync('/tmp/adhoc.xml', 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
const keepers: unknown[] = [];
if (process.argv[3] === 'keep') {
  const schema = compiledSchema(AdhocQueryResponse.schema);
  const el = schema.element(AdhocQueryResponse.element);
  const h: XmlHandler = {
    openTag(tag: XmlTag) { if (tag.local === 'AdhocQueryResponse') keepers.push(new ElementDecoder(schema, el, reader, tag, h, decodeSettings(), (v) => keepers.push(v))); },
    text() {}, closeTag() {},
  };
  const reader = new XmlReader(h);
  reader.write(buildAdhocQueryResponse(2)); reader.end();
  keepers.push(reader);
}
const t: number[] = [];
for (let r = 0; r < (Number(process.env.RUNS) || 15); r++) {
  if (process.argv[2] === 'gc') gc?.();
  const t0 = performance.now();
  decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] });
  t.push(performance.now() - t0);
}
console.log(process.argv[2], process.argv[3], t.map((x) => x.toFixed(1)).join(' '));
