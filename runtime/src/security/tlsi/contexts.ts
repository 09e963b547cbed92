/**
 * The two TLSi context headers, `ctxlps:ContexteLPS` (the software) and `ctxbam:ContexteBAM`
 * (the beneficiary), as plain values and as XML strings. Element order follows the Cnam XSDs
 * `ROOT_ctxlps_CTXLPS_V01_00.xsd` and `ROOT_ctxbam_CTXBAM_V01_02.xsd`. These are hand-written
 * until the generated header types exist; the value shapes mirror the XSDs one to one.
 */
import { randomUUID } from 'node:crypto';
import { invalidInput, type SecurityIssue } from '../errors.js';
import { formatInstant, systemClock, type Clock } from '../time.js';
import { escapeXml, isXmlChars } from '../../xml/escape.js';

/** Namespace of ContexteLPS. */
export const CTXLPS_NS = 'urn:siram:lps:ctxlps';
/** Namespace of ContexteBAM. */
export const CTXBAM_NS = 'urn:siram:bam:ctxbam';

/** `ContexteLPS` value (XSD type `ctxlps:ContexteLPS`). */
export interface ContexteLps {
  /** `@Version` (required): `01_00`. */
  readonly version: string;
  /** `@Nature`: `CTXLPS` or absent. */
  readonly nature?: 'CTXLPS';
  /** `Id`: a fresh UUID per message. */
  readonly id: string;
  /** `Temps`: xs:dateTime. */
  readonly temps: string;
  /** `Emetteur`: structure/PS identifier (optional). */
  readonly emetteur?: string;
  /** `LPS`: the software. */
  readonly lps?: {
    /** `IDAM` text: CNDA authorisation number of the software. */
    readonly idam?: string;
    /** `IDAM/@R`: `4`. */
    readonly idamR?: string;
    /** `Version`: software version. */
    readonly version?: string;
    /** `Instance`: installation UUID, stable per installation. */
    readonly instance?: string;
    /** `Nom`: `urn:lps:<name>:<version>`. */
    readonly nom?: string;
  };
}

/** NIR with key (`ctxbam:NIR`). */
export interface ContexteBamNir {
  /** 13 characters (`\d{6}[AB0-9]\d{6}`). */
  readonly num?: string;
  /** 2-digit key. */
  readonly cle?: string;
}

/** `ContexteBAM` value (XSD type `ctxbam:ContexteBAM`). */
export interface ContexteBam {
  /** `@Version` (required): `01_02`. */
  readonly version: string;
  /** `@Nature`: `CTXBAM` or absent. */
  readonly nature?: 'CTXBAM';
  /** `Id`: a fresh UUID per message. */
  readonly id: string;
  /** `Temps`: xs:dateTime. */
  readonly temps: string;
  /** `Emetteur` (optional). */
  readonly emetteur?: string;
  /** `DateRef`: xs:dateTime (optional). */
  readonly dateRef?: string;
  /** `COUVERTURE` (required, empty for an INSi traits search). */
  readonly couverture: {
    readonly grandRegime?: string;
    readonly organisme?: string;
    readonly codeCentre?: string;
    readonly assure?: { readonly id?: ContexteBamNir };
    readonly beneficiaire?: {
      readonly nir?: ContexteBamNir & { readonly dateCertification?: string };
      /** `DateNai`: `YYYY-MM-DD`, lunar dates allowed. */
      readonly dateNai?: string;
      readonly rang?: number;
      /** One digit. */
      readonly porteur?: string;
    };
  };
}

/** What identifies the software in {@link createContexteLps}. */
export interface LpsIdentity {
  /** CNDA authorisation number (`IDAM`, with `R="4"`). */
  readonly idam: string;
  /** Software name (goes into `Nom` = `urn:lps:<name>:<version>`). */
  readonly name: string;
  /** Software version. */
  readonly version: string;
  /** Installation UUID (see `readOrCreateInstanceId`). */
  readonly instance: string;
  /** `Emetteur` (optional). */
  readonly emetteur?: string;
}

/** Options shared by the context factories. */
export interface ContextOptions {
  /** Clock for `Temps`. */
  readonly now?: Clock;
  /** `Id` (default a fresh UUID). */
  readonly id?: string;
}

/** A `ContexteLPS` for one message: fixed parts from `identity`, fresh `Id` and `Temps`. */
export function createContexteLps(identity: LpsIdentity, options: ContextOptions & { version?: string; nature?: 'CTXLPS' | null } = {}): ContexteLps {
  const issues: SecurityIssue[] = [];
  for (const key of ['idam', 'name', 'version', 'instance'] as const) {
    if (typeof identity[key] !== 'string' || identity[key].trim() === '') issues.push({ path: key, message: 'is required' });
  }
  if (/:/.test(identity.name ?? '')) issues.push({ path: 'name', message: 'must not contain ":" (it is part of urn:lps:<name>:<version>)' });
  if (issues.length > 0) throw invalidInput('LPS identity', issues);
  const nature = options.nature === null ? undefined : (options.nature ?? 'CTXLPS');
  return {
    version: options.version ?? '01_00',
    ...(nature !== undefined && { nature }),
    id: options.id ?? randomUUID(),
    temps: formatInstant((options.now ?? systemClock)()),
    ...(identity.emetteur !== undefined && { emetteur: identity.emetteur }),
    lps: {
      idam: identity.idam,
      idamR: '4',
      version: identity.version,
      instance: identity.instance,
      nom: `urn:lps:${identity.name}:${identity.version}`,
    },
  };
}

/** A `ContexteBAM` for one message; `couverture` defaults to empty (INSi traits search). */
export function createContexteBam(
  fields: { emetteur?: string; dateRef?: string; couverture?: ContexteBam['couverture'] } = {},
  options: ContextOptions & { version?: string; nature?: 'CTXBAM' } = {},
): ContexteBam {
  return {
    version: options.version ?? '01_02',
    ...(options.nature !== undefined && { nature: options.nature }),
    id: options.id ?? randomUUID(),
    temps: formatInstant((options.now ?? systemClock)()),
    ...(fields.emetteur !== undefined && { emetteur: fields.emetteur }),
    ...(fields.dateRef !== undefined && { dateRef: fields.dateRef }),
    couverture: fields.couverture ?? {},
  };
}

/** Collects values for one XML element tree while checking they are XML-safe. */
class Writer {
  readonly issues: SecurityIssue[] = [];
  constructor(private readonly prefix: string) {}
  el(name: string, path: string, value: string | number | undefined): string {
    if (value === undefined) return '';
    const text = String(value);
    if (!isXmlChars(text)) {
      this.issues.push({ path, message: 'contains characters XML cannot carry' });
      return '';
    }
    return `<${this.prefix}:${name}>${escapeXml(text)}</${this.prefix}:${name}>`;
  }
  wrap(name: string, inner: string, always = false): string {
    return inner === '' && !always ? '' : `<${this.prefix}:${name}>${inner}</${this.prefix}:${name}>`;
  }
}

function attributes(version: string, nature: string | undefined): string {
  return `${nature === undefined ? '' : ` Nature="${escapeXml(nature, true)}"`} Version="${escapeXml(version, true)}"`;
}

/** `<ctxlps:ContexteLPS …>` XML (namespace declared on the element). */
export function contexteLpsXml(ctx: ContexteLps, prefix = 'ctxlps'): string {
  const w = new Writer(prefix);
  const lps = ctx.lps;
  const idam =
    lps?.idam === undefined
      ? ''
      : `<${prefix}:IDAM${lps.idamR === undefined ? '' : ` R="${escapeXml(lps.idamR, true)}"`}>${escapeXml(lps.idam)}</${prefix}:IDAM>`;
  const inner =
    w.el('Id', 'id', ctx.id) +
    w.el('Temps', 'temps', ctx.temps) +
    w.el('Emetteur', 'emetteur', ctx.emetteur) +
    (lps === undefined ? '' : w.wrap('LPS', idam + w.el('Version', 'lps.version', lps.version) + w.el('Instance', 'lps.instance', lps.instance) + w.el('Nom', 'lps.nom', lps.nom), true));
  if (lps?.idam !== undefined && !isXmlChars(lps.idam)) w.issues.push({ path: 'lps.idam', message: 'contains characters XML cannot carry' });
  if (w.issues.length > 0) throw invalidInput('ContexteLPS', w.issues);
  return `<${prefix}:ContexteLPS xmlns:${prefix}="${CTXLPS_NS}"${attributes(ctx.version, ctx.nature)}>${inner}</${prefix}:ContexteLPS>`;
}

/** `<ctxbam:ContexteBAM …>` XML (namespace declared on the element). */
export function contexteBamXml(ctx: ContexteBam, prefix = 'ctxbam'): string {
  const w = new Writer(prefix);
  const c = ctx.couverture;
  const nir = (n: ContexteBamNir | undefined, path: string): string => w.el('Num', `${path}.num`, n?.num) + w.el('Cle', `${path}.cle`, n?.cle);
  const b = c.beneficiaire;
  const beneficiaire =
    b === undefined
      ? ''
      : w.wrap(
          'BENEFICIAIRE',
          w.wrap('Nir', nir(b.nir, 'couverture.beneficiaire.nir') + w.el('DateCertification', 'couverture.beneficiaire.nir.dateCertification', b.nir?.dateCertification)) +
            w.el('DateNai', 'couverture.beneficiaire.dateNai', b.dateNai) +
            w.el('Rang', 'couverture.beneficiaire.rang', b.rang) +
            w.el('Porteur', 'couverture.beneficiaire.porteur', b.porteur),
          true,
        );
  const couverture =
    w.el('GrandRegime', 'couverture.grandRegime', c.grandRegime) +
    w.el('Organisme', 'couverture.organisme', c.organisme) +
    w.el('CodeCentre', 'couverture.codeCentre', c.codeCentre) +
    (c.assure === undefined ? '' : w.wrap('ASSURE', w.wrap('Id', nir(c.assure.id, 'couverture.assure.id')), true)) +
    beneficiaire;
  const inner =
    w.el('Id', 'id', ctx.id) +
    w.el('Temps', 'temps', ctx.temps) +
    w.el('Emetteur', 'emetteur', ctx.emetteur) +
    w.el('DateRef', 'dateRef', ctx.dateRef) +
    w.wrap('COUVERTURE', couverture, true);
  if (w.issues.length > 0) throw invalidInput('ContexteBAM', w.issues);
  return `<${prefix}:ContexteBAM xmlns:${prefix}="${CTXBAM_NS}"${attributes(ctx.version, ctx.nature)}>${inner}</${prefix}:ContexteBAM>`;
}
