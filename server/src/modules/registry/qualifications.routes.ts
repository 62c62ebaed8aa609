/** Qualifications of an enterprise: read within scope, maintained by the bureau (policy in registry.policy.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  okResponse,
  qualificationList,
  qualificationParams,
  qualificationRequest,
} from '@jinke/core/registry/enterprise-relations.contract.ts';
import { idParams, qualificationItem } from '@jinke/core/registry/enterprises.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { qualificationsService } from './qualifications.service.ts';
import { ENTERPRISE_EDITORS, ENTERPRISE_READERS, allowRoles } from './registry.policy.ts';

const tags = ['registry'];

export function qualificationRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = qualificationsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises/:id/qualifications',
    {
      onRequest: allowRoles(ENTERPRISE_READERS),
      schema: {
        tags,
        summary: '企业资质（状态按当日计算） Qualifications, status as of today',
        params: idParams,
        response: { 200: qualificationList },
      },
    },
    async (request) => service.list(contextOf(request), request.params.id),
  );

  r.post(
    '/api/enterprises/:id/qualifications',
    {
      onRequest: allowRoles(ENTERPRISE_EDITORS),
      schema: {
        tags,
        summary: '登记资质 Record a qualification',
        description: 'For hnte and tsme the valid-to date follows from the issue date and may be omitted.',
        params: idParams,
        body: qualificationRequest,
        response: { 201: qualificationItem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.create(contextOf(request), request.params.id, request.body)),
  );

  r.put(
    '/api/enterprises/:id/qualifications/:qualificationId',
    {
      onRequest: allowRoles(ENTERPRISE_EDITORS),
      schema: {
        tags,
        summary: '修改资质 Change a qualification',
        params: qualificationParams,
        body: qualificationRequest,
        response: { 200: qualificationItem },
      },
    },
    async (request) =>
      service.update(contextOf(request), request.params.id, request.params.qualificationId, request.body),
  );

  r.delete(
    '/api/enterprises/:id/qualifications/:qualificationId',
    {
      onRequest: allowRoles(ENTERPRISE_EDITORS),
      schema: {
        tags,
        summary: '删除资质 Remove a qualification',
        params: qualificationParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.remove(contextOf(request), request.params.id, request.params.qualificationId);
      return { ok: true as const };
    },
  );
}
