/** Funds endpoints (资金). Policy in funds.policy.ts; behaviour in the services. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acceptanceRequest,
  adjustRequest,
  clawbackRequest,
  disbursementRequest,
  fundsDetail,
  idParams,
  standardParams,
  standardRequest,
  standardsQuery,
  standardsResponse,
  standardView,
  supervisionQuery,
  supervisionResponse,
} from '@jinke/core/funds/api.contract.ts';
import { contextOf, requireActor, requireRole } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { FUNDS_READERS, FUNDS_WRITERS, STANDARD_READERS, SUPERVISORS } from './funds.policy.ts';
import { fundsService } from './funds.service.ts';
import { standardsService } from './standards.service.ts';
import { supervisionService } from './supervision.service.ts';

const tags = ['funds'];
const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });
/** 401 when anonymous, 403 unless the role is one of `roles`, before the input is read. */
const allow = (roles: readonly Role[]) => async (request: FastifyRequest) => {
  requireRole(request, ...roles);
};

export function fundsRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const standards = standardsService(deps);
  const funds = fundsService(deps);
  const supervision = supervisionService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/funds/applications/:id';

  r.get(
    '/api/funds/standards',
    {
      onRequest: allow(STANDARD_READERS),
      schema: {
        tags,
        summary: '资助标准 Policy standards, every version with its status',
        querystring: standardsQuery,
        response: { 200: standardsResponse },
      },
    },
    async (request) => standards.list(request.query),
  );
  r.get(
    '/api/funds/standards/:id',
    {
      onRequest: allow(STANDARD_READERS),
      schema: {
        tags,
        summary: '资助标准 One standard version',
        params: standardParams,
        response: { 200: standardView },
      },
    },
    async (request) => standards.get(request.params.id),
  );
  r.post(
    '/api/funds/standards',
    {
      onRequest: allow(FUNDS_WRITERS),
      schema: {
        tags,
        summary: '新增资助标准版本 Add a standard version',
        description:
          'Takes effect from tomorrow at the earliest (409 FUNDS_STANDARD_RETROACTIVE otherwise) and ends the version ' +
          'in force the day before; 409 FUNDS_STANDARD_EXISTS when a version of the programme starts that day or later. Audited.',
        body: standardRequest,
        response: { 201: standardView },
      },
    },
    async (request, reply) => reply.code(201).send(await standards.create(scoped(request), request.body)),
  );

  r.get(
    base,
    {
      onRequest: allow(FUNDS_READERS),
      schema: {
        tags,
        summary: '申报书资金 An application’s award, instalments, clawbacks and acceptance',
        description:
          'Bureau users see the computation before the award is made and the call’s budget; the applicant its own ' +
          'award and payments only (another enterprise’s: 404).',
        params: idParams,
        response: { 200: fundsDetail },
      },
    },
    async (request) => funds.get(scoped(request), request.params.id),
  );
  r.post(
    `${base}/award`,
    {
      onRequest: allow(FUNDS_WRITERS),
      schema: {
        tags,
        summary: '核定资金 Make the award at the computed amount',
        description:
          '409 FUNDS_NOT_AWARDABLE before 立项, FUNDS_NO_STANDARD when no standard is in force on the day of 立项, ' +
          'FUNDS_BUDGET_EXCEEDED naming the remaining budget. Audited.',
        params: idParams,
        response: { 201: fundsDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await funds.createAward(scoped(request), request.params.id)),
  );
  r.put(
    `${base}/award`,
    {
      onRequest: allow(FUNDS_WRITERS),
      schema: {
        tags,
        summary: '调整核定金额 Adjust the approved amount, with a reason',
        description: '409 FUNDS_BUDGET_EXCEEDED naming the remaining budget, FUNDS_BELOW_DISBURSED. Audited.',
        params: idParams,
        body: adjustRequest,
        response: { 200: fundsDetail },
      },
    },
    async (request) => funds.adjustAward(scoped(request), request.params.id, request.body),
  );
  r.post(
    `${base}/disbursements`,
    {
      onRequest: allow(FUNDS_WRITERS),
      schema: {
        tags,
        summary: '拨付一期资金 Record an instalment',
        description:
          'The first instalment in 协议 moves the application to 拨付 (workflow `disburse`) in the same transaction. ' +
          '409 FUNDS_OVER_AWARD past the approved amount (nothing written), FUNDS_NOT_DISBURSABLE before the agreement, ' +
          'FUNDS_VOUCHER_EXISTS. Audited.',
        params: idParams,
        body: disbursementRequest,
        response: { 201: fundsDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await funds.disburse(scoped(request), request.params.id, request.body)),
  );
  r.post(
    `${base}/clawbacks`,
    {
      onRequest: allow(FUNDS_WRITERS),
      schema: {
        tags,
        summary: '追回资金 Record a clawback',
        description: '409 FUNDS_OVER_PAID beyond the net amount paid. Audited.',
        params: idParams,
        body: clawbackRequest,
        response: { 201: fundsDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await funds.claw(scoped(request), request.params.id, request.body)),
  );
  r.post(
    `${base}/acceptance`,
    {
      onRequest: allow(FUNDS_WRITERS),
      schema: {
        tags,
        summary: '验收结论 Record the acceptance conclusion',
        description:
          'In the 验收 phase only (409 FUNDS_NOT_IN_ACCEPTANCE). 通过 (passed) closes the project through the ' +
          'workflow’s `close`; 不通过 (failed) leaves it open for a clawback. Audited.',
        params: idParams,
        body: acceptanceRequest,
        response: { 201: fundsDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await funds.accept(scoped(request), request.params.id, request.body)),
  );

  r.get(
    '/api/funds/supervision',
    {
      onRequest: allow(SUPERVISORS),
      schema: {
        tags,
        summary: '资金监管 Supervision flags with reasons and each call’s budget use',
        querystring: supervisionQuery,
        response: { 200: supervisionResponse },
      },
    },
    async (request) => supervision.overview(request.query),
  );
}
