import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/validation-messages.ts';
import {
  assessHnte,
  derivedGrowthSeries,
  hnteAssessmentInput,
  type HnteAssessmentRawInput,
} from './hnte-assessment.rules.ts';

const WAN = 1_000_000;

function raw(over: Partial<HnteAssessmentRawInput> = {}): HnteAssessmentRawInput {
  return {
    assessmentDate: '2024-05-20',
    registrationDate: '2015-01-01',
    hasCoreIpOwnership: true,
    techInKeyFields: true,
    majorIncidentWithinYear: false,
    staff: { techStaff: 15, totalStaff: 120 },
    years: [
      {
        year: 2021,
        salesFen: 4_000 * WAN,
        rdFen: 220 * WAN,
        domesticRdFen: 220 * WAN,
        netAssetsFen: 1_000 * WAN,
      },
      {
        year: 2022,
        salesFen: 4_600 * WAN,
        rdFen: 240 * WAN,
        domesticRdFen: 240 * WAN,
        netAssetsFen: 1_350 * WAN,
      },
      {
        year: 2023,
        salesFen: 5_290 * WAN,
        rdFen: 260 * WAN,
        domesticRdFen: 250 * WAN,
        netAssetsFen: 1_822_500_000,
        hiTechRevenueFen: 4_000 * WAN,
        totalRevenueFen: 5_300 * WAN,
      },
    ],
    score: {
      ip: {
        advanced: { band: 'B', points: 6 },
        coreSupport: { band: 'B', points: 6 },
        count: { countI: 1, countII: 2, points: 7 },
        acquisition: { band: 'A', points: 5 },
        standards: { band: 'B' },
      },
      transformation: { conversions: 15, years: 3, points: 25 },
      rdManagement: { system: 5, institution: 4, transformation: 3, talent: 3 },
      growth: { netAssetsPoints: 9, salesPoints: 5 },
    },
    ...over,
  };
}

const run = (r: HnteAssessmentRawInput) => assessHnte(hnteAssessmentInput.parse(r));

describe('高企 assessment (conditions + score)', () => {
  it('derives both growth rates from the year records of the window', () => {
    const parsed = hnteAssessmentInput.parse(raw());
    const series = derivedGrowthSeries(parsed);
    expect(series.sales).toEqual([4_000n * 1_000_000n, 4_600n * 1_000_000n, 5_290n * 1_000_000n]);
    const r = assessHnte(parsed);
    const growth = r.score.indicators[3];
    // Net assets +35 % a year → A; sales +15 % a year → C, exactly on the edges.
    expect(growth?.items.map((i) => i.band)).toEqual(['A', 'C']);
    expect(r.score.total).toBe(78);
    expect(r.criteria.find((c) => c.id === 'innovation-score')?.pass).toBe(true);
    // Latest-year sales 5290万 > 5000万 → 4 % band; Σ R&D 720万 ÷ Σ sales 13890万 ≈ 5.18 %.
    expect(r.figures.rdThresholdPct).toBe(4);
    expect(r.eligible).toBe(true);
  });

  it('decides condition (七) from the score range before the experts have scored', () => {
    const base = raw();
    const r = run({
      ...base,
      score: { ip: { count: { countI: 1, countII: 0 } }, transformation: { conversions: 15, years: 3 } },
    });
    const c = r.criteria.find((x) => x.id === 'innovation-score');
    expect(r.score.minTotal).toBe(46);
    expect(r.score.maxTotal).toBe(96);
    expect(c?.pass).toBeNull();
    expect(r.eligible).toBeNull();
    // No IP, no conversions, flat net assets: at best 18 + 0 + 20 + 6 = 44.
    const hopeless = run({
      ...base,
      years: base.years?.map((y) => ({ ...y, netAssetsFen: 100, salesFen: y.salesFen })),
      score: { ip: { count: { countI: 0, countII: 0 } }, transformation: { conversions: 0, years: 3 } },
    });
    expect(hopeless.score.maxTotal).toBe(44);
    expect(hopeless.criteria.find((x) => x.id === 'innovation-score')?.pass).toBe(false);
    expect(hopeless.failures).toContain('innovation-score');
  });

  it('leaves growth open when a window year lacks figures', () => {
    const base = raw();
    const years = base.years?.map((y) =>
      y.year === 2022
        ? { year: 2022, salesFen: y.salesFen, rdFen: y.rdFen, domesticRdFen: y.domesticRdFen }
        : y,
    );
    const parsed = hnteAssessmentInput.parse({
      ...base,
      years,
      score: { transformation: { conversions: 3, years: 3 } },
    });
    expect(derivedGrowthSeries(parsed).netAssets).toBeUndefined();
    expect(assessHnte(parsed).score.indicators[3]?.items[0]?.band).toBeNull();
  });

  it('reports score errors under score.* and condition errors at their fields', () => {
    const bad = raw();
    bad.score = { ...bad.score, growth: { salesPoints: 9 } };
    bad.staff = { techStaff: 200, totalStaff: 120 };
    const r = hnteAssessmentInput.safeParse(bad);
    expect(r.success).toBe(false);
    if (!r.success) {
      const fields = toFieldErrors(r.error.issues, 'en-US').map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['staff.techStaff', 'score.growth.salesPoints']));
    }
  });
});
