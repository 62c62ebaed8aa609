/** Staff endpoints of decisions and public notices (研究决定与公示). Policy in notices.policy.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  confirmResponse,
  decisionsRequest,
  decisionsResponse,
  handleObjectionRequest,
  noticeDetail,
  noticeIdParams,
  noticesQuery,
  objectionItem,
  objectionsResponse,
  staffNoticesResponse,
} from '@jinke/core/notices/notices.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { decisionsService } from './decisions.service.ts';
import { noticesService } from './notices.service.ts';
import { DECIDERS, NOTICE_READERS, allowRoles } from './notices.policy.ts';

const tags = ['notices'];
const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });

export function noticeRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const decisions = decisionsService({ db: deps.db, clock: deps.clock });
  const notices = noticesService({ db: deps.db, clock: deps.clock, cipher: deps.cipher });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/programmes/calls/:id/decisions',
    {
      onRequest: allowRoles(DECIDERS),
      schema: {
        tags,
        summary: '研究决定（批量） Decide a batch of a call’s applications',
        description:
          'Each item approves (workflow `propose`, joining the call’s pending notice or a new one from `notice`: ' +
          'title, first day, 5–60 natural days, default 7) or declines (`decline`, with `reasonTemplate` and/or ' +
          '`reason`). One transaction: 400 naming `items.<i>.<field>` for bad input, 409 NOTICE_DECISION_PHASE ' +
          'naming `items.<i>.applicationId` when one is not awaiting a decision; then nothing changes. Audited.',
        params: noticeIdParams,
        body: decisionsRequest,
        response: { 200: decisionsResponse },
      },
    },
    async (request) => decisions.decide(scoped(request), request.params.id, request.body),
  );

  r.get(
    '/api/programmes/notices',
    {
      onRequest: allowRoles(NOTICE_READERS),
      schema: {
        tags,
        summary: '公示列表（含异议数） Notices with their objection counts',
        querystring: noticesQuery,
        response: { 200: staffNoticesResponse },
      },
    },
    async (request) => notices.staffList(scoped(request), request.query),
  );

  r.get(
    '/api/programmes/notices/:id',
    {
      onRequest: allowRoles(NOTICE_READERS),
      schema: {
        tags,
        summary: '公示详情 A notice with its entries (also before its first day)',
        params: noticeIdParams,
        response: { 200: noticeDetail },
      },
    },
    async (request) => notices.detail(request.params.id, false),
  );

  r.post(
    '/api/programmes/notices/:id/confirm',
    {
      onRequest: allowRoles(DECIDERS),
      schema: {
        tags,
        summary: '公示期满，确认立项 Confirm every entry still on an ended notice',
        description:
          '409 NOTICE_NOT_ENDED before the day after the last day; 409 NOTICE_OBJECTIONS_OPEN with ' +
          '`details.applicationIds` while objections are unhandled. Each entry takes the workflow `confirm`. Audited.',
        params: noticeIdParams,
        response: { 200: confirmResponse },
      },
    },
    async (request) => decisions.confirm(scoped(request), request.params.id),
  );

  r.get(
    '/api/programmes/notices/:id/objections',
    {
      onRequest: allowRoles(NOTICE_READERS),
      schema: {
        tags,
        summary: '异议列表 The objections filed on a notice',
        description: 'The objector’s phone in full for admin and officers, masked for leaders.',
        params: noticeIdParams,
        response: { 200: objectionsResponse },
      },
    },
    async (request) => notices.objections(scoped(request), request.params.id),
  );

  r.post(
    '/api/programmes/objections/:id/handle',
    {
      onRequest: allowRoles(DECIDERS),
      schema: {
        tags,
        summary: '处理异议 Handle an objection: upheld or dismissed, with the response',
        description:
          '409 NOTICE_OBJECTION_HANDLED when already handled. An upheld objection lets the officer cancel the ' +
          'entry with the workflow’s `withdraw_after_objection`. Audited.',
        params: noticeIdParams,
        body: handleObjectionRequest,
        response: { 200: objectionItem },
      },
    },
    async (request) => notices.handle(scoped(request), request.params.id, request.body),
  );
}
