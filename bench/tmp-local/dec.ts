import { readFileSync } from 'node:fs';
import { decodeEnvelope } from '../../runtime/src/soap/index.js';
import { corpus } from '../../test/support/paths.js';
import { schema } from '../../generated/insi/index.js';
const bytes = readFileSync(corpus('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml'));
const body = Object.freeze([{ schema, element: 'RESULTATElement' }]);
const empty = Object.freeze([]);
const opts = () => ({ mode: 'lenient' as const, validate: false, bodyDescriptors: body, headerDescriptors: empty, faultDetailDescriptors: empty, httpStatus: 200, attachments: new Map() });
const N = 100000;
for (let r = 0; r < 5; r++) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) decodeEnvelope(bytes, opts());
  const t = process.cpuUsage(t0);
  const t1 = process.cpuUsage();
  const small = Buffer.from('<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/></soap:Envelope>');
  for (let i = 0; i < N; i++) decodeEnvelope(small, opts());
  const u = process.cpuUsage(t1);
  console.log(((t.user + t.system) / N).toFixed(2), 'µs INSi;', ((u.user + u.system) / N).toFixed(2), 'µs empty envelope');
}
