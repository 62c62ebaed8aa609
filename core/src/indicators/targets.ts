/**
 * Targets (目标值) per year and town: an officer's split of a county target must add up to it exactly; progress,
 * the projected year-end value and whether the figure is complete are computed, never typed in.
 */
import { Rational } from '../common/rational.ts';

export interface TownShare {
  town: string;
  value: Rational;
}

export type SplitCheck = { ok: true } | { ok: false; zh: string; en: string; difference: Rational };

/** A split must cover every town once and sum to the county target exactly. */
export function checkTownSplit(
  total: Rational,
  shares: readonly TownShare[],
  towns: readonly string[],
): SplitCheck {
  const seen = new Set<string>();
  for (const share of shares) {
    if (!towns.includes(share.town)) {
      return {
        ok: false,
        zh: `${share.town} 不是本县（市）的镇街`,
        en: `${share.town} is not a town of the county`,
        difference: Rational.ZERO,
      };
    }
    if (seen.has(share.town)) {
      return {
        ok: false,
        zh: `${share.town} 重复分配`,
        en: `${share.town} is listed twice`,
        difference: Rational.ZERO,
      };
    }
    if (share.value.sign() < 0) {
      return {
        ok: false,
        zh: `${share.town} 的目标不能为负数`,
        en: `the target of ${share.town} is negative`,
        difference: Rational.ZERO,
      };
    }
    seen.add(share.town);
  }
  const sum = shares.reduce((s, x) => s.add(x.value), Rational.ZERO);
  if (!sum.eq(total)) {
    const difference = total.sub(sum);
    const d = difference.abs().toDecimal(4);
    return {
      ok: false,
      zh: `各镇街目标合计 ${sum.toDecimal(4)}，与全市目标 ${total.toDecimal(4)} ${difference.sign() > 0 ? '还差' : '多出'} ${d}`,
      en: `the towns add up to ${sum.toDecimal(4)}, ${difference.sign() > 0 ? 'short of' : 'over'} the total ${total.toDecimal(4)} by ${d}`,
      difference,
    };
  }
  return { ok: true };
}

export interface Progress {
  /** actual ÷ target; null when the target is zero. */
  ratio: Rational | null;
  /** Linear projection to the year end for flows; the current value for year-end stocks. */
  projected: Rational;
  onTrack: boolean;
}

/**
 * Progress of a figure at `asOf` against its yearly target. Flows (`year`) are projected linearly by days elapsed
 * (a month-end figure of 1,000 on 30 June projects to about 2,011); stocks (`year-end`) are taken as they stand.
 */
export function progress(
  actual: Rational,
  target: Rational,
  period: 'year' | 'year-end',
  asOf: string,
): Progress {
  const year = Number(asOf.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const elapsed = (Date.parse(`${asOf}T00:00:00Z`) - start) / 86_400_000 + 1;
  const projected =
    period === 'year' ? actual.mul(Rational.of(daysInYear)).div(Rational.of(elapsed)) : actual;
  return {
    ratio: target.isZero() ? null : actual.div(target),
    projected,
    onTrack: projected.gte(target),
  };
}
