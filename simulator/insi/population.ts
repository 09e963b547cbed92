/**
 * The simulated INSi's population: a few FICTIONAL test identities, enough for every answer the
 * service gives (CR 00 with and without former INS, CR 01, CR 02 for twins who share the traits a
 * search uses). Every number has department `00`, which no real NIR has, so none can be a real
 * person's; the INS come with the **test** NIR OID (as the DMP examples use), the former NIA with
 * the NIA OID. Keys follow the NIR rule (97 − number mod 97).
 */

/** INS namespace OIDs. */
export const INS_OID = {
  /** Test NIR (DMP examples, test environments). */
  nirTest: '1.2.250.1.213.1.4.10',
  /** NIA (temporary number). */
  nia: '1.2.250.1.213.1.4.9',
} as const;

/** One INS: number, key, OID, validity of a former one. */
export interface SimulatedIns {
  readonly number: string;
  readonly key: string;
  readonly oid: string;
  readonly from?: string;
  readonly to?: string;
}

/** One fictional person. */
export interface SimulatedIdentity {
  /** The current INS. */
  readonly ins: SimulatedIns;
  /** Former INS of the same person, most recent first. */
  readonly history: readonly SimulatedIns[];
  readonly birthName: string;
  /** First names, in civil-status order. */
  readonly firstNames: readonly string[];
  readonly sex: 'F' | 'M';
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** Birthplace COG code. */
  readonly birthPlace: string;
}

/** The NIR key of a 13-digit number. */
export function nirKey(number: string): string {
  const numeric = number.replace(/2A/i, '19').replace(/2B/i, '18');
  const key = 97 - Number(BigInt(numeric) % 97n);
  return String(key).padStart(2, '0');
}

function ins(number: string, oid: string, validity: { readonly from?: string; readonly to?: string } = {}): SimulatedIns {
  return { number, key: nirKey(number), oid, ...validity };
}

/** The default population. */
export const DEFAULT_POPULATION: readonly SimulatedIdentity[] = Object.freeze([
  {
    ins: ins('2800500001001', INS_OID.nirTest),
    history: [ins('7800500001001', INS_OID.nia, { from: '1980-05-12', to: '1981-02-01' })],
    birthName: 'DEMOVOLET',
    firstNames: ['ALICE', 'MARIE'],
    sex: 'F',
    birthDate: '1980-05-12',
    birthPlace: '75056',
  },
  {
    ins: ins('1751100002001', INS_OID.nirTest),
    history: [],
    birthName: 'DEMOVOLET',
    firstNames: ['PAUL'],
    sex: 'M',
    birthDate: '1975-11-03',
    birthPlace: '69123',
  },
  {
    ins: ins('2010900003001', INS_OID.nirTest),
    history: [],
    birthName: 'DEMOJUMEAU',
    firstNames: ['CAMILLE', 'ROSE'],
    sex: 'F',
    birthDate: '2001-09-30',
    birthPlace: '33063',
  },
  {
    ins: ins('2010900003002', INS_OID.nirTest),
    history: [],
    birthName: 'DEMOJUMEAU',
    firstNames: ['CAMILLE', 'LOU'],
    sex: 'F',
    birthDate: '2001-09-30',
    birthPlace: '33063',
  },
]);

/** The 15-character INS (number + key) of an identity, as the VIHF `resource-id` and XDS use it. */
export function fullIns(identity: SimulatedIdentity): string {
  return identity.ins.number + identity.ins.key;
}
