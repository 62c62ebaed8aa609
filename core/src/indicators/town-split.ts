/**
 * Splitting a county target among the towns in proportion to a basis (each town's figure of the year before), by
 * the largest-remainder method (Hamilton): every town gets the whole units of its exact quota, and the units left
 * over go one each to the largest remainders, ties to the earlier town in the given (official) order. The shares
 * add up to the total exactly. A unit is 1 for a whole-number total, else 1 ÷ the total's denominator (0.5 for
 * 12.5). When the basis is zero everywhere, the towns count equally.
 */
import { Rational } from '../common/rational.ts';
import type { TownShare } from './targets.ts';

export interface TownBasis {
  town: string;
  /** Non-negative; the town's share of the total is basis ÷ Σ basis. */
  basis: Rational;
}

export function splitByLargestRemainder(total: Rational, towns: readonly TownBasis[]): TownShare[] {
  if (towns.length === 0) return [];
  if (total.sign() < 0) throw new RangeError('the total to split must not be negative');
  if (towns.some((t) => t.basis.sign() < 0)) throw new RangeError('a basis must not be negative');
  const sum = towns.reduce((s, t) => s.add(t.basis), Rational.ZERO);
  const basisOf = (t: TownBasis) => (sum.isZero() ? Rational.ONE : t.basis);
  const whole = sum.isZero() ? Rational.of(towns.length) : sum;
  const unit = Rational.of(1n, total.den);
  // The total in units is a whole number by the choice of unit.
  const units = total.div(unit).num;
  const quotas = towns.map((t, i) => {
    const quota = Rational.of(units).mul(basisOf(t)).div(whole);
    const floor = quota.floor();
    return { i, floor, remainder: quota.sub(Rational.of(floor)) };
  });
  let left = units - quotas.reduce((s, q) => s + q.floor, 0n);
  const order = [...quotas].sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  const extra = new Set<number>();
  for (const q of order) {
    if (left <= 0n) break;
    extra.add(q.i);
    left -= 1n;
  }
  return towns.map((t, i) => ({
    town: t.town,
    value: Rational.of(quotas[i]!.floor + (extra.has(i) ? 1n : 0n)).mul(unit),
  }));
}
