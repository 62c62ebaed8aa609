/**
 * Town assessment (市镇两级考核): each town's achievement on weighted indicators, ranked. Achievement of an indicator
 * = actual ÷ target, capped (120 % by default) so one indicator cannot carry a town; score = Σ weight × achievement,
 * out of the weights' sum. A town without a target or a figure for an indicator scores 0 on it and is marked
 * incomplete rather than silently ranked as if complete. Equal scores share a rank (1, 2, 2, 4).
 */
import { Rational } from '../common/rational.ts';

export interface WeightedIndicator {
  indicator: string;
  /** Points at 100 % achievement; a decimal number such as 12.5 is taken as written. */
  weight: number;
  /** This indicator's own cap on achievement; the ranking's cap when absent. */
  cap?: Rational;
}

export interface TownFigures {
  town: string;
  /** indicator → actual and target; null where not available. */
  figures: Record<string, { actual: Rational | null; target: Rational | null }>;
}

export interface TownScore {
  town: string;
  score: Rational;
  rank: number;
  complete: boolean;
  missing: string[];
  parts: { indicator: string; achievement: Rational | null; points: Rational }[];
}

export function rankTowns(
  towns: readonly TownFigures[],
  weights: readonly WeightedIndicator[],
  cap: Rational = Rational.percent(120),
): TownScore[] {
  const scored = towns.map((t) => {
    const missing: string[] = [];
    const parts = weights.map(({ indicator, weight, cap: own }) => {
      const f = t.figures[indicator];
      if (!f || f.actual === null || f.target === null || f.target.isZero()) {
        missing.push(indicator);
        return { indicator, achievement: null, points: Rational.ZERO };
      }
      const achievement = Rational.min(f.actual.div(f.target), own ?? cap);
      return { indicator, achievement, points: achievement.mul(Rational.fromNumber(weight)) };
    });
    const score = parts.reduce((s, p) => s.add(p.points), Rational.ZERO);
    return { town: t.town, score, rank: 0, complete: missing.length === 0, missing, parts };
  });
  scored.sort((a, b) => b.score.cmp(a.score) || (a.town < b.town ? -1 : a.town > b.town ? 1 : 0));
  scored.forEach((s, i) => {
    s.rank = i > 0 && s.score.eq(scored[i - 1]!.score) ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}
