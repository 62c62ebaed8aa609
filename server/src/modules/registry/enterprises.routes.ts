/** Enterprise records: list and search, read, create, change, verify a field, history (policy in registry.policy.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createEnterpriseRequest,
  detailQuery,
  enterpriseDetail,
  enterpriseList,
  enterpriseListQuery,
  fieldParams,
  fieldVerifiedResponse,
  historyList,
  historyQuery,
  idParams,
  updateEnterpriseRequest,
} from '@jinke/core/registry/enterprises.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { enterpriseListService } from './enterprise-list.service.ts';
import { enterprisesService } from './enterprises.service.ts';
import {
  ENTERPRISE_CHANGERS,
  ENTERPRISE_EDITORS,
  ENTERPRISE_READERS,
  FIELD_VERIFIERS,
  HISTORY_READERS,
  allowRoles,
  assertMayRevealContact,
} from './registry.policy.ts';

const tags = ['registry'];

export function enterpriseRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = enterprisesService(deps);
  const lists = enterpriseListService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises',
    {
      onRequest: allowRoles(ENTERPRISE_READERS),
      schema: {
        tags,
        summary: '企业列表与检索 List and search enterprises',
        description:
          'Full-text search over name, former names and address; filters by town, industry (a 门类 letter or a code prefix), ' +
          'qualification in force, 规上 flag by year, high-tech field and industry chain. Town users see their town, ' +
          'enterprise users themselves.',
        querystring: enterpriseListQuery,
        response: { 200: enterpriseList },
      },
    },
    async (request) => lists.list(contextOf(request), request.query),
  );

  r.get(
    '/api/enterprises/:id',
    {
      onRequest: allowRoles(ENTERPRISE_READERS),
      schema: {
        tags,
        summary:
          '企业详情（reveal=contact 显示联系电话并记入审计） Enterprise details (reveal=contact shows the phone, audited)',
        params: idParams,
        querystring: detailQuery,
        response: { 200: enterpriseDetail },
      },
    },
    async (request) => {
      const reveal = request.query.reveal === 'contact';
      if (reveal) assertMayRevealContact(requireActor(request));
      return service.get(contextOf(request), request.params.id, { revealPhone: reveal });
    },
  );

  r.post(
    '/api/enterprises',
    {
      onRequest: allowRoles(ENTERPRISE_EDITORS),
      schema: {
        tags,
        summary: '登记企业 Register an enterprise',
        body: createEnterpriseRequest,
        response: { 201: enterpriseDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
  );

  r.patch(
    '/api/enterprises/:id',
    {
      onRequest: allowRoles(ENTERPRISE_CHANGERS),
      schema: {
        tags,
        summary:
          '修改企业信息（企业自行修改名称、信用代码、人数、营收须经核实） Change an enterprise (self-service changes to name, USCC, staff, revenue wait for verification)',
        params: idParams,
        body: updateEnterpriseRequest,
        response: { 200: enterpriseDetail },
      },
    },
    async (request) => service.update(contextOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/enterprises/:id/fields/:field/verify',
    {
      onRequest: allowRoles(FIELD_VERIFIERS),
      schema: {
        tags,
        summary: '核实字段 Mark a field verified',
        description: 'A profile field (e.g. `name`) or a yearly figure (`years.2025.revenueFen`).',
        params: fieldParams,
        response: { 200: fieldVerifiedResponse },
      },
    },
    async (request) => service.verifyField(contextOf(request), request.params.id, request.params.field),
  );

  r.get(
    '/api/enterprises/:id/history',
    {
      onRequest: allowRoles(HISTORY_READERS),
      schema: {
        tags,
        summary: '企业变更记录 History of an enterprise',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historyList },
      },
    },
    async (request) => service.history(contextOf(request), request.params.id, request.query),
  );
}
