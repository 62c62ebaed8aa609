import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { toFieldErrors } from '../common/validation-messages.ts';
import { growthRate } from './growth.ts';
import { growthBand, ipCountBand, transformationBand } from './hnte-score.bands.ts';
import { hnteScoreInput, type HnteScoreRawInput } from './hnte-score.contract.ts';
import { growthFigures, scoreHnte } from './hnte-score.rules.ts';

const score = (raw: HnteScoreRawInput) => scoreHnte(hnteScoreInput.parse(raw));
const series = (...v: number[]) => v.map((x) => BigInt(x));

function rateOf(...v: number[]): Rational {
  const o = growthRate(series(...v));
  if (o.kind !== 'rate') throw new Error(`no rate: ${o.kind}`);
  return o.rate;
}

/** A full score sheet; the growth figures give net assets +30 %/yr (B) and sales +20 %/yr (C). */
function sheet(over: Partial<HnteScoreRawInput> = {}): HnteScoreRawInput {
  return {
    ip: {
      advanced: { band: 'B', points: 6 },
      coreSupport: { band: 'B', points: 6 },
      count: { countI: 0, countII: 5, points: 5 },
      acquisition: { band: 'A', points: 5 },
      standards: { band: 'B' },
    },
    transformation: { conversions: 12, years: 3, points: 19 },
    rdManagement: { system: 5, institution: 4, transformation: 3, talent: 3 },
    growth: {
      netAssetsFen: [100_000, 130_000, 169_000],
      salesFen: [100_000, 120_000, 144_000],
      netAssetsPoints: 7,
      salesPoints: 5,
    },
    ...over,
  };
}

describe('知识产权数量 band', () => {
  it('gives A for any class Ⅰ right whatever the class Ⅱ count', () => {
    expect(ipCountBand(1, 0)).toBe('A');
    expect(ipCountBand(2, 9)).toBe('A');
  });
  it('bands class Ⅱ counts at 5, 3–4, 1–2 and 0', () => {
    expect([5, 4, 3, 2, 1, 0].map((n) => ipCountBand(0, n))).toEqual(['B', 'C', 'C', 'D', 'D', 'E']);
  });
});

describe('科技成果转化 band by yearly average', () => {
  it('puts each integer average on its band edge', () => {
    expect([5, 4, 3, 2, 1, 0].map((n) => transformationBand(Rational.of(n)))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
    ]);
  });
  it('keeps averages just under an edge in the lower band', () => {
    expect(transformationBand(Rational.of(14, 3))).toBe('B');
    expect(transformationBand(Rational.of(5, 3))).toBe('E');
  });
  it('grades an average strictly between 0 and 1 as F (I-06, HNTE-TR-04)', () => {
    expect(transformationBand(Rational.of(2, 3))).toBe('F');
    const r = score(sheet({ transformation: { conversions: 2, years: 3 } }));
    const item = r.indicators[1]?.items[0];
    expect(item?.band).toBe('F');
    expect(item?.points).toBe(0);
    expect(item?.interpretation).toBe('I-06');
  });
  it('divides by the actual operating years when fewer than three (HNTE-TR-05)', () => {
    const r = score(sheet({ transformation: { conversions: 8, years: 2 } }));
    expect(r.indicators[1]?.items[0]?.band).toBe('B');
    expect(r.indicators[1]?.items[0]?.range).toEqual({ min: 19, max: 24 });
  });
});

describe('企业成长性 growth rate (exact)', () => {
  it('lands exactly on 35/25/15/5 % and on their bands', () => {
    const edges: [number[], string, string][] = [
      [[1_000_000, 1_350_000, 1_822_500], '7/20', 'A'],
      [[1_000_000, 1_250_000, 1_562_500], '1/4', 'B'],
      [[1_000_000, 1_150_000, 1_322_500], '3/20', 'C'], // HNTE-GR-12
      [[1_000_000, 1_050_000, 1_102_500], '1/20', 'D'],
    ];
    for (const [values, rate, band] of edges) {
      const r = rateOf(...values);
      expect(r.toString()).toBe(rate);
      expect(growthBand(r)).toBe(band);
    }
  });

  it('falls into the lower band one 分 below each edge', () => {
    expect(growthBand(rateOf(1_000_000, 1_350_000, 1_822_499))).toBe('B');
    expect(growthBand(rateOf(1_000_000, 1_250_000, 1_562_499))).toBe('C');
    expect(growthBand(rateOf(1_000_000, 1_150_000, 1_322_499))).toBe('D');
    expect(growthBand(rateOf(1_000_000, 1_050_000, 1_102_499))).toBe('E');
  });

  it('gives F at exactly 0 % and E just above it', () => {
    expect(growthBand(rateOf(100, 100, 100))).toBe('F');
    expect(growthBand(rateOf(100, 100, 101))).toBe('E');
    expect(growthBand(rateOf(100, 90, 80))).toBe('F');
  });

  it('uses the mean of two yearly ratios, not a compound rate (HNTE-GR-11)', () => {
    // 100 → 200 → 200: ratios 2 and 1, mean 1.5 → 50 %; CAGR would be ≈ 41.4 %.
    expect(rateOf(100, 200, 200).toString()).toBe('1/2');
  });

  it('scores 0 when the second year is zero', () => {
    expect(growthRate(series(100, 0, 500))).toEqual({ kind: 'zero-points', reason: 'second-year-zero' });
  });

  it('uses the last two years when the first year is zero', () => {
    const o = growthRate(series(0, 100, 150));
    expect(o.kind === 'rate' && o.formula).toBe('last-two-years');
    expect(o.kind === 'rate' && o.rate.toString()).toBe('1/2');
  });

  it('uses second ÷ first − 1 for two operating years and 0 for one (I-07)', () => {
    const two = growthRate(series(100, 130));
    expect(two.kind === 'rate' && two.rate.toString()).toBe('3/10');
    expect(two.kind === 'rate' && two.interpretation).toBe('I-07');
    expect(growthRate(series(100))).toEqual({
      kind: 'zero-points',
      reason: 'one-year-only',
      interpretation: 'I-07',
    });
    expect(growthRate(series(0, 100)).kind).toBe('zero-points');
    expect(growthRate(series(100, 0)).kind).toBe('zero-points');
    expect(growthRate([])).toEqual({ kind: 'missing' });
  });

  it('scores 0 on a negative net-asset base (I-08) but computes a negative third year', () => {
    expect(growthRate(series(-100, 50, 100))).toEqual({
      kind: 'zero-points',
      reason: 'negative-base',
      interpretation: 'I-08',
    });
    expect(growthRate(series(0, -50, 100)).kind).toBe('zero-points');
    expect(growthBand(rateOf(100, 100, -100))).toBe('F');
  });

  it('reports the rate as fraction and percentage for reports', () => {
    expect(growthFigures(series(1_000_000, 1_150_000, 1_322_500))).toEqual({
      rate: '3/20',
      ratePct: '15',
      band: 'C',
    });
    expect(growthFigures(series(1))).toEqual({ rate: null, ratePct: null, band: 'F' });
  });
});

describe('innovation score totals', () => {
  it('adds the four indicators when every score is given', () => {
    const r = score(sheet());
    // IP 6+6+5+5+0 = 22; transformation 19; management 15; growth 7+5 = 12.
    expect(r.indicators.map((i) => i.points)).toEqual([22, 19, 15, 12]);
    expect(r.total).toBe(68);
    expect(r.pass).toBe(false);
    expect(r.criteria[0]?.gap?.zh).toBe('创新能力评价还差 3 分');
  });

  it('fails at 70 and passes at 71', () => {
    const at70 = score(sheet({ rdManagement: { system: 6, institution: 5, transformation: 3, talent: 3 } }));
    expect(at70.total).toBe(70);
    expect(at70.pass).toBe(false);
    const at71 = score(sheet({ rdManagement: { system: 6, institution: 6, transformation: 3, talent: 3 } }));
    expect(at71.total).toBe(71);
    expect(at71.pass).toBe(true);
  });

  it('clamps 知识产权 at 30 including the standards bonus', () => {
    const r = score(
      sheet({
        ip: {
          advanced: { band: 'A', points: 8 },
          coreSupport: { band: 'A', points: 8 },
          count: { countI: 1, countII: 0, points: 8 },
          acquisition: { band: 'A', points: 5 },
          standards: { band: 'A', points: 2 },
        },
      }),
    );
    expect(r.ipRaw).toBe(31);
    expect(r.indicators[0]?.points).toBe(30);
  });

  it('fixes single-value bands without an expert score', () => {
    const r = score(
      sheet({
        ip: {
          advanced: { band: 'E' },
          coreSupport: { band: 'E' },
          count: { countI: 0, countII: 0 },
          standards: { band: 'B' },
        },
      }),
    );
    const ip = r.indicators[0];
    expect(ip?.items.map((i) => i.points)).toEqual([0, 0, 0, 0, 0]);
    expect(ip?.items[3]?.interpretation).toBe('I-05');
    expect(ip?.points).toBe(0);
  });
});

describe('computed-bands view', () => {
  it('shows each band, the allowed ranges and the min/max total when experts have not scored', () => {
    const r = score({
      ip: { count: { countI: 0, countII: 3 } },
      transformation: { conversions: 15, years: 3 },
      growth: { netAssetsFen: [10_000, 13_500, 18_225], salesFen: [100, 100, 100] },
    });
    const [ip, tr, mg, gr] = r.indicators;
    expect(ip?.items.find((i) => i.id === 'ip.count')).toMatchObject({
      band: 'C',
      bandSource: 'data',
      range: { min: 3, max: 4 },
    });
    expect(ip?.items.find((i) => i.id === 'ip.advanced')?.bands.map((b) => [b.band, b.min, b.max])).toEqual([
      ['A', 7, 8],
      ['B', 5, 6],
      ['C', 3, 4],
      ['D', 1, 2],
      ['E', 0, 0],
    ]);
    expect(ip?.range).toEqual({ min: 3, max: 28 });
    expect(tr?.range).toEqual({ min: 25, max: 30 });
    expect(mg?.range).toEqual({ min: 0, max: 20 });
    expect(gr?.items.map((i) => i.band)).toEqual(['A', 'F']);
    expect(gr?.range).toEqual({ min: 9, max: 10 });
    expect(r.minTotal).toBe(37);
    expect(r.maxTotal).toBe(88);
    expect(r.total).toBeNull();
    expect(r.pass).toBeNull();
    expect(r.canPass).toBe(true);
    expect(r.certainPass).toBe(false);
  });

  it('says the enterprise cannot pass when even the best case stays at 70 or below', () => {
    const r = score({
      ip: {
        count: { countI: 0, countII: 0 },
        advanced: { band: 'E' },
        coreSupport: { band: 'C' },
        standards: { band: 'B' },
      },
      transformation: { conversions: 0, years: 3 },
      growth: { netAssetsFen: [100, 100, 100], salesFen: [100, 90, 80] },
    });
    expect(r.maxTotal).toBe(24);
    expect(r.canPass).toBe(false);
    expect(r.pass).toBe(false);
    expect(r.criteria[0]?.gap?.zh).toBe('创新能力评价还差 47 分');
  });

  it('is certain to pass when even the worst case reaches 71', () => {
    const r = score(
      sheet({
        rdManagement: { system: 6, institution: 6, transformation: 4, talent: 4 },
        transformation: { conversions: 15, years: 3 },
      }),
    );
    expect(r.minTotal).toBeGreaterThanOrEqual(71);
    expect(r.certainPass).toBe(true);
    expect(r.pass).toBe(true);
    expect(r.total).toBeNull();
  });
});

describe('innovation score — invalid input', () => {
  function fields(raw: unknown) {
    const r = hnteScoreInput.safeParse(raw);
    if (r.success) throw new Error('expected errors');
    return toFieldErrors(r.error.issues, 'zh-CN');
  }

  it('rejects an expert score outside the chosen band with the range named', () => {
    const [e] = fields({ ip: { advanced: { band: 'A', points: 6 } } });
    expect(e?.field).toBe('ip.advanced.points');
    expect(e?.message).toContain('7–8');
  });

  it('rejects a score outside the band computed from the data', () => {
    expect(fields({ ip: { count: { countI: 0, countII: 3, points: 5 } } })[0]?.message).toContain(
      '按数据计算',
    );
    expect(fields({ transformation: { conversions: 15, years: 3, points: 24 } })[0]?.field).toBe(
      'transformation.points',
    );
    expect(fields({ growth: { salesFen: [100, 100, 100], salesPoints: 1 } })[0]?.field).toBe(
      'growth.salesPoints',
    );
  });

  it('rejects growth points without figures, acquisition scores without IP and unknown bands', () => {
    expect(fields({ growth: { netAssetsPoints: 5 } })[0]?.rule).toBe('points_without_data');
    expect(
      fields({ ip: { count: { countI: 0, countII: 0 }, acquisition: { band: 'A', points: 3 } } })[0]?.rule,
    ).toBe('acquisition_without_ip');
    expect(fields({ ip: { advanced: { band: 'F' } } })[0]?.field).toBe('ip.advanced.band');
    expect(fields({ rdManagement: { system: 7 } })[0]?.field).toBe('rdManagement.system');
    expect(fields({ transformation: { conversions: 1, years: 4 } })[0]?.field).toBe('transformation.years');
    expect(fields({ ip: { acquisition: { band: 'B', points: 4 } } })[0]?.message).toContain('1–3');
  });
});

describe('innovation score — what is still to be scored', () => {
  it('lists the input paths of the missing expert scores', () => {
    const r = score({
      ip: { advanced: { band: 'B' }, count: { countI: 0, countII: 1, points: 2 } },
      transformation: { conversions: 9, years: 3 },
    });
    expect(r.unscored).toEqual([
      'ip.advanced.points',
      'ip.coreSupport.points',
      'ip.acquisition.points',
      'ip.standards.points',
      'transformation.points',
      'rdManagement.system',
      'rdManagement.institution',
      'rdManagement.transformation',
      'rdManagement.talent',
      'growth.netAssetsPoints',
      'growth.salesPoints',
    ]);
    expect(r.criteria[0]?.missing).toEqual(r.unscored);
    expect(score(sheet()).unscored).toEqual([]);
  });
});
