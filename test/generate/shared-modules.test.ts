/**
 * One module per schema namespace, shared by every service of a run: `wsdl/` and the 7 official
 * DMP WSDLs generated together declare each exported name once, service folders declare no schema
 * type and re-export the modules they use, and module names come from the namespace map.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { generate, type GenerateResult } from '../../generator/generate/generate.js';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';

const DMP = [
  'GestionDossierPatientPartage',
  'Habilitations',
  'PDQSupplier',
  'PatientsSpecific',
  'XDS.b_DocumentRegistry',
  'XDS.b_DocumentRepository',
  'patientCertif',
];

/** `export type|interface|const|class|function Name` declarations of a file. */
function declarations(text: string): string[] {
  return [...text.matchAll(/^export (?:declare )?(?:type|interface|const|class|function|enum) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
}

describe('shared schema modules', { skip: corpusSkipReason }, () => {
  let result: GenerateResult;
  const out = join(repoRoot, 'test', '.no-write');

  before(() => {
    const services = [
      { name: 'xds-registry', wsdl: [join(repoRoot, 'wsdl', 'xds', 'document-registry.wsdl')], out: join(out, 'xds-registry') },
      { name: 'xds-repository', wsdl: [join(repoRoot, 'wsdl', 'xds', 'document-repository.wsdl')], out: join(out, 'xds-repository') },
      { name: 'insi', wsdl: [join(repoRoot, 'wsdl', 'insi', 'insi.wsdl')], out: join(out, 'insi') },
      ...DMP.map((n) => ({ name: `dmp-${n}`, wsdl: [corpus('dmp-annexe-wsdl-schema', 'wsdl', `${n}.wsdl`)], out: join(out, `dmp-${n}`) })),
    ];
    result = generate({ services, baseDir: repoRoot, catalog: [], typecheck: false, version: 'test', schemas: join(out, 'schemas') });
  });

  test('wsdl/ and the 7 official DMP WSDLs in one run: no exported name is declared in two files', () => {
    for (const s of result.services)
      assert.notEqual(
        s.files,
        null,
        `${s.service.name}: ${s.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.message)
          .join('; ')}`,
      );
    assert.ok(result.schemas !== null);
    const declaredIn = new Map<string, string[]>();
    for (const f of result.schemas.files) for (const n of declarations(f.content)) declaredIn.set(n, [...(declaredIn.get(n) ?? []), `schemas/${f.path}`]);
    const twice = [...declaredIn].filter(([, files]) => files.length > 1);
    assert.deepEqual(twice, [], 'names declared in two schema modules');
    assert.ok(declaredIn.size > 1500, `${declaredIn.size} names`);
    // A service folder declares its clients, port descriptors and headers/faults types only: never a schema name,
    // and never one of its own names twice.
    for (const s of result.services) {
      const own = (s.files ?? []).flatMap((f) => declarations(f.content));
      assert.equal(new Set(own).size, own.length, `${s.service.name} declares a name twice`);
      for (const n of own) assert.equal(declaredIn.get(n), undefined, `${s.service.name} declares ${n}, a schema module name`);
    }
  });

  test('each namespace is one module, named from the built-in namespace map; services re-export the ones they use', () => {
    assert.ok(result.schemas !== null);
    const modules = new Set(result.schemas.files.map((f) => f.path.split('/')[0]).filter((p) => p !== 'schema.ts'));
    for (const m of ['hl7v3', 'ebrim', 'ebrs', 'ebquery', 'eblcm', 'ihe-xdsb', 'saml2', 'wsse', 'wsa', 'xmldsig', 'xml'])
      assert.ok(modules.has(m), `module ${m} in ${[...modules].join(', ')}`);
    // HL7 v3 (the two HL7 services) and ebRIM (four XDS services) are written once.
    assert.equal(result.schemas.files.filter((f) => f.path === 'hl7v3/types.ts').length, 1);
    const index = (name: string): string => result.services.find((s) => s.service.name === name)?.files?.find((f) => f.path === 'index.ts')?.content ?? '';
    assert.match(index('dmp-PDQSupplier'), /^export \* from '\.\.\/schemas\/hl7v3\/index\.js';$/m);
    assert.match(index('dmp-GestionDossierPatientPartage'), /^export \* from '\.\.\/schemas\/hl7v3\/index\.js';$/m);
    assert.match(index('xds-registry'), /^export \* from '\.\.\/schemas\/ebrim\/index\.js';$/m);
    assert.doesNotMatch(index('xds-registry'), /hl7v3/);
    // The DMP simulator's SAML types live in the shared SAML module, whichever service reaches them.
    assert.ok(result.schemas.files.some((f) => f.path === 'saml2/types.ts' && /export interface AssertionType\b/.test(f.content)));
  });
});
