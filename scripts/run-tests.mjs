#!/usr/bin/env node
// Runs every compiled test file (dist/test/**/*.test.js, dist/runtime-test is not used) with node:test.
// Node 20 has no --test globs, so the files are listed here. Extra arguments filter by substring.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['dist/test'];
const filters = process.argv.slice(2);
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
}
roots.forEach(walk);
const selected = filters.length ? files.filter((f) => filters.some((s) => f.includes(s))) : files;
if (selected.length === 0) {
  console.error('no test files found under ' + roots.join(', '));
  process.exit(1);
}
console.log(`running ${selected.length} test files: ${selected.map((f) => relative('dist/test', f)).join(' ')}`);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...selected], { stdio: 'inherit' });
process.exit(r.status ?? 1);
