import { loadDescription } from '/work/main/generator/load/load.js';
import { parseWsdl } from '/work/main/generator/parse/wsdl/parse-wsdl.js';
import { formatDiagnostic } from '/work/main/generator/model/diagnostics.js';
import type { Diagnostic } from '/work/main/generator/model/model.js';
for (const f of process.argv.slice(2)) {
  const loaded = loadDescription([f]);
  const d: Diagnostic[] = [];
  const services = parseWsdl(loaded, d);
  console.log('==', f, 'load diags', loaded.diagnostics.length);
  for (const x of d) console.log(formatDiagnostic(x));
  for (const s of services) for (const p of s.ports) for (const o of p.operations) console.log(`  ${s.name}/${p.name}/${o.name}: ${o.inputAction} -> ${o.outputAction} [${o.actionSource.input}/${o.actionSource.output}] in=${JSON.stringify(o.input?.body)} hdr=${o.input?.headers.map(h=>h.part+'='+h.element).join(',')} faults=${JSON.stringify(o.faults)}`);
}
