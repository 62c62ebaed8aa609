import { describe, expect, it } from 'vitest';
import { assessHnte, hnteAssessmentInput, type HnteAssessmentRawInput } from './hnte-assessment.rules.ts';
import {
  cumulativeTargets,
  endOfPlanMonth,
  planCalendar,
  planMonthOfDate,
  yearEndMonth,
  yearMonthOf,
} from './cultivation-plan.calendar.ts';
import { fieldWords, planHnteCultivation, planTsmeCultivation } from './cultivation-plan.ts';
import { tsmeInput, type TsmeRawInput } from './tsme.contract.ts';
import { evaluateTsme } from './tsme.rules.ts';

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

function plan(r: HnteAssessmentRawInput) {
  const input = hnteAssessmentInput.parse(r);
  return planHnteCultivation(input, assessHnte(input));
}

describe('the plan calendar', () => {
  it('starts with the month after the assessment date and ends twelve months later', () => {
    const cal = planCalendar('2024-05-20');
    expect(yearMonthOf(cal, 1)).toBe('2024-06');
    expect(yearMonthOf(cal, 12)).toBe('2025-05');
    expect(endOfPlanMonth(cal, 1)).toBe('2024-06-30');
    expect(endOfPlanMonth(cal, 9)).toBe('2025-02-28');
    expect(yearEndMonth(cal)).toBe(7);
    expect(cal.targetYear).toBe(2024);
  });

  it('moves the target year on when the assessment is made in December', () => {
    const cal = planCalendar('2024-12-05');
    expect(yearMonthOf(cal, 1)).toBe('2025-01');
    expect(cal.targetYear).toBe(2025);
    expect(yearEndMonth(cal)).toBe(12);
  });

  it('places dates before the plan in month 1 and dates after it nowhere', () => {
    const cal = planCalendar('2024-05-20');
    expect(planMonthOfDate(cal, '2024-05-31')).toBe(1);
    expect(planMonthOfDate(cal, '2025-05-31')).toBe(12);
    expect(planMonthOfDate(cal, '2025-06-01')).toBeNull();
  });

  it('rounds cumulative month-end targets up to the 分, reaching the yearly amount in December', () => {
    const cal = planCalendar('2023-12-10');
    const targets = cumulativeTargets(cal, 100n, (c) => ({ zh: String(c), en: String(c) }));
    expect(targets.map((t) => t.target.zh)).toEqual([
      '9',
      '17',
      '25',
      '34',
      '42',
      '50',
      '59',
      '67',
      '75',
      '84',
      '92',
      '100',
    ]);
  });
});

describe('a 高企 cultivation plan', () => {
  it('has no action and applies the year after the target year when the enterprise is eligible', () => {
    const p = plan(raw());
    expect(p.actions).toEqual([]);
    expect(p.applicationYear).toBe(2025);
    expect(p.months).toHaveLength(12);
    expect(p.months.every((m) => m.due.length === 0)).toBe(true);
  });

  it('asks for the head count that brings the target year’s monthly average to 10 % from month 1', () => {
    // 10 of 120 staff; June–December (7 months) left: (5 × 10 + 7 × 14) ÷ 12 = 12.33 ≥ 12, while 13 gives 11.75.
    const p = plan(raw({ staff: { techStaff: 10, totalStaff: 120 } }));
    const staff = p.actions.find((a) => a.id === 'tech-staff');
    expect(staff?.dueMonth).toBe(1);
    expect(staff?.dueDate).toBe('2024-06-30');
    expect(staff?.steps[0]?.zh).toContain('每月科技人员不少于 14 人');
    // Hiring: 4 × 7⁄12 more tech staff, also added to the total: 12.33 ≥ 10 % × 122.33; 3 would give 11.75 < 12.18.
    expect(staff?.steps[1]?.zh).toBe(
      '途径：安排 4 名现有员工从事研发及相关技术创新活动（职工总数不变），或新招聘 4 名科技人员',
    );
    expect(staff?.targets.map((t) => t.yearMonth)).toEqual([
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(p.months[0]?.due).toEqual(['tech-staff']);
    expect(p.applicationYear).toBe(2025);
  });

  it('moves the staff target to the next January when fewer than 183 days are left, and the application a year on', () => {
    const p = plan(raw({ assessmentDate: '2024-07-15', staff: { techStaff: 10, totalStaff: 120 } }));
    const staff = p.actions.find((a) => a.id === 'tech-staff');
    // August–December 2024 has 153 days; the target is 2025 from January (plan month 6).
    expect(staff?.dueMonth).toBe(6);
    expect(staff?.targets[0]).toMatchObject({ month: 6, yearMonth: '2025-01' });
    expect(staff?.targets[0]?.target.zh).toBe('月末科技人员不少于 12 人');
    expect(p.applicationYear).toBe(2026);
  });

  it('computes the target year’s R&D from the next window with the latest sales held flat, with cumulative monthly targets', () => {
    const p = plan(
      raw({
        years: [
          {
            year: 2021,
            salesFen: 4_000 * WAN,
            rdFen: 100 * WAN,
            domesticRdFen: 100 * WAN,
            netAssetsFen: 1_000 * WAN,
          },
          {
            year: 2022,
            salesFen: 4_600 * WAN,
            rdFen: 150 * WAN,
            domesticRdFen: 150 * WAN,
            netAssetsFen: 1_350 * WAN,
          },
          {
            year: 2023,
            salesFen: 5_290 * WAN,
            rdFen: 200 * WAN,
            domesticRdFen: 200 * WAN,
            netAssetsFen: 1_822_500_000,
            hiTechRevenueFen: 4_000 * WAN,
            totalRevenueFen: 5_300 * WAN,
          },
        ],
      }),
    );
    const rd = p.actions.find((a) => a.id === 'rd-ratio');
    // Next window 2022–2024: 4 % × (4600 + 5290 + 5290)万 = 607.2万, less 150万 + 200万 already spent = 257.2万.
    expect(rd?.steps[0]?.zh).toContain('2024 年度研究开发费用全年不少于 ¥2,572,000.00');
    expect(rd?.dueMonth).toBe(7);
    expect(rd?.dueDate).toBe('2024-12-31');
    expect(rd?.targets[0]?.target.zh).toBe('截至 6 月末累计研发费用不少于 ¥1,286,000.00');
    expect(rd?.targets.at(-1)?.target.zh).toBe('截至 12 月末累计研发费用不少于 ¥2,572,000.00');
    expect(rd?.steps.at(-1)?.zh).toMatch(/^当前差距：研发费用还差 ¥/);
  });

  it('orders what can be closed soonest first: missing data, staff, IP, then year-end figures', () => {
    const p = plan(
      raw({
        hasCoreIpOwnership: false,
        staff: { techStaff: 10, totalStaff: 120 },
        majorIncidentWithinYear: undefined,
        years: [
          {
            year: 2021,
            salesFen: 4_000 * WAN,
            rdFen: 100 * WAN,
            domesticRdFen: 100 * WAN,
            netAssetsFen: 1_000 * WAN,
          },
          {
            year: 2022,
            salesFen: 4_600 * WAN,
            rdFen: 150 * WAN,
            domesticRdFen: 150 * WAN,
            netAssetsFen: 1_350 * WAN,
          },
          {
            year: 2023,
            salesFen: 5_290 * WAN,
            rdFen: 200 * WAN,
            domesticRdFen: 200 * WAN,
            netAssetsFen: 1_822_500_000,
            hiTechRevenueFen: 2_000 * WAN,
            totalRevenueFen: 5_300 * WAN,
          },
        ],
      }),
    );
    expect(p.actions.map((a) => [a.id, a.dueMonth])).toEqual([
      ['data', 1],
      ['tech-staff', 1],
      ['ip-core', 3],
      ['rd-ratio', 7],
      ['hitech-revenue', 7],
    ]);
    expect(p.actions[0]?.steps[0]?.zh).toContain('申请前一年内有无重大安全、质量事故或严重环境违法');
    const ip = p.actions.find((a) => a.id === 'ip-core');
    expect(
      ip?.steps.some((s) =>
        s.zh.includes('实用新型专利（Ⅱ类）：第 1 个月提交，预计第 9 个月（2025-02）取得'),
      ),
    ).toBe(true);
    expect(ip?.steps.some((s) => s.zh.includes('发明专利（Ⅰ类）：审查周期约 22 个月，超出本计划期'))).toBe(
      true,
    );
    expect(p.months[2]?.due).toEqual(['ip-core']);
    expect(p.months[6]?.due).toEqual(['rd-ratio', 'hitech-revenue']);
  });

  it('names the missing year in words in the data action', () => {
    const r = raw();
    const p = plan({
      ...r,
      years: (r.years ?? []).filter((y) => y.year !== 2022),
      score: { ...r.score, growth: {} },
    });
    const data = p.actions.find((a) => a.id === 'data');
    expect(data?.steps.map((s) => s.zh).join(' ')).toContain('2022 年度销售收入');
  });

  it('plans the score items soonest first until the shortfall to 71 is covered', () => {
    const base = raw();
    const p = plan({
      ...base,
      score: {
        ip: {
          advanced: { band: 'C', points: 3 },
          coreSupport: { band: 'C', points: 3 },
          count: { countI: 0, countII: 1, points: 1 },
          acquisition: { band: 'A', points: 3 },
          standards: { band: 'B' },
        },
        transformation: { conversions: 6, years: 3, points: 7 },
        rdManagement: { system: 2, institution: 2, transformation: 1, talent: 1 },
        growth: { netAssetsPoints: 9, salesPoints: 5 },
      },
    });
    // 3 + 3 + 1 + 3 + 0 + 7 + 6 + 14 = 37 points: 34 short. Management (+14 by month 3), IP count (+5 by month 9),
    // acquisition (+3 by month 9), then year-end items.
    const score = p.actions.find((a) => a.id === 'innovation-score');
    expect(score?.steps[0]?.zh).toBe('按现有数据最高 37 分，距 71 分还差 34 分');
    expect(score?.dueMonth).toBe(7);
    expect(score?.steps[1]?.zh).toMatch(/^第 3 个月（2024-08）前：建立健全研发组织管理制度/);
  });

  it('gives words for input paths of years and scores', () => {
    expect(fieldWords('years[year=2023].domesticRdFen')).toEqual({
      zh: '2023 年度境内研究开发费用',
      en: 'domestic R&D expense of 2023',
    });
    expect(fieldWords('score.ip.advanced.points').zh).toBe('技术的先进程度（专家评分）');
    expect(fieldWords('something.else').zh).toBe('something.else');
  });
});

function tsme(over: Partial<TsmeRawInput> = {}) {
  const input = tsmeInput.parse({
    assessmentDate: '2024-03-10',
    residentEnterprise: true,
    employees: 100,
    techStaff: 12,
    salesRevenueFen: 2_000 * WAN,
    totalAssetsFen: 3_000 * WAN,
    prohibitedIndustry: false,
    incidentOrBlacklisted: false,
    rdExpenseFen: 70 * WAN,
    ipI: 0,
    ipII: 1,
    ...over,
  });
  return planTsmeCultivation(input, evaluateTsme(input));
}

describe('a 科小 cultivation plan', () => {
  it('takes staff, IP and R&D improvements soonest first until 60 points are reached', () => {
    // 12 % → 4, R&D 3.5 % of sales → 20, one class Ⅱ → 6: 30 points, 30 short.
    const p = tsme();
    const score = p.actions.find((a) => a.id === 'tsme-score');
    expect(score?.steps[0]?.zh).toBe('综合得分 30 分，距 60 分还差 30 分');
    expect(score?.steps.slice(1).map((s) => s.zh.slice(0, 4))).toEqual(['第 1 ', '第 9 ', '第 9 ']);
    // April–December: the year end is plan month 9.
    expect(score?.dueMonth).toBe(9);
    // R&D to 4 % of ¥20 m sales = ¥800,000 in 2024, as cumulative month-end targets.
    expect(score?.targets.at(-1)?.target.zh).toBe('截至 12 月末累计研发费用不少于 ¥800,000.00');
    expect(p.applicationYear).toBe(2025);
  });

  it('lists a size limit as a gap no plan closes within the year', () => {
    const p = tsme({ employees: 600, techStaff: 200 });
    const basic = p.actions.find((a) => a.id === 'basic-employees');
    expect(basic?.dueMonth).toBeNull();
    expect(p.applicationYear).toBeNull();
  });
});
