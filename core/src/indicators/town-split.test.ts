import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { checkTownSplit } from './targets.ts';
import { splitByLargestRemainder } from './town-split.ts';

const r = (n: number | string) => (typeof n === 'string' ? Rational.parse(n) : Rational.of(n));
const shown = (shares: { town: string; value: Rational }[]) =>
  Object.fromEntries(shares.map((s) => [s.town, s.value.toDecimal(6)]));

describe('splitByLargestRemainder', () => {
  it('gives whole quotas and the left-over units to the largest remainders', () => {
    // 100 × 5/12 = 41.67, × 4/12 = 33.33, × 3/12 = 25: floors 41 + 33 + 25 = 99; the one unit left goes to A (0.67).
    const shares = splitByLargestRemainder(r(100), [
      { town: 'A', basis: r(5) },
      { town: 'B', basis: r(4) },
      { town: 'C', basis: r(3) },
    ]);
    expect(shown(shares)).toEqual({ A: '42', B: '33', C: '25' });
    expect(checkTownSplit(r(100), shares, ['A', 'B', 'C'])).toEqual({ ok: true });
  });

  it('breaks equal remainders in the towns’ order and splits evenly on a zero basis', () => {
    // 10 ÷ 3 = 3.33 each: 3 + 3 + 3, the one unit left to the first town.
    const even = splitByLargestRemainder(r(10), [
      { town: 'A', basis: r(0) },
      { town: 'B', basis: r(0) },
      { town: 'C', basis: r(0) },
    ]);
    expect(shown(even)).toEqual({ A: '4', B: '3', C: '3' });
    const tied = splitByLargestRemainder(r(3), [
      { town: 'A', basis: r(1) },
      { town: 'B', basis: r(1) },
    ]);
    expect(shown(tied)).toEqual({ A: '2', B: '1' });
  });

  it('splits a decimal total in units of its last digit, and gives a town without a basis nothing', () => {
    const shares = splitByLargestRemainder(r('12.5'), [
      { town: 'A', basis: r(1) },
      { town: 'B', basis: r(2) },
      { town: 'C', basis: r(0) },
    ]);
    // 25 half-units: 8.33 and 16.67 → 8 and 17 halves.
    expect(shown(shares)).toEqual({ A: '4', B: '8.5', C: '0' });
    expect(checkTownSplit(r('12.5'), shares, ['A', 'B', 'C'])).toEqual({ ok: true });
  });

  it('refuses a negative total or basis and returns nothing for no towns', () => {
    expect(splitByLargestRemainder(r(5), [])).toEqual([]);
    expect(() => splitByLargestRemainder(r(-1), [{ town: 'A', basis: r(1) }])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(r(1), [{ town: 'A', basis: r(-1) }])).toThrow(RangeError);
  });
});
