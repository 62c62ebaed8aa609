/**
 * Input of the 高企 recognition-conditions check (国科发火〔2016〕32号 第十一条). Every fact is optional so a
 * partial self-assessment still runs: an absent fact makes its criterion undecided (never guessed).
 * Inconsistent figures are validation errors naming both fields in zh-CN and en-US.
 */
import { z } from 'zod';
import type { Rational } from '../common/rational.ts';
import type { Criterion } from './criteria.ts';
import { dayOf, yearOfDay } from './calendar.ts';
import { accountingYear, conflict, fenAmount, headCount, isoDate, nonNegativeFen } from './schema-parts.ts';
import { annualMonthlyAverage, monthlyHeadcounts } from './staff-average.ts';

export const hnteYearFigures = z.object({
  /** Accounting (calendar) year. */
  year: accountingYear,
  /** 销售收入 = 主营业务收入 + 其他业务收入. */
  salesFen: nonNegativeFen.optional(),
  /** 研究开发费用总额 (HNTE calibre, see cultivation.rd-calibres). */
  rdFen: nonNegativeFen.optional(),
  /** 在中国境内发生的研究开发费用. */
  domesticRdFen: nonNegativeFen.optional(),
  /** 高新技术产品（服务）收入 — only the latest year is used. */
  hiTechRevenueFen: nonNegativeFen.optional(),
  /** 总收入 = 收入总额 − 不征税收入 — only the latest year is used. */
  totalRevenueFen: nonNegativeFen.optional(),
  /** 年末净资产 = 资产总额 − 负债总额 (may be negative); used by the growth indicator of the assessment. */
  netAssetsFen: fenAmount.optional(),
});

export const hnteStaffInput = z.object({
  /** 科技人员 (全年月平均数), or give `techMonthly`. */
  techStaff: headCount.optional(),
  /** 职工总数 (全年月平均数), or give `totalMonthly`. */
  totalStaff: headCount.optional(),
  techMonthly: monthlyHeadcounts.optional(),
  totalMonthly: monthlyHeadcounts.optional(),
});

export const hnteConditionsShape = {
  /** The day the assessment is made; facts dated after it are rejected. */
  assessmentDate: isoDate,
  /** 申请认定 date; defaults to the assessment date (a planned later date is allowed). */
  applicationDate: isoDate.optional(),
  registrationDate: isoDate.optional(),
  hasCoreIpOwnership: z.boolean().optional(),
  techInKeyFields: z.boolean().optional(),
  majorIncidentWithinYear: z.boolean().optional(),
  staff: hnteStaffInput.optional(),
  years: z.array(hnteYearFigures).max(10).default([]),
  /** 企业创新能力评价 total (integer points); the assessment rule computes it instead. */
  innovationScore: z.int().min(0).max(100).optional(),
};

type ConditionsDraft = z.output<z.ZodObject<typeof hnteConditionsShape>>;

interface Ctx {
  addIssue(issue: {
    code: 'custom';
    message: string;
    path: PropertyKey[];
    params: Record<string, string>;
  }): void;
}

function resolvedStaff(staff: ConditionsDraft['staff']): { tech?: Rational; total?: Rational } {
  if (!staff) return {};
  return {
    tech: staff.techStaff ?? (staff.techMonthly ? annualMonthlyAverage(staff.techMonthly) : undefined),
    total: staff.totalStaff ?? (staff.totalMonthly ? annualMonthlyAverage(staff.totalMonthly) : undefined),
  };
}

/** `prefix` followed by `p`: the path of a field inside a nested contract. */
function pathAt(prefix: readonly PropertyKey[], ...p: PropertyKey[]): PropertyKey[] {
  return prefix.length === 0 ? p : [...prefix, ...p];
}

/**
 * Cross-field checks shared with the assessment contract. Written as plain loops without per-call closures:
 * this runs for every enterprise of a 10,000-enterprise batch.
 */
export function checkConditionsConsistency(
  v: ConditionsDraft,
  ctx: Ctx,
  prefix: readonly PropertyKey[] = [],
): void {
  const assessment = dayOf(v.assessmentDate);
  const application = v.applicationDate ? dayOf(v.applicationDate) : assessment;
  const registration = v.registrationDate ? dayOf(v.registrationDate) : undefined;
  if (registration !== undefined && registration > assessment) {
    conflict(
      ctx,
      pathAt(prefix, 'registrationDate'),
      '（注册成立日期）晚于评估日期 assessmentDate',
      '(registration date) is after the assessment date assessmentDate',
      'future_date',
    );
  }
  if (registration !== undefined && registration > application) {
    conflict(
      ctx,
      pathAt(prefix, 'applicationDate'),
      '（申请日期）早于注册成立日期 registrationDate',
      '(application date) is before the registration date registrationDate',
      'date_order',
    );
  }
  const assessmentYear = yearOfDay(assessment);
  const registrationYear = registration === undefined ? undefined : yearOfDay(registration);
  const years = v.years;
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    let repeated = false;
    for (let j = 0; j < i && !repeated; j++) repeated = years[j]!.year === y.year;
    if (repeated)
      conflict(
        ctx,
        pathAt(prefix, 'years', i, 'year'),
        `（${y.year} 年度）重复`,
        `(year ${y.year}) appears twice`,
        'duplicate_year',
      );
    if (y.year >= assessmentYear) {
      conflict(
        ctx,
        pathAt(prefix, 'years', i, 'year'),
        `（${y.year} 年度）在评估日期 assessmentDate 时尚未结束`,
        `(year ${y.year}) has not ended by the assessment date assessmentDate`,
        'future_year',
      );
    }
    if (registrationYear !== undefined && y.year < registrationYear) {
      conflict(
        ctx,
        pathAt(prefix, 'years', i, 'year'),
        `（${y.year} 年度）早于注册成立年度 registrationDate`,
        `(year ${y.year}) is before the registration year registrationDate`,
        'year_before_registration',
      );
    }
    if (y.domesticRdFen !== undefined && y.rdFen !== undefined && y.domesticRdFen > y.rdFen) {
      conflict(
        ctx,
        pathAt(prefix, 'years', i, 'domesticRdFen'),
        `（境内研发费用）大于同年研发费用总额 years.${i}.rdFen`,
        `(domestic R&D) exceeds the total R&D of the same year years.${i}.rdFen`,
        'domestic_exceeds_total',
      );
    }
    if (
      y.hiTechRevenueFen !== undefined &&
      y.totalRevenueFen !== undefined &&
      y.hiTechRevenueFen > y.totalRevenueFen
    ) {
      conflict(
        ctx,
        pathAt(prefix, 'years', i, 'hiTechRevenueFen'),
        `（高新技术产品收入）大于同年总收入 years.${i}.totalRevenueFen`,
        `(hi-tech revenue) exceeds the total revenue of the same year years.${i}.totalRevenueFen`,
        'hitech_exceeds_total',
      );
    }
  }
  const s = v.staff;
  if (s) {
    if (s.techStaff !== undefined && s.techMonthly !== undefined) {
      conflict(
        ctx,
        pathAt(prefix, 'staff', 'techMonthly'),
        '与 staff.techStaff 只能填写一项',
        'and staff.techStaff are alternatives; give one',
        'either_or',
      );
    }
    if (s.totalStaff !== undefined && s.totalMonthly !== undefined) {
      conflict(
        ctx,
        pathAt(prefix, 'staff', 'totalMonthly'),
        '与 staff.totalStaff 只能填写一项',
        'and staff.totalStaff are alternatives; give one',
        'either_or',
      );
    }
    if (s.techMonthly && s.totalMonthly) {
      if (s.techMonthly.length !== s.totalMonthly.length) {
        conflict(
          ctx,
          pathAt(prefix, 'staff', 'techMonthly'),
          '月份数与 staff.totalMonthly 不一致',
          'has a different number of months than staff.totalMonthly',
          'month_count',
        );
      }
      const totals = s.totalMonthly;
      for (let i = 0; i < s.techMonthly.length; i++) {
        const m = s.techMonthly[i]!;
        const t = totals[i];
        if (t && (m.start > t.start || m.end > t.end)) {
          conflict(
            ctx,
            pathAt(prefix, 'staff', 'techMonthly', i),
            `（科技人员）多于同月职工总数 staff.totalMonthly.${i}`,
            `(tech staff) exceeds the total staff of the same month staff.totalMonthly.${i}`,
            'tech_exceeds_total',
          );
        }
      }
    }
    const { tech, total } = resolvedStaff(s);
    if (tech && total && tech.gt(total)) {
      conflict(
        ctx,
        pathAt(prefix, 'staff', s.techStaff !== undefined ? 'techStaff' : 'techMonthly'),
        '（科技人员）多于职工总数 staff.totalStaff',
        '(tech staff) exceeds the total staff staff.totalStaff',
        'tech_exceeds_total',
      );
    }
  }
}

export const hnteConditionsInput = z
  .object(hnteConditionsShape)
  .superRefine((v, ctx) => checkConditionsConsistency(v, ctx));

export type HnteConditionsInput = z.output<typeof hnteConditionsInput>;
export type HnteConditionsRawInput = z.input<typeof hnteConditionsInput>;

export { resolvedStaff };

export interface HnteFigures {
  applicationDate: string;
  registrationDays: number | null;
  earliestApplicationDate: string | null;
  /** 近三个会计年度 (or fewer when the enterprise has operated for less than three years). */
  window: number[];
  latestYear: number;
  rdThresholdPct: number | null;
  rdRatio: string | null;
  rdRatioPct: string | null;
  domesticRdPct: string | null;
  hiTechRevenuePct: string | null;
  techStaffPct: string | null;
  techStaff: string | null;
  totalStaff: string | null;
  salesTotalFen: number | null;
  rdTotalFen: number | null;
  domesticRdTotalFen: number | null;
}

export interface HnteConditionsResult {
  eligible: boolean | null;
  failures: string[];
  undecided: string[];
  criteria: Criterion[];
  figures: HnteFigures;
}

/** Score range known to the caller (the assessment rule passes the computed range). */
export interface ScoreRange {
  min: number;
  max: number;
  /** Input paths of the scores not yet given, when the range is open. */
  unscored?: string[];
}
