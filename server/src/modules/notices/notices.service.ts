/**
 * Public notices (公示), objections (异议) and the published results: the public reads notices whose first day has
 * come and files objections while one runs; officers read every notice with its objections and handle them; the
 * results confirmed after a notice are open data. Every write is audited in its own transaction.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import type {
  HandleObjectionRequest,
  NoticeDetail,
  NoticesResponse,
  ObjectionItem,
  ObjectionReceipt,
  ObjectionRequest,
  ObjectionsResponse,
  ResultsResponse,
  StaffNoticesResponse,
} from '@jinke/core/notices/notices.contract.ts';
import { RESULT_PHASES, noticeWindow } from '@jinke/core/notices/rules.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { revealsPhone } from './notices.policy.ts';
import * as repo from './notices.repo.ts';
import {
  formError,
  toEntry,
  toNotice,
  toObjection,
  toResult,
  toStaffNotice,
  type Scoped,
} from './notices.views.ts';

export function noticesService(deps: { db: Database; clock: () => Date; cipher: PersonalDataCipher }) {
  const { db, clock, cipher } = deps;
  const today = () => chinaDate(clock());

  async function staffList(_ctx: Scoped, q: { callId?: string | undefined }): Promise<StaffNoticesResponse> {
    const day = today();
    return { items: (await repo.listNotices(db, { callId: q.callId })).map((r) => toStaffNotice(r, day)) };
  }

  async function detail(id: string, publicOnly: boolean): Promise<NoticeDetail> {
    const day = today();
    const row = (await repo.listNotices(db, { id, ...(publicOnly ? { startedBy: day } : {}) }))[0];
    if (!row) throw new AppError('NOT_FOUND');
    return { ...toNotice(row, day), items: (await repo.entriesOf(db, id)).map(toEntry) };
  }

  async function publicList(): Promise<NoticesResponse> {
    const day = today();
    return { items: (await repo.listNotices(db, { startedBy: day })).map((r) => toNotice(r, day)) };
  }

  /** Anyone may object while the notice runs, naming one of its entries; the phone is stored encrypted. */
  async function fileObjection(
    ctx: RequestContext,
    noticeId: string,
    body: ObjectionRequest,
  ): Promise<ObjectionReceipt> {
    const now = clock();
    const day = chinaDate(now);
    return db.transaction(async (tx) => {
      const notice = (await repo.listNotices(tx, { id: noticeId, startedBy: day }))[0];
      if (!notice) throw new AppError('NOT_FOUND');
      if (noticeWindow(day, notice.starts_on, notice.ends_on) === 'ended')
        throw new AppError('NOTICE_ENDED', {
          userMessage: {
            zh: `公示期已于 ${notice.ends_on} 结束，不再受理异议`,
            en: `The notice ended on ${notice.ends_on}; objections are no longer accepted`,
          },
          details: { noticeEndsOn: notice.ends_on },
        });
      const entry = (await repo.entriesOf(tx, noticeId)).find((e) => e.application_id === body.applicationId);
      if (!entry)
        throw formError(ctx.locale, [
          {
            field: 'applicationId',
            rule: 'unknown',
            zh: '不是本公示中的项目',
            en: 'is not a project on this notice',
          },
        ]);
      const id = await repo.insertObjection(tx, {
        noticeId,
        applicationId: body.applicationId,
        name: body.name.trim(),
        phoneEnc: cipher.encrypt(body.phone),
        body: body.text.trim(),
        at: now,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'notices.objection_filed',
          entityType: 'programme_objection',
          entityId: id,
          changes: {
            notice: [null, noticeId],
            application: [null, body.applicationId],
            name: [null, body.name.trim()],
          },
        },
        now,
      );
      return { id, receivedAt: now.toISOString(), noticeEndsOn: notice.ends_on };
    });
  }

  async function objections(ctx: Scoped, noticeId: string): Promise<ObjectionsResponse> {
    if (!(await repo.listNotices(db, { id: noticeId }))[0]) throw new AppError('NOT_FOUND');
    const reveal = revealsPhone(ctx.actor);
    return {
      items: (await repo.listObjections(db, { noticeId })).map((r) => toObjection(r, cipher, reveal)),
    };
  }

  async function handle(ctx: Scoped, id: string, body: HandleObjectionRequest): Promise<ObjectionItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const row = (await repo.listObjections(tx, { id }, true))[0];
      if (!row) throw new AppError('NOT_FOUND');
      if (row.handled_at !== null) throw new AppError('NOTICE_OBJECTION_HANDLED');
      const response = body.response.trim();
      await repo.handleObjection(tx, id, { outcome: body.outcome, response, by: ctx.actor.userId, at: now });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'notices.objection_handled',
          entityType: 'programme_objection',
          entityId: id,
          changes: { outcome: [null, body.outcome], response: [null, response] },
        },
        now,
      );
      const after = (await repo.listObjections(tx, { id }))[0]!;
      return toObjection(after, cipher, revealsPhone(ctx.actor));
    });
  }

  /** The results confirmed after a notice; one year, or every year when none is asked. */
  async function results(q: { year?: number | undefined }): Promise<ResultsResponse> {
    const rows = await repo.results(db, RESULT_PHASES, q.year);
    return { year: q.year ?? null, items: rows.map(toResult) };
  }

  return { staffList, detail, publicList, fileObjection, objections, handle, results };
}
