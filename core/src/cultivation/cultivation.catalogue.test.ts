import { describe, expect, it } from 'vitest';
import { rules } from '../rules/catalogue.ts';
import { cultivationRules } from './cultivation.catalogue.ts';

/** The example inputs of docs/rules/*.md, as `npx jinke rules run <id>` receives them on stdin. */
const examples: Record<string, unknown> = {
  'cultivation.hnte-conditions': {
    assessmentDate: '2024-05-20',
    registrationDate: '2019-08-16',
    hasCoreIpOwnership: true,
    techInKeyFields: true,
    majorIncidentWithinYear: false,
    staff: { techStaff: 7, totalStaff: 100 },
    years: [
      { year: 2021, salesFen: '1500万元', rdFen: '70万元', domesticRdFen: '70万元' },
      { year: 2022, salesFen: '2000万元', rdFen: '90万元', domesticRdFen: '90万元' },
      {
        year: 2023,
        salesFen: '2500万元',
        rdFen: '¥1,087,600.00',
        domesticRdFen: '¥1,087,600.00',
        hiTechRevenueFen: '1800万元',
        totalRevenueFen: '2520万元',
      },
    ],
    innovationScore: 74,
  },
  'cultivation.hnte-score': {
    ip: {
      advanced: { band: 'B' },
      coreSupport: { band: 'B' },
      count: { countI: 0, countII: 6 },
      acquisition: { band: 'A' },
      standards: { band: 'B' },
    },
    transformation: { conversions: 11, years: 3 },
    growth: {
      netAssetsFen: ['1000万元', '1200万元', '1500万元'],
      salesFen: ['2000万元', '2300万元', '2645万元'],
    },
  },
  'cultivation.hnte-assessment': {
    assessmentDate: '2024-05-20',
    registrationDate: '2019-08-16',
    hasCoreIpOwnership: true,
    techInKeyFields: true,
    majorIncidentWithinYear: false,
    staff: { techStaff: 15, totalStaff: 100 },
    years: [
      {
        year: 2021,
        salesFen: '2000万元',
        rdFen: '110万元',
        domesticRdFen: '110万元',
        netAssetsFen: '1000万元',
      },
      {
        year: 2022,
        salesFen: '2300万元',
        rdFen: '120万元',
        domesticRdFen: '120万元',
        netAssetsFen: '1200万元',
      },
      {
        year: 2023,
        salesFen: '2645万元',
        rdFen: '140万元',
        domesticRdFen: '135万元',
        netAssetsFen: '1500万元',
        hiTechRevenueFen: '2000万元',
        totalRevenueFen: '2650万元',
      },
    ],
    score: {
      ip: {
        advanced: { band: 'B', points: 6 },
        coreSupport: { band: 'B', points: 6 },
        count: { countI: 0, countII: 6, points: 6 },
        acquisition: { band: 'A', points: 5 },
        standards: { band: 'B' },
      },
      transformation: { conversions: 15, years: 3, points: 26 },
      rdManagement: { system: 5, institution: 4, transformation: 3, talent: 3 },
      growth: { netAssetsPoints: 6, salesPoints: 5 },
    },
  },
  'cultivation.tsme': {
    assessmentDate: '2024-03-20',
    residentEnterprise: true,
    employees: 100,
    techStaff: 35,
    salesRevenueFen: '5000万元',
    totalAssetsFen: '4000万元',
    prohibitedIndustry: false,
    incidentOrBlacklisted: false,
    rdExpenseFen: '225万元',
    totalCostFen: '4200万元',
    ipI: 0,
    ipII: 2,
  },
  'cultivation.rd-calibres': {
    taxYear: 2023,
    entries: [
      { projectId: 'RD2301', category: 'staff', amountFen: '60万元' },
      { projectId: 'RD2301', category: 'direct_inputs', amountFen: '25万元' },
      { projectId: 'RD2301', category: 'building_depreciation', amountFen: '3万元' },
      { projectId: 'RD2301', category: 'other', amountFen: '12万元' },
      { projectId: 'RD2302', category: 'entrusted', amountFen: '20万元', payeeType: 'organisation' },
      {
        projectId: 'RD2302',
        category: 'entrusted',
        amountFen: '30万元',
        payeeType: 'organisation',
        location: 'overseas',
        contractRegistered: true,
      },
      { projectId: 'RD2302', category: 'subsidy_netted', amountFen: '5万元' },
    ],
  },
  'cultivation.super-deduction': {
    taxYear: 2022,
    enterprise: {
      operatingFrom: '2022-05-10',
      income: { industryRevenue: [{ code: 'I6513', revenueFen: '3800万元' }], totalIncomeFen: '4000万元' },
    },
    expensedBaseFen: '400万元',
  },
};

describe('cultivation rules in the catalogue', () => {
  it('registers the six cultivation rules in the shared catalogue', () => {
    const ids = cultivationRules.map((r) => r.id);
    expect(ids).toEqual([
      'cultivation.hnte-conditions',
      'cultivation.hnte-score',
      'cultivation.hnte-assessment',
      'cultivation.tsme',
      'cultivation.rd-calibres',
      'cultivation.super-deduction',
    ]);
    for (const id of ids) expect(rules.some((r) => r.id === id)).toBe(true);
  });

  for (const rule of cultivationRules) {
    it(`${rule.id} runs its documented example to JSON when given it`, () => {
      expect(rule.citation.length).toBeGreaterThan(0);
      const parsed = rule.input.safeParse(examples[rule.id]);
      expect(parsed.success).toBe(true);
      if (!parsed.success) return;
      const output = rule.run(parsed.data);
      // The CLI writes JSON: no bigint, no class instance may leak into an output.
      expect(JSON.parse(JSON.stringify(output))).toEqual(output);
    });
  }

  it('gives the documented verdicts for the examples', () => {
    const run = (id: string) => {
      const rule = cultivationRules.find((r) => r.id === id);
      if (!rule) throw new Error(id);
      return rule.run(rule.input.parse(examples[id])) as Record<string, unknown>;
    };
    const conditions = run('cultivation.hnte-conditions') as {
      eligible: boolean;
      failures: string[];
      criteria: { id: string; gap: { zh: string } | null }[];
    };
    expect(conditions.eligible).toBe(false);
    expect(conditions.failures).toEqual(['tech-staff', 'rd-ratio']);
    expect(conditions.criteria.find((c) => c.id === 'rd-ratio')?.gap?.zh).toBe('研发费用还差 ¥312,400.00');
    expect(conditions.criteria.find((c) => c.id === 'tech-staff')?.gap?.zh).toBe(
      '科技人员还需 3 人（职工总数不变时）；如新招聘科技人员，需 4 人',
    );
    expect(run('cultivation.hnte-score')).toMatchObject({
      minTotal: 39,
      maxTotal: 74,
      canPass: true,
      total: null,
    });
    expect(run('cultivation.hnte-assessment')).toMatchObject({
      eligible: true,
      score: { total: 75, pass: true },
    });
    expect(run('cultivation.tsme')).toMatchObject({
      qualified: true,
      score: { staff: 20, rd: 30, ip: 12, total: 62 },
    });
    expect(run('cultivation.rd-calibres')).toMatchObject({
      hnte: { totalFen: 1_400_000_00 },
      superDeduction: { baseFen: 129_444_444 },
    });
    expect(run('cultivation.super-deduction')).toMatchObject({
      ratePct: 75,
      additionalDeductionFen: 3_375_000_00,
    });
  });
});
