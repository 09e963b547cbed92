/**
 * Hands out VIHF tokens per call. INDIRECTE_RENFORCEE tokens live 30 s and are single-use (CI-SIS
 * EX_AIR-040): every call gets a fresh one. Other tokens are reused while valid, keyed by their
 * input (so a different patient or user gets its own token).
 */
import type { Clock } from '../time.js';
import { systemClock } from '../time.js';
import { buildVihfToken, type VihfBuildOptions, type VihfToken } from './build.js';
import type { VihfInput } from './types.js';

/** Options of {@link VihfProvider}. */
export interface VihfProviderOptions extends Omit<VihfBuildOptions, 'now' | 'id'> {
  /** Clock (injectable for tests). */
  readonly now?: Clock;
  /**
   * How long a reusable token is handed out when it carries no `NotOnOrAfter` (official DIRECTE /
   * INDIRECTE tokens carry none). Default 300 s.
   */
  readonly reuseSeconds?: number;
  /** A token is not handed out in its last seconds of validity. Default 5 s. */
  readonly marginSeconds?: number;
  /** Maximum cached tokens (oldest evicted first). Default 64. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly token: VihfToken;
  readonly expiresAt: number;
}

/** Stable cache key of an input: keys sorted at every level. */
function cacheKey(input: VihfInput): string {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
          )
        : value;
  return JSON.stringify(sort(input));
}

/** A VIHF token source with reuse for the modes that allow it. */
export class VihfProvider {
  private readonly options: VihfProviderOptions;
  private readonly now: Clock;
  private readonly cache = new Map<string, Entry>();

  /** @param options - build options (signer, signature, …) plus cache settings */
  constructor(options: VihfProviderOptions = {}) {
    this.options = options;
    this.now = options.now ?? systemClock;
  }

  /** The XML of a token valid for one call with `input`. */
  async token(input: VihfInput): Promise<string> {
    return (await this.tokenWithInfo(input)).xml;
  }

  /** Same as {@link VihfProvider.token}, with the token's ID and validity. */
  async tokenWithInfo(input: VihfInput): Promise<VihfToken> {
    const { reuseSeconds = 300, marginSeconds = 5, maxEntries = 64, now: _now, ...build } = this.options;
    if (input.mode === 'INDIRECTE_RENFORCEE') return buildVihfToken(input, { ...build, now: this.now });
    const key = cacheKey(input);
    const nowMs = this.now().getTime();
    const hit = this.cache.get(key);
    if (hit && nowMs < hit.expiresAt) return hit.token;
    this.cache.delete(key);
    const token = await buildVihfToken(input, { ...build, now: this.now });
    const end = token.notOnOrAfter?.getTime() ?? token.issuedAt.getTime() + reuseSeconds * 1000;
    this.cache.set(key, { token, expiresAt: end - marginSeconds * 1000 });
    for (const [k, entry] of this.cache) {
      if (this.cache.size <= maxEntries && entry.expiresAt > nowMs) continue;
      this.cache.delete(k);
    }
    return token;
  }

  /** Drops every cached token (e.g. after a logout or a card removal). */
  clear(): void {
    this.cache.clear();
  }
}
