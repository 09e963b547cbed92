/**
 * Hand-written descriptors for the INSi response element RESULTAT
 * (insi-padoa/src/wsdl/xsd/ServiceIdentiteCertifiee/INSi_RESULTAT_INS.xsd), written the way the
 * generator will emit them.
 */
import { elementRef, type SchemaDescriptor } from '@volet/runtime';

/** The INSi RESULTAT schema (namespace http://www.cnamts.fr/INSiResultat, elementFormDefault qualified). */
export const insiResultatSchema: SchemaDescriptor = {
  v: 1,
  ns: ['', 'http://www.cnamts.fr/INSiResultat'],
  prefixes: ['', 'ns1'],
  types: {
    CLE: { k: 's', ns: 1, q: 'CLE', b: 'xs:string', f: { pattern: ['[0-9]{2}'] } },
    COG: { k: 's', ns: 1, q: 'COG', b: 'xs:string', f: { pattern: ['[A-Za-z0-9]{5}'] } },
    NIR: { k: 's', ns: 1, q: 'NIR', b: 'xs:string', f: { pattern: ['\\d{6}[A-Za-z0-9]{1}(\\d{6})'] } },
    CodSexe: { k: 's', ns: 1, q: 'CodSexe', b: 'xs:string', f: { pattern: ['[A-Z]{1}'] } },
    DateLunaire: { k: 's', ns: 1, q: 'DateLunaire', b: 'xs:string', f: { pattern: ['\\d{4}-\\d{2}-\\d{2}'] } },
    CompteRendu: {
      k: 'c',
      ns: 1,
      q: 'CompteRendu',
      f: [
        { n: 'CodeCR', t: 'xs:string' },
        { n: 'LibelleCR', t: 'xs:string' },
      ],
    },
    IdentifiantNationalSante: {
      k: 'c',
      ns: 1,
      q: 'IdentifiantNationalSante',
      f: [
        { n: 'IdIndividu', t: 'Matricule' },
        { n: 'OID', t: 'xs:string' },
        { n: 'DateDeb', t: 'xs:date', min: 0 },
        { n: 'DateFin', t: 'xs:date', min: 0 },
      ],
    },
    TraitsDIdentite: {
      k: 'c',
      ns: 1,
      q: 'TraitsDIdentite',
      f: [
        { n: 'NomNaissance', t: 'xs:string', min: 0 },
        { n: 'Prenom', t: 'xs:string', min: 0 },
        { n: 'ListePrenom', t: 'xs:string', min: 0 },
        { n: 'Sexe', t: 'CodSexe', min: 0 },
        { n: 'DateNaissance', t: 'DateLunaire', min: 0 },
        { n: 'LieuNaissance', t: 'xs:string', min: 0 },
      ],
    },
    Individu: {
      k: 'c',
      ns: 1,
      q: 'Individu',
      f: [
        { n: 'INSACTIF', t: 'IdentifiantNationalSante' },
        { n: 'INSHISTO', t: 'IdentifiantNationalSante', min: 0, max: -1 },
        { n: 'TIQ', t: 'TraitsDIdentite' },
      ],
    },
    Resultat: {
      k: 'c',
      ns: 1,
      q: 'Resultat',
      f: [
        { n: 'CR', t: 'CompteRendu' },
        { n: 'INDIVIDU', t: 'Individu', min: 0 },
      ],
    },
    Matricule: {
      k: 'c',
      ns: 1,
      q: 'Matricule',
      f: [
        { n: 'NumIdentifiant', t: 'NIR' },
        { n: 'Cle', t: 'CLE', min: 0 },
        { n: 'TypeMatricule', t: 'xs:string', min: 0 },
      ],
    },
  },
  elements: {
    RESULTAT: { n: 'RESULTAT', ns: 1, t: 'Resultat' },
  },
};

/** The TypeScript types the generator would emit for these descriptors. */
export interface CompteRendu {
  CodeCR: string;
  LibelleCR: string;
}
/** Matricule. */
export interface Matricule {
  NumIdentifiant: string;
  Cle?: string;
  TypeMatricule?: string;
}
/** IdentifiantNationalSante. */
export interface IdentifiantNationalSante {
  IdIndividu: Matricule;
  OID: string;
  DateDeb?: string;
  DateFin?: string;
}
/** TraitsDIdentite. */
export interface TraitsDIdentite {
  NomNaissance?: string;
  Prenom?: string;
  ListePrenom?: string;
  Sexe?: string;
  DateNaissance?: string;
  LieuNaissance?: string;
}
/** Individu. */
export interface Individu {
  INSACTIF: IdentifiantNationalSante;
  INSHISTO?: IdentifiantNationalSante[];
  TIQ: TraitsDIdentite;
}
/** Resultat. */
export interface Resultat {
  CR: CompteRendu;
  INDIVIDU?: Individu;
}

/** The global element RESULTAT. */
export const RESULTAT = elementRef<Resultat>(insiResultatSchema, 'RESULTAT');
