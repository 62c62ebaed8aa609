/**
 * Contracts of the indicators API (指标看板): every indicator of a year with its value, target and progress, the
 * breakdown by town, the drill-down records a figure is counted from, the export, the town split of a target and
 * the reported figures. Values are exact: `value` is a reduced fraction ("1435/209183700"); `display` is the same
 * value rounded for reading, to the indicator's decimals. Dates are `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { attachmentId, attachmentInfo } from '../common/attachment.contract.ts';
import { indicatorId } from './definition.contract.ts';

const text = z.object({ zh: z.string(), en: z.string() });

export const indicatorYear = z.coerce.number().int().min(1980).max(2100);
const townCode = z
  .string()
  .regex(/^\d{9}$/, bilingual('应为 9 位镇街代码', 'must be a 9-digit town code', 'town'));

/** A decimal written out ("100", "8", "12.5"); kept exact on the server. */
export const decimalText = z
  .string()
  .trim()
  .regex(
    /^\d{1,12}(\.\d{1,6})?$/,
    bilingual(
      '应为非负数，最多 6 位小数',
      'must be a non-negative number with at most 6 decimals',
      'decimal',
    ),
  );

/** An exact figure: a reduced fraction and its rounded reading. */
export const exactValue = z.object({
  /** `num/den`, or an integer when the denominator is 1. */
  value: z.string(),
  display: z.string(),
});
export type ExactValue = z.output<typeof exactValue>;

export const targetComparisons = ['at_least', 'above'] as const;
export type TargetComparison = (typeof targetComparisons)[number];

const missing = z.object({
  reason: z.enum(['missing', 'division-by-zero']),
  /** Base indicators without a figure, or the divisor that is zero. */
  inputs: z.array(z.string()),
});

export const townFigure = z.object({
  town: z.string(),
  townName: z.string(),
  figure: exactValue.nullable(),
  target: exactValue.nullable(),
});

export const indicatorOverviewItem = z.object({
  id: indicatorId,
  name: text,
  unit: text,
  decimals: z.int(),
  source: z.enum(['computed', 'formula', 'reported']),
  period: z.enum(['year', 'year-end']),
  /** The formula in the form officials read ("patents.valid_invention ÷ population.resident × 10000"), or the named query. */
  formula: z.string(),
  citation: z.string(),
  figure: exactValue.nullable(),
  missing: missing.nullable(),
  target: z
    .object({
      value: exactValue,
      comparison: z.enum(targetComparisons),
      upper: exactValue.nullable(),
      source: z.string().nullable(),
    })
    .nullable(),
  /** value ÷ target, rounded to a percentage for display; null without both. */
  progress: exactValue.nullable(),
  met: z.boolean().nullable(),
  /** The day the figure stands at (31 December of the year) and when it was read or reported. */
  asOf: z.string(),
  dataTime: z.string(),
  breakdown: z.boolean(),
  drillable: z.boolean(),
  /** For a reported figure: who reports it, whether a document must be attached, and what was entered. */
  reported: z
    .object({
      department: text,
      attachmentRequired: z.boolean(),
      note: z.string().nullable(),
      attachment: attachmentInfo.nullable(),
    })
    .nullable(),
  /** A computed flow's count per month (January first), for the trend; null for stocks, formulas, reported. */
  months: z.array(z.number().int().nonnegative()).length(12).nullable(),
  towns: z.array(townFigure),
});
export type IndicatorOverviewItem = z.output<typeof indicatorOverviewItem>;

export const overviewQuery = z.object({ year: indicatorYear.optional() });

/** The annual summary document (年度工作总结): the year it reports and the serial of its document number. */
export const annualReportQuery = z.object({
  year: indicatorYear,
  /** N of 晋科〔YEAR+1〕N号. */
  number: z.coerce.number().int().min(1).max(9999).default(1),
});
export type AnnualReportQuery = z.output<typeof annualReportQuery>;

export const overviewResponse = z.object({
  year: z.number(),
  years: z.array(z.number()),
  scope: z.enum(['county', 'town']),
  scopeTown: z.string().nullable(),
  items: z.array(indicatorOverviewItem),
});
export type OverviewResponse = z.output<typeof overviewResponse>;

export const indicatorParams = z.object({ id: indicatorId });

export const recordsQuery = z.object({
  year: indicatorYear.optional(),
  town: townCode.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const recordsExportQuery = recordsQuery.omit({ page: true, pageSize: true });

export const recordKinds = ['enterprise', 'patent', 'qualification', 'honour', 'talent'] as const;

export const indicatorRecord = z.object({
  kind: z.enum(recordKinds),
  id: z.string(),
  /** Enterprise or holder name, or the patent title. */
  name: z.string(),
  /** USCC, application number or certificate number. */
  code: z.string().nullable(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  /** Issue, filing or grant day, whichever the indicator counts by. */
  date: z.string().nullable(),
  /** The holder (for a patent or qualification) or another line of detail. */
  detail: z.string().nullable(),
});
export type IndicatorRecord = z.output<typeof indicatorRecord>;

export const recordsResponse = z.object({
  indicator: z.object({ id: indicatorId, name: text, unit: text }),
  year: z.number(),
  town: z.string().nullable(),
  /** What the list holds: the records counted, or (for a coverage) the enterprises not covered. */
  list: text,
  items: z.array(indicatorRecord),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type RecordsResponse = z.output<typeof recordsResponse>;

export const targetPathParams = z.object({ year: indicatorYear, id: indicatorId });

export const targetRequest = z.object({
  value: decimalText,
  comparison: z.enum(targetComparisons).default('at_least'),
  /** The top of a range target ("1—2家"); `value` is its lower bound. County-wide only. */
  upper: decimalText.nullish(),
  source: z.string().trim().max(200).nullish(),
  /** The town split; when given it must add up to `value` exactly. */
  towns: z
    .array(z.object({ town: townCode, value: decimalText }))
    .max(60)
    .optional(),
});
export type TargetRequest = z.input<typeof targetRequest>;

export const targetResponse = z.object({
  indicator: indicatorId,
  year: z.number(),
  value: z.string(),
  comparison: z.enum(targetComparisons),
  upper: z.string().nullable(),
  source: z.string().nullable(),
  towns: z.array(z.object({ town: z.string(), value: z.string() })),
});
export type TargetResponse = z.output<typeof targetResponse>;

export const reportedRequest = z.object({
  value: decimalText,
  note: z.string().trim().max(500).nullish(),
  /** The department's document, uploaded first (POST /api/indicators/attachments); required where the definition says. */
  attachmentId: attachmentId.nullish(),
});
export type ReportedRequest = z.input<typeof reportedRequest>;

export const reportedResponse = z.object({
  indicator: indicatorId,
  year: z.number(),
  value: z.string(),
  note: z.string().nullable(),
  attachment: attachmentInfo.nullable(),
  recordedAt: z.string(),
});
export type ReportedResponse = z.output<typeof reportedResponse>;
