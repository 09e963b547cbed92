/**
 * Codec benchmark: by default a ~10 MB ITI-18 AdhocQueryResponse (1,000 ExtrinsicObjects, structure
 * taken from the official DMP example at run time); with `--input pnr`, a ~11.7 MB ITI-41
 * ProvideAndRegisterDocumentSetRequest (1,000 documents as inline base64, see build-pnr-input.ts).
 * Decode against a bare saxes pass (namespaces on, events only) and node-soap; encode against
 * node-soap. Each contender runs in its own child process; `--rounds` repeats the whole set
 * (interleaved, to spread the load of a shared machine over every contender) and the figures are
 * medians over all timed runs of all rounds.
 *
 * Run: node --import tsx --conditions=volet-source bench/codec/run.ts [--input adhoc|adhoc-fr|pnr] [--runs N] [--count N] [--rounds R] [--only a,b]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAdhocQueryResponse } from './build-input.js';
import { buildProvideAndRegister } from './build-pnr-input.js';

interface Result {
  name: string;
  times: number[];
  cpu: number[];
  bytes: number;
  result: number;
  maxRssMB: number;
}

function option(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ALL = [
  'saxes-events',
  'volet-events',
  'volet-decode',
  'volet-decode-bytes',
  'volet-decode-chunks',
  'node-soap-decode',
  'volet-encode',
  'volet-encode-checked',
  'node-soap-encode',
  'volet-encode-wire',
  'node-soap-encode-wire',
];
/** The peer each contender is compared with, besides the saxes floor. */
const PEER: Record<string, string> = {
  'volet-decode': 'node-soap-decode',
  'volet-decode-bytes': 'node-soap-decode',
  'volet-decode-chunks': 'node-soap-decode',
  'volet-encode': 'node-soap-encode',
  'volet-encode-checked': 'node-soap-encode',
  'volet-encode-wire': 'node-soap-encode-wire',
};

/** The inputs: how to build each, what its `count` counts, and its extra contenders. */
const INPUTS: Record<string, { build: (count: number) => string; file: string; unit: string; extra: readonly string[] }> = {
  adhoc: { build: buildAdhocQueryResponse, file: 'adhoc-query-response.xml', unit: 'ExtrinsicObjects', extra: [] },
  // The same with titles in French typography (’ – œ): the input and its values become two-byte strings.
  'adhoc-fr': {
    build: (count) => buildAdhocQueryResponse(count, true),
    file: 'adhoc-query-response-fr.xml',
    unit: 'ExtrinsicObjects (titles with ’ – œ: two-byte strings)',
    extra: [],
  },
  pnr: {
    build: buildProvideAndRegister,
    file: 'provide-and-register.xml',
    unit: 'documents (ITI-41 ProvideAndRegisterDocumentSetRequest, inline base64)',
    // node-soap given the documents as bytes, base64-encoded in the timed run as volet-encode does.
    extra: ['node-soap-encode-bytes'],
  },
};

const runs = Number(option('--runs', '9'));
const count = Number(option('--count', '1000'));
const rounds = Number(option('--rounds', '1'));
const only = option('--only', '');
const inputName = option('--input', 'adhoc');
const inputKind = INPUTS[inputName];
if (inputKind === undefined) throw new Error(`unknown --input ${inputName} (adhoc, adhoc-fr or pnr)`);
const known = [...ALL, ...inputKind.extra];
const contenders = only === '' ? known : known.filter((c) => only.split(',').includes(c));
const dir = mkdtempSync(join(tmpdir(), 'volet-bench-'));
const input = join(dir, inputKind.file);
writeFileSync(input, inputKind.build(count), 'utf8');
const contender = fileURLToPath(new URL('./contender.ts', import.meta.url));

const load0 = loadavg()[0];
const results = new Map<string, Result>();
try {
  for (let round = 0; round < rounds; round++) {
    for (const name of contenders) {
      const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', contender, name, input, String(runs), inputName], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`);
      const one = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Result;
      const all = results.get(name);
      if (all === undefined) results.set(name, one);
      else {
        all.times.push(...one.times);
        all.cpu.push(...one.cpu);
        all.maxRssMB = Math.max(all.maxRssMB, one.maxRssMB);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const first = results.values().next().value as Result;
const mb = first.bytes / 1e6;
const floor = results.get('saxes-events');
console.log(
  `input: ${count} ${inputKind.unit}, ${mb.toFixed(2)} MB; ${rounds} round(s) × ${runs} runs per contender (median), node ${process.version}, ` +
    `load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
);
console.log('| contender | median ms | min ms | MB/s | CPU ms | × saxes events (time) | peer speed-up (time / CPU) | peak RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results.values()) {
  const m = median(r.times);
  const c = median(r.cpu);
  const vsFloor = floor === undefined ? '' : (m / median(floor.times)).toFixed(2);
  const peer = PEER[r.name] === undefined ? undefined : results.get(PEER[r.name]);
  const vsPeer = peer === undefined ? '' : `${(median(peer.times) / m).toFixed(2)} / ${(median(peer.cpu) / c).toFixed(2)}`;
  console.log(
    `| ${r.name} | ${m.toFixed(1)} | ${Math.min(...r.times).toFixed(1)} | ${(mb / (m / 1000)).toFixed(1)} | ${c.toFixed(1)} | ${vsFloor} | ${vsPeer} | ${r.maxRssMB} |`,
  );
}
const encoders = [...results.values()].filter((r) => r.name.includes('encode'));
if (encoders.length > 0) {
  // MB/s above is input MB over time; the outputs differ (node-soap: body only, its own prefixes).
  console.log(`\noutput characters: ${encoders.map((r) => `${r.name} ${r.result}`).join(', ')}`);
}
const bytesPeer = results.get('node-soap-encode-bytes');
const voletEncode = results.get('volet-encode');
if (bytesPeer !== undefined && voletEncode !== undefined) {
  const speedUp = (median(bytesPeer.times) / median(voletEncode.times)).toFixed(2);
  console.log(`volet-encode speed-up over node-soap-encode-bytes (time / CPU): ${speedUp} / ${(median(bytesPeer.cpu) / median(voletEncode.cpu)).toFixed(2)}`);
}
