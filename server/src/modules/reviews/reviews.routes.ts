/** Expert review endpoints (专家评审). Policy in reviews.policy.ts; behaviour in reviews.service.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assignmentsResponse,
  calibrationResponse,
  declarationRequest,
  progressResponse,
  resultsResponse,
  reviewBody,
  reviewDetail,
  reviewIdParams,
  roundRequest,
  roundResponse,
} from '@jinke/core/reviews/api.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { REVIEWERS, ROUND_MANAGERS, ROUND_READERS, allowRoles } from './reviews.policy.ts';
import { reviewsService } from './reviews.service.ts';

const tags = ['reviews'];
const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });
const WINDOW_409 = '409 REVIEW_WINDOW_CLOSED outside the window, naming its dates (评审时间为 … 至 …).';

export function reviewRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = reviewsService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = reviewIdParams;

  r.get(
    '/api/reviews/calls/:id/round',
    {
      onRequest: allowRoles(ROUND_READERS),
      schema: {
        tags,
        summary: '评审设置 The call’s review round (null before it is set up), with the panel’s names',
        params,
        response: { 200: roundResponse },
      },
    },
    async (request) => service.getRound(request.params.id),
  );

  r.put(
    '/api/reviews/calls/:id/round',
    {
      onRequest: allowRoles(ROUND_MANAGERS),
      schema: {
        tags,
        summary: '设置专家评审 Set up or change the call’s review round',
        description:
          'A drawn expert draw, the review form (weights add up to 100) and the window (China time). 400 names ' +
          'the field (`drawId` not drawn, `form.categories`, `closesOn`); 409 REVIEW_FORM_FROZEN when the form or ' +
          'the draw changes after a review was submitted (the form version rises with each change before). Audited.',
        params,
        body: roundRequest,
        response: { 200: roundResponse },
      },
    },
    async (request) => service.setRound(scoped(request), request.params.id, request.body),
  );

  r.get(
    '/api/reviews/calls/:id/progress',
    {
      onRequest: allowRoles(ROUND_READERS),
      schema: {
        tags,
        summary: '评审进度 Each application’s reviewers and their status',
        params,
        response: { 200: progressResponse },
      },
    },
    async (request) => service.progress(request.params.id),
  );

  r.get(
    '/api/reviews/calls/:id/results',
    {
      onRequest: allowRoles(ROUND_READERS),
      schema: {
        tags,
        summary: '评审结果 Weighted totals, the panel result by the form’s method, and the ranking',
        description:
          'Totals are exact (`exact` as n/d, `decimal` to two places); equal results share a rank.',
        params,
        response: { 200: resultsResponse },
      },
    },
    async (request) => service.results(request.params.id),
  );

  r.get(
    '/api/reviews/calls/:id/calibration',
    {
      onRequest: allowRoles(ROUND_READERS),
      schema: {
        tags,
        summary:
          '评审尺度校准 Each expert’s mean offset from the other panel members, spread and outlier flag',
        params,
        response: { 200: calibrationResponse },
      },
    },
    async (request) => service.calibration(request.params.id),
  );

  r.get(
    '/api/reviews/assignments',
    {
      onRequest: allowRoles(REVIEWERS),
      schema: {
        tags,
        summary: '评审任务 The expert’s own assignments with their window and status',
        response: { 200: assignmentsResponse },
      },
    },
    async (request) => service.assignments(scoped(request)),
  );

  r.get(
    '/api/reviews/applications/:id',
    {
      onRequest: allowRoles(REVIEWERS),
      schema: {
        tags,
        summary: '评审 The expert’s review of one application',
        description:
          `The application's content only after the declaration; the others' scores as 专家A, 专家B, … after ` +
          `submitting when the form reveals them. 404 when not assigned. ${WINDOW_409}`,
        params,
        response: { 200: reviewDetail },
      },
    },
    async (request) => service.review(scoped(request), request.params.id),
  );

  r.post(
    '/api/reviews/applications/:id/declaration',
    {
      onRequest: allowRoles(REVIEWERS),
      schema: {
        tags,
        summary:
          '回避声明 Declare no conflict of interest, or a conflict with its reason (voids the assignment)',
        description: `400 naming \`reason\` for a conflict without one; 409 REVIEW_ALREADY_DECLARED. ${WINDOW_409} Audited.`,
        params,
        body: declarationRequest,
        response: { 200: reviewDetail },
      },
    },
    async (request) => service.declare(scoped(request), request.params.id, request.body),
  );

  r.put(
    '/api/reviews/applications/:id/review',
    {
      onRequest: allowRoles(REVIEWERS),
      schema: {
        tags,
        summary: '保存评分（草稿） Save the scores as a draft',
        description:
          `Gaps are kept; an unknown category or a score out of range is 400 naming \`scores.<id>\`. ` +
          `409 REVIEW_NOT_DECLARED, REVIEW_CONFLICTED, REVIEW_SUBMITTED. ${WINDOW_409} Audited.`,
        params,
        body: reviewBody,
        response: { 200: reviewDetail },
      },
    },
    async (request) => service.save(scoped(request), request.params.id, request.body),
  );

  r.post(
    '/api/reviews/applications/:id/submit',
    {
      onRequest: allowRoles(REVIEWERS),
      schema: {
        tags,
        summary: '提交评审意见 Submit the review (final)',
        description:
          `Every problem is 400 naming \`scores.<id>\` or \`comments.<id>\`; 409 REVIEW_SUBMITTED the second ` +
          `time. ${WINDOW_409} Audited.`,
        params,
        body: reviewBody,
        response: { 200: reviewDetail },
      },
    },
    async (request) => service.submit(scoped(request), request.params.id, request.body),
  );
}
