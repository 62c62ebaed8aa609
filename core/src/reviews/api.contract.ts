/**
 * The HTTP contract of expert reviews (专家评审): the review round an officer sets up for a call (a drawn expert
 * panel, the review form, the window in China time), the expert's assignments and review, and what bureau readers
 * see — progress, results ranked by the form's aggregation, reviewer calibration. Totals are exact: `exact` is the
 * rational ('378/5'), `decimal` its value to two places ('75.6').
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { aggregation, reviewForm } from './review.contract.ts';

const text = z.object({ zh: z.string(), en: z.string() });
const day = z.iso.date(bilingual('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)', 'date'));

export const reviewIdParams = z.object({
  id: z.uuid(bilingual('应为编号（UUID）', 'must be an id (a UUID)', 'uuid')),
});

export const windowStates = ['upcoming', 'open', 'closed'] as const;
export type WindowState = (typeof windowStates)[number];
export const reviewWindow = z.object({
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(windowStates),
});
export type ReviewWindow = z.output<typeof reviewWindow>;

/** The category set offered when an officer starts a round (技术创新性 30 / 市场前景 25 / 实施基础 25 / 经济社会效益 20). */
export const DEFAULT_CATEGORIES = [
  {
    id: 'innovation',
    name: { zh: '技术创新性', en: 'Technical innovation' },
    max: 10,
    weight: 30,
    minComment: 10,
  },
  { id: 'market', name: { zh: '市场前景', en: 'Market prospects' }, max: 10, weight: 25, minComment: 10 },
  {
    id: 'foundation',
    name: { zh: '实施基础', en: 'Implementation basis' },
    max: 10,
    weight: 25,
    minComment: 10,
  },
  {
    id: 'benefit',
    name: { zh: '经济社会效益', en: 'Economic and social benefit' },
    max: 10,
    weight: 20,
    minComment: 10,
  },
];

export const roundRequest = z
  .object({
    drawId: z.uuid(bilingual('应为抽取记录编号', 'must be a draw id', 'uuid')),
    form: reviewForm,
    opensOn: day,
    closesOn: day,
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    path: ['closesOn'],
    ...bilingual('评审截止日期不能早于开始日期', 'the window cannot close before it opens', 'window_order'),
  });
export type RoundRequest = z.input<typeof roundRequest>;

export const panelMember = z.object({ code: z.string(), name: z.string().nullable() });

export const roundDetail = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  drawId: z.string(),
  drawTitle: z.string(),
  form: reviewForm,
  formVersion: z.number().int(),
  /** True once the first review is submitted: the form and the panel's draw can no longer change. */
  frozen: z.boolean(),
  window: reviewWindow,
  panel: z.array(panelMember),
  updatedAt: z.date(),
});
export type RoundDetail = z.output<typeof roundDetail>;
export const roundResponse = z.object({ round: roundDetail.nullable() });
export type RoundResponse = z.output<typeof roundResponse>;

export const total = z.object({ exact: z.string(), decimal: z.string() });
export type Total = z.output<typeof total>;

export const reviewStatuses = ['pending', 'declared', 'draft', 'submitted', 'conflicted'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const progressItem = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  projectTitle: z.string().nullable(),
  phase: z.string(),
  assigned: z.number().int(),
  submitted: z.number().int(),
  conflicted: z.number().int(),
  reviewers: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      status: z.enum(reviewStatuses),
      reason: z.string().nullable(),
    }),
  ),
});
export const progressResponse = z.object({ window: reviewWindow, items: z.array(progressItem) });
export type ProgressResponse = z.output<typeof progressResponse>;

export const resultItem = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  projectTitle: z.string().nullable(),
  reviews: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      total,
      scores: z.record(z.string(), z.number()),
    }),
  ),
  /** The panel's result by the form's method; `problem` when it cannot be computed yet (e.g. too few to trim). */
  result: total.nullable(),
  used: z.number().int(),
  problem: text.nullable(),
  /** 1 for the best; equal results share a rank (1, 1, 3); null without a result. */
  rank: z.number().int().nullable(),
});
export const resultsResponse = z.object({
  aggregation,
  items: z.array(resultItem),
});
export type ResultsResponse = z.output<typeof resultsResponse>;
export type ResultItem = z.output<typeof resultItem>;

export const calibrationItem = z.object({
  code: z.string(),
  name: z.string().nullable(),
  reviews: z.number().int(),
  meanOffset: total,
  spread: z.string(),
  outlier: z.boolean(),
});
export const calibrationResponse = z.object({
  threshold: z.number(),
  minReviews: z.number().int(),
  items: z.array(calibrationItem),
});
export type CalibrationResponse = z.output<typeof calibrationResponse>;

/** One assignment as its expert sees it: no other expert is named. */
export const assignmentItem = z.object({
  applicationId: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  enterpriseName: z.string(),
  projectTitle: z.string().nullable(),
  window: reviewWindow,
  status: z.enum(reviewStatuses),
});
export type AssignmentItem = z.output<typeof assignmentItem>;
export const assignmentsResponse = z.object({ items: z.array(assignmentItem) });
export type AssignmentsResponse = z.output<typeof assignmentsResponse>;

export const declarationRequest = z
  .object({
    conflict: z.boolean(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((d) => !d.conflict || (d.reason ?? '').length >= 2, {
    path: ['reason'],
    ...bilingual(
      '申报回避须说明理由（至少 2 个字）',
      'give the reason for the conflict (at least 2 characters)',
      'required',
    ),
  });
export type DeclarationRequest = z.input<typeof declarationRequest>;

export const reviewBody = z.object({
  scores: z.record(z.string().max(40), z.number()).default({}),
  comments: z.record(z.string().max(40), z.string().max(5000)).default({}),
});
export type ReviewBody = z.input<typeof reviewBody>;

export const reviewDetail = z.object({
  applicationId: z.string(),
  callTitle: z.string(),
  window: reviewWindow,
  status: z.enum(reviewStatuses),
  form: reviewForm,
  /** The application as submitted; null until the expert has declared no conflict. */
  application: z
    .object({
      enterpriseName: z.string(),
      projectTitle: z.string().nullable(),
      formData: z.record(z.string(), z.unknown()),
      formSchema: z.unknown(),
    })
    .nullable(),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  total: total.nullable(),
  submittedAt: z.date().nullable(),
  /** The others' submitted reviews as 专家A, 专家B, …, after submitting and only when the form reveals them. */
  others: z.array(z.object({ label: text, total, scores: z.record(z.string(), z.number()) })).nullable(),
});
export type ReviewDetail = z.output<typeof reviewDetail>;
