/**
 * Contracts of policy training (高企政策培训): courses with a policy topic and materials, sessions on site or
 * online with a capacity, enrolment by enterprise users and attendance marked by the bureau. Times are ISO 8601
 * instants with an offset (`2026-12-03T09:30:00+08:00`); responses give them in UTC (`…Z`).
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';

export const trainingTopics = [
  'recognition',
  'rd_expense',
  'super_deduction',
  'ip',
  'tsme',
  'other',
] as const;
export type TrainingTopic = (typeof trainingTopics)[number];

export const trainingTopicLabels: Record<TrainingTopic, { zh: string; en: string }> = {
  recognition: { zh: '高企认定政策', en: 'HNTE recognition' },
  rd_expense: { zh: '研发费用归集', en: 'R&D expense accounting' },
  super_deduction: { zh: '研发费用加计扣除', en: 'R&D super-deduction' },
  ip: { zh: '知识产权', en: 'Intellectual property' },
  tsme: { zh: '科技型中小企业', en: 'Technology-based SMEs' },
  other: { zh: '其他', en: 'Other' },
};

export const sessionModes = ['onsite', 'online'] as const;
export type SessionMode = (typeof sessionModes)[number];

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v),
    bilingual(
      '应为以 http:// 或 https:// 开头的网址',
      'must be a web address starting with http:// or https://',
      'url',
    ),
  );

const instant = z.iso.datetime({ offset: true });

export const courseRequest = z.strictObject({
  title: z.string().trim().min(1).max(100),
  summary: z.string().trim().max(2000).default(''),
  topic: z.enum(trainingTopics),
  materialsUrl: httpUrl.nullable().optional(),
});
export type CourseInput = z.output<typeof courseRequest>;

export const sessionRequest = z
  .strictObject({
    startsAt: instant,
    endsAt: instant,
    mode: z.enum(sessionModes),
    place: z.string().trim().min(1).max(200).nullable().optional(),
    onlineUrl: httpUrl.nullable().optional(),
    capacity: z.int().min(1).max(10_000),
    /** Cancelling keeps the session and its enrolments on record; nobody may enrol any more. */
    status: z.enum(['scheduled', 'cancelled']).default('scheduled'),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt))
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        ...bilingual(
          '（结束时间）应晚于开始时间 startsAt',
          '(end) must be after the start startsAt',
          'session_order',
        ),
      });
    if (v.mode === 'onsite' && !v.place)
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        ...bilingual('线下培训须填写地点', 'is required for an on-site session', 'place_required'),
      });
    if (v.mode === 'online' && !v.onlineUrl)
      ctx.addIssue({
        code: 'custom',
        path: ['onlineUrl'],
        ...bilingual('线上培训须填写会议链接', 'is required for an online session', 'online_url_required'),
      });
  });
export type SessionInput = z.output<typeof sessionRequest>;

export const courseParams = z.object({ courseId: z.uuid() });
export const sessionParams = z.object({ sessionId: z.uuid() });
export const enrolmentParams = z.object({ enrolmentId: z.uuid() });

export const courseItem = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  topic: z.enum(trainingTopics),
  materialsUrl: z.string().nullable(),
  /** Scheduled sessions that have not started. */
  upcomingSessions: z.number().int(),
  createdAt: z.string(),
});
export type CourseItem = z.infer<typeof courseItem>;

export const courseList = z.object({ items: z.array(courseItem) });

export const sessionsQuery = z.object({
  courseId: z.uuid().optional(),
  /** `upcoming` (not yet ended, the default) or `all`. */
  when: z.enum(['upcoming', 'all']).default('upcoming'),
});
export type SessionsQuery = z.output<typeof sessionsQuery>;

export const sessionItem = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  topic: z.enum(trainingTopics),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: z.enum(sessionModes),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  seatsLeft: z.number().int(),
  status: z.enum(['scheduled', 'cancelled']),
  /** The caller's own enrolment (enterprise users), null otherwise. */
  myEnrolment: z.object({ id: z.string(), attended: z.boolean().nullable() }).nullable(),
});
export type SessionItem = z.infer<typeof sessionItem>;

export const sessionList = z.object({ items: z.array(sessionItem) });

export const enrolmentItem = z.object({
  id: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  participant: z.string(),
  enterpriseUscc: z.string(),
  enterpriseName: z.string().nullable(),
  enrolledAt: z.string(),
  /** null until the bureau marks attendance. */
  attended: z.boolean().nullable(),
});
export type EnrolmentItem = z.infer<typeof enrolmentItem>;

export const enrolmentList = z.object({ items: z.array(enrolmentItem) });

export const myEnrolmentItem = z.object({
  id: z.string(),
  enrolledAt: z.string(),
  attended: z.boolean().nullable(),
  session: sessionItem,
});
export type MyEnrolmentItem = z.infer<typeof myEnrolmentItem>;

export const myEnrolmentList = z.object({ items: z.array(myEnrolmentItem) });

export const attendanceRequest = z.strictObject({ attended: z.boolean() });

export const okResponse = z.object({ ok: z.literal(true) });
