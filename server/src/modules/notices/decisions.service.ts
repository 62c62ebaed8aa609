/**
 * Batch decisions (研究决定) and confirmation after the notice: an officer decides many of a call's applications at
 * once — each approval takes the workflow's `propose` and joins the call's notice (created when none is pending),
 * each decline takes `decline` with a templated or free reason — and, once the notice has ended with no objection
 * open, confirms every entry still on it (`confirm`). Each batch is one transaction: every move writes its event
 * row and audit entry through the applications service, and one bad item leaves nothing changed.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import type {
  ConfirmResponse,
  DecisionsRequest,
  DecisionsResponse,
} from '@jinke/core/notices/notices.contract.ts';
import {
  NOTICE_DEFAULT_DAYS,
  composeReason,
  defaultNoticeTitle,
  noticeEndsOn,
  noticeWindow,
} from '@jinke/core/notices/rules.ts';
import type { FormProblem } from '@jinke/core/programmes/form-schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { applicationsService } from '../programmes/index.ts';
import * as repo from './notices.repo.ts';
import { formError, type Scoped } from './notices.views.ts';

type Body = Required<Pick<DecisionsRequest, 'items'>> & { notice: NonNullable<DecisionsRequest['notice']> };

/** An error of one item's workflow move, re-thrown naming the item so the caller sees which one. */
function namingItem(e: unknown, index: number): unknown {
  if (!(e instanceof AppError)) return e;
  const field = `items.${index}.applicationId`;
  const zh = e.messageFor('zh-CN');
  const en = e.messageFor('en-US');
  const inner = (e.details as { fields?: { field: string; message: string; rule: string }[] } | null)?.fields;
  return new AppError(e.code, {
    userMessage: { zh: `第 ${index + 1} 项：${zh}`, en: `Item ${index + 1}: ${en}` },
    details: {
      fields: inner?.length
        ? inner.map((f) => ({ ...f, field: `items.${index}.${f.field}` }))
        : [{ field, message: zh, rule: e.code }],
    },
  });
}

export function decisionsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const applications = applicationsService(deps);

  /** Problems the request carries on its face, before any row is read. */
  function checkItems(body: Body, today: string): FormProblem[] {
    const problems: FormProblem[] = [];
    const seen = new Map<string, number>();
    body.items.forEach((item, i) => {
      const first = seen.get(item.applicationId);
      if (first !== undefined)
        problems.push({
          field: `items.${i}.applicationId`,
          rule: 'duplicate',
          zh: `与第 ${first + 1} 项重复`,
          en: `repeats item ${first + 1}`,
        });
      else seen.set(item.applicationId, i);
      if (item.decision === 'decline') {
        if (composeReason(item.reasonTemplate, item.reason) === null)
          problems.push({
            field: `items.${i}.reason`,
            rule: 'required',
            zh: '不予立项须选择或填写理由',
            en: 'a decline needs a reason (a template or your own words)',
          });
        if (item.proposedFen !== undefined)
          problems.push({
            field: `items.${i}.proposedFen`,
            rule: 'approve_only',
            zh: '不予立项的申报书不填拟资助金额',
            en: 'only approvals carry a proposed amount',
          });
      }
    });
    if (body.notice.startsOn !== undefined && body.notice.startsOn < today)
      problems.push({
        field: 'notice.startsOn',
        rule: 'min',
        zh: `公示开始日期不能早于今天（${today}）`,
        en: `the notice cannot start before today (${today})`,
      });
    return problems;
  }

  async function noticeFor(
    tx: Executor,
    ctx: Scoped,
    call: repo.CallInfo,
    body: Body,
    today: string,
    now: Date,
  ): Promise<string> {
    const pending = await repo.pendingNotice(tx, call.id, today);
    if (pending) return pending.id;
    const startsOn = body.notice.startsOn ?? today;
    const days = body.notice.days ?? NOTICE_DEFAULT_DAYS;
    const title = body.notice.title ?? defaultNoticeTitle(call.title);
    const endsOn = noticeEndsOn(startsOn, days);
    const id = await repo.insertNotice(tx, {
      callId: call.id,
      title,
      startsOn,
      days,
      endsOn,
      by: ctx.actor.userId,
      at: now,
    });
    await writeAudit(
      tx,
      ctx,
      {
        action: 'notices.notice_published',
        entityType: 'programme_notice',
        entityId: id,
        changes: {
          call: [null, call.id],
          title: [null, title],
          startsOn: [null, startsOn],
          days: [null, days],
          endsOn: [null, endsOn],
        },
      },
      now,
    );
    return id;
  }

  async function decide(ctx: Scoped, callId: string, body: Body): Promise<DecisionsResponse> {
    const now = clock();
    const today = chinaDate(now);
    const problems = checkItems(body, today);
    if (problems.length > 0) throw formError(ctx.locale, problems);
    return db.transaction(async (tx) => {
      const call = await repo.callInfo(tx, callId);
      if (!call) throw new AppError('NOT_FOUND');
      const targets = new Map(
        (
          await repo.lockTargets(
            tx,
            body.items.map((i) => i.applicationId),
          )
        ).map((t) => [t.id, t]),
      );
      const unknown: FormProblem[] = [];
      const wrongPhase: FormProblem[] = [];
      body.items.forEach((item, i) => {
        const t = targets.get(item.applicationId);
        if (!t || t.call_id !== callId)
          unknown.push({
            field: `items.${i}.applicationId`,
            rule: 'unknown',
            zh: '不是该申报通知的申报书',
            en: 'is not an application of this call',
          });
        else if (t.phase !== 'decision')
          wrongPhase.push({
            field: `items.${i}.applicationId`,
            rule: 'phase',
            zh: `${t.enterprise_name} 的申报书当前环节为 ${t.phase}，不在研究决定环节`,
            en: `${t.enterprise_name}’s application is in phase ${t.phase}, not awaiting a decision`,
          });
      });
      if (unknown.length > 0) throw formError(ctx.locale, unknown);
      if (wrongPhase.length > 0) {
        const e = formError(ctx.locale, wrongPhase);
        throw new AppError('NOTICE_DECISION_PHASE', {
          userMessage: { zh: wrongPhase[0]!.zh, en: wrongPhase[0]!.en },
          details: e.details,
        });
      }
      const approvals = body.items.filter((i) => i.decision === 'approve');
      const noticeId = approvals.length > 0 ? await noticeFor(tx, ctx, call, body, today, now) : null;
      for (const [i, item] of body.items.entries()) {
        const t = targets.get(item.applicationId)!;
        try {
          if (item.decision === 'approve') {
            await applications.actIn(tx, ctx, t.id, { action: 'propose' });
            await repo.insertEntry(tx, {
              noticeId: noticeId!,
              applicationId: t.id,
              enterpriseName: t.enterprise_name,
              projectTitle: t.project_title,
              proposedFen: item.proposedFen ?? null,
              at: now,
            });
          } else {
            const reason = composeReason(item.reasonTemplate, item.reason)!;
            await applications.actIn(tx, ctx, t.id, { action: 'decline', reason });
          }
        } catch (e) {
          throw namingItem(e, i);
        }
      }
      await writeAudit(
        tx,
        ctx,
        {
          action: 'notices.batch_decided',
          entityType: 'programme_call',
          entityId: callId,
          changes: {
            notice: [null, noticeId],
            approved: approvals.map((i) => ({
              application: i.applicationId,
              proposedFen: i.proposedFen ?? null,
            })),
            declined: body.items
              .filter((i) => i.decision === 'decline')
              .map((i) => ({
                application: i.applicationId,
                reason: composeReason(i.reasonTemplate, i.reason),
              })),
          },
        },
        now,
      );
      return { approved: approvals.length, declined: body.items.length - approvals.length, noticeId };
    });
  }

  /** After the last day, with every objection handled: each entry still on the notice is confirmed (立项). */
  async function confirm(ctx: Scoped, noticeId: string): Promise<ConfirmResponse> {
    const now = clock();
    const today = chinaDate(now);
    return db.transaction(async (tx) => {
      const notice = (await repo.listNotices(tx, { id: noticeId }))[0];
      if (!notice) throw new AppError('NOT_FOUND');
      if (noticeWindow(today, notice.starts_on, notice.ends_on) !== 'ended')
        throw new AppError('NOTICE_NOT_ENDED', {
          userMessage: {
            zh: `公示期至 ${notice.ends_on} 结束，期满后方可确认立项`,
            en: `The notice runs until ${notice.ends_on}; confirm after it ends`,
          },
        });
      const entries = (await repo.entriesOf(tx, noticeId)).filter((e) => e.phase === 'notice');
      const open = entries.filter((e) => e.open_objections > 0);
      if (open.length > 0)
        throw new AppError('NOTICE_OBJECTIONS_OPEN', {
          userMessage: {
            zh: `尚有异议未处理：${open.map((e) => e.enterprise_name).join('、')}`,
            en: `Objections are still open on: ${open.map((e) => e.enterprise_name).join(', ')}`,
          },
          details: { applicationIds: open.map((e) => e.application_id) },
        });
      for (const e of entries) await applications.actIn(tx, ctx, e.application_id, { action: 'confirm' });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'notices.notice_confirmed',
          entityType: 'programme_notice',
          entityId: noticeId,
          changes: { confirmed: entries.map((e) => e.application_id) },
        },
        now,
      );
      return { confirmed: entries.length };
    });
  }

  return { decide, confirm };
}
