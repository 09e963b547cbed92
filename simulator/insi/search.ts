/**
 * The INSi searches over the simulated population, answered as the service does: `RESULTAT` with
 * CR 00 and the identity (current INS, former INS, reference traits), 01 when nobody matches,
 * 02 when several people do. Business outcomes, never faults.
 */
import type { INSiRecSansTraitsDIdentite } from '../../generated/schemas/insi-recsans/index.js';
import type { INSiRecVitBeneficiaire } from '../../generated/schemas/insi-recvit/index.js';
import type { IdentifiantNationalSante, Resultat } from '../../generated/schemas/insi-resultat/index.js';
import type { SimulatedIdentity, SimulatedIns } from './population.js';

const NOT_FOUND: Resultat = { CR: { CodeCR: '01', LibelleCR: 'Aucune identite trouvee' } };
const SEVERAL: Resultat = { CR: { CodeCR: '02', LibelleCR: 'Plusieurs identites trouvees' } };

function insValue(ins: SimulatedIns): IdentifiantNationalSante {
  return {
    IdIndividu: { NumIdentifiant: ins.number, Cle: ins.key },
    OID: ins.oid,
    ...(ins.from === undefined ? {} : { DateDeb: ins.from }),
    ...(ins.to === undefined ? {} : { DateFin: ins.to }),
  };
}

function answer(matches: readonly SimulatedIdentity[]): Resultat {
  if (matches.length === 0) return NOT_FOUND;
  if (matches.length > 1) return SEVERAL;
  const person = matches[0] as SimulatedIdentity;
  return {
    CR: { CodeCR: '00', LibelleCR: 'OK' },
    INDIVIDU: {
      INSACTIF: insValue(person.ins),
      ...(person.history.length > 0 ? { INSHISTO: person.history.map(insValue) } : {}),
      TIQ: {
        NomNaissance: person.birthName,
        Prenom: person.firstNames[0] ?? '',
        ListePrenom: person.firstNames.join(' '),
        Sexe: person.sex,
        DateNaissance: person.birthDate,
        LieuNaissance: person.birthPlace,
      },
    },
  };
}

const norm = (value: string | undefined): string => (value ?? '').trim();

/**
 * Search by traits: birth name, sex and birth date must match; every first name given must be
 * one of the person's (a query per first name, or all of them space-separated, both work); the
 * birthplace, when given, must match.
 */
export function searchByTraits(population: readonly SimulatedIdentity[], query: INSiRecSansTraitsDIdentite): Resultat {
  const name = norm(query.NomNaissance);
  const sex = norm(query.Sexe);
  const date = norm(query.DateNaissance);
  if (name === '' || sex === '' || date === '') return NOT_FOUND;
  const firstNames = (query.Prenom ?? []).flatMap((p) => norm(p).split(/\s+/)).filter((p) => p !== '');
  const place = norm(query.LieuNaissance);
  return answer(
    population.filter(
      (p) =>
        p.birthName === name &&
        p.sex === sex &&
        p.birthDate === date &&
        firstNames.every((f) => p.firstNames.includes(f)) &&
        (place === '' || p.birthPlace === place),
    ),
  );
}

/** Search with the Vitale card data: the individual's number (and key when given) and the birth date. */
export function searchByVitale(population: readonly SimulatedIdentity[], query: INSiRecVitBeneficiaire): Resultat {
  const number = norm(query.MatriculeIndividu?.NumIdentifiant);
  const key = norm(query.MatriculeIndividu?.Cle);
  const date = norm(query.DateNaissance);
  if (number === '') return NOT_FOUND;
  return answer(
    population.filter((p) => [p.ins, ...p.history].some((i) => i.number === number && (key === '' || i.key === key)) && (date === '' || p.birthDate === date)),
  );
}
