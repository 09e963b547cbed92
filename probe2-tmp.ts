import { loadDescription } from './generator/load/load.js';
import { parseWsdl } from './generator/parse/wsdl/parse-wsdl.js';
import type { Diagnostic } from './generator/model/model.js';
import { execSync } from 'node:child_process';
const files = execSync('find /work/shared/wsdl-corpus -name "*.wsdl"').toString().trim().split('\n').sort();
let crashes = 0; const codes = new Map<string, number>();
const t0 = Date.now();
for (const f of files) {
  try {
    const loaded = loadDescription([f]);
    const d: Diagnostic[] = [];
    parseWsdl(loaded, d);
    for (const x of d) codes.set(`${x.severity} ${x.code}`, (codes.get(`${x.severity} ${x.code}`) ?? 0) + 1);
    for (const x of d) if (x.severity === 'error') console.log(x.file.replace('/work/shared/wsdl-corpus/', '') + ':' + x.line + ':' + x.column, x.message.slice(0, 150));
  } catch (e) { crashes++; console.log('CRASH', f, e); }
}
console.log(files.length, 'files', crashes, 'crashes', Date.now() - t0, 'ms');
console.log([...codes].sort());
