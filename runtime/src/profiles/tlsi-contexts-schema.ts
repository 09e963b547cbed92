/**
 * The schema descriptor of the CI-TLSi context headers (`ctxlps:ContexteLPS` 01_00 and
 * `ctxbam:ContexteBAM` 01_02), as the generator makes it from the project's wsdl/insi/ctxlps.xsd and
 * ctxbam.xsd. The TLSi profile encodes the contexts with it when the client's own descriptors do not
 * declare them, so the runtime needs no generated code and no hand-written writer.
 * Written by test/profiles/support/contexts-descriptor.ts (VOLET_UPDATE_CONTEXTS_SCHEMA=1 with
 * test/profiles/contexts-schema.test.ts, which checks it); do not edit.
 */
import type { SchemaDescriptor } from '../codec/descriptors.js';

/**
 * Descriptor of the two context elements (keys `ContexteLPS`, `ContexteBAM`) and their types: with
 * `encode`/`decode` of `@volet/runtime/codec`, it reads and writes the context headers of any TLSi service.
 */
export const TLSI_CONTEXTS_SCHEMA: SchemaDescriptor = {
  v: 1,
  ns: ['', 'urn:siram:bam:ctxbam', 'urn:siram:lps:ctxlps'],
  prefixes: ['', 'ctxbam', 'ctxlps'],
  types: {
    Assure: { k: 'c', ns: 1, q: 'Assure', f: [{ n: 'Id', t: 'CtxbamNIR', min: 0 }] },
    BeneficiairePorteur: { k: 's', b: 'xs:string', f: { pattern: ['\\d'] } },
    CleNIR: { k: 's', ns: 1, q: 'CleNIR', b: 'xs:string', f: { pattern: ['\\d{2}'] } },
    ContexteBAM: {
      k: 'c',
      ns: 1,
      q: 'ContexteBAM',
      f: [
        { n: 'Id', t: 'xs:string' },
        { n: 'Temps', t: 'xs:dateTime' },
        { n: 'Emetteur', t: 'xs:string', min: 0 },
        { n: 'DateRef', t: 'xs:dateTime', min: 0 },
        { n: 'COUVERTURE', t: 'Couverture' },
      ],
      a: [
        { n: 'Nature', t: 'ContexteBAMNature' },
        { n: 'Version', t: 'xs:string', req: 1 },
      ],
    },
    ContexteBAMNature: { k: 's', b: 'xs:string', f: { enumeration: ['CTXBAM'] } },
    ContexteLPS: {
      k: 'c',
      ns: 2,
      q: 'ContexteLPS',
      f: [
        { n: 'Id', t: 'xs:string' },
        { n: 'Temps', t: 'xs:dateTime' },
        { n: 'Emetteur', t: 'xs:string', min: 0 },
        { n: 'LPS', t: 'Logiciel', min: 0 },
      ],
      a: [
        { n: 'Nature', t: 'ContexteLPSNature' },
        { n: 'Version', t: 'xs:string', req: 1 },
      ],
    },
    ContexteLPSNature: { k: 's', b: 'xs:string', f: { enumeration: ['CTXLPS'] } },
    Couverture: {
      k: 'c',
      ns: 1,
      q: 'Couverture',
      f: [
        { n: 'GrandRegime', t: 'xs:string', min: 0 },
        { n: 'Organisme', t: 'xs:string', min: 0 },
        { n: 'CodeCentre', t: 'xs:string', min: 0 },
        { n: 'ASSURE', t: 'Assure', min: 0 },
        { n: 'BENEFICIAIRE', t: 'CtxbamBeneficiaire', min: 0 },
      ],
    },
    CtxbamBeneficiaire: {
      k: 'c',
      ns: 1,
      q: 'Beneficiaire',
      f: [
        { n: 'Nir', t: 'NIRCertifie', min: 0 },
        { n: 'DateNai', t: 'CtxbamDateLunaire', min: 0 },
        { n: 'Rang', t: 'xs:integer', min: 0 },
        { n: 'Porteur', t: 'BeneficiairePorteur', min: 0 },
      ],
    },
    CtxbamDateLunaire: { k: 's', ns: 1, q: 'DateLunaire', b: 'xs:string', f: { pattern: ['\\d{4}-\\d{2}-\\d{2}'] } },
    CtxbamNIR: {
      k: 'c',
      ns: 1,
      q: 'NIR',
      f: [
        { n: 'Num', t: 'NumeroNIR', min: 0 },
        { n: 'Cle', t: 'CleNIR', min: 0 },
      ],
    },
    IdentifiantReference: { k: 'c', ns: 2, q: 'IdentifiantReference', b: 'xs:string', x: 'e', sc: 'xs:string', a: [{ n: 'R', t: 'xs:string' }] },
    Logiciel: {
      k: 'c',
      ns: 2,
      q: 'Logiciel',
      f: [
        { n: 'IDAM', t: 'IdentifiantReference', min: 0 },
        { n: 'Version', t: 'xs:string', min: 0 },
        { n: 'Instance', t: 'xs:string', min: 0 },
        { n: 'Nom', t: 'xs:string', min: 0 },
      ],
    },
    NIRCertifie: {
      k: 'c',
      ns: 1,
      q: 'NIRCertifie',
      f: [
        { n: 'Num', t: 'NumeroNIR', min: 0 },
        { n: 'Cle', t: 'CleNIR', min: 0 },
        { n: 'DateCertification', t: 'xs:date', min: 0 },
      ],
    },
    NumeroNIR: { k: 's', ns: 1, q: 'NumeroNIR', b: 'xs:string', f: { pattern: ['\\d{6}[AB0-9]\\d{6}'] } },
  },
  elements: {
    ContexteBAM: { n: 'ContexteBAM', ns: 1, t: 'ContexteBAM' },
    ContexteLPS: { n: 'ContexteLPS', ns: 2, t: 'ContexteLPS' },
  },
};
