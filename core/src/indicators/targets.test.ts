import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { checkTownSplit, progress } from './targets.ts';
import { rankTowns } from './town-ranking.ts';

const r = (n: number) => Rational.of(n);
const TOWNS = ['350582100', '350582101', '350582102'];

describe('checkTownSplit', () => {
  it('accepts a split that adds up to the county target exactly', () => {
    expect(
      checkTownSplit(
        r(12000),
        [
          { town: TOWNS[0]!, value: r(5000) },
          { town: TOWNS[1]!, value: r(4000) },
          { town: TOWNS[2]!, value: r(3000) },
        ],
        TOWNS,
      ),
    ).toEqual({ ok: true });
  });

  it('says how far the split is short of the target', () => {
    expect(
      checkTownSplit(
        r(12000),
        [
          { town: TOWNS[0]!, value: r(5000) },
          { town: TOWNS[1]!, value: r(6800) },
        ],
        TOWNS,
      ),
    ).toMatchObject({
      ok: false,
      zh: '各镇街目标合计 11800，与全市目标 12000 还差 200',
    });
    expect(
      checkTownSplit(r(100), [{ town: TOWNS[0]!, value: Rational.parse('100.5') }], TOWNS),
    ).toMatchObject({
      ok: false,
      en: 'the towns add up to 100.5, over the total 100 by 0.5',
    });
  });

  it('rejects an unknown town, a town listed twice and a negative share', () => {
    expect(checkTownSplit(r(1), [{ town: '350583100', value: r(1) }], TOWNS)).toMatchObject({
      ok: false,
      zh: '350583100 不是本县（市）的镇街',
    });
    expect(
      checkTownSplit(
        r(2),
        [
          { town: TOWNS[0]!, value: r(1) },
          { town: TOWNS[0]!, value: r(1) },
        ],
        TOWNS,
      ),
    ).toMatchObject({ ok: false, zh: `${TOWNS[0]} 重复分配` });
    expect(
      checkTownSplit(
        r(0),
        [
          { town: TOWNS[0]!, value: r(-1) },
          { town: TOWNS[1]!, value: r(1) },
        ],
        TOWNS,
      ),
    ).toMatchObject({ ok: false });
  });
});

describe('progress', () => {
  it('projects a flow linearly by the days elapsed', () => {
    // 30 June 2018 is day 181 of 365: 6,000 applications project to 6,000 × 365 / 181.
    const p = progress(r(6000), r(12000), 'year', '2018-06-30');
    expect(p.projected.eq(Rational.of(6000 * 365, 181))).toBe(true);
    expect(p.onTrack).toBe(true);
    expect(p.ratio?.toString()).toBe('1/2');
  });

  it('takes a stock as it stands and has no ratio against a zero target', () => {
    const p = progress(r(95), r(100), 'year-end', '2018-06-30');
    expect(p).toMatchObject({ onTrack: false });
    expect(p.projected.toString()).toBe('95');
    expect(progress(r(3), r(0), 'year', '2018-12-31').ratio).toBeNull();
  });
});

describe('rankTowns', () => {
  const weights = [
    { indicator: 'hnte.count', weight: 60 },
    { indicator: 'patents.applications', weight: 40 },
  ];
  const town = (code: string, hnte: [number, number] | null, apps: [number, number]) => ({
    town: code,
    figures: {
      'hnte.count': hnte ? { actual: r(hnte[0]), target: r(hnte[1]) } : { actual: null, target: r(10) },
      'patents.applications': { actual: r(apps[0]), target: r(apps[1]) },
    },
  });

  it('caps an indicator at 120 %, shares ranks on equal scores and marks a town with a missing figure incomplete', () => {
    const result = rankTowns(
      [
        town('A', [30, 10], [50, 100]),
        town('B', [10, 10], [100, 100]),
        town('C', [10, 10], [100, 100]),
        town('D', null, [200, 100]),
      ],
      weights,
    );
    expect(result.map((t) => [t.town, t.score.toString(), t.rank, t.complete])).toEqual([
      ['B', '100', 1, true],
      ['C', '100', 1, true],
      ['A', '92', 3, true],
      ['D', '48', 4, false],
    ]);
    expect(result[3]!.missing).toEqual(['hnte.count']);
  });
});
