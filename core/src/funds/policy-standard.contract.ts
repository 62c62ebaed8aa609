/**
 * Funding policy standards as versioned data (资助标准): what a programme pays, from which day to which, under which
 * document. A new standard or a changed amount is a new record; the engine picks the record in force on the day
 * that decides (application or grant date), so past awards keep their standard.
 */
import { z } from 'zod';

const text = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
const slug = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/)
  .max(60);
const day = z.iso.date();
/** Whole 分 as a decimal string, so JSON never rounds money. */
const fenText = z.string().regex(/^\d{1,15}$/, { message: '金额应为整数分 / amount in whole fen' });

export const perItemRate = z.object({
  /** What is counted, e.g. `invention_grant`, `pct_filing`, `new_hnte`. */
  item: slug,
  label: text,
  unit: text,
  amountFen: fenText,
  /** At most this many items are paid per enterprise per year (absent → no limit). */
  maxItems: z.int().min(1).optional(),
});

export const tier = z.object({
  /** The part of the base above this amount (and up to the next tier) is paid at `percent`. */
  fromFen: fenText,
  percent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/),
});

/** The fields of a standard; `policyStandard` adds the cross-field checks. */
export const policyStandardFields = z.object({
  id: slug,
  programme: slug,
  name: text,
  effectiveFrom: day,
  /** Last day in force; absent while in force. */
  effectiveTo: day.optional(),
  citation: z.string().trim().min(1).max(300),
  perItem: z.array(perItemRate).max(30).default([]),
  /** Marginal tiers over a base figure, e.g. an R&D subsidy over the year's growth in R&D spend. */
  tiers: z.object({ base: text, bands: z.array(tier).min(1).max(10) }).optional(),
  capPerApplicationFen: fenText.optional(),
  capPerEnterpriseYearFen: fenText.optional(),
  /** Years after the award within which a lapsed funded patent is clawed back (absent → 2). */
  clawbackYears: z.int().min(0).max(10).optional(),
  /** Where the amounts come from when no official figure is published: the bureau's own configurable figure. */
  note: z.string().trim().max(300).optional(),
});

type StandardShape = {
  effectiveFrom: string;
  effectiveTo?: string | undefined;
  perItem: unknown[];
  tiers?: unknown;
};

/** The checks every standard passes: it ends on or after it starts, and it has a way to compute. */
export function standardChecks<T extends z.ZodType<StandardShape>>(schema: T) {
  return schema
    .refine((s) => s.effectiveTo === undefined || s.effectiveTo >= s.effectiveFrom, {
      path: ['effectiveTo'],
      message: '失效日期早于生效日期 / ends before it starts',
      params: { zh: '失效日期早于生效日期', en: 'ends before it starts', rule: 'order' },
    })
    .refine((s) => s.perItem.length > 0 || s.tiers !== undefined, {
      path: ['perItem'],
      message: '至少需要一项计算方式 / give per-item rates or tiers',
      params: {
        zh: '至少需要一项计算方式（按件或分段）',
        en: 'give per-item rates or tiers',
        rule: 'required',
      },
    });
}

export const policyStandard = standardChecks(policyStandardFields);
export type PolicyStandard = z.output<typeof policyStandard>;
export type PolicyStandardInput = z.input<typeof policyStandard>;
