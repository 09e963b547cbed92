#!/usr/bin/env node
// Runs the benchmarks (from source, through tsx). `npm run bench -- codec` runs those whose path
// contains "codec". Figures go to BENCHMARKS.md by hand: each script prints its own table.
import { spawnSync } from 'node:child_process';

const benches = [
  'bench/load/dmp-package.bench.ts',
  'bench/generate/dmp-generate.bench.ts',
  'bench/generate/versus-wsdl-tsclient.bench.ts',
  'bench/codec/run.ts',
  'bench/codec/decode-json-cli.ts',
  'bench/security/vihf-sign.bench.ts',
  'bench/transport/small-calls.ts',
  'bench/transport/mtom-memory.ts',
  'bench/transport/concurrent-calls.ts',
  'bench/transport/soak.bench.ts',
  'bench/runtime/root-import.bench.ts',
];
const filters = process.argv.slice(2);
const selected = filters.length ? benches.filter((b) => filters.some((f) => b.includes(f))) : benches;
let failed = 0;
for (const bench of selected) {
  console.log(`\n=== ${bench}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=volet-source', bench], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
