/**
 * The service-rules pass on the official INSi WSDL: the request namespaces' sex and birth-date
 * types, left without facets by the schemas, get the INSi rules; types with facets of their own
 * (the RESULTAT ones) are left as they are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../generator/pipeline.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

test('INSi request CodSexe is M or F, DateLunaire YYYY-MM-DD; RESULTAT keeps its own facets', { skip: corpusSkipReason }, () => {
  const model = buildModel([corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl')]);
  const facets = (id: string): unknown => {
    const t = model.schema.types.find((x) => x.id === id);
    return t?.kind === 'simple' ? t.facets : undefined;
  };
  for (const ns of ['INSiRecSans', 'INSiRecVit']) {
    assert.deepEqual(facets(`{http://www.cnamts.fr/${ns}}CodSexe`), { enumeration: ['M', 'F'] });
    assert.deepEqual(facets(`{http://www.cnamts.fr/${ns}}DateLunaire`), { pattern: ['\\d{4}-\\d{2}-\\d{2}'] });
  }
  assert.deepEqual(facets('{http://www.cnamts.fr/INSiResultat}CodSexe'), { pattern: ['[A-Z]{1}'] });
});
