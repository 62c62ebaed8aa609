/**
 * Contracts of leader–enterprise linkage (挂钩联系): which leader is linked to which enterprise, the visits (走访)
 * they make, and the problems (诉求/问题) an enterprise raises, assigned, tracked to closure and flagged overdue
 * (逾期) when past their due date and still pending (status rules in ./status.ts). Dates are `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { problemStatuses } from './status.ts';

export const problemCategories = [
  'policy',
  'funding',
  'talent',
  'technology',
  'ip',
  'finance',
  'other',
] as const;
export type ProblemCategory = (typeof problemCategories)[number];

export const categoryLabels: Record<ProblemCategory, { zh: string; en: string }> = {
  policy: { zh: '政策咨询', en: 'Policy' },
  funding: { zh: '项目资金', en: 'Funding' },
  talent: { zh: '人才引进', en: 'Talent' },
  technology: { zh: '技术需求', en: 'Technology' },
  ip: { zh: '知识产权', en: 'Intellectual property' },
  finance: { zh: '融资服务', en: 'Finance' },
  other: { zh: '其他', en: 'Other' },
};

const id = z.uuid();
const day = z.iso.date();
const townCode = z
  .string()
  .regex(/^\d{9}$/, bilingual('应为 9 位镇街代码', 'must be a 9-digit town code', 'town'));
const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');
const name = z.string().trim().min(1);
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);

export const idParams = z.object({ id });

/* ---------- links ---------- */

export const linksQuery = z.object({
  leaderId: id.optional(),
  town: townCode.optional(),
  /** Also list links that have ended. */
  ended: booleanText.optional(),
});

export const linkItem = z.object({
  id,
  leaderId: id,
  leaderName: z.string(),
  enterpriseId: id,
  enterpriseName: z.string(),
  uscc: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  since: z.string(),
  until: z.string().nullable(),
  /** Last visit to the enterprise by this leader. */
  lastVisitOn: z.string().nullable(),
  /** Problems of the enterprise still pending, and how many of them are overdue. */
  pending: z.number(),
  overdue: z.number(),
});
export type LinkItem = z.output<typeof linkItem>;

export const linksResponse = z.object({ today: z.string(), items: z.array(linkItem) });
export type LinksResponse = z.output<typeof linksResponse>;

export const linkRequest = z.object({
  leaderId: id,
  enterpriseId: id,
  /** Default: today. */
  since: day.optional(),
});
export type LinkRequest = z.input<typeof linkRequest>;

/** The people the forms offer: leaders to link, officers to assign. */
export const peopleResponse = z.object({
  leaders: z.array(z.object({ id, name: z.string() })),
  officers: z.array(z.object({ id, name: z.string() })),
});
export type PeopleResponse = z.output<typeof peopleResponse>;

/* ---------- problems ---------- */

export const problemInput = z.object({
  title: name.max(100),
  description: z.string().trim().max(2000).default(''),
  category: z.enum(problemCategories),
  /** The officer who handles it, or the department (or both). */
  assigneeId: id.nullish(),
  department: z.string().trim().max(100).nullish(),
  dueOn: day,
});
export type ProblemInput = z.input<typeof problemInput>;
export type ProblemFields = z.output<typeof problemInput>;

export const problemRequest = problemInput.extend({ enterpriseId: id });
export type ProblemRequest = z.input<typeof problemRequest>;
export type ProblemBody = z.output<typeof problemRequest>;

export const problemsQuery = z.object({
  /** Words of the title or the enterprise's name. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(problemStatuses).optional(),
  overdue: booleanText.optional(),
  leaderId: id.optional(),
  town: townCode.optional(),
  enterpriseId: id.optional(),
  page,
  pageSize,
});
export type ProblemsQuery = z.input<typeof problemsQuery>;

export const problemItem = z.object({
  id,
  enterpriseId: id,
  enterpriseName: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  visitId: id.nullable(),
  /** The leader of the visit the problem was raised at, if any. */
  leaderName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  category: z.enum(problemCategories),
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  department: z.string().nullable(),
  raisedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(problemStatuses),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type ProblemItem = z.output<typeof problemItem>;

export const problemsResponse = z.object({
  today: z.string(),
  items: z.array(problemItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProblemsResponse = z.output<typeof problemsResponse>;

export const assignRequest = z.object({
  assigneeId: id.nullish(),
  department: z.string().trim().max(100).nullish(),
  dueOn: day.optional(),
});
export type AssignRequest = z.input<typeof assignRequest>;

export const statusRequest = z.object({
  status: z.enum(problemStatuses),
  resolution: z.string().trim().max(2000).nullish(),
});
export type StatusRequest = z.input<typeof statusRequest>;

/* ---------- visits ---------- */

export const visitRequest = z.object({
  enterpriseId: id,
  /** The leader who visited; a leader records their own visits and may leave it out. */
  leaderId: id.optional(),
  visitedOn: day,
  summary: name.max(2000),
  participants: z.string().trim().max(500).default(''),
  problems: z.array(problemInput).max(20).default([]),
});
export type VisitRequest = z.input<typeof visitRequest>;
export type VisitBody = z.output<typeof visitRequest>;

export const visitsQuery = z.object({
  leaderId: id.optional(),
  town: townCode.optional(),
  enterpriseId: id.optional(),
  page,
  pageSize,
});

export const visitItem = z.object({
  id,
  enterpriseId: id,
  enterpriseName: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  leaderId: id,
  leaderName: z.string(),
  visitedOn: z.string(),
  summary: z.string(),
  participants: z.string(),
  problems: z.number(),
});
export type VisitItem = z.output<typeof visitItem>;

export const visitsResponse = z.object({
  items: z.array(visitItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type VisitsResponse = z.output<typeof visitsResponse>;

export const visitResponse = z.object({ visit: visitItem, problems: z.array(problemItem) });
export type VisitResponse = z.output<typeof visitResponse>;
