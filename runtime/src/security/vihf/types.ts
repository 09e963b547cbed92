/**
 * The VIHF input: the data of one CI-SIS "Vecteur d'Identification et d'Habilitation Formelles"
 * token. This is also the format of the `vihf.json` file of `volet call` (see docs/security.md).
 */

/** Authentication mode (`Authentification_mode` attribute). */
export type VihfMode = 'DIRECTE' | 'INDIRECTE' | 'INDIRECTE_RENFORCEE';

/** An HL7 v3 coded value (`xsi:type="CE"`). */
export interface CodedValue {
  /** The code, e.g. `10` (Médecin) or `SM26`. */
  readonly code: string;
  /** OID of the code system, e.g. `1.2.250.1.71.1.2.7` (TRE_G15 professions). */
  readonly codeSystem: string;
  /** Optional name of the code system, e.g. `professions`. */
  readonly codeSystemName?: string;
  /** Optional display label, e.g. `Médecin`. */
  readonly displayName?: string;
}

/** The access mode codes of `PurposeOfUse` (code system `1.2.250.1.213.1.1.4.248`). */
export type PurposeOfUseCode = 'normal' | 'bris_de_glace' | 'centre_15';

/** Input of {@link buildVihf}: one token's data. */
export interface VihfInput {
  /** Authentication mode. */
  readonly mode: VihfMode;
  /** `Subject/NameID`: the user's national id (IdNat_PS, e.g. `899900063480`); for automata, the responsible person. */
  readonly nameId: string;
  /** `subject-id`: the user's display name (`MAX LIBRE`); required for the INDIRECTE modes. */
  readonly subjectId?: string;
  /** `Identifiant_Structure`: the structure's national id (e.g. `499900063480001`, `10B0127189`). */
  readonly structureId: string;
  /** `Secteur_Activite`: `code^OID`, e.g. `SA07^1.2.250.1.71.4.2.4`. */
  readonly sector: string;
  /** `subject:role` values, in order: profession (G15) first, then speciality, … At least one. */
  readonly roles: readonly CodedValue[];
  /** Patient INS (15 characters, NIR or NIA); emits `resource-id`. Omit for calls without a patient. */
  readonly patientIns?: string;
  /** OID of the INS namespace in `resource-id`. Default the test NIR OID `1.2.250.1.213.1.4.10` (set `1.2.250.1.213.1.4.8` in production). */
  readonly patientInsOid?: string;
  /** `purposeofuse`: a code (`normal` by default) or a full coded value. */
  readonly purposeOfUse?: PurposeOfUseCode | CodedValue;
  /** `confidentiality-code` (e.g. "connexion secrète" for minors); emitted as an HL7 `ConfidentialityCode` CE. */
  readonly confidentialityCode?: CodedValue;
  /** `LPS_ID`: installation/serial id of the software (optional). */
  readonly lpsId?: string;
  /** `LPS_Nom`: software name. */
  readonly lpsName: string;
  /** `LPS_Version`: software version. */
  readonly lpsVersion: string;
  /** `LPS_ID_HOMOLOGATION_DMP`: CNDA homologation number. */
  readonly homologationDmp: string;
  /**
   * `AuthnContextClassRef`: a full URN or a SAML class name (`SmartcardPKI`, `Password`,
   * `TLSClient`, `unspecified`, `MobileTwoFactorUnregistered`). Default `SmartcardPKI`.
   */
  readonly authnContext?: string;
  /**
   * `AuthnContextDecl`: a URN, or `false` for none. Default: none, except for
   * INDIRECTE_RENFORCEE, whose official example repeats the class reference.
   */
  readonly authnContextDecl?: string | false;
  /** `AuthnInstant` (when the user logged in locally), ISO 8601. Default: the issue instant. */
  readonly authnInstant?: string;
  /** `Ressource_URN`. Default `urn:dmp`. */
  readonly resourceUrn?: string;
  /** `VIHF_Version`. Default `3.0` (all official tokens; the 2024 table says 4.0). */
  readonly vihfVersion?: string;
  /** `Issuer` (X509SubjectName). Default: the signer's subject DN; required when unsigned without a signer. */
  readonly issuer?: string;
}
