/** What funds readers see: rows mapped to the contracts, amounts in officials' words, the one-field 400. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import { formatWan, formatYuan } from '@jinke/core/common/money.ts';
import type {
  Acceptance,
  Award,
  BudgetUse,
  Clawback,
  Disbursement,
  StandardView,
} from '@jinke/core/funds/api.contract.ts';
import { policyStandard, type PolicyStandard } from '@jinke/core/funds/policy-standard.contract.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { AcceptanceRow, AwardRow, ClawbackRow, DisbursementRow, StandardRow } from './funds.repo.ts';
import type { BudgetRow } from './supervision.repo.ts';

export type Scoped = RequestContext & { actor: Actor };

/** `12.5万元（¥125,000.00）`: the 万元 officials write, and the exact 元. */
export const amountText = (fen: bigint) => `${formatWan(fen)}（${formatYuan(fen, { symbol: true })}）`;

/** A 400 naming one field, in the caller's language, like request validation's. */
export function fieldError(locale: Locale, field: string, rule: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${field} ${zh}`,
      en: `The submitted data is invalid: ${field} ${en}`,
    },
    details: { fields: [{ field, message: `${field} ${locale === 'en-US' ? en : zh}`, rule }] },
  });
}

export const standardOf = (r: StandardRow): PolicyStandard => policyStandard.parse(r.body);

export function toStandardView(r: StandardRow, today: string): StandardView {
  const s = standardOf(r);
  const status =
    s.effectiveFrom > today
      ? 'future'
      : s.effectiveTo !== undefined && s.effectiveTo < today
        ? 'ended'
        : 'in_force';
  return { ...s, status, createdAt: r.created_at };
}

export function toAward(r: AwardRow, s: PolicyStandard, applicant: boolean): Award {
  return {
    standardId: r.standard_id,
    standardName: s.name,
    citation: s.citation,
    note: s.note ?? null,
    decidedOn: r.decided_on,
    lines: r.computation.lines,
    notes: r.computation.notes,
    grossFen: r.computation.grossFen,
    proposedFen: r.proposed_fen,
    capped: r.computation.capped,
    approvedFen: r.approved_fen,
    adjustmentReason: applicant ? null : r.adjustment_reason,
    itemKeys: r.item_keys,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const toDisbursement = (r: DisbursementRow): Disbursement => ({
  id: r.id,
  instalment: r.instalment,
  budgetLine: r.budget_line,
  amountFen: r.amount_fen,
  paidOn: r.paid_on,
  voucherNo: r.voucher_no,
  createdAt: r.created_at,
});

export const toClawback = (r: ClawbackRow): Clawback => ({
  id: r.id,
  amountFen: r.amount_fen,
  reason: r.reason,
  recoveredOn: r.recovered_on,
  createdAt: r.created_at,
});

export const toAcceptance = (r: AcceptanceRow): Acceptance => ({
  id: r.id,
  conclusion: r.conclusion,
  comments: r.comments,
  decidedOn: r.decided_on,
  createdAt: r.created_at,
});

/** A call's budget use as the contract has it; what is left is the budget less the approved awards. */
export function budgetView(r: BudgetRow): BudgetUse {
  const budget = BigInt(r.budget_fen);
  const awarded = BigInt(r.awarded_fen);
  return {
    callId: r.call_id,
    callTitle: r.call_title,
    year: r.year,
    budgetFen: r.budget_fen,
    awardedFen: r.awarded_fen,
    remainingFen: (budget - awarded).toString(),
    disbursedFen: r.disbursed_fen,
    clawedBackFen: r.clawed_back_fen,
    awards: r.awards,
  };
}
