/** Institutes and platforms: the bureau, towns (their own) and enterprises read; officers and administrators write. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createInstituteRequest,
  instituteItem,
  instituteList,
  instituteListQuery,
  updateInstituteRequest,
} from '@jinke/core/registry/institutes.contract.ts';
import { uuidParams } from '@jinke/core/registry/parties.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { institutesService } from './institutes.service.ts';
import { allowRoles, partyAccess } from './parties.policy.ts';

const tags = ['registry'];

export function instituteRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = institutesService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = allowRoles(partyAccess.institutes.read);
  const write = allowRoles(partyAccess.institutes.write);

  r.get(
    '/api/institutes',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '科研机构与创新平台列表 List institutes and platforms',
        querystring: instituteListQuery,
        response: { 200: instituteList },
      },
    },
    async (request) => service.list(contextOf(request), request.query),
  );

  r.get(
    '/api/institutes/:id',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '机构详情 Institute details',
        params: uuidParams,
        response: { 200: instituteItem },
      },
    },
    async (request) => service.get(contextOf(request), request.params.id),
  );

  r.post(
    '/api/institutes',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '登记机构 Register an institute',
        body: createInstituteRequest,
        response: { 201: instituteItem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
  );

  r.patch(
    '/api/institutes/:id',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '修改机构 Update an institute',
        params: uuidParams,
        body: updateInstituteRequest,
        response: { 200: instituteItem },
      },
    },
    async (request) => service.update(contextOf(request), request.params.id, request.body),
  );
}
