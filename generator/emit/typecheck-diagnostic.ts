/**
 * One compiler error in generated code. A module of its own, without ts-morph, so that the
 * programmatic API's declarations can name it without pulling in ts-morph's (TypeScript's) own.
 */
export interface TypecheckDiagnostic {
  /** The file, relative to the current folder when inside it, `/` separators. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The TypeScript error number (`TS<code>`). */
  code: number;
}
