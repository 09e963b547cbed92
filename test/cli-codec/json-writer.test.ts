/**
 * The chunked JSON writer of `volet decode` prints exactly `JSON.stringify(toJsonValue(v), null, 2)`
 * plus a newline: on the decoded official DMP and INSi examples (the MTOM body of TD2.1 included:
 * binary values), split into subtrees of every size and cut into chunks of every size, and on values
 * made to reach its edge cases (bytes, bigints, special floats, undefined, empty containers, odd keys).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toJsonValue } from '@volet/runtime/client';
import { splitSoapPayload } from '@volet/runtime/mtom';
import { buildModel, hasErrors } from '../../generator/pipeline.js';
import { runtimeDescriptors } from '../../generator/emit/runtime-descriptors.js';
import { decodeMessage, decodeMessageJson } from '../../generator/cli/message-json.js';
import { writeJson, type JsonWriterOptions } from '../../generator/cli/json-writer.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

const DMP_WSDL = (name: string): string => corpus('dmp-annexe-wsdl-schema', 'wsdl', name);
const DMP = (name: string): string => corpus('dmp-exemples-messages', name);

const EXAMPLES: Record<string, readonly string[]> = {
  'XDS.b_DocumentRegistry.wsdl': [
    'TD3.1_Recherche_de_document_requete.xml',
    'TD3.1_Recherche_de_document_reponse.xml',
    'TD3.3c_Supprimer_un_document_reponse.xml',
  ],
  'XDS.b_DocumentRepository.wsdl': ['TD3.2_Consultation_dun_document_requete.xml', 'TD2.1_Alimentation_reponse.xml', 'TD2.1_Alimentation_requete.xml'],
  'Habilitations.wsdl': ['TD0.3_Mise_a_jour_de_lautorisation_requete.xml'],
  'GestionDossierPatientPartage.wsdl': ['TD0.2_Test_dexistence_reponse.xml', 'TD1.3a_Consultation_reponse.xml'],
};

/** What the writer gives, chunks joined, and how many chunks it took. */
function written(value: unknown, options: JsonWriterOptions): { text: string; chunks: number } {
  const chunks: string[] = [];
  writeJson(value, (chunk) => chunks.push(chunk), options);
  return { text: chunks.join(''), chunks: chunks.length };
}

const SPLITS: readonly JsonWriterOptions[] = [
  {},
  { splitDepth: 0, splitLength: 1e9 },
  { splitDepth: 100, chunkChars: 1 },
  { splitDepth: 2, splitLength: 3, chunkChars: 333 },
];

test('the decoded official examples print byte for byte as JSON.stringify(…, null, 2)', { skip: corpusSkipReason }, () => {
  let binary = 0;
  for (const [wsdl, files] of Object.entries(EXAMPLES)) {
    const model = buildModel([DMP_WSDL(wsdl)]);
    assert.equal(hasErrors(model.diagnostics), false, wsdl);
    const { schema, rpcPartElements } = runtimeDescriptors(model);
    for (const file of files) {
      const payload = splitSoapPayload(undefined, readFileSync(DMP(file)));
      const options = { mode: 'lenient', attachments: payload.attachments, excludeElements: rpcPartElements } as const;
      const expected = `${JSON.stringify(decodeMessageJson(schema, payload.envelope, options), null, 2)}\n`;
      const message = decodeMessage(schema, payload.envelope, options);
      if (JSON.stringify(message) !== JSON.stringify(decodeMessageJson(schema, payload.envelope, options))) binary++;
      for (const split of SPLITS) {
        const { text, chunks } = written(message, split);
        assert.equal(text, expected, `${file} ${JSON.stringify(split)}`);
        if (split.chunkChars === 1) assert.ok(chunks > 1, 'written in several chunks');
      }
    }
  }
  assert.ok(binary > 0, 'some example holds values whose JSON form differs from the decoded value (bytes)');
});

test('edge cases: bytes, bigints, special floats, undefined, empty containers, odd keys, deep nesting', () => {
  const odd: Record<string, unknown> = { 'a"b\n': 1, '': 'empty key', é: 'é\u2028\ud800', 10: 'integer key first', z: undefined };
  Object.defineProperty(odd, '__proto__', { value: { inner: true }, enumerable: true, writable: true, configurable: true });
  const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { constructor: 'own', toString: [1] });
  let deep: unknown = { leaf: [1, 'x', null] };
  for (let i = 0; i < 30; i++) deep = i % 2 === 0 ? [deep, i] : { level: i, next: deep };
  const value = {
    bytes: new Uint8Array([0, 1, 2, 250, 255]),
    view: new Uint8Array(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2),
    big: 12345678901234567890n,
    floats: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1.5e300, -2.5e-300],
    missing: undefined,
    holes: [undefined, null, undefined],
    empty: { object: {}, array: [], nested: [[], {}, [[]]], allUndefined: { a: undefined } },
    text: ['', ' ', '"\\/\b\f\n\r\t\u0000\u001f', '😀', 'x'.repeat(1000)],
    odd,
    nullProto,
    deep,
    list: Array.from({ length: 50 }, (_, i) => ({ i, s: String(i), b: i % 2 === 0, n: null })),
  };
  const expected = `${JSON.stringify(toJsonValue(value), null, 2)}\n`;
  for (const split of [...SPLITS, { splitDepth: 3, splitLength: 2, chunkChars: 7 }]) assert.equal(written(value, split).text, expected, JSON.stringify(split));
  for (const top of [[], {}, [1], 'text', 3, null, new Uint8Array([1])]) {
    assert.equal(written(top, { splitDepth: 100 }).text, `${JSON.stringify(toJsonValue(top), null, 2)}\n`);
  }
});
