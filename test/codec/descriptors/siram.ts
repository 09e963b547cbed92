/**
 * Hand-written descriptors for the TLSi fault detail siram:Erreur
 * (insi-padoa/src/wsdl/xsd/schema_faultSOAP_V01_01.xsd): simple content with attributes, and an
 * enumeration restricting xs:QName.
 */
import { elementRef, type QNameValue, type SchemaDescriptor } from '@volet/runtime';

/** The siram schema (namespace urn:siram). */
export const siramSchema: SchemaDescriptor = {
  v: 1,
  ns: ['', 'urn:siram'],
  prefixes: ['', 'siram'],
  types: {
    type_erreur: {
      k: 'c',
      ns: 1,
      q: 'type_erreur',
      b: 'xs:string',
      x: 'e',
      sc: 'xs:string',
      a: [
        { n: 'severite', t: 'severiteeEnum', req: 1 },
        { n: 'code', t: 'xs:string', req: 1 },
        { n: 'messageID', t: 'xs:string' },
      ],
    },
    severiteeEnum: {
      k: 's',
      ns: 1,
      q: 'severiteeEnum',
      b: 'xs:QName',
      f: { enumeration: ['{}information', '{}avertissement', '{}erreur', '{}fatale'] },
    },
  },
  elements: {
    Erreur: { n: 'Erreur', ns: 1, t: 'type_erreur' },
  },
};

/** siram:type_erreur. */
export interface TypeErreur {
  $value: string;
  severite: QNameValue;
  code: string;
  messageID?: string;
}

/** The global element siram:Erreur. */
export const Erreur = elementRef<TypeErreur>(siramSchema, 'Erreur');
