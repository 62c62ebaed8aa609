/** What every part of the registry generator shares: the towns, the scale, the demo's calendar, search tokens. */
import { segmentForIndex } from '../../../platform/search/index.ts';
import { TOWN_WEIGHTS } from './industries.data.ts';
import { parseDay, WeightedPicker } from './rng.ts';

export interface Town {
  code: string;
  name: string;
  kind: 'street' | 'town' | 'zone';
}

export interface SeedContext {
  /** Multiplies enterprises, experts and patents; qualifications and honours shrink with it below 1 only. */
  scale: number;
  /** Today as a day number: only "work in progress" (expiring qualifications) is dated from it. */
  today: number;
  towns: readonly Town[];
  townByCode: ReadonlyMap<string, Town>;
  /** Towns weighted by their share of the county's enterprises. */
  townPicker: WeightedPicker<Town>;
  tokens: TokenCache;
}

/** The last day of the generated history: 2017 reproduces the summary, 2018 is the year of targets. */
export const HISTORY_END = parseDay('2018-12-31');
/** The day the 2017 summary counts at (year-end stock figures such as valid invention patents). */
export const SUMMARY_DAY = parseDay('2017-12-31');

export function createContext(towns: readonly Town[], scale: number, today: number): SeedContext {
  if (towns.length === 0)
    throw new Error('no towns, streets or zones in table divisions; load the reference data first');
  return {
    scale,
    today,
    towns,
    townByCode: new Map(towns.map((t) => [t.code, t])),
    townPicker: new WeightedPicker(
      towns,
      towns.map((t) => TOWN_WEIGHTS[t.code] ?? 1),
    ),
    tokens: new TokenCache(),
  };
}

/**
 * `segmentForIndex(...parts)` with each part segmented once: titles and names repeat across thousands of
 * generated rows, and segmentation is the costly step. The union of the parts' tokens is exactly what
 * `segmentForIndex` returns for the same parts.
 */
export class TokenCache {
  private readonly cache = new Map<string, readonly string[]>();

  private tokensOf(part: string): readonly string[] {
    let tokens = this.cache.get(part);
    if (!tokens) {
      const text = segmentForIndex(part);
      tokens = text === '' ? [] : text.split(' ');
      this.cache.set(part, tokens);
    }
    return tokens;
  }

  index(...parts: (string | null | undefined)[]): string {
    const present = parts.filter((p): p is string => typeof p === 'string' && p !== '');
    if (present.length === 1) return this.tokensOf(present[0] as string).join(' ');
    const all = new Set<string>();
    for (const part of present) for (const token of this.tokensOf(part)) all.add(token);
    return [...all].join(' ');
  }
}
