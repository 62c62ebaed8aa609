/**
 * An application's funds (资金): the award computed from the programme's standard in force on the day the
 * application was approved (立项), line by line; the officer's adjustment with its reason; disbursements in
 * instalments (the first one on an application in 协议 moves it to 拨付 through the workflow, in the same
 * transaction); clawbacks; the acceptance (验收) record, a pass closing the project. A call's approved awards never
 * exceed its budget and an application's instalments never exceed its approved amount. Every change is audited in
 * its transaction; a refused change writes nothing.
 */
import type {
  AcceptanceRequest,
  AdjustRequest,
  ClawbackRequest,
  Computation,
  DisbursementRequest,
  FundsDetail,
} from '@jinke/core/funds/api.contract.ts';
import { claimedFacts, patentNumbersOf } from '@jinke/core/funds/award-facts.ts';
import { proposeAmount, standardInForce } from '@jinke/core/funds/proposed-amount.ts';
import type { PolicyStandard } from '@jinke/core/funds/policy-standard.contract.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { applicationsService } from '../programmes/index.ts';
import * as repo from './funds.repo.ts';
import * as supervisionRepo from './supervision.repo.ts';
import { AWARDABLE_PHASES, DISBURSABLE_PHASES } from './funds.policy.ts';
import {
  amountText,
  budgetView,
  fieldError,
  standardOf,
  toAcceptance,
  toAward,
  toClawback,
  toDisbursement,
  type Scoped,
} from './funds.views.ts';

type Computed =
  | {
      ok: true;
      standard: PolicyStandard;
      computation: Computation;
      items: Record<string, number>;
      baseFen: bigint | null;
      itemKeys: string[];
    }
  | { ok: false; problem: { zh: string; en: string } };

const sum = (values: Iterable<string>) => [...values].reduce((t, v) => t + BigInt(v), 0n);

export function fundsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const applications = applicationsService(deps);
  const today = () => chinaDate(clock());

  async function scope(ex: Executor, ctx: Scoped): Promise<string | null> {
    if (ctx.actor.role !== 'enterprise') return null;
    const id = ctx.actor.scopeId ? await repo.enterpriseIdByUscc(ex, ctx.actor.scopeId) : null;
    if (!id) throw new AppError('NOT_FOUND');
    return id;
  }

  async function caseFor(ex: Executor, ctx: Scoped, id: string, lock = false): Promise<repo.CaseRow> {
    const c = await repo.caseOf(ex, id, await scope(ex, ctx), lock);
    if (!c) throw new AppError('NOT_FOUND');
    return c;
  }

  /** The proposed amount under the standard in force on the day of 立项 (today if the log has none). */
  async function compute(ex: Executor, c: repo.CaseRow): Promise<Computed> {
    const decidedOn = c.approved_at ? chinaDate(new Date(c.approved_at)) : today();
    const standards = (await repo.listStandards(ex, c.kind)).map(standardOf);
    const choice = standardInForce(standards, c.kind, decidedOn);
    if (!choice.ok) return { ok: false, problem: { zh: choice.zh, en: choice.en } };
    const listed = c.kind === 'patent_subsidy' ? patentNumbersOf(c.form_data.patentNumbers) : [];
    const patents = (await repo.patentsOf(ex, c.enterprise_id, listed)).map((p) => ({
      applicationNo: p.application_no,
      type: p.type,
      granted: p.granted,
    }));
    const claimed = claimedFacts(c.kind, c.form_data, patents);
    const prior = await repo.awardedThisYear(ex, {
      enterpriseId: c.enterprise_id,
      programme: c.kind,
      year: Number(decidedOn.slice(0, 4)),
      exceptApplication: c.id,
    });
    const result = proposeAmount(choice.standard, {
      ...claimed.facts,
      itemsPaidThisYear: prior.items,
      awardedThisYearFen: prior.approvedFen,
    });
    const s = choice.standard;
    return {
      ok: true,
      standard: s,
      items: result.paidItems,
      baseFen: claimed.facts.baseFen ?? null,
      itemKeys: claimed.itemKeys,
      computation: {
        standardId: s.id,
        standardName: s.name,
        citation: s.citation,
        note: s.note ?? null,
        decidedOn,
        lines: result.lines,
        notes: claimed.notes,
        grossFen: result.grossFen,
        proposedFen: result.amountFen,
        capped: result.capped,
      },
    };
  }

  async function detail(ex: Executor, ctx: Scoped, id: string): Promise<FundsDetail> {
    const c = await caseFor(ex, ctx, id);
    const applicant = ctx.actor.role === 'enterprise';
    const awardable = AWARDABLE_PHASES.includes(c.phase);
    const [awardRow, disbursements, clawbacks, acceptances] = await Promise.all([
      repo.awardOf(ex, id),
      repo.disbursementsOf(ex, id),
      repo.clawbacksOf(ex, id),
      repo.acceptancesOf(ex, id),
    ]);
    let award = null;
    if (awardRow) {
      const row = (await repo.listStandards(ex, c.kind)).find((r) => r.id === awardRow.standard_id);
      award = toAward(awardRow, standardOf(row!), applicant);
    }
    const preview = !awardRow && awardable && !applicant ? await compute(ex, c) : null;
    const approved = awardRow ? BigInt(awardRow.approved_fen) : 0n;
    const disbursed = sum(disbursements.map((d) => d.amount_fen));
    const clawedBack = sum(clawbacks.map((k) => k.amount_fen));
    const budgetRow = applicant ? undefined : (await supervisionRepo.budgets(ex, c.call_id))[0];
    return {
      applicationId: c.id,
      callId: c.call_id,
      callTitle: c.call_title,
      enterpriseName: c.enterprise_name,
      phase: c.phase,
      awardable,
      computation: preview?.ok ? preview.computation : null,
      computationProblem: preview && !preview.ok ? preview.problem : null,
      award,
      disbursements: disbursements.map(toDisbursement),
      clawbacks: clawbacks.map(toClawback),
      acceptances: acceptances.map(toAcceptance),
      totals: {
        approvedFen: approved.toString(),
        disbursedFen: disbursed.toString(),
        clawedBackFen: clawedBack.toString(),
        netPaidFen: (disbursed - clawedBack).toString(),
        undisbursedFen: (approved - disbursed).toString(),
      },
      budget: budgetRow ? budgetView(budgetRow) : null,
    };
  }

  const get = (ctx: Scoped, id: string) => detail(db, ctx, id);

  /** Refuses an approved amount that would take the call's awards past its budget, naming what is left. */
  async function checkBudget(tx: Executor, c: repo.CaseRow, approved: bigint): Promise<void> {
    await repo.lockCall(tx, c.call_id);
    const others = await repo.awardedInCall(tx, c.call_id, c.id);
    const budget = BigInt(c.budget_fen);
    const left = budget - others > 0n ? budget - others : 0n;
    if (approved > left)
      throw new AppError('FUNDS_BUDGET_EXCEEDED', {
        userMessage: {
          zh: `超出申报通知预算：预算 ${amountText(budget)}，其他项目已核定 ${amountText(others)}，剩余预算 ${amountText(left)}，本次 ${amountText(approved)}`,
          en: `The call’s budget would be overspent: budget ${amountText(budget)}, ${amountText(others)} awarded to others, remaining budget ${amountText(left)}, asked ${amountText(approved)}`,
        },
        details: { remainingFen: left.toString() },
      });
  }

  async function createAward(ctx: Scoped, id: string): Promise<FundsDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const c = await caseFor(tx, ctx, id, true);
      if (!AWARDABLE_PHASES.includes(c.phase)) throw new AppError('FUNDS_NOT_AWARDABLE');
      if (await repo.awardOf(tx, id)) throw new AppError('FUNDS_AWARD_EXISTS');
      const computed = await compute(tx, c);
      if (!computed.ok) throw new AppError('FUNDS_NO_STANDARD', { userMessage: computed.problem });
      const proposed = BigInt(computed.computation.proposedFen);
      await checkBudget(tx, c, proposed);
      const { lines, notes, grossFen, capped } = computed.computation;
      await repo.insertAward(
        tx,
        {
          applicationId: id,
          standardId: computed.standard.id,
          decidedOn: computed.computation.decidedOn,
          items: computed.items,
          baseFen: computed.baseFen,
          itemKeys: computed.itemKeys,
          computation: { lines, notes, grossFen, capped },
          proposedFen: proposed,
        },
        ctx.actor.userId,
        now,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.award_created',
          entityType: 'programme_application',
          entityId: id,
          changes: {
            standard: [null, computed.standard.id],
            proposedFen: [null, proposed.toString()],
            approvedFen: [null, proposed.toString()],
          },
        },
        now,
      );
      return detail(tx, ctx, id);
    });
  }

  async function adjustAward(ctx: Scoped, id: string, body: AdjustRequest): Promise<FundsDetail> {
    const now = clock();
    const approved = BigInt(body.approvedFen);
    return db.transaction(async (tx) => {
      const c = await caseFor(tx, ctx, id, true);
      const award = await repo.awardOf(tx, id);
      if (!award) throw new AppError('FUNDS_NO_AWARD');
      const disbursed = sum((await repo.disbursementsOf(tx, id)).map((d) => d.amount_fen));
      if (approved < disbursed)
        throw new AppError('FUNDS_BELOW_DISBURSED', {
          userMessage: {
            zh: `核定金额不能低于已拨付的 ${amountText(disbursed)}`,
            en: `The approved amount cannot be less than the ${amountText(disbursed)} already disbursed`,
          },
        });
      await checkBudget(tx, c, approved);
      await repo.adjustAward(tx, id, approved, body.reason, ctx.actor.userId, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.award_adjusted',
          entityType: 'programme_application',
          entityId: id,
          changes: {
            approvedFen: [award.approved_fen, approved.toString()],
            reason: [award.adjustment_reason, body.reason],
          },
        },
        now,
      );
      return detail(tx, ctx, id);
    });
  }

  const notFuture = (ctx: Scoped, field: string, day: string) => {
    if (day > today())
      throw fieldError(
        ctx.locale,
        field,
        'future',
        `不能晚于今天（${today()}）`,
        `must not be after today (${today()})`,
      );
  };

  async function disburse(ctx: Scoped, id: string, body: DisbursementRequest): Promise<FundsDetail> {
    notFuture(ctx, 'paidOn', body.paidOn);
    const now = clock();
    const amount = BigInt(body.amountFen);
    return db.transaction(async (tx) => {
      const c = await caseFor(tx, ctx, id, true);
      const award = await repo.awardOf(tx, id);
      if (!award) throw new AppError('FUNDS_NO_AWARD');
      if (!DISBURSABLE_PHASES.includes(c.phase)) throw new AppError('FUNDS_NOT_DISBURSABLE');
      if (await repo.voucherExists(tx, body.voucherNo))
        throw new AppError('FUNDS_VOUCHER_EXISTS', {
          userMessage: {
            zh: `凭证号 ${body.voucherNo} 已登记`,
            en: `Voucher ${body.voucherNo} is already recorded`,
          },
        });
      const paid = await repo.disbursementsOf(tx, id);
      const disbursed = sum(paid.map((d) => d.amount_fen));
      const approved = BigInt(award.approved_fen);
      if (disbursed + amount > approved)
        throw new AppError('FUNDS_OVER_AWARD', {
          userMessage: {
            zh: `累计拨付将超过核定金额：核定 ${amountText(approved)}，已拨付 ${amountText(disbursed)}，本次最多 ${amountText(approved - disbursed)}`,
            en: `The disbursements would exceed the approved amount: approved ${amountText(approved)}, disbursed ${amountText(disbursed)}, at most ${amountText(approved - disbursed)} now`,
          },
          details: { leftFen: (approved - disbursed).toString() },
        });
      const instalment = paid.length + 1;
      const disbursementId = await repo.insertDisbursement(
        tx,
        { applicationId: id, instalment, ...body, amountFen: amount },
        ctx.actor.userId,
        now,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.disbursed',
          entityType: 'programme_application',
          entityId: id,
          changes: {
            disbursement: [null, disbursementId],
            instalment: [null, instalment],
            amountFen: [null, amount.toString()],
            budgetLine: [null, body.budgetLine],
            voucherNo: [null, body.voucherNo],
          },
        },
        now,
      );
      if (c.phase === 'agreement') await applications.actIn(tx, ctx, id, { action: 'disburse' });
      return detail(tx, ctx, id);
    });
  }

  async function claw(ctx: Scoped, id: string, body: ClawbackRequest): Promise<FundsDetail> {
    notFuture(ctx, 'recoveredOn', body.recoveredOn);
    const now = clock();
    const amount = BigInt(body.amountFen);
    return db.transaction(async (tx) => {
      await caseFor(tx, ctx, id, true);
      if (!(await repo.awardOf(tx, id))) throw new AppError('FUNDS_NO_AWARD');
      const disbursed = sum((await repo.disbursementsOf(tx, id)).map((d) => d.amount_fen));
      const clawed = sum((await repo.clawbacksOf(tx, id)).map((k) => k.amount_fen));
      if (amount > disbursed - clawed)
        throw new AppError('FUNDS_OVER_PAID', {
          userMessage: {
            zh: `追回金额超过实际拨付净额 ${amountText(disbursed - clawed)}`,
            en: `The clawback exceeds the ${amountText(disbursed - clawed)} net paid`,
          },
        });
      const clawbackId = await repo.insertClawback(
        tx,
        { applicationId: id, amountFen: amount, reason: body.reason, recoveredOn: body.recoveredOn },
        ctx.actor.userId,
        now,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.clawed_back',
          entityType: 'programme_application',
          entityId: id,
          changes: {
            clawback: [null, clawbackId],
            amountFen: [null, amount.toString()],
            reason: [null, body.reason],
          },
        },
        now,
      );
      return detail(tx, ctx, id);
    });
  }

  /** Records the acceptance conclusion; 通过 closes the project through the workflow's `close`. */
  async function accept(ctx: Scoped, id: string, body: AcceptanceRequest): Promise<FundsDetail> {
    notFuture(ctx, 'decidedOn', body.decidedOn);
    const now = clock();
    return db.transaction(async (tx) => {
      const c = await caseFor(tx, ctx, id, true);
      if (c.phase !== 'acceptance') throw new AppError('FUNDS_NOT_IN_ACCEPTANCE');
      const acceptanceId = await repo.insertAcceptance(
        tx,
        { applicationId: id, ...body },
        ctx.actor.userId,
        now,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.acceptance_recorded',
          entityType: 'programme_application',
          entityId: id,
          changes: {
            acceptance: [null, acceptanceId],
            conclusion: [null, body.conclusion],
            comments: [null, body.comments],
          },
        },
        now,
      );
      if (body.conclusion === 'passed')
        await applications.actIn(tx, ctx, id, { action: 'close', reason: body.comments });
      return detail(tx, ctx, id);
    });
  }

  return { get, createAward, adjustAward, disburse, claw, accept };
}
