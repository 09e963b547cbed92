/**
 * The official DMP ITI-18 response example (TD3.1, 21 ExtrinsicObjects) through decodeEnvelope →
 * encode: substitution group (Identifiable), extension chains, xml:lang, xs:integer attributes,
 * checked with xmllint against the DMP package's ebRS query.xsd and canonically against the original.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Tagged } from '@volet/runtime';
import { encode } from '@volet/runtime/codec';
import { decodeEnvelope } from '@volet/runtime/soap';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { AdhocQueryResponse } from './descriptors/ebrim.js';
import { xmlDifference } from './support/compare.js';
import { xmllintSkipReason, xmllintValidate } from '../support/xmllint.js';

const QUERY_NS = 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0';
const file = corpus('dmp-exemples-messages', 'TD3.1_Recherche_de_document_reponse.xml');
const queryXsd = corpus('dmp-annexe-wsdl-schema', 'schema', 'ebRS', 'query.xsd');

test('TD3.1 AdhocQueryResponse: decode, re-encode, xmllint-valid, equivalent', { skip: corpusSkipReason || xmllintSkipReason }, () => {
  const xml = readFileSync(file, 'utf8');
  const env = decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] });
  assert.equal(env.headers.length, 4, 'WS-Addressing headers kept raw');
  assert.ok(env.headers.every((h) => h.xml !== undefined && h.namespace === 'http://www.w3.org/2005/08/addressing'));
  const value = env.body[0].value as {
    status: string;
    totalResultCount: string;
    RegistryObjectList: { Identifiable: Tagged<string, Record<string, unknown>>[] };
  };
  assert.equal(value.totalResultCount, '21', 'xs:integer stays a string');
  const items = value.RegistryObjectList.Identifiable;
  assert.equal(items.length, 21);
  assert.ok(items.every((i) => i.$el === 'ExtrinsicObject'));
  const first = items[0].value as {
    isOpaque: boolean;
    Slot: { name: string; ValueList: { Value: string[] } }[];
    Name: { LocalizedString: { lang: string; value: string }[] };
    Classification: unknown[];
    ExternalIdentifier: unknown[];
  };
  assert.equal(first.isOpaque, false);
  assert.equal(first.Slot[0].name, 'creationTime');
  assert.equal(first.Name.LocalizedString[0].lang, 'FR');
  assert.ok(first.Classification.length > 0 && first.ExternalIdentifier.length === 2);

  const out = encode(AdhocQueryResponse, env.body[0].value as Record<string, unknown>);
  const lint = xmllintValidate(out, queryXsd);
  assert.ok(lint.ok, lint.output);
  assert.equal(xmlDifference(out, xml, { expectedRoot: `{${QUERY_NS}}AdhocQueryResponse` }), null);
  // Deterministic: the same value always gives the same bytes.
  assert.equal(encode(AdhocQueryResponse, env.body[0].value as Record<string, unknown>), out);
});
