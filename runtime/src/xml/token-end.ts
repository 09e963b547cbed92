/**
 * Finds where a long markup token (a tag with a huge attribute value, a comment, a CDATA section,
 * a processing instruction) ends while it arrives in chunks. The reader keeps the chunks aside and
 * joins them once, when the end has arrived, instead of joining and rescanning at every chunk
 * (which would be quadratic in the token's length).
 */

const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const GT = 0x3e;
const QUESTION = 0x3f;
const RBRACKET = 0x5d;

const TAG = 0;
const COMMENT = 1;
const CDATA = 2;
const PI = 3;

/** The end finder of one token; feed it the token's text in order. */
export class TokenEnd {
  /** Tag: the quote of the attribute value being read, 0 outside values. */
  private quote = 0;
  /** Comment, CDATA, PI: how many characters of the terminator's beginning end the text so far. */
  private run = 0;

  private constructor(private readonly kind: number) {}

  /**
   * The finder for the token starting at `s[start]` (a `<`), already run over the rest of `s`;
   * null when `s` does not show yet what the token is.
   */
  static at(s: string, start: number): TokenEnd | null {
    let kind: number;
    let from: number;
    if (s.startsWith('<!--', start)) [kind, from] = [COMMENT, start + 4];
    else if (s.startsWith('<![CDATA[', start)) [kind, from] = [CDATA, start + 9];
    else if (s.startsWith('<?', start)) [kind, from] = [PI, start + 2];
    else if (s.charCodeAt(start) === 0x3c && s.charCodeAt(start + 1) !== 0x21) [kind, from] = [TAG, start + 1];
    else return null;
    const finder = new TokenEnd(kind);
    return finder.find(s, from) < 0 ? finder : null;
  }

  /** The index just after the token's end in `s` (scanning from `from`), or -1 when it is not there. */
  find(s: string, from: number): number {
    const n = s.length;
    if (this.kind === TAG) {
      let quote = this.quote;
      for (let i = from; i < n; i++) {
        const c = s.charCodeAt(i);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === DQUOTE || c === SQUOTE) {
          quote = c;
        } else if (c === GT) {
          return i + 1;
        }
      }
      this.quote = quote;
      return -1;
    }
    const mark = this.kind === COMMENT ? DASH : this.kind === CDATA ? RBRACKET : QUESTION;
    const needed = this.kind === PI ? 1 : 2;
    let run = this.run;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === GT && run >= needed) return i + 1;
      run = c === mark ? run + 1 : 0;
    }
    this.run = run;
    return -1;
  }
}
