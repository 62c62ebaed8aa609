/** Leader–enterprise linkage endpoints (挂钩联系). Policy in linkage.policy.ts; behaviour in linkage.service.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assignRequest,
  idParams,
  linkItem,
  linkRequest,
  linksQuery,
  linksResponse,
  peopleResponse,
  problemItem,
  problemRequest,
  problemsQuery,
  problemsResponse,
  statusRequest,
  visitRequest,
  visitResponse,
  visitsQuery,
  visitsResponse,
} from '@jinke/core/linkage/api.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import {
  LINK_MANAGERS,
  LINK_READERS,
  PEOPLE_READERS,
  PROBLEM_ASSIGNERS,
  PROBLEM_READERS,
  STATUS_CHANGERS,
  VISIT_READERS,
  VISIT_RECORDERS,
  allowRoles,
} from './linkage.policy.ts';
import { linkageService } from './linkage.service.ts';
import { linksService } from './links.service.ts';

const tags = ['linkage'];

const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });

export function linkageRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = linkageService({ db: deps.db, clock: deps.clock });
  const links = linksService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/linkage/links',
    {
      onRequest: allowRoles(LINK_READERS),
      schema: {
        tags,
        summary: '挂钩联系企业列表 Leader–enterprise links',
        description:
          'Current links (with `ended=true` also ended ones), each with the last visit and the enterprise’s pending ' +
          'and overdue problems. A leader gets their own links whatever `leaderId` says.',
        querystring: linksQuery,
        response: { 200: linksResponse },
      },
    },
    async (request) => links.listLinks(scoped(request), request.query),
  );

  r.post(
    '/api/linkage/links',
    {
      onRequest: allowRoles(LINK_MANAGERS),
      schema: {
        tags,
        summary: '设置领导挂钩联系企业 Link a leader to an enterprise',
        description:
          '400 naming `leaderId` or `enterpriseId` when unknown; 409 when already linked. Audited.',
        body: linkRequest,
        response: { 201: linkItem },
      },
    },
    async (request, reply) => reply.code(201).send(await links.link(scoped(request), request.body)),
  );

  r.delete(
    '/api/linkage/links/:id',
    {
      onRequest: allowRoles(LINK_MANAGERS),
      schema: {
        tags,
        summary: '解除挂钩 End a link',
        description: 'The link is kept with today as its last day; visits and problems stay. Audited.',
        params: idParams,
        response: { 200: linkItem },
      },
    },
    async (request) => links.unlink(scoped(request), request.params.id),
  );

  r.get(
    '/api/linkage/people',
    {
      onRequest: allowRoles(PEOPLE_READERS),
      schema: {
        tags,
        summary: '可选的局领导与承办人 Leaders and officers the forms offer',
        response: { 200: peopleResponse },
      },
    },
    async () => links.people(),
  );

  r.get(
    '/api/linkage/visits',
    {
      onRequest: allowRoles(VISIT_READERS),
      schema: {
        tags,
        summary: '走访记录 Visits, newest first',
        description:
          'A leader sees visits to enterprises linked to them; a town officer those of their town.',
        querystring: visitsQuery,
        response: { 200: visitsResponse },
      },
    },
    async (request) => service.listVisits(scoped(request), request.query),
  );

  r.post(
    '/api/linkage/visits',
    {
      onRequest: allowRoles(VISIT_RECORDERS),
      schema: {
        tags,
        summary: '登记走访及企业诉求 Record a visit with the problems raised',
        description:
          'A leader records their own visits to linked enterprises (403 LINKAGE_NOT_LINKED otherwise); an officer ' +
          'names the leader. A due date before the visit is 400 naming `problems.N.dueOn`. Audited.',
        body: visitRequest,
        response: { 201: visitResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await service.recordVisit(scoped(request), request.body)),
  );

  r.get(
    '/api/linkage/problems',
    {
      onRequest: allowRoles(PROBLEM_READERS),
      schema: {
        tags,
        summary: '企业诉求/问题列表 Problems, overdue first',
        description:
          'Overdue: due date before today (China time) and not resolved or closed. An enterprise sees its own ' +
          'problems without the bureau’s assignee; a town officer its town’s; a leader their linked enterprises’.',
        querystring: problemsQuery,
        response: { 200: problemsResponse },
      },
    },
    async (request) => service.listProblems(scoped(request), request.query),
  );

  r.post(
    '/api/linkage/problems',
    {
      onRequest: allowRoles(VISIT_RECORDERS),
      schema: {
        tags,
        summary: '登记企业诉求 Record a problem outside a visit',
        description: 'Raised today; the due date must not be before today (400 naming `dueOn`). Audited.',
        body: problemRequest,
        response: { 201: problemItem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.raiseProblem(scoped(request), request.body)),
  );

  r.put(
    '/api/linkage/problems/:id/assignment',
    {
      onRequest: allowRoles(PROBLEM_ASSIGNERS),
      schema: {
        tags,
        summary: '交办问题 Assign a problem to an officer and/or department, set its due date',
        params: idParams,
        body: assignRequest,
        response: { 200: problemItem },
      },
    },
    async (request) => service.assign(scoped(request), request.params.id, request.body),
  );

  r.post(
    '/api/linkage/problems/:id/status',
    {
      onRequest: allowRoles(STATUS_CHANGERS),
      schema: {
        tags,
        summary: '变更问题办理状态 Change a problem’s status',
        description:
          'open → in_progress | resolved; in_progress → resolved; resolved → closed | reopened; closed → reopened; ' +
          'reopened → in_progress | resolved. Resolving or closing needs a `resolution`. A leader may only close or ' +
          'reopen problems of linked enterprises. 400 names `status` or `resolution`. Audited.',
        params: idParams,
        body: statusRequest,
        response: { 200: problemItem },
      },
    },
    async (request) => service.changeStatus(scoped(request), request.params.id, request.body),
  );
}
