/**
 * Contracts of the officers' candidate pipeline (高企培育库): the ranked list with its summary and aggregated gaps,
 * the certificates expiring within twelve months, the export and the yearly targets. Readiness classes are
 * defined in pipeline.readiness.ts. Money is an integer number of 分; dates are `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { CRITERION_ORDER, readinessClasses } from './pipeline.readiness.ts';

const bilingualText = z.object({ zh: z.string(), en: z.string() });

const campaignYear = z.coerce.number().int().min(2000).max(2100);

/** Comma-separated criterion ids, e.g. `rd-ratio` or `tech-staff,rd-ratio`: the exact set of failed criteria. */
const gapSet = z
  .string()
  .trim()
  .refine(
    (v) => v.split(',').every((id) => (CRITERION_ORDER as readonly string[]).includes(id)),
    bilingual(
      `应为以逗号分隔的条件编号（${CRITERION_ORDER.join('、')}）`,
      `must be criterion ids separated by commas (${CRITERION_ORDER.join(', ')})`,
      'gap_ids',
    ),
  )
  .transform((v) => {
    const ids = new Set(v.split(','));
    return CRITERION_ORDER.filter((id) => ids.has(id)).join(',');
  });

export const pipelineSorts = ['readiness', 'name', 'revenue'] as const;

const filters = {
  /** Campaign year; by default the latest year with a target, else the current year. */
  year: campaignYear.optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  /** A 门类 letter, or 2–4 digits: a 大类 selects all of its 中类 and 小类. */
  industry: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (v) => /^([A-T]|\d{2,4})$/.test(v),
      bilingual(
        '应为门类字母或 2–4 位行业代码',
        'must be a section letter or a 2–4 digit industry code',
        'industry_filter',
      ),
    )
    .optional(),
  readiness: z.enum(readinessClasses).optional(),
  gaps: gapSet.optional(),
  sort: z.enum(pipelineSorts).optional(),
  order: z.enum(['asc', 'desc']).optional(),
};

export const pipelineQuery = z.object({
  ...filters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PipelineQuery = z.output<typeof pipelineQuery>;

/** The list's filters without paging: every matching row goes into the workbook. */
export const pipelineExportQuery = z.object(filters);
export type PipelineExportQuery = z.output<typeof pipelineExportQuery>;

export const pipelineItem = z.object({
  rank: z.number().int(),
  enterpriseId: z.string(),
  name: z.string(),
  uscc: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  readiness: z.enum(readinessClasses),
  /** Failed criteria (ids) with the words of what closes each gap. */
  gaps: z.array(z.object({ id: z.string(), label: bilingualText, gap: bilingualText.nullable() })),
  /** Criteria the registry cannot decide: to be confirmed with the enterprise. */
  unknowns: z.array(z.object({ id: z.string(), label: bilingualText })),
  latestSalesFen: z.number().nullable(),
  rdRatioPct: z.string().nullable(),
  rdRequiredPct: z.number().nullable(),
  techStaffPct: z.string().nullable(),
  registrationDays: z.number().nullable(),
  validInventions: z.number().int(),
  validOtherPatents: z.number().int(),
  /** Last valid day of the HNTE certificate in force on the campaign day, if any. */
  hnteValidTo: z.string().nullable(),
});
export type PipelineItem = z.infer<typeof pipelineItem>;

export const gapGroup = z.object({
  /** The exact set of failed criteria, comma-separated: the value of the `gaps` filter. */
  key: z.string(),
  criteria: z.array(z.string()),
  count: z.number().int(),
  /** "37 家企业仅差研发费用占比" / "37 enterprises miss only the R&D ratio". */
  text: bilingualText,
});
export type GapGroup = z.infer<typeof gapGroup>;

export const targetItem = z.object({
  year: z.number().int(),
  /** The count of valid HNTE must exceed this ("突破100家"). */
  targetAbove: z.number().int(),
  source: z.string().nullable(),
});
export type TargetItem = z.infer<typeof targetItem>;

export const pipelineResponse = z.object({
  campaign: z.object({
    year: z.number().int(),
    /** The day the campaign is judged on: today in the current year, 31 December of a past one. */
    asOf: z.string(),
    target: targetItem.nullable(),
    /** Years an officer may pick: those with a target, and the current year. */
    years: z.array(z.number().int()),
  }),
  snapshot: z.object({
    computedAt: z.string(),
    /** The registry changed (or a day passed) since: a refresh is running and the page should ask again. */
    stale: z.boolean(),
    enterprises: z.number().int(),
  }),
  summary: z.object({
    /** Enterprises holding an HNTE certificate in force on the campaign day, within the caller's scope. */
    validHnte: z.number().int(),
    /** 'county' for bureau-wide roles, 'town' for a town officer (the target is the county's). */
    scope: z.enum(['county', 'town']),
    eligible: z.number().int(),
    oneGap: z.number().int(),
    twoGaps: z.number().int(),
    far: z.number().int(),
    incomplete: z.number().int(),
    /** Certificates expiring within twelve months of the campaign day. */
    expiring: z.number().int(),
  }),
  gaps: z.array(gapGroup),
  items: z.array(pipelineItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PipelineResponse = z.infer<typeof pipelineResponse>;

export const expiringQuery = z.object({
  year: campaignYear.optional(),
  town: filters.town,
});
export type ExpiringQuery = z.output<typeof expiringQuery>;

export const expiringItem = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  uscc: z.string(),
  townName: z.string().nullable(),
  certificateNo: z.string().nullable(),
  issuedOn: z.string(),
  validTo: z.string(),
  daysLeft: z.number().int(),
  /** Readiness for re-application in the campaign's snapshot (null when the snapshot lacks the enterprise). */
  readiness: z.enum(readinessClasses).nullable(),
  gaps: z.array(z.object({ id: z.string(), label: bilingualText })),
});
export type ExpiringItem = z.infer<typeof expiringItem>;

export const expiringResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  /** The last day of the twelve-month window. */
  until: z.string(),
  items: z.array(expiringItem),
});
export type ExpiringResponse = z.infer<typeof expiringResponse>;

export const targetParams = z.object({ year: campaignYear });

export const targetRequest = z.strictObject({
  targetAbove: z.int().min(0).max(100_000),
  source: z.string().trim().max(200).nullable().optional(),
});
export type TargetRequest = z.output<typeof targetRequest>;
