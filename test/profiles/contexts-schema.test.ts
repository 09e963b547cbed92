/**
 * The runtime's own descriptor of the TLSi context headers is what the generator makes of the
 * project's context schemas (so it follows the XSDs and the codec, never a hand-written writer).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { TLSI_CONTEXTS_SCHEMA } from '@volet/runtime/profiles';
import { contextsSchema, contextsSchemaModule, contextsSchemaPath } from './support/contexts-descriptor.js';

test('TLSI_CONTEXTS_SCHEMA is the generator output for wsdl/insi ctxlps.xsd and ctxbam.xsd', () => {
  if (process.env.VOLET_UPDATE_CONTEXTS_SCHEMA === '1') writeFileSync(contextsSchemaPath, contextsSchemaModule());
  // Compared as data, so the file's formatting is free.
  assert.deepEqual(TLSI_CONTEXTS_SCHEMA, contextsSchema(), 'out of date: run this test with VOLET_UPDATE_CONTEXTS_SCHEMA=1');
  assert.deepEqual(Object.keys(TLSI_CONTEXTS_SCHEMA.elements).sort(), ['ContexteBAM', 'ContexteLPS']);
});
