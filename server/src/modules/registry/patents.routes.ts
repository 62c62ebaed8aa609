/** Patent registry endpoints: bureau, towns and enterprises read (scoped); officers and administrators write. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createPatentRequest,
  enterprisePatentsQuery,
  patentItem,
  patentList,
  patentListQuery,
  updatePatentRequest,
} from '@jinke/core/registry/patents.contract.ts';
import { uuidParams } from '@jinke/core/registry/parties.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { allowRoles, partyAccess } from './parties.policy.ts';
import { patentsService } from './patents.service.ts';

const tags = ['registry'];

export function patentRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = patentsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = allowRoles(partyAccess.patents.read);
  const write = allowRoles(partyAccess.patents.write);

  r.get(
    '/api/patents',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '专利列表（全文检索、筛选） List and search patents',
        querystring: patentListQuery,
        response: { 200: patentList },
      },
    },
    async (request) => service.list(contextOf(request), request.query),
  );

  r.get(
    '/api/patents/:id',
    {
      onRequest: read,
      schema: { tags, summary: '专利详情 Patent details', params: uuidParams, response: { 200: patentItem } },
    },
    async (request) => service.get(contextOf(request), request.params.id),
  );

  r.post(
    '/api/patents',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '登记专利 Register a patent',
        body: createPatentRequest,
        response: { 201: patentItem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
  );

  r.patch(
    '/api/patents/:id',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '修改专利 Update a patent',
        params: uuidParams,
        body: updatePatentRequest,
        response: { 200: patentItem },
      },
    },
    async (request) => service.update(contextOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/enterprises/:id/patents',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '企业的专利 Patents of an enterprise',
        params: uuidParams,
        querystring: enterprisePatentsQuery,
        response: { 200: patentList },
      },
    },
    async (request) => service.listForEnterprise(contextOf(request), request.params.id, request.query),
  );
}
