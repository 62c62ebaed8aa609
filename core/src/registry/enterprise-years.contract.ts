/**
 * Contracts of an enterprise's yearly figures (revenue, R&D spend, staff, tech staff, net and total assets, 规上
 * flag), one record per enterprise and year. Money is an integer number of 分.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import {
  fenSchema,
  headcountSchema,
  pendingChangeItem,
  provenanceItem,
  signedFenSchema,
  yearFigureConflicts,
} from './enterprises.contract.ts';

const yearNumber = z.coerce.number().int().min(1980).max(2100);

export const yearParams = z.object({ id: z.uuid(), year: yearNumber });

function figuresConsistent(
  v: {
    staff?: number | null | undefined;
    techStaff?: number | null | undefined;
    netAssetsFen?: number | null | undefined;
    totalAssetsFen?: number | null | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  for (const issue of yearFigureConflicts(v))
    ctx.addIssue({ code: 'custom', path: [issue.field], ...bilingual(issue.zh, issue.en, issue.rule) });
}

/** Fields left out stay as they are; `null` clears one. */
export const putYearRequest = z
  .strictObject({
    revenueFen: fenSchema.nullable(),
    rdFen: fenSchema.nullable(),
    staff: headcountSchema.nullable(),
    techStaff: headcountSchema.nullable(),
    netAssetsFen: signedFenSchema.nullable(),
    totalAssetsFen: fenSchema.nullable(),
    aboveScale: z.boolean(),
  })
  .partial()
  .superRefine(figuresConsistent);
export type PutYearInput = z.output<typeof putYearRequest>;

export const yearFigures = z.object({
  revenueFen: z.number().nullable(),
  rdFen: z.number().nullable(),
  staff: z.number().nullable(),
  techStaff: z.number().nullable(),
  netAssetsFen: z.number().nullable(),
  totalAssetsFen: z.number().nullable(),
  aboveScale: z.boolean(),
});
export type YearFigures = z.infer<typeof yearFigures>;

export const yearDetail = yearFigures.extend({
  year: z.number().int(),
  /** False when only pending figures exist for the year. */
  recorded: z.boolean(),
  provenance: z.record(z.string(), provenanceItem),
  pendingChanges: z.array(pendingChangeItem),
});
export type YearDetail = z.infer<typeof yearDetail>;
export const yearList = z.object({ items: z.array(yearDetail) });
