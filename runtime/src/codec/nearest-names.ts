/**
 * "Did you mean …?" for misspelt property names: the known names nearest to an unknown one by
 * edit distance (case differences count half), so an error can name what was probably meant.
 */

/** Edit distance (insertions, deletions, substitutions; a change of case alone costs 0.5). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1];
      const y = b[j - 1];
      const cost = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.5 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The names of `known` nearest to `name` (at most `limit`, closest first), among those close
 * enough to be a plausible misspelling (a third of the length, at least 2 edits) or that contain
 * it or are contained in it; empty when none is.
 */
export function nearestNames(name: string, known: Iterable<string>, limit = 3): string[] {
  const scored: { name: string; d: number }[] = [];
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = distance(name, k);
    const kl = k.toLowerCase();
    const related = lower.length >= 3 && (kl.includes(lower) || lower.includes(kl));
    if (d <= Math.max(2, Math.floor(Math.max(name.length, k.length) / 3)) || related) scored.push({ name: k, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.name < y.name ? -1 : 1));
  // Only the nearest: a far second guess misleads more than it helps.
  const best = scored[0]?.d ?? 0;
  return scored
    .filter((s) => s.d <= best + 1)
    .slice(0, limit)
    .map((s) => s.name);
}

/** ` (did you mean A or B?)`, or `` when nothing is near; `expected` lists the names when few. */
export function didYouMean(name: string, known: readonly string[]): string {
  const near = nearestNames(name, known);
  if (near.length > 0) return ` (did you mean ${near.join(' or ')}?)`;
  if (known.length === 0) return ' (no property is expected here)';
  return known.length <= 8 ? ` (expected: ${known.join(', ')})` : '';
}
