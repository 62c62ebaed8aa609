/** Expert pool endpoints: the bureau reads all, an expert only their own record; officers and administrators write. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createExpertRequest,
  expertDetailQuery,
  expertItem,
  expertList,
  expertListQuery,
  updateExpertRequest,
} from '@jinke/core/registry/experts.contract.ts';
import { uuidParams } from '@jinke/core/registry/parties.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { expertsService } from './experts.service.ts';
import { allowRoles, partyAccess } from './parties.policy.ts';

const tags = ['registry'];

export function expertRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = expertsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = allowRoles(partyAccess.experts.read);

  r.get(
    '/api/experts',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '专家库列表（全文检索） List and search experts',
        querystring: expertListQuery,
        response: { 200: expertList },
      },
    },
    async (request) => service.list(contextOf(request), request.query),
  );

  r.get(
    '/api/experts/:id',
    {
      onRequest: read,
      schema: {
        tags,
        summary:
          '专家详情（reveal=personal 显示完整联系方式与身份证号并记入审计） Expert details (reveal=personal shows personal data, audited)',
        params: uuidParams,
        querystring: expertDetailQuery,
        response: { 200: expertItem },
      },
    },
    async (request) =>
      service.get(contextOf(request), request.params.id, { reveal: request.query.reveal === 'personal' }),
  );

  r.post(
    '/api/experts',
    {
      onRequest: allowRoles(partyAccess.experts.create),
      schema: {
        tags,
        summary: '新增专家 Add an expert',
        body: createExpertRequest,
        response: { 201: expertItem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
  );

  r.patch(
    '/api/experts/:id',
    {
      onRequest: allowRoles(partyAccess.experts.write),
      schema: {
        tags,
        summary:
          '修改专家信息（专家本人限可用状态、关联关系、联系方式） Update an expert (an expert: own availability, relations, contact)',
        params: uuidParams,
        body: updateExpertRequest,
        response: { 200: expertItem },
      },
    },
    async (request) => service.update(contextOf(request), request.params.id, request.body),
  );
}
