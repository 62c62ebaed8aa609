/**
 * Contracts of programme funds (资金): policy standards as versioned records, the award of an application (the
 * computed amount line by line, the approved amount and the reason for any adjustment), disbursements in
 * instalments, clawbacks, acceptance records, and supervision (flags and each call's budget use). Money is whole
 * 分 as a decimal string, so JSON never rounds it; days are `YYYY-MM-DD` in China time.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { policyStandardFields, standardChecks } from './policy-standard.contract.ts';

const text = z.object({ zh: z.string(), en: z.string() });
const day = z.iso.date(bilingual('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)', 'date'));
const fen = z.string();
const positiveFen = z
  .string()
  .regex(
    /^[1-9]\d{0,14}$/,
    bilingual('应为大于 0 的整数分', 'must be a positive whole number of fen', 'fen'),
  );
const wholeFen = z
  .string()
  .regex(/^(0|[1-9]\d{0,14})$/, bilingual('应为整数分', 'must be a whole number of fen', 'fen'));
const words = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, bilingual(`至少 ${min} 个字`, `must have at least ${min} characters`, 'min'))
    .max(max, bilingual(`最多 ${max} 个字`, `must have at most ${max} characters`, 'max'));

export const idParams = z.object({
  id: z.uuid(bilingual('应为编号（UUID）', 'must be an id (a UUID)', 'uuid')),
});
export const standardParams = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .max(60),
});

export const standardStatuses = ['in_force', 'future', 'ended'] as const;
export const standardView = policyStandardFields.extend({
  status: z.enum(standardStatuses),
  createdAt: z.string().nullable(),
});
export type StandardView = z.output<typeof standardView>;
export const standardsQuery = z.object({ programme: z.string().max(60).optional() });
export const standardsResponse = z.object({ items: z.array(standardView) });
export type StandardsResponse = z.output<typeof standardsResponse>;

/** A new version: the id is `<programme>-<effectiveFrom>`; it may not start before tomorrow (never retroactive). */
export const standardRequest = standardChecks(policyStandardFields.omit({ id: true }));
export type StandardRequest = z.input<typeof standardRequest>;

export const amountLine = z.object({ zh: z.string(), en: z.string(), amountFen: fen });

export const computation = z.object({
  standardId: z.string(),
  standardName: text,
  citation: z.string(),
  note: z.string().nullable(),
  /** The day that chose the standard: the day the application was approved (立项). */
  decidedOn: z.string(),
  lines: z.array(amountLine),
  notes: z.array(text),
  grossFen: fen,
  proposedFen: fen,
  capped: z.boolean(),
});
export type Computation = z.output<typeof computation>;

export const award = computation.extend({
  approvedFen: fen,
  /** Null when the approved amount is the proposed one; hidden from the applicant. */
  adjustmentReason: z.string().nullable(),
  itemKeys: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Award = z.output<typeof award>;

export const disbursement = z.object({
  id: z.string(),
  instalment: z.number().int(),
  budgetLine: z.string(),
  amountFen: fen,
  paidOn: z.string(),
  voucherNo: z.string(),
  createdAt: z.string(),
});
export type Disbursement = z.output<typeof disbursement>;

export const clawback = z.object({
  id: z.string(),
  amountFen: fen,
  reason: z.string(),
  recoveredOn: z.string(),
  createdAt: z.string(),
});
export type Clawback = z.output<typeof clawback>;

export const acceptanceConclusions = ['passed', 'failed'] as const;
export const acceptanceConclusionLabels = {
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '不通过', en: 'Failed' },
} as const;
export const acceptance = z.object({
  id: z.string(),
  conclusion: z.enum(acceptanceConclusions),
  comments: z.string(),
  decidedOn: z.string(),
  createdAt: z.string(),
});
export type Acceptance = z.output<typeof acceptance>;

export const budgetUse = z.object({
  callId: z.string(),
  callTitle: z.string(),
  year: z.number().int(),
  budgetFen: fen,
  awardedFen: fen,
  remainingFen: fen,
  disbursedFen: fen,
  clawedBackFen: fen,
  awards: z.number().int(),
});
export type BudgetUse = z.output<typeof budgetUse>;

export const fundsDetail = z.object({
  applicationId: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  enterpriseName: z.string(),
  phase: z.string(),
  /** In phase 立项 or later, so an award may be made. */
  awardable: z.boolean(),
  computation: computation.nullable(),
  /** Why nothing could be computed (no standard in force, two overlapping). */
  computationProblem: text.nullable(),
  award: award.nullable(),
  disbursements: z.array(disbursement),
  clawbacks: z.array(clawback),
  acceptances: z.array(acceptance),
  totals: z.object({
    approvedFen: fen,
    disbursedFen: fen,
    clawedBackFen: fen,
    netPaidFen: fen,
    undisbursedFen: fen,
  }),
  /** The call's budget use; null for the applicant. */
  budget: budgetUse.nullable(),
});
export type FundsDetail = z.output<typeof fundsDetail>;

export const adjustRequest = z.object({ approvedFen: wholeFen, reason: words(2, 500) });
export type AdjustRequest = z.input<typeof adjustRequest>;

export const disbursementRequest = z.object({
  budgetLine: words(2, 60),
  amountFen: positiveFen,
  paidOn: day,
  voucherNo: words(1, 40),
});
export type DisbursementRequest = z.input<typeof disbursementRequest>;

export const clawbackRequest = z.object({
  amountFen: positiveFen,
  reason: words(2, 500),
  recoveredOn: day,
});
export type ClawbackRequest = z.input<typeof clawbackRequest>;

export const acceptanceRequest = z.object({
  conclusion: z.enum(
    acceptanceConclusions,
    bilingual('应为 passed 或 failed', 'must be passed or failed', 'enum'),
  ),
  comments: words(2, 1000),
  decidedOn: day,
});
export type AcceptanceRequest = z.input<typeof acceptanceRequest>;

export const flagKinds = ['duplicate', 'lapsed-within-clawback', 'above-standard'] as const;
export const flagKindLabels = {
  duplicate: { zh: '重复资助', en: 'Funded twice' },
  'lapsed-within-clawback': { zh: '专利追回期内失效', en: 'Patent lapsed in the clawback window' },
  'above-standard': { zh: '高于标准', en: 'Above the standard' },
} as const;
export const supervisionFlag = z.object({
  kind: z.enum(flagKinds),
  applicationIds: z.array(z.string()),
  callTitles: z.array(z.string()),
  enterpriseName: z.string(),
  uscc: z.string(),
  itemKey: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
});
export type SupervisionFlag = z.output<typeof supervisionFlag>;
export const supervisionQuery = z.object({
  callId: z.uuid(bilingual('应为编号（UUID）', 'must be an id (a UUID)', 'uuid')).optional(),
});
export const supervisionResponse = z.object({
  flags: z.array(supervisionFlag),
  budgets: z.array(budgetUse),
});
export type SupervisionResponse = z.output<typeof supervisionResponse>;
