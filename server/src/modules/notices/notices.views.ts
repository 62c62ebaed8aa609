/** What notice readers see: rows mapped to the contracts, and the 400 naming each field at fault. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import type {
  NoticeEntry,
  NoticeItem,
  NoticeStaffItem,
  ObjectionItem,
  ResultItem,
} from '@jinke/core/notices/notices.contract.ts';
import { entryStatus, entryStatusLabels, noticeWindow } from '@jinke/core/notices/rules.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import type { FormProblem } from '@jinke/core/programmes/form-schema.ts';
import { standardCall } from '@jinke/core/workflow/standard-call.ts';
import type { RequestContext } from '../../platform/context.ts';
import { maskPhone, type PersonalDataCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { EntryRow, NoticeRow, ObjectionRow, ResultRow } from './notices.repo.ts';

export type Scoped = RequestContext & { actor: Actor };

/** A 400 naming every field at fault, in the caller's language, like request validation's. */
export function formError(locale: Locale, problems: readonly FormProblem[]): AppError {
  const first = problems[0]!;
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${first.field} ${first.zh}`,
      en: `The submitted data is invalid: ${first.field} ${first.en}`,
    },
    details: {
      fields: problems.map((p) => ({
        field: p.field,
        message: locale === 'en-US' ? p.en : p.zh,
        rule: p.rule,
      })),
    },
  });
}

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function toNotice(r: NoticeRow, today: string): NoticeItem {
  return {
    id: r.id,
    callId: r.call_id,
    callTitle: r.call_title,
    year: Number(r.year),
    title: r.title,
    startsOn: r.starts_on,
    days: Number(r.days),
    endsOn: r.ends_on,
    window: noticeWindow(today, r.starts_on, r.ends_on),
    entries: Number(r.entries),
    publishedAt: iso(r.published_at),
  };
}

export const toStaffNotice = (r: NoticeRow, today: string): NoticeStaffItem => ({
  ...toNotice(r, today),
  objections: Number(r.objections),
  openObjections: Number(r.open_objections),
});

export function toEntry(r: EntryRow): NoticeEntry {
  const status = entryStatus(r.phase);
  return {
    applicationId: r.application_id,
    position: Number(r.position),
    enterpriseName: r.enterprise_name,
    projectTitle: r.project_title,
    proposedFen: r.proposed_fen,
    status,
    statusName: entryStatusLabels[status],
  };
}

export function toObjection(r: ObjectionRow, cipher: PersonalDataCipher, reveal: boolean): ObjectionItem {
  const phone = cipher.decrypt(r.phone_enc);
  return {
    id: r.id,
    noticeId: r.notice_id,
    applicationId: r.application_id,
    enterpriseName: r.enterprise_name,
    projectTitle: r.project_title,
    phase: r.phase,
    name: r.name,
    phone: reveal ? phone : maskPhone(phone),
    text: r.body,
    receivedAt: iso(r.received_at),
    outcome: r.outcome,
    response: r.response,
    handledAt: r.handled_at === null ? null : iso(r.handled_at),
    handledBy: r.handled_by,
  };
}

const publicName = (phase: string) =>
  standardCall.phases.find((p) => p.id === phase)?.publicName ?? { zh: phase, en: phase };

export function toResult(r: ResultRow): ResultItem {
  return {
    applicationId: r.application_id,
    callId: r.call_id,
    callTitle: r.call_title,
    year: Number(r.year),
    enterpriseName: r.enterprise_name,
    uscc: r.uscc,
    projectTitle: r.project_title,
    amountFen: r.proposed_fen,
    status: r.phase,
    statusName: publicName(r.phase),
    confirmedOn: r.confirmed_at === null ? null : chinaDate(new Date(r.confirmed_at)),
  };
}
