/**
 * What a VIHF input must hold, as data. Two readers: the validator (`validate.ts`, what
 * `VihfProvider` and `volet call --vihf` accept) and the JSON Schema of `vihf.json` that
 * `volet jsonschema` writes for editors. Keeping the rules here, once, is what stops the two from
 * drifting apart (a test gives both the same few hundred inputs and compares their verdicts).
 */

/**
 * How each plain text field is checked: `text` (not blank, only characters XML 1.0 can carry), or
 * additionally one of the {@link VihfInputRules.patterns}.
 */
export type VihfTextRule = 'text' | 'oid' | 'ins' | 'sector' | 'instant' | 'authnContext';

/** The shape of {@link VIHF_INPUT_RULES}. */
export interface VihfInputRules {
  /** `mode` values. */
  readonly modes: readonly ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE'];
  /** The modes that need `subjectId` (the user's display name). */
  readonly subjectIdModes: readonly ['INDIRECTE', 'INDIRECTE_RENFORCEE'];
  /** The codes `purposeOfUse` may also be given as (else a coded value). */
  readonly purposeOfUseCodes: readonly ['normal', 'bris_de_glace', 'centre_15'];
  /** Every key of the input, in the order of `VihfInput`. */
  readonly keys: readonly string[];
  /** The keys that must be present (`subjectId` aside: see {@link VihfInputRules.subjectIdModes}). */
  readonly required: readonly string[];
  /** The plain text fields and how each is checked; the other keys have their own shapes. */
  readonly textFields: Readonly<Record<string, VihfTextRule>>;
  /** The fields holding one HL7 coded value (`roles` holds a non-empty list of them). */
  readonly codedFields: readonly string[];
  /** The keys of a coded value, and those it must have. */
  readonly codedValue: { readonly keys: readonly string[]; readonly required: readonly string[]; readonly textFields: Readonly<Record<string, VihfTextRule>> };
  /** Regular expression sources (ECMAScript, `u` flag), as a JSON Schema `pattern` takes them. */
  readonly patterns: Readonly<Record<Exclude<VihfTextRule, 'text'>, string>> & {
    /** Only characters XML 1.0 can carry (no control character, U+FFFE/U+FFFF or unpaired surrogate). */
    readonly xmlChars: string;
    /** At least one character that is not white space. */
    readonly notBlank: string;
  };
}

/** The rules of a {@link VihfInput} (see the module comment). */
export const VIHF_INPUT_RULES: VihfInputRules = deepFreeze<VihfInputRules>({
  modes: ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE'],
  subjectIdModes: ['INDIRECTE', 'INDIRECTE_RENFORCEE'],
  purposeOfUseCodes: ['normal', 'bris_de_glace', 'centre_15'],
  keys: [
    'mode',
    'nameId',
    'subjectId',
    'structureId',
    'sector',
    'roles',
    'patientIns',
    'patientInsOid',
    'purposeOfUse',
    'confidentialityCode',
    'lpsId',
    'lpsName',
    'lpsVersion',
    'homologationDmp',
    'authnContext',
    'authnContextDecl',
    'authnInstant',
    'resourceUrn',
    'vihfVersion',
    'issuer',
  ],
  required: ['mode', 'nameId', 'structureId', 'sector', 'roles', 'lpsName', 'lpsVersion', 'homologationDmp'],
  textFields: {
    nameId: 'text',
    subjectId: 'text',
    structureId: 'text',
    sector: 'sector',
    patientIns: 'ins',
    patientInsOid: 'oid',
    lpsId: 'text',
    lpsName: 'text',
    lpsVersion: 'text',
    homologationDmp: 'text',
    authnContext: 'authnContext',
    authnInstant: 'instant',
    resourceUrn: 'text',
    vihfVersion: 'text',
    issuer: 'text',
  },
  codedFields: ['confidentialityCode'],
  codedValue: {
    keys: ['code', 'codeSystem', 'codeSystemName', 'displayName'],
    required: ['code', 'codeSystem'],
    textFields: { code: 'text', codeSystem: 'oid', codeSystemName: 'text', displayName: 'text' },
  },
  patterns: {
    // A dotted OID: 1.2.250.1.71.1.2.7.
    oid: '^[0-2](\\.(0|[1-9][0-9]*))+$',
    // The INS: a 13-character NIR/NIA (the 7th may be A or B, Corsica) and a 2-digit key.
    ins: '^[0-9]{6}[0-9AB][0-9]{8}$',
    // code^OID, e.g. SA07^1.2.250.1.71.4.2.4.
    sector: '^[^\\s^]+\\^[0-2](\\.(0|[1-9][0-9]*))+$',
    // An ISO 8601 date-time with a zone, fields in range.
    instant: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$',
    // A URN, or a SAML authentication context class name such as SmartcardPKI.
    authnContext: '^(urn:[\\s\\S]*|[A-Za-z][A-Za-z0-9]*)$',
    xmlChars: '^[\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]*$',
    notBlank: '\\S',
  },
});

/** Freezes `value` and everything in it: the rules are shared, nobody may change them at run time. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
