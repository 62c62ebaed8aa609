import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/validation-messages.ts';
import { Rational } from '../common/rational.ts';
import { hnteConditionsInput, type HnteConditionsRawInput } from './hnte-conditions.contract.ts';
import { assessHnteConditions, rdThresholdPctFor } from './hnte-conditions.rules.ts';
import { annualMonthlyAverage } from './staff-average.ts';

const WAN = 1_000_000; // 分 per 万元

/** A baseline enterprise meeting every condition (applying 2024-06-01, figures for 2021–2023). */
function base(over: Partial<HnteConditionsRawInput> = {}): HnteConditionsRawInput {
  return {
    assessmentDate: '2024-06-01',
    registrationDate: '2018-03-01',
    hasCoreIpOwnership: true,
    techInKeyFields: true,
    majorIncidentWithinYear: false,
    staff: { techStaff: 20, totalStaff: 100 },
    innovationScore: 80,
    years: [
      { year: 2021, salesFen: 2_000 * WAN, rdFen: 120 * WAN, domesticRdFen: 120 * WAN },
      { year: 2022, salesFen: 2_000 * WAN, rdFen: 120 * WAN, domesticRdFen: 120 * WAN },
      {
        year: 2023,
        salesFen: 2_000 * WAN,
        rdFen: 120 * WAN,
        domesticRdFen: 120 * WAN,
        hiTechRevenueFen: 1_500 * WAN,
        totalRevenueFen: 2_000 * WAN,
      },
    ],
    ...over,
  };
}

function run(raw: HnteConditionsRawInput) {
  return assessHnteConditions(hnteConditionsInput.parse(raw));
}

function criterion(raw: HnteConditionsRawInput, id: string) {
  const c = run(raw).criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
}

/** Three equal years with the given latest-year sales and a total R&D ratio exactly `pct` % (or 1 分 less). */
function withSales(latestSalesFen: number, rdOf: (salesTotal: number) => number) {
  const years = [2021, 2022, 2023].map((year) => ({
    year,
    salesFen: latestSalesFen,
    rdFen: 0,
    domesticRdFen: 0,
    ...(year === 2023 ? { hiTechRevenueFen: 80, totalRevenueFen: 100 } : {}),
  }));
  const rd = rdOf(latestSalesFen * 3);
  years[0]!.rdFen = rd;
  years[0]!.domesticRdFen = rd;
  return base({ years });
}

describe('高企 conditions — baseline', () => {
  it('is eligible with every criterion passed when all eight conditions hold', () => {
    const r = run(base());
    expect(r.eligible).toBe(true);
    expect(r.failures).toEqual([]);
    expect(r.criteria.map((c) => c.id)).toEqual([
      'registration',
      'core-ip',
      'key-fields',
      'tech-staff',
      'rd-ratio',
      'domestic-rd',
      'hitech-revenue',
      'innovation-score',
      'no-major-incident',
    ]);
    for (const c of r.criteria) {
      expect(c.citation.document.length).toBeGreaterThan(0);
      expect(c.citation.article.length).toBeGreaterThan(0);
      expect(c.actual.zh.length).toBeGreaterThan(0);
      expect(c.actual.en.length).toBeGreaterThan(0);
      expect(c.gap).toBeNull();
    }
  });

  it('fails the boolean conditions when they are false, and the incident condition when true', () => {
    const r = run(base({ hasCoreIpOwnership: false, techInKeyFields: false, majorIncidentWithinYear: true }));
    expect(r.eligible).toBe(false);
    expect(r.failures).toEqual(['core-ip', 'key-fields', 'no-major-incident']);
  });
});

describe('高企 conditions — registration (365 calendar days)', () => {
  it('passes at exactly 365 days and fails at 364 with the days still needed', () => {
    expect(criterion(base({ registrationDate: '2023-06-02', years: [] }), 'registration').pass).toBe(true);
    const c = criterion(base({ registrationDate: '2023-06-03', years: [] }), 'registration');
    expect(c.pass).toBe(false);
    expect(c.gap?.zh).toBe('还需 1 天（最早 2024-06-02 可申请）');
    expect(c.actual.zh).toBe('注册成立 364 天');
  });

  it('counts a leap day when the year spans 29 February', () => {
    // 2023-03-01 → 2024-03-01 is 366 days.
    const r = run(base({ assessmentDate: '2024-03-01', registrationDate: '2023-03-01', years: [] }));
    expect(r.figures.registrationDays).toBe(366);
  });

  it('uses a planned application date when one is given', () => {
    const r = run(
      base({
        assessmentDate: '2024-01-15',
        applicationDate: '2024-06-30',
        registrationDate: '2023-06-30',
        years: [],
      }),
    );
    expect(r.figures.registrationDays).toBe(366);
    expect(r.figures.applicationDate).toBe('2024-06-30');
  });
});

describe('高企 conditions — R&D ratio bands by latest-year sales', () => {
  it('puts exactly 5000万 in the 5 % band and one 分 more in the 4 % band', () => {
    expect(rdThresholdPctFor(5_000n * 1_000_000n)).toBe(5);
    expect(rdThresholdPctFor(5_000n * 1_000_000n + 1n)).toBe(4);
  });

  it('puts exactly 2亿 in the 4 % band and one 分 more in the 3 % band', () => {
    expect(rdThresholdPctFor(20_000n * 1_000_000n)).toBe(4);
    expect(rdThresholdPctFor(20_000n * 1_000_000n + 1n)).toBe(3);
    expect(rdThresholdPctFor(0n)).toBe(5);
  });

  it('passes at exactly the threshold and fails one 分 below it in every band', () => {
    for (const [sales, pct] of [
      [5_000 * WAN, 5],
      [20_000 * WAN, 4],
      [20_000 * WAN + 100, 3],
    ] as const) {
      const exact = criterion(
        withSales(sales, (total) => (total * pct) / 100),
        'rd-ratio',
      );
      expect(exact.pass, `${sales} exact`).toBe(true);
      expect(run(withSales(sales, (total) => (total * pct) / 100)).figures.rdThresholdPct).toBe(pct);
      const short = criterion(
        withSales(sales, (total) => (total * pct) / 100 - 1),
        'rd-ratio',
      );
      expect(short.pass, `${sales} short`).toBe(false);
      expect(short.gap?.zh).toBe('研发费用还差 ¥0.01');
    }
  });

  it('states the exact shortfall rounded up to the 分 when the ratio is too low', () => {
    // Σ sales 6000万 × 5 % = ¥3,000,000.00; Σ R&D ¥2,687,600.00 → short by ¥312,400.00.
    const years = [
      { year: 2021, salesFen: 1_500 * WAN, rdFen: 70 * WAN, domesticRdFen: 70 * WAN },
      { year: 2022, salesFen: 2_000 * WAN, rdFen: 90 * WAN, domesticRdFen: 90 * WAN },
      {
        year: 2023,
        salesFen: 2_500 * WAN,
        rdFen: 108_760_000,
        domesticRdFen: 108_760_000,
        hiTechRevenueFen: 2_000 * WAN,
        totalRevenueFen: 2_500 * WAN,
      },
    ];
    const c = criterion(base({ years }), 'rd-ratio');
    expect(c.pass).toBe(false);
    expect(c.gap).toEqual({ zh: '研发费用还差 ¥312,400.00', en: 'R&D expense short by ¥312,400.00' });
  });

  it('rounds a fractional shortfall up to the next 分', () => {
    // Σ sales ¥0.03 × 3 years … use 1 分 of sales per year: 5 % of 3 分 = 0.15 分 → short by 1 分.
    const years = [2021, 2022, 2023].map((year) => ({
      year,
      salesFen: 1,
      rdFen: 0,
      domesticRdFen: 0,
      ...(year === 2023 ? { hiTechRevenueFen: 1, totalRevenueFen: 1 } : {}),
    }));
    expect(criterion(base({ years }), 'rd-ratio').gap?.zh).toBe('研发费用还差 ¥0.01');
  });

  it('reports the ratio exactly as text when it does not terminate', () => {
    const r = run(
      base({
        years: [
          { year: 2021, salesFen: 300, rdFen: 100, domesticRdFen: 100 },
          { year: 2022, salesFen: 300, rdFen: 0, domesticRdFen: 0 },
          {
            year: 2023,
            salesFen: 300,
            rdFen: 0,
            domesticRdFen: 0,
            hiTechRevenueFen: 300,
            totalRevenueFen: 300,
          },
        ],
      }),
    );
    expect(r.figures.rdRatio).toBe('1/9');
    expect(r.figures.rdRatioPct).toBe('11.1111');
  });

  it('fails with an explanation when the window has no sales at all', () => {
    const years = [2021, 2022, 2023].map((year) => ({
      year,
      salesFen: 0,
      rdFen: 100,
      domesticRdFen: 100,
      ...(year === 2023 ? { hiTechRevenueFen: 0, totalRevenueFen: 0 } : {}),
    }));
    const c = criterion(base({ years }), 'rd-ratio');
    expect(c.pass).toBe(false);
    expect(c.interpretation).toBe('I-03');
  });
});

describe('高企 conditions — operating less than three years (按实际经营时间计算)', () => {
  it('uses only the years since registration when the enterprise is younger than three years', () => {
    const r = run(
      base({
        registrationDate: '2022-05-10',
        years: [
          { year: 2022, salesFen: 500 * WAN, rdFen: 30 * WAN, domesticRdFen: 30 * WAN },
          {
            year: 2023,
            salesFen: 1_000 * WAN,
            rdFen: 45 * WAN,
            domesticRdFen: 45 * WAN,
            hiTechRevenueFen: 800 * WAN,
            totalRevenueFen: 1_000 * WAN,
          },
        ],
      }),
    );
    expect(r.figures.window).toEqual([2022, 2023]);
    expect(r.figures.rdRatioPct).toBe('5');
    expect(r.eligible).toBe(true);
    expect(r.criteria.find((c) => c.id === 'rd-ratio')?.interpretation).toBe('I-02');
  });

  it('names the missing year instead of guessing when a window year is absent', () => {
    const raw = base();
    raw.years = raw.years?.filter((y) => y.year !== 2022);
    const r = run(raw);
    const c = r.criteria.find((x) => x.id === 'rd-ratio');
    expect(c?.pass).toBeNull();
    expect(c?.missing).toEqual(['years[year=2022].salesFen', 'years[year=2022].rdFen']);
    expect(c?.actual.zh).toContain('缺少 2022 年度数据');
    expect(r.eligible).toBeNull();
    expect(r.undecided).toContain('rd-ratio');
    expect(r.undecided).toContain('domestic-rd');
  });

  it('names the missing latest-year revenue when only it is absent', () => {
    const raw = base();
    raw.years = raw.years?.map((y) =>
      y.year === 2023
        ? { year: 2023, salesFen: y.salesFen, rdFen: y.rdFen, domesticRdFen: y.domesticRdFen }
        : y,
    );
    const c = run(raw).criteria.find((x) => x.id === 'hitech-revenue');
    expect(c?.pass).toBeNull();
    expect(c?.missing).toEqual(['years[year=2023].hiTechRevenueFen', 'years[year=2023].totalRevenueFen']);
  });

  it('leaves every fact-less condition undecided when nothing but dates is given', () => {
    const r = run({ assessmentDate: '2024-06-01' });
    expect(r.eligible).toBeNull();
    expect(r.failures).toEqual([]);
    expect(r.undecided).toHaveLength(9);
  });
});

describe('高企 conditions — staff, domestic R&D and hi-tech revenue', () => {
  it('passes at exactly 10 % tech staff and fails below with persons needed', () => {
    expect(criterion(base({ staff: { techStaff: 10, totalStaff: 100 } }), 'tech-staff').pass).toBe(true);
    const c = criterion(base({ staff: { techStaff: 7, totalStaff: 100 } }), 'tech-staff');
    expect(c.pass).toBe(false);
    expect(c.gap?.zh).toBe('科技人员还需 3 人（职工总数不变时）；如新招聘科技人员，需 4 人');
    expect(criterion(base({ staff: { techStaff: '9.99', totalStaff: 100 } }), 'tech-staff').pass).toBe(false);
  });

  it('computes 全年月平均数 from (月初, 月末) pairs when monthly counts are given', () => {
    const months = Array.from({ length: 12 }, (_, m) => ({ start: 100 + m, end: 101 + m }));
    expect(annualMonthlyAverage(months).eq(Rational.of(106))).toBe(true);
    expect(annualMonthlyAverage([{ start: 0, end: 5 }]).toString()).toBe('5/2');
    // Founded mid-year: only the operating months count (I-04).
    expect(
      annualMonthlyAverage([
        { start: 10, end: 12 },
        { start: 12, end: 12 },
      ]).eq(Rational.of(23, 2)),
    ).toBe(true);
    expect(() => annualMonthlyAverage([])).toThrow(RangeError);
    const r = run(
      base({
        staff: {
          techMonthly: Array.from({ length: 12 }, () => ({ start: 10, end: 11 })),
          totalMonthly: Array.from({ length: 12 }, () => ({ start: 105, end: 105 })),
        },
      }),
    );
    expect(r.figures.techStaff).toBe('10.5');
    expect(r.figures.techStaffPct).toBe('10');
    expect(r.criteria.find((c) => c.id === 'tech-staff')?.pass).toBe(true);
  });

  it('passes at exactly 60 % domestic R&D and fails one 分 below', () => {
    const years = (domesticLatest: number) => [
      { year: 2021, salesFen: 1_000 * WAN, rdFen: 100 * WAN, domesticRdFen: 60 * WAN },
      { year: 2022, salesFen: 1_000 * WAN, rdFen: 100 * WAN, domesticRdFen: 60 * WAN },
      {
        year: 2023,
        salesFen: 1_000 * WAN,
        rdFen: 100 * WAN,
        domesticRdFen: domesticLatest,
        hiTechRevenueFen: 800 * WAN,
        totalRevenueFen: 1_000 * WAN,
      },
    ];
    expect(criterion(base({ years: years(60 * WAN) }), 'domestic-rd').pass).toBe(true);
    const c = criterion(base({ years: years(60 * WAN - 1) }), 'domestic-rd');
    expect(c.pass).toBe(false);
    // Shift ¥0.01 from overseas, or add (0.6·T − d) ÷ 0.4 = ¥0.025 → ¥0.03 of new domestic R&D.
    expect(c.gap?.zh).toBe('境内研发费用还差 ¥0.01（总额不变时）；如新增境内研发，需 ¥0.03');
  });

  it('passes at exactly 60 % hi-tech revenue and fails one 分 below', () => {
    const years = (hi: number) =>
      base().years!.map((y) =>
        y.year === 2023 ? { ...y, hiTechRevenueFen: hi, totalRevenueFen: 1_000 * WAN } : y,
      );
    expect(criterion(base({ years: years(600 * WAN) }), 'hitech-revenue').pass).toBe(true);
    const c = criterion(base({ years: years(600 * WAN - 1) }), 'hitech-revenue');
    expect(c.pass).toBe(false);
    expect(c.gap?.zh).toBe('高新技术产品（服务）收入还差 ¥0.01（总收入不变时）；如新增收入，需 ¥0.03');
  });
});

describe('高企 conditions — innovation score (> 70)', () => {
  it('fails 70 and passes 71', () => {
    const at70 = criterion(base({ innovationScore: 70 }), 'innovation-score');
    expect(at70.pass).toBe(false);
    expect(at70.gap?.zh).toBe('创新能力评价还差 1 分');
    expect(criterion(base({ innovationScore: 71 }), 'innovation-score').pass).toBe(true);
  });
});

describe('高企 conditions — invalid input', () => {
  function errors(raw: unknown, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
    const r = hnteConditionsInput.safeParse(raw);
    if (r.success) throw new Error('expected validation errors');
    return toFieldErrors(r.error.issues, locale);
  }

  it('names both fields when domestic R&D exceeds total R&D', () => {
    const raw = base();
    raw.years![1] = { ...raw.years![1]!, domesticRdFen: 121 * WAN };
    const [e] = errors(raw);
    expect(e?.field).toBe('years.1.domesticRdFen');
    expect(e?.message).toContain('years.1.rdFen');
    expect(e?.rule).toBe('domestic_exceeds_total');
    expect(errors(raw, 'en-US')[0]?.message).toContain('exceeds the total R&D');
  });

  it('names both fields when tech staff exceed all staff', () => {
    const [e] = errors(base({ staff: { techStaff: 101, totalStaff: 100 } }));
    expect(e?.field).toBe('staff.techStaff');
    expect(e?.message).toContain('staff.totalStaff');
  });

  it("rejects per-month tech staff above the month's total", () => {
    const e = errors(
      base({ staff: { techMonthly: [{ start: 5, end: 6 }], totalMonthly: [{ start: 5, end: 5 }] } }),
    );
    expect(e.map((x) => x.field)).toContain('staff.techMonthly.0');
  });

  it('rejects negative revenue and malformed amounts with the field named', () => {
    const raw = base();
    raw.years![2] = { ...raw.years![2]!, salesFen: -1 };
    expect(errors(raw)[0]?.field).toBe('years.2.salesFen');
    raw.years![2] = { ...raw.years![2], salesFen: '2000' };
    expect(errors(raw)[0]?.message).toContain('须注明单位');
  });

  it('rejects a fractional number of 分, another type and an unsafe integer, naming the field', () => {
    for (const bad of [1.5, true, null, {}] as unknown[]) {
      const raw = base() as { years: Record<string, unknown>[] };
      raw.years[2] = { ...raw.years[2], salesFen: bad };
      const [e] = errors(raw);
      expect(e?.field).toBe('years.2.salesFen');
      expect(e?.rule).toBe('money_type');
      expect(e?.message).toContain('应为整数（单位：分）或带单位的金额文本');
    }
    const raw = base();
    raw.years![2] = { ...raw.years![2]!, salesFen: 2 ** 60 };
    expect(errors(raw)[0]?.message).toBe('years.2.salesFen 不能大于 9007199254740991');
    raw.years![2] = { ...raw.years![2], salesFen: Number.MAX_SAFE_INTEGER, totalRevenueFen: undefined };
    expect(hnteConditionsInput.parse(raw).years[2]?.salesFen).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('accepts amounts written with units when given as text', () => {
    const raw = base();
    raw.years![2] = { ...raw.years![2]!, salesFen: '2000万元', hiTechRevenueFen: '¥15,000,000.00' };
    const r = run(raw);
    expect(r.figures.salesTotalFen).toBe(6_000 * WAN);
    expect(r.figures.hiTechRevenuePct).toBe('75');
  });

  it('rejects dates in the future relative to the assessment date', () => {
    const e = errors(base({ registrationDate: '2024-06-02' }));
    expect(e.map((x) => x.field)).toContain('registrationDate');
    expect(e.find((x) => x.field === 'registrationDate')?.message).toContain('assessmentDate');
  });

  it('rejects a year that has not ended, a duplicate year and one before registration', () => {
    const raw = base();
    raw.years = [
      ...raw.years!,
      { year: 2024, salesFen: 1 },
      { year: 2023, salesFen: 1 },
      { year: 2017, salesFen: 1 },
    ];
    const rules = errors(raw).map((x) => x.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['future_year', 'duplicate_year', 'year_before_registration']),
    );
  });

  it('rejects impossible calendar dates and both forms of a staff figure', () => {
    expect(errors(base({ assessmentDate: '2023-02-29' }))[0]?.field).toBe('assessmentDate');
    const e = errors(base({ staff: { techStaff: 1, techMonthly: [{ start: 1, end: 1 }], totalStaff: 10 } }));
    expect(e[0]?.rule).toBe('either_or');
  });
});
