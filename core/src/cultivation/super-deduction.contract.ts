/**
 * Input of the super-deduction computation: the tax year, the enterprise's profile (or the revenue figures the
 * manufacturing and negative-list tests need), the R&D figures (a ledger or an already computed base) and any
 * R&D-formed intangibles being amortised.
 */
import { z } from 'zod';
import { dayOf, yearOfDay } from './calendar.ts';
import { parseIndustryCode } from './industry.ts';
import { ledgerEntries } from './rd-ledger.contract.ts';
import { conflict, isoDate, nonNegativeFen } from './schema-parts.ts';

export const enterpriseProfile = z.object({
  /** 居民企业 (default true). */
  residentEnterprise: z.boolean().default(true),
  /** 查账征收 (核定征收 enterprises cannot super-deduct; default true). */
  auditCollection: z.boolean().default(true),
  /** 科技型中小企业 with a registration number for the year. */
  tsme: z.boolean().default(false),
  /** On the 集成电路企业 / 工业母机企业 lists (2023年第44号). */
  listedIcOrMachineTool: z.boolean().default(false),
  /** Give the flags, or give `income` and let the tests decide. */
  manufacturing: z.boolean().optional(),
  negativeList: z.boolean().optional(),
  income: z
    .object({
      /** Main-business revenue by GB/T 4754-2017 code ('C3911', 'F52', 'H'). */
      industryRevenue: z
        .array(z.object({ code: z.string().max(8), revenueFen: nonNegativeFen }))
        .min(1)
        .max(50),
      /** 收入总额 (企业所得税法 第六条). */
      totalIncomeFen: nonNegativeFen,
      nonTaxableIncomeFen: nonNegativeFen.default(0n),
      investmentIncomeFen: nonNegativeFen.default(0n),
    })
    .optional(),
  /** Operating period within the tax year (for 比例法); default the whole year. */
  operatingFrom: isoDate.optional(),
  operatingTo: isoDate.optional(),
  /** Explicit month counts override the dates. */
  operatingMonths: z.int().min(1).max(12).optional(),
  periodOperatingMonths: z.int().min(0).max(12).optional(),
});

export const intangibleInput = z.object({
  id: z.string().max(64).optional(),
  costFen: nonNegativeFen,
  /** 摊销年限 — not below 10 years (企业所得税法实施条例 第六十七条; 执行指引2.0). */
  amortisationYears: z.int().min(10).max(50),
  /** Months amortised in this tax year (default 12). */
  monthsInYear: z.int().min(1).max(12).default(12),
});

export const superDeductionInput = z
  .object({
    taxYear: z.int().min(2008).max(2100),
    enterprise: enterpriseProfile.default({
      residentEnterprise: true,
      auditCollection: true,
      tsme: false,
      listedIcOrMachineTool: false,
    }),
    /** The year's ledger, or … */
    entries: ledgerEntries.optional(),
    /** … the expensed base (允许加计扣除的研发费用) already computed. */
    expensedBaseFen: nonNegativeFen.optional(),
    /** Actual expensed R&D of a part-year period (2022 Q4), for the actual method. */
    periodActualFen: nonNegativeFen.optional(),
    /** Force a method for a part-year record; default the better for the enterprise. */
    method: z.enum(['proportional', 'actual']).optional(),
    intangibles: z.array(intangibleInput).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.entries !== undefined && v.expensedBaseFen !== undefined) {
      conflict(
        ctx,
        ['expensedBaseFen'],
        '与 entries 只能填写一项',
        'and entries are alternatives; give one',
        'either_or',
      );
    }
    const e = v.enterprise;
    if (e.income) {
      const income = e.income;
      if (e.manufacturing !== undefined)
        conflict(
          ctx,
          ['enterprise', 'manufacturing'],
          '与 enterprise.income 只能填写一项',
          'and enterprise.income are alternatives; give one',
          'either_or',
        );
      if (e.negativeList !== undefined)
        conflict(
          ctx,
          ['enterprise', 'negativeList'],
          '与 enterprise.income 只能填写一项',
          'and enterprise.income are alternatives; give one',
          'either_or',
        );
      income.industryRevenue.forEach((r, i) => {
        if (!parseIndustryCode(r.code))
          conflict(
            ctx,
            ['enterprise', 'income', 'industryRevenue', i, 'code'],
            '不是有效的 GB/T 4754-2017 行业代码',
            'is not a GB/T 4754-2017 industry code',
            'industry_code',
          );
      });
      const sum = income.industryRevenue.reduce((s, r) => s + r.revenueFen, 0n);
      if (sum > income.totalIncomeFen) {
        conflict(
          ctx,
          ['enterprise', 'income', 'industryRevenue'],
          '（主营业务收入合计）大于收入总额 enterprise.income.totalIncomeFen',
          '(sum of main-business revenue) exceeds total income enterprise.income.totalIncomeFen',
          'revenue_exceeds_income',
        );
      }
      if (income.nonTaxableIncomeFen + income.investmentIncomeFen > income.totalIncomeFen) {
        conflict(
          ctx,
          ['enterprise', 'income', 'nonTaxableIncomeFen'],
          '（不征税收入与投资收益之和）大于收入总额 enterprise.income.totalIncomeFen',
          '(non-taxable plus investment income) exceeds total income enterprise.income.totalIncomeFen',
          'deductions_exceed_income',
        );
      }
    }
    for (const key of ['operatingFrom', 'operatingTo'] as const) {
      const d = e[key];
      if (d && yearOfDay(dayOf(d)) !== v.taxYear)
        conflict(
          ctx,
          ['enterprise', key],
          `不在纳税年度 ${v.taxYear} 内`,
          `is outside tax year ${v.taxYear}`,
          'date_outside_year',
        );
    }
    if (e.operatingFrom && e.operatingTo && dayOf(e.operatingTo) < dayOf(e.operatingFrom)) {
      conflict(
        ctx,
        ['enterprise', 'operatingTo'],
        '早于 enterprise.operatingFrom',
        'is before enterprise.operatingFrom',
        'date_order',
      );
    }
    if (
      e.operatingMonths !== undefined &&
      e.periodOperatingMonths !== undefined &&
      e.periodOperatingMonths > e.operatingMonths
    ) {
      conflict(
        ctx,
        ['enterprise', 'periodOperatingMonths'],
        '大于全年经营月份数 enterprise.operatingMonths',
        "exceeds the year's operating months enterprise.operatingMonths",
        'months_order',
      );
    }
    if (
      v.periodActualFen !== undefined &&
      v.expensedBaseFen !== undefined &&
      v.periodActualFen > v.expensedBaseFen
    ) {
      conflict(
        ctx,
        ['periodActualFen'],
        '（期间实际研发费用）大于全年 expensedBaseFen',
        '(period actual R&D) exceeds the annual base expensedBaseFen',
        'period_exceeds_year',
      );
    }
    if (v.method === 'actual' && v.periodActualFen === undefined) {
      conflict(
        ctx,
        ['periodActualFen'],
        '选择实际发生额法时为必填项',
        'is required for the actual method',
        'required_for_actual',
      );
    }
  });

export type SuperDeductionInput = z.output<typeof superDeductionInput>;
export type SuperDeductionRawInput = z.input<typeof superDeductionInput>;
export type EnterpriseProfile = z.output<typeof enterpriseProfile>;
export type IntangibleInput = z.output<typeof intangibleInput>;
