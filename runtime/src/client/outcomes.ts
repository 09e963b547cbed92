/**
 * Business outcomes that are not SOAP faults and stay in the typed response: the XDS
 * `RegistryResponse` status and errors (ITI-18/41/43/57) and the INSi compte rendu (`CR`). These
 * helpers read the decoded shape (generated types or `volet decode` JSON), so tests and callers
 * need not know where each service puts them.
 */

/** XDS/ebRS response status, short form. */
export type RegistryStatus = 'Success' | 'Failure' | 'PartialSuccess';

/** One `rs:RegistryError`. */
export interface RegistryErrorInfo {
  readonly errorCode: string;
  readonly codeContext: string;
  /** Short severity (`Error`, `Warning`) from the severity URN (ebRS default: Error). */
  readonly severity: string;
  readonly location?: string;
  /** Text content of the element, when any. */
  readonly text?: string;
}

type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The RegistryResponseType value in `resp`: itself (RegistryResponse, AdhocQueryResponse) or its `RegistryResponse` child (RetrieveDocumentSetResponse). */
function registryResponse(resp: unknown): Obj | undefined {
  if (!isObject(resp)) return undefined;
  if (typeof resp.status === 'string') return resp;
  const inner = resp.RegistryResponse;
  return isObject(inner) && typeof inner.status === 'string' ? inner : undefined;
}

/** The last segment of a URN (`…:ResponseStatusType:Success` → `Success`). */
function lastSegment(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}

/**
 * The status of an XDS response: `Success`, `Failure`, `PartialSuccess` (ebRS and IHE URNs), the
 * last URN segment for another value, or undefined when `resp` holds no RegistryResponse.
 * @param resp - a decoded `RegistryResponse`, `AdhocQueryResponse` or `RetrieveDocumentSetResponse`
 */
export function registryResponseStatus(resp: unknown): RegistryStatus | string | undefined {
  const r = registryResponse(resp);
  return r === undefined ? undefined : lastSegment(r.status as string);
}

/**
 * The `RegistryError`s of an XDS response (empty when none).
 * @param resp - as for {@link registryResponseStatus}
 */
export function registryErrors(resp: unknown): RegistryErrorInfo[] {
  const list = registryResponse(resp)?.RegistryErrorList;
  if (!isObject(list) || !Array.isArray(list.RegistryError)) return [];
  return list.RegistryError.filter(isObject).map((e) => {
    const info: { -readonly [K in keyof RegistryErrorInfo]: RegistryErrorInfo[K] } = {
      errorCode: typeof e.errorCode === 'string' ? e.errorCode : '',
      codeContext: typeof e.codeContext === 'string' ? e.codeContext : '',
      severity: typeof e.severity === 'string' ? lastSegment(e.severity) : 'Error',
    };
    if (typeof e.location === 'string') info.location = e.location;
    if (typeof e.$value === 'string' && e.$value.trim() !== '') info.text = e.$value;
    return info;
  });
}

/** What an INSi search found. */
export interface InsiResult {
  /** `CodeCR`: `00` one identity, `01` none, `02` several. */
  readonly code: string;
  /** `LibelleCR`. */
  readonly label: string | undefined;
  /** The code's meaning (`unknown` for a code outside 00/01/02). */
  readonly outcome: 'found' | 'not-found' | 'several' | 'unknown';
  /** The `INDIVIDU` (present with code 00). */
  readonly individu: unknown;
}

const INSI_OUTCOMES: Readonly<Record<string, InsiResult['outcome']>> = { '00': 'found', '01': 'not-found', '02': 'several' };

/**
 * The compte rendu of an INSi `RESULTAT`, or undefined when `resp` has no `CR/CodeCR`.
 * @param resp - a decoded `RESULTAT`
 */
export function insiResult(resp: unknown): InsiResult | undefined {
  if (!isObject(resp) || !isObject(resp.CR) || typeof resp.CR.CodeCR !== 'string') return undefined;
  const code = resp.CR.CodeCR.trim();
  return {
    code,
    label: typeof resp.CR.LibelleCR === 'string' ? resp.CR.LibelleCR : undefined,
    outcome: INSI_OUTCOMES[code] ?? 'unknown',
    individu: resp.INDIVIDU,
  };
}
