/**
 * Contracts of decisions and public notices (研究决定与公示): the batch decision on a call's applications, the notice
 * with its entries, objections (异议) and their handling, and the published results (open data). Dates are
 * `YYYY-MM-DD` in China time; amounts are whole 分 as decimal strings.
 */
import { z } from 'zod';
import { phoneSchema } from '../accounts/accounts.contract.ts';
import { bilingual } from '../common/validation-messages.ts';
import { NOTICE_MAX_DAYS, NOTICE_MIN_DAYS, declineReasonIds, type EntryStatus } from './rules.ts';

const text = z.object({ zh: z.string(), en: z.string() });
const day = z.iso.date(bilingual('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)', 'date'));
const uuid = (zh: string, en: string) => z.uuid(bilingual(zh, en, 'uuid'));
export const fenText = z
  .string()
  .regex(
    /^\d{1,13}$/,
    bilingual('应为整数分（不超过 13 位）', 'must be whole fen (at most 13 digits)', 'fen'),
  );

export const noticeIdParams = z.object({ id: uuid('应为编号（UUID）', 'must be an id (a UUID)') });

/* ---------- batch decisions ---------- */

export const decisionItem = z.object({
  applicationId: uuid('应为申报书编号（UUID）', 'must be an application id (a UUID)'),
  decision: z.enum(
    ['approve', 'decline'],
    bilingual('应为 approve 或 decline', 'must be approve or decline', 'enum'),
  ),
  /** Shown in the notice; approvals only. */
  proposedFen: fenText.optional(),
  reasonTemplate: z
    .enum(declineReasonIds, bilingual('应为预设理由', 'must be a reason template', 'enum'))
    .optional(),
  reason: z
    .string()
    .trim()
    .max(1000, bilingual('不超过 1000 字', 'at most 1000 characters', 'max'))
    .optional(),
});
export type DecisionItem = z.output<typeof decisionItem>;

export const noticeSettings = z.object({
  title: z
    .string()
    .trim()
    .min(4, bilingual('至少 4 个字', 'must have at least 4 characters', 'min'))
    .max(200, bilingual('不超过 200 字', 'at most 200 characters', 'max'))
    .optional(),
  startsOn: day.optional(),
  days: z
    .int(bilingual('应为整数天数', 'must be a whole number of days', 'int'))
    .min(
      NOTICE_MIN_DAYS,
      bilingual(`公示期不少于 ${NOTICE_MIN_DAYS} 天`, `at least ${NOTICE_MIN_DAYS} days`, 'min'),
    )
    .max(
      NOTICE_MAX_DAYS,
      bilingual(`公示期不超过 ${NOTICE_MAX_DAYS} 天`, `at most ${NOTICE_MAX_DAYS} days`, 'max'),
    )
    .optional(),
});
export type NoticeSettings = z.output<typeof noticeSettings>;

export const decisionsRequest = z.object({
  items: z
    .array(decisionItem)
    .min(1, bilingual('至少一项', 'at least one item', 'min'))
    .max(500, bilingual('一次最多 500 项', 'at most 500 items at once', 'max')),
  notice: noticeSettings.default({}),
});
export type DecisionsRequest = z.input<typeof decisionsRequest>;

export const decisionsResponse = z.object({
  approved: z.number().int(),
  declined: z.number().int(),
  /** The notice the approvals joined; null when the batch only declined. */
  noticeId: z.string().nullable(),
});
export type DecisionsResponse = z.output<typeof decisionsResponse>;

/* ---------- notices ---------- */

export const noticeEntry = z.object({
  applicationId: z.string(),
  position: z.number().int(),
  enterpriseName: z.string(),
  projectTitle: z.string().nullable(),
  proposedFen: z.string().nullable(),
  status: z.enum(['on_notice', 'confirmed', 'cancelled'] satisfies [EntryStatus, ...EntryStatus[]]),
  statusName: text,
});
export type NoticeEntry = z.output<typeof noticeEntry>;

export const noticeItem = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  year: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  days: z.number().int(),
  endsOn: z.string(),
  /** not_started, running or ended, as of today (China time). */
  window: z.enum(['not_started', 'running', 'ended']),
  entries: z.number().int(),
  publishedAt: z.string(),
});
export type NoticeItem = z.output<typeof noticeItem>;

export const noticeStaffItem = noticeItem.extend({
  openObjections: z.number().int(),
  objections: z.number().int(),
});
export type NoticeStaffItem = z.output<typeof noticeStaffItem>;

export const noticesQuery = z.object({
  callId: uuid('应为申报通知编号（UUID）', 'must be a call id (a UUID)').optional(),
});
export const noticesResponse = z.object({ items: z.array(noticeItem) });
export type NoticesResponse = z.output<typeof noticesResponse>;
export const staffNoticesResponse = z.object({ items: z.array(noticeStaffItem) });
export type StaffNoticesResponse = z.output<typeof staffNoticesResponse>;

export const noticeDetail = noticeItem.extend({ items: z.array(noticeEntry) });
export type NoticeDetail = z.output<typeof noticeDetail>;

export const confirmResponse = z.object({ confirmed: z.number().int() });
export type ConfirmResponse = z.output<typeof confirmResponse>;

/* ---------- objections ---------- */

export const objectionRequest = z.object({
  applicationId: uuid('应为公示项目编号（UUID）', 'must be the id of a listed project (a UUID)'),
  name: z
    .string()
    .trim()
    .min(2, bilingual('请填写真实姓名（至少 2 个字）', 'give your real name (at least 2 characters)', 'min'))
    .max(50, bilingual('不超过 50 字', 'at most 50 characters', 'max')),
  phone: phoneSchema,
  text: z
    .string()
    .trim()
    .min(
      10,
      bilingual(
        '请写明异议内容和理由（至少 10 个字）',
        'state the objection and its grounds (at least 10 characters)',
        'min',
      ),
    )
    .max(2000, bilingual('不超过 2000 字', 'at most 2000 characters', 'max')),
});
export type ObjectionRequest = z.input<typeof objectionRequest>;

export const objectionReceipt = z.object({
  id: z.string(),
  receivedAt: z.string(),
  noticeEndsOn: z.string(),
});
export type ObjectionReceipt = z.output<typeof objectionReceipt>;

export const objectionOutcomes = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];

export const objectionItem = z.object({
  id: z.string(),
  noticeId: z.string(),
  applicationId: z.string(),
  enterpriseName: z.string(),
  projectTitle: z.string().nullable(),
  /** The application's phase now: an upheld objection lets the officer cancel while it is `notice`. */
  phase: z.string(),
  name: z.string(),
  /** In full for admin and officers; masked (138****0000) for leaders. */
  phone: z.string(),
  text: z.string(),
  receivedAt: z.string(),
  outcome: z.enum(objectionOutcomes).nullable(),
  response: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledBy: z.string().nullable(),
});
export type ObjectionItem = z.output<typeof objectionItem>;
export const objectionsResponse = z.object({ items: z.array(objectionItem) });
export type ObjectionsResponse = z.output<typeof objectionsResponse>;

export const handleObjectionRequest = z.object({
  outcome: z.enum(
    objectionOutcomes,
    bilingual('应为 upheld 或 dismissed', 'must be upheld or dismissed', 'enum'),
  ),
  response: z
    .string()
    .trim()
    .min(4, bilingual('请填写处理意见（至少 4 个字）', 'give the response (at least 4 characters)', 'min'))
    .max(2000, bilingual('不超过 2000 字', 'at most 2000 characters', 'max')),
});
export type HandleObjectionRequest = z.input<typeof handleObjectionRequest>;

/* ---------- published results ---------- */

export const resultsQuery = z.object({
  year: z.coerce
    .number(bilingual('应为年份', 'must be a year', 'int'))
    .int(bilingual('应为年份', 'must be a year', 'int'))
    .min(1980, bilingual('应为 1980–2100 年', 'must be 1980–2100', 'min'))
    .max(2100, bilingual('应为 1980–2100 年', 'must be 1980–2100', 'max'))
    .optional(),
});
export const resultItem = z.object({
  applicationId: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  year: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  projectTitle: z.string().nullable(),
  amountFen: z.string().nullable(),
  /** The application's phase: approved, agreement, funded, midterm, acceptance or closed. */
  status: z.string(),
  statusName: text,
  confirmedOn: z.string().nullable(),
});
export type ResultItem = z.output<typeof resultItem>;
export const resultsResponse = z.object({ year: z.number().int().nullable(), items: z.array(resultItem) });
export type ResultsResponse = z.output<typeof resultsResponse>;
