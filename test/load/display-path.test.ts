/**
 * Paths shown in diagnostics and the model (load/display-path.ts): relative to the current folder
 * when inside it, else absolute, on every shape of path around the folder (a `..a` folder inside it,
 * unnormalised paths, the folder itself, the root).
 */
import assert from 'node:assert/strict';
import { isAbsolute, relative, sep } from 'node:path';
import { test } from 'node:test';
import { displayPathOf } from '../../generator/load/display-path.js';

/** The definition, with `path.relative` alone. */
function expected(absolutePath: string, cwd: string): string {
  if (!isAbsolute(absolutePath)) return absolutePath;
  const rel = relative(cwd, absolutePath);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const shown = inside ? rel : absolutePath;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

test('the same as path.relative for paths inside, beside, above the folder, unnormalised ones and odd folders', {
  skip: sep !== '/' ? 'POSIX paths' : false,
}, () => {
  const folders = ['/work/project', '/work/project/', '/', '/work/pro', '/work/./project', '/w'];
  const paths = [
    '/work/project/a.wsdl',
    '/work/project/schemas/x/y.xsd',
    '/work/project',
    '/work/project/',
    '/work/projectx/a.xsd',
    '/work/pro/a.xsd',
    '/work/project/../other/a.xsd',
    '/work/project/./a.xsd',
    '/work/project//a.xsd',
    '/work/project/a/..',
    '/work/project/.hidden/a.xsd',
    '/work/project/..a/b.xsd',
    '/other/a.xsd',
    'relative/a.xsd',
    'volet:catalog/xml.xsd',
  ];
  for (const cwd of folders) {
    for (const p of paths) assert.equal(displayPathOf(p, cwd), expected(p, cwd), `${p} from ${cwd}`);
  }
});
