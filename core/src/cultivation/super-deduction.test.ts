import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/validation-messages.ts';
import {
  isManufacturing,
  isNegativeListIndustry,
  manufacturingTest,
  negativeListTest,
  parseIndustryCode,
} from './industry.ts';
import { superDeductionInput, type SuperDeductionRawInput } from './super-deduction.contract.ts';
import { SUPER_DEDUCTION_RATES } from './super-deduction-rates.ts';
import { computeSuperDeduction } from './super-deduction.rules.ts';

const WAN = 1_000_000;
const run = (raw: SuperDeductionRawInput) => computeSuperDeduction(superDeductionInput.parse(raw));
const rateFor = (taxYear: number, enterprise: SuperDeductionRawInput['enterprise'] = {}) =>
  run({ taxYear, enterprise, expensedBaseFen: 100 * WAN }).ratePct;

describe('rate records (policy data)', () => {
  it('has unique ids, ordered dates, integer rates and a document for every record', () => {
    expect(new Set(SUPER_DEDUCTION_RATES.map((r) => r.id)).size).toBe(SUPER_DEDUCTION_RATES.length);
    for (const r of SUPER_DEDUCTION_RATES) {
      expect(Number.isInteger(r.ratePct)).toBe(true);
      if (r.to !== null) expect(r.from <= r.to).toBe(true);
      if (r.intangibleMultiplierPct !== null) expect(r.intangibleMultiplierPct).toBe(100 + r.ratePct);
      expect(r.document.length).toBeGreaterThan(0);
    }
  });
});

describe('rate picked for each year and enterprise', () => {
  it('gives 50 % from 2008 to 2017 to ordinary enterprises and none before 2008', () => {
    expect([2008, 2015, 2016, 2017].map((y) => rateFor(y))).toEqual([50, 50, 50, 50]);
    const r = run({ taxYear: 2008, expensedBaseFen: 1 });
    expect(r.record?.document).toContain('实施条例');
  });

  it('gives 科技型中小企业 75 % from 2017', () => {
    expect(rateFor(2017, { tsme: true })).toBe(75);
    expect(rateFor(2019, { tsme: true })).toBe(75);
  });

  it('gives everyone 75 % from 2018 to 2022', () => {
    expect([2018, 2019, 2020, 2021, 2022].map((y) => rateFor(y))).toEqual([75, 75, 75, 75, 75]);
  });

  it('gives manufacturing 100 % from 2021 and 科小 100 % from 2022', () => {
    expect(rateFor(2020, { manufacturing: true })).toBe(75);
    expect(rateFor(2021, { manufacturing: true })).toBe(100);
    expect(rateFor(2021, { tsme: true })).toBe(75);
    expect(rateFor(2022, { tsme: true })).toBe(100);
  });

  it('gives everyone 100 % from 2023, and listed IC / machine-tool enterprises 120 % to 2027', () => {
    expect([2023, 2024, 2030].map((y) => rateFor(y))).toEqual([100, 100, 100]);
    expect(rateFor(2023, { listedIcOrMachineTool: true })).toBe(120);
    expect(rateFor(2027, { listedIcOrMachineTool: true })).toBe(120);
    expect(rateFor(2028, { listedIcOrMachineTool: true })).toBe(100);
    expect(rateFor(2022, { listedIcOrMachineTool: true })).toBe(75);
  });

  it('computes the additional deduction half-up to the 分', () => {
    expect(run({ taxYear: 2020, expensedBaseFen: 1 }).additionalDeductionFen).toBe(1); // 0.75 分 → 1
    expect(run({ taxYear: 2020, expensedBaseFen: 2 }).additionalDeductionFen).toBe(2); // 1.5 分 → 2
    expect(run({ taxYear: 2016, expensedBaseFen: 1 }).additionalDeductionFen).toBe(1); // 0.5 分 → 1
  });
});

describe('2022 Q4 (比例法)', () => {
  it('derives operating months from the dates, counting the opening month', () => {
    const r = run({ taxYear: 2022, enterprise: { operatingFrom: '2022-05-10' }, expensedBaseFen: 400 * WAN });
    expect(r.enterprise.operatingMonths).toBe(8);
    expect(r.portions.map((p) => [p.recordId, p.ratePct, p.baseFen, p.method])).toEqual([
      ['mof-sat-2021-6-75', 75, 250 * WAN, 'annual'],
      ['mof-sat-most-2022-28-q4-100', 100, 150 * WAN, 'proportional'],
    ]);
    expect(r.additionalDeductionFen).toBe(337.5 * WAN);
  });

  it('uses the actual Q4 costs when they are larger, and shows both ways', () => {
    const r = run({ taxYear: 2022, expensedBaseFen: 1_200 * WAN, periodActualFen: 500 * WAN });
    expect(r.alternatives).toEqual([
      { method: 'proportional', periodBaseFen: 300 * WAN, additionalFen: 975 * WAN },
      { method: 'actual', periodBaseFen: 500 * WAN, additionalFen: 1_025 * WAN },
    ]);
    expect(r.chosenMethod).toBe('actual');
    expect(r.additionalDeductionFen).toBe(1_025 * WAN);
    expect(
      run({ taxYear: 2022, expensedBaseFen: 1_200 * WAN, periodActualFen: 500 * WAN, method: 'proportional' })
        .additionalDeductionFen,
    ).toBe(975 * WAN);
  });

  it('does not split the year for enterprises already at 100 %', () => {
    const r = run({ taxYear: 2022, enterprise: { manufacturing: true }, expensedBaseFen: 1_200 * WAN });
    expect(r.portions).toHaveLength(1);
    expect(r.additionalDeductionFen).toBe(1_200 * WAN);
  });

  it('gives no Q4 share to an enterprise that closed before October', () => {
    const r = run({ taxYear: 2022, enterprise: { operatingTo: '2022-09-30' }, expensedBaseFen: 90 * WAN });
    expect(r.portions.find((p) => p.method === 'proportional')?.baseFen).toBe(0);
    expect(r.additionalDeductionFen).toBe(67.5 * WAN);
  });
});

describe('industry tests', () => {
  it('reads GB/T 4754-2017 codes and refuses mismatched ones', () => {
    expect(parseIndustryCode('C3911')).toEqual({ section: 'C', division: 39 });
    expect(parseIndustryCode('5211')).toEqual({ section: 'F', division: 52 });
    expect(parseIndustryCode('h')).toEqual({ section: 'H', division: null });
    for (const bad of ['F39', '0000', '99', 'Z', '', 'C-39']) expect(parseIndustryCode(bad), bad).toBeNull();
  });

  it('lists tobacco, lodging and catering, trade, real estate, leasing and entertainment', () => {
    const neg = (c: string) => isNegativeListIndustry(parseIndustryCode(c)!);
    expect(['C1610', 'H6110', 'F', 'K7010', 'L72', '9011'].map(neg)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['C15', 'R8810', 'I65', 'M73'].map(neg)).toEqual([false, false, false, false]);
    expect(isManufacturing(parseIndustryCode('C43')!)).toBe(true);
    expect(isManufacturing(parseIndustryCode('D44')!)).toBe(false);
  });

  it('is not on the negative list at exactly 50 % and is one 分 above it', () => {
    expect(negativeListTest([{ code: 'F52', revenueFen: 500n }], 1_100n, 50n, 50n).negativeList).toBe(false);
    expect(negativeListTest([{ code: 'F52', revenueFen: 501n }], 1_100n, 50n, 50n).negativeList).toBe(true);
    // Several negative-list businesses are added together.
    expect(
      negativeListTest(
        [
          { code: 'F52', revenueFen: 300n },
          { code: 'H62', revenueFen: 201n },
          { code: 'C39', revenueFen: 499n },
        ],
        1_000n,
        0n,
        0n,
      ).negativeList,
    ).toBe(true);
    expect(negativeListTest([{ code: 'F52', revenueFen: 0n }], 0n, 0n, 0n)).toMatchObject({
      share: null,
      negativeList: false,
    });
  });

  it('is manufacturing at exactly 50 % and not one 分 below', () => {
    expect(manufacturingTest([{ code: 'C39', revenueFen: 500n }], 1_000n).manufacturing).toBe(true);
    expect(manufacturingTest([{ code: 'C39', revenueFen: 499n }], 1_000n).manufacturing).toBe(false);
  });

  it('applies both tests from the revenue figures when computing the deduction', () => {
    const income = (codes: [string, number][]) => ({
      industryRevenue: codes.map(([code, revenueFen]) => ({ code, revenueFen })),
      totalIncomeFen: 1_000,
    });
    const mfg = run({ taxYear: 2021, enterprise: { income: income([['C39', 500]]) }, expensedBaseFen: 100 });
    expect(mfg.enterprise).toMatchObject({ manufacturing: true, manufacturingSharePct: '50' });
    expect(mfg.ratePct).toBe(100);
    const neg = run({ taxYear: 2023, enterprise: { income: income([['F52', 501]]) }, expensedBaseFen: 100 });
    expect(neg.eligible).toBe(false);
    expect(neg.additionalDeductionFen).toBe(0);
    expect(neg.reasons[0]?.zh).toContain('负面清单');
  });
});

describe('eligibility and intangibles', () => {
  it('refuses non-resident and deemed-profit enterprises with reasons', () => {
    const r = run({
      taxYear: 2023,
      enterprise: { residentEnterprise: false, auditCollection: false },
      expensedBaseFen: 100,
    });
    expect(r.eligible).toBe(false);
    expect(r.reasons).toHaveLength(2);
    expect(r.totalAdditionalFen).toBe(0);
    expect(
      run({ taxYear: 2023, enterprise: { manufacturing: true, negativeList: true }, expensedBaseFen: 100 })
        .eligible,
    ).toBe(false);
  });

  it('amortises R&D intangibles at (100 + rate) % over at least ten years, pro rata by month', () => {
    const r = run({
      taxYear: 2020,
      intangibles: [{ id: 'patent-1', costFen: 12_000 * 100, amortisationYears: 10, monthsInYear: 6 }],
    });
    expect(r.intangibles.multiplierPct).toBe(175);
    expect(r.intangibles.items[0]).toEqual({
      id: 'patent-1',
      costFen: 1_200_000,
      years: 10,
      months: 6,
      taxAmortisationFen: 105_000,
      additionalFen: 45_000,
    });
    expect(r.totalAdditionalFen).toBe(45_000);
    const mfg = run({
      taxYear: 2023,
      enterprise: { listedIcOrMachineTool: true },
      intangibles: [{ costFen: 1_000, amortisationYears: 10 }],
    });
    expect(mfg.intangibles.multiplierPct).toBe(220);
    expect(mfg.intangibles.taxAmortisationFen).toBe(220);
  });

  it('takes the base from a ledger through the super-deduction calibre', () => {
    const r = run({
      taxYear: 2023,
      entries: [
        { projectId: 'P', category: 'staff', amountFen: 1_000 },
        { projectId: 'Q', category: 'staff', amountFen: 500, capitalised: true },
      ],
    });
    expect(r.calibre?.expensedBaseFen).toBe(1_000);
    expect(r.calibre?.capitalisedBaseFen).toBe(500);
    expect(r.expensedBaseFen).toBe(1_000);
    expect(r.additionalDeductionFen).toBe(1_000);
  });
});

describe('super-deduction — invalid input', () => {
  function fields(raw: unknown) {
    const p = superDeductionInput.safeParse(raw);
    if (p.success) throw new Error('expected errors');
    return toFieldErrors(p.error.issues, 'zh-CN');
  }

  it('refuses amortisation under ten years and both a ledger and a base', () => {
    expect(fields({ taxYear: 2023, intangibles: [{ costFen: 1, amortisationYears: 9 }] })[0]?.field).toBe(
      'intangibles.0.amortisationYears',
    );
    expect(fields({ taxYear: 2023, entries: [], expensedBaseFen: 1 })[0]?.rule).toBe('either_or');
  });

  it('names the conflicting income fields', () => {
    const income = {
      industryRevenue: [{ code: 'C39', revenueFen: 2_000 }],
      totalIncomeFen: 1_000,
      nonTaxableIncomeFen: 600,
      investmentIncomeFen: 500,
    };
    const e = fields({ taxYear: 2023, enterprise: { income, manufacturing: true } });
    expect(e.map((x) => x.field)).toEqual([
      'enterprise.manufacturing',
      'enterprise.income.industryRevenue',
      'enterprise.income.nonTaxableIncomeFen',
    ]);
    expect(e[1]?.message).toContain('totalIncomeFen');
    expect(
      fields({
        taxYear: 2023,
        enterprise: { income: { industryRevenue: [{ code: 'Q99', revenueFen: 1 }], totalIncomeFen: 5 } },
      })[0]?.field,
    ).toBe('enterprise.income.industryRevenue.0.code');
  });

  it('refuses operating dates outside the tax year or out of order, and a period larger than the year', () => {
    expect(fields({ taxYear: 2022, enterprise: { operatingFrom: '2021-12-31' } })[0]?.rule).toBe(
      'date_outside_year',
    );
    expect(
      fields({ taxYear: 2022, enterprise: { operatingFrom: '2022-06-01', operatingTo: '2022-05-01' } })[0]
        ?.rule,
    ).toBe('date_order');
    expect(
      fields({ taxYear: 2022, enterprise: { operatingMonths: 2, periodOperatingMonths: 3 } })[0]?.rule,
    ).toBe('months_order');
    expect(fields({ taxYear: 2022, expensedBaseFen: 1, periodActualFen: 2 })[0]?.rule).toBe(
      'period_exceeds_year',
    );
    expect(fields({ taxYear: 2022, expensedBaseFen: 1, method: 'actual' })[0]?.rule).toBe(
      'required_for_actual',
    );
  });
});
