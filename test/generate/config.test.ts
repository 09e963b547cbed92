/**
 * volet.config.json and the inputs of `generate`/`check`: validation messages, path resolution
 * relative to the configuration file, and the base folder of hashed names in both modes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError, parseConfig } from '../../generator/config/config.js';
import { commonFolder, resolveGenerateInputs } from '../../generator/config/generate-inputs.js';

const scratch = mkdtempSync(join(tmpdir(), 'volet-config-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const file = join(scratch, 'volet.config.json');

describe('volet.config.json', () => {
  test('paths are relative to the file; out defaults to generated/<name>; catalog resolved', () => {
    const config = parseConfig(
      {
        services: [
          { name: 'insi', wsdl: 'wsdl/insi.wsdl' },
          { name: 'xds', wsdl: ['a.wsdl', 'b.xsd'], out: 'src/xds' },
        ],
        catalog: [{ namespace: 'urn:x', file: 'vendor/x.xsd' }],
        typecheck: false,
      },
      file,
    );
    assert.equal(config.baseDir, scratch);
    assert.deepEqual(config.services[0], { name: 'insi', wsdl: [join(scratch, 'wsdl', 'insi.wsdl')], out: join(scratch, 'generated', 'insi') });
    assert.deepEqual(config.services[1]?.wsdl, [join(scratch, 'a.wsdl'), join(scratch, 'b.xsd')]);
    assert.equal(config.services[1]?.out, join(scratch, 'src', 'xds'));
    assert.deepEqual(config.catalog, [{ namespace: 'urn:x', file: join(scratch, 'vendor', 'x.xsd') }]);
    assert.equal(config.typecheck, false);
  });

  test('invalid configurations name the file and the key', () => {
    const bad = (raw: unknown, message: RegExp): void => {
      assert.throws(
        () => parseConfig(raw as never, file),
        (e: unknown) => e instanceof ConfigError && message.test(e.message) && e.message.includes(file),
      );
    };
    bad([], /expected a JSON object/);
    bad({ services: [] }, /"services" must be a non-empty list/);
    bad({ services: [{ name: 'a', wsdl: 'x' }], extra: 1 }, /extra: unknown key/);
    // Client templates are gone (client.ts is printed by the generator): the key is refused like any unknown one.
    bad({ services: [{ name: 'a', wsdl: 'x' }], templates: 'tpl' }, /templates: unknown key/);
    bad({ services: [{ name: 'a', wsdl: 'x', outDir: 'y' }] }, /services\[0\]\.outDir: unknown key \(did you mean out\?\)/);
    bad({ services: [{ name: 'a', wsdl: 'x', mtom: { op: 'yes' } }] }, /services\[0\]\.mtom: expected \{ "<operation>": true \| false/);
    bad({ services: [{ name: 'a b', wsdl: 'x' }] }, /services\[0\]\.name: expected a name/);
    bad(
      {
        services: [
          { name: 'a', wsdl: 'x' },
          { name: 'a', wsdl: 'y' },
        ],
      },
      /services\[1\]\.name: "a" is used twice/,
    );
    bad({ services: [{ name: 'a', wsdl: [] }] }, /services\[0\]\.wsdl: expected a path or a non-empty list/);
    bad({ services: [{ name: 'a', wsdl: 'x', out: 3 }] }, /services\[0\]\.out: expected a path/);
    bad({ services: [{ name: 'a', wsdl: 'x' }], catalog: [{ file: 'f' }] }, /catalog\[0\]: give "namespace", "location" or both/);
    bad({ services: [{ name: 'a', wsdl: 'x' }], typecheck: 'yes' }, /"typecheck" must be true or false/);
    bad(
      {
        services: [
          { name: 'a', wsdl: 'x', out: 'o' },
          { name: 'b', wsdl: 'y', out: './o' },
        ],
      },
      /services "a" and "b" have the same output folder/,
    );
    bad({ services: [{ name: 'a', wsdl: 'x', names: { clients: {} } }] }, /services\[0\]\.names: unknown key "clients"/);
    bad({ services: [{ name: 'a', wsdl: 'x', names: { ports: { P: 'not a name' } } }] }, /names\.ports\["P"\]: "not a name" is not a TypeScript identifier/);
    bad({ services: [{ name: 'a', wsdl: 'x' }], modules: { 'urn:x': 'Bad_Name' } }, /modules\["urn:x"\]: "Bad_Name" is not a module name/);
    bad({ services: [{ name: 'a', wsdl: 'x' }], modules: { 'urn:x': 'x', 'urn:y': 'x' } }, /"x" is given to two namespaces/);
    bad({ services: [{ name: 'a', wsdl: 'x' }], importExtension: 'mjs' }, /"importExtension" must be "js" or "ts"/);
  });

  test('names, modules, schemas and importExtension', () => {
    const config = parseConfig(
      {
        services: [
          { name: 'registry', wsdl: 'r.wsdl', names: { ports: { DocumentRegistry_Port_Soap12: 'Registry' }, operations: { RegistryStoredQuery: 'query' } } },
        ],
        schemas: 'src/schemas',
        modules: { 'urn:hl7-org:v3': 'hl7' },
        importExtension: 'ts',
      },
      file,
    );
    assert.deepEqual(config.services[0]?.names, { ports: { DocumentRegistry_Port_Soap12: 'Registry' }, operations: { RegistryStoredQuery: 'query' } });
    assert.equal(config.schemas, join(scratch, 'src', 'schemas'));
    assert.deepEqual(config.modules, { 'urn:hl7-org:v3': 'hl7' });
    assert.equal(config.importExtension, 'ts');
  });
});

describe('generate inputs', () => {
  test('entry files: base folder = their common folder, output folder from --out', () => {
    const config = resolveGenerateInputs({ wsdl: ['wsdl/insi/insi.wsdl', 'wsdl/common/x.xsd'], out: 'gen/insi' }, scratch);
    assert.equal(config.baseDir, join(scratch, 'wsdl'));
    assert.equal(config.services[0]?.out, join(scratch, 'gen', 'insi'));
    assert.equal(config.services[0]?.name, 'insi');
    assert.equal(config.typecheck, true);
    assert.equal(resolveGenerateInputs({ wsdl: ['a.wsdl'], out: 'o', typecheck: false }, scratch).typecheck, false);
  });

  test('configuration: --catalog entries added, --no-typecheck overrides', () => {
    writeFileSync(file, JSON.stringify({ services: [{ name: 's', wsdl: 's.wsdl' }], catalog: [{ namespace: 'urn:a', file: 'a.xsd' }] }));
    const config = resolveGenerateInputs({ catalog: [{ namespace: 'urn:b', file: '/b.xsd' }], typecheck: false }, scratch);
    assert.equal(config.file, file);
    assert.deepEqual(
      config.catalog.map((c) => c.namespace),
      ['urn:a', 'urn:b'],
    );
    assert.equal(config.typecheck, false);
  });

  test('arguments that do not fit together are usage errors', () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    assert.throws(() => resolveGenerateInputs({}, empty), /no volet\.config\.json in/);
    assert.throws(() => resolveGenerateInputs({ wsdl: ['a.wsdl'] }, empty), /--out <dir> is required/);
    assert.throws(() => resolveGenerateInputs({ out: 'o' }, empty), /--out needs entry files/);
    assert.throws(() => resolveGenerateInputs({ wsdl: ['a.wsdl'], out: 'o', config: 'c' }, empty), /not both/);
  });

  test('commonFolder', () => {
    assert.equal(commonFolder([join(sep, 'a', 'b', 'c.wsdl'), join(sep, 'a', 'b', 'd', 'e.xsd')]), join(sep, 'a', 'b'));
    assert.equal(commonFolder([join(sep, 'a', 'x.wsdl'), join(sep, 'b', 'y.wsdl')]), sep);
  });
});
