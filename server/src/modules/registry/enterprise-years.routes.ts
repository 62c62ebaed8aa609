/** Yearly figures of an enterprise (policy in registry.policy.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '@jinke/core/registry/enterprises.contract.ts';
import {
  putYearRequest,
  yearDetail,
  yearList,
  yearParams,
} from '@jinke/core/registry/enterprise-years.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { enterpriseYearsService } from './enterprise-years.service.ts';
import { ENTERPRISE_CHANGERS, ENTERPRISE_READERS, allowRoles } from './registry.policy.ts';

const tags = ['registry'];

export function enterpriseYearRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = enterpriseYearsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises/:id/years',
    {
      onRequest: allowRoles(ENTERPRISE_READERS),
      schema: {
        tags,
        summary: '企业年度数据 Yearly figures of an enterprise',
        params: idParams,
        response: { 200: yearList },
      },
    },
    async (request) => service.list(contextOf(request), request.params.id),
  );

  r.get(
    '/api/enterprises/:id/years/:year',
    {
      onRequest: allowRoles(ENTERPRISE_READERS),
      schema: {
        tags,
        summary: '某年度数据 Figures of one year',
        params: yearParams,
        response: { 200: yearDetail },
      },
    },
    async (request) => service.get(contextOf(request), request.params.id, request.params.year),
  );

  r.put(
    '/api/enterprises/:id/years/:year',
    {
      onRequest: allowRoles(ENTERPRISE_CHANGERS),
      schema: {
        tags,
        summary:
          '填报年度数据（企业自报营收、研发、人数、规上须经核实） Record a year (self-reported revenue, R&D, staff and 规上 wait for verification)',
        description: 'Fields left out stay as they are; null clears one. Money in 分.',
        params: yearParams,
        body: putYearRequest,
        response: { 200: yearDetail },
      },
    },
    async (request) => service.put(contextOf(request), request.params.id, request.params.year, request.body),
  );
}
