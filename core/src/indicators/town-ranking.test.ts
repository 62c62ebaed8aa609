import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { rankTowns } from './town-ranking.ts';

const r = (n: number) => Rational.of(n);

describe('rankTowns with per-indicator caps and decimal weights', () => {
  it('caps each indicator at its own cap and takes a decimal weight as written', () => {
    const [a] = rankTowns(
      [{ town: 'A', figures: { x: { actual: r(30), target: r(10) }, y: { actual: r(1), target: r(4) } } }],
      [
        { indicator: 'x', weight: 10, cap: Rational.percent(150) },
        { indicator: 'y', weight: 12.5 },
      ],
    );
    // x: 300 % capped at 150 % → 15 points; y: 25 % × 12.5 = 3.125; total 18.125.
    expect(a!.parts.map((p) => p.points.toDecimal(6))).toEqual(['15', '3.125']);
    expect(a!.score.eq(Rational.parse('18.125'))).toBe(true);
  });
});
