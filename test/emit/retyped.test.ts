/**
 * A simple element retyped by `xsi:type` decodes to `{ $type, $value }` (`rt.Retyped`); for a union
 * type, where naming the member is what `xsi:type` is for, the generated type says so: a vendor
 * program using the decoded shape compiles, one that forgets `$type` does not.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { generate, writeRun } from '../../generator/generate/generate.js';
import { typecheckGenerated } from '../../generator/emit/typecheck.js';
import { repoScratch } from '../e2e-runtime/support/generated-clients.js';
import { repoRoot } from '../support/paths.js';
import { volet } from '../cli/run.js';

const XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:volet:test:retyped" xmlns:t="urn:volet:test:retyped" elementFormDefault="qualified">
  <xs:simpleType name="IntOrDate"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>
  <xs:element name="Root">
    <xs:complexType><xs:sequence>
      <xs:element name="when" type="t:IntOrDate" maxOccurs="unbounded"/>
      <xs:element name="label" type="xs:string"/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
`;

function tsFiles(dir: string): { path: string; content: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return name.endsWith('.ts') ? [{ path: p, content: readFileSync(p, 'utf8') }] : [];
  });
}

test('a union-typed element: the generated type includes rt.Retyped, and a program using the decoded shape compiles', async () => {
  const dir = repoScratch('retyped-');
  writeFileSync(join(dir, 'retyped.xsd'), XSD);
  const result = generate({
    services: [{ name: 'retyped', wsdl: [join(dir, 'retyped.xsd')], out: join(dir, 'retyped') }],
    baseDir: repoRoot,
    catalog: [],
    typecheck: true,
    version: 'test',
  });
  assert.deepEqual(result.typecheckDiagnostics, []);
  writeRun(result);
  const generated = tsFiles(dir);
  const typesFile = generated.find((f) => f.path.endsWith('types.ts'));
  assert.ok(typesFile !== undefined);
  const types = typesFile.content;
  const module = `./${relative(dir, typesFile.path)
    .split('\\')
    .join('/')
    .replace(/types\.ts$/, 'index.js')}`;
  assert.match(types, /when: \(IntOrDate \| rt\.Retyped\)\[\];/);
  assert.match(types, /label: string;/, 'a plain string element is not widened');

  // What decode gives for `<when xsi:type="xs:date">`: checked against the runtime below.
  const program = (value: string): { path: string; content: string } => ({
    path: join(dir, 'use.ts'),
    content: `import type { Root } from '${module}';
export const root: Root = ${value};
export function show(r: Root): string {
  return r.when.map((w) => (typeof w === 'object' ? \`\${w.$type}:\${String(w.$value)}\` : String(w))).join(',');
}
`,
  });
  const folder = (file: { path: string; content: string }) => [
    { dir, files: [...generated.map((f) => ({ path: relative(dir, f.path), content: f.content })), { path: relative(dir, file.path), content: file.content }] },
  ];
  const good = typecheckGenerated(folder(program("{ when: [5, { $type: 'xs:date', $value: '2024-02-29' }], label: 'x' }")));
  assert.deepEqual(good, []);
  const bad = typecheckGenerated(folder(program("{ when: [{ $value: '2024-02-29' }], label: 'x' }")));
  assert.ok(
    bad.some((d) => d.file.endsWith('use.ts') && /\$type/.test(d.message)),
    JSON.stringify(bad),
  );

  writeFileSync(
    join(dir, 'root.xml'),
    '<Root xmlns="urn:volet:test:retyped" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><when>5</when><when xsi:type="xs:date">2024-02-29</when><label>x</label></Root>',
  );
  const decoded = await volet('decode', join(dir, 'retyped.xsd'), join(dir, 'root.xml'));
  assert.equal(decoded.code, 0, decoded.stderr);
  assert.deepEqual(JSON.parse(decoded.stdout).value, { when: [5, { $type: 'xs:date', $value: '2024-02-29' }], label: 'x' });
});
