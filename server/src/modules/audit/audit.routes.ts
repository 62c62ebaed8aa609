import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  auditFilters,
  auditList,
  auditListQuery,
  auditVerifyResponse,
} from '@jinke/core/audit/audit.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf, requireRole } from '../../platform/http.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { beijingTime, writeAuditWorkbook } from './audit.export.ts';
import { AUDIT_READERS, AUDIT_VERIFIERS } from './audit.policy.ts';
import { auditService } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = auditService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志查询 Audit trail',
        querystring: auditListQuery,
        response: { 200: auditList },
      },
    },
    async (request) => {
      requireRole(request, ...AUDIT_READERS);
      return service.list(request.query);
    },
  );

  r.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（Excel） Export the audit trail as xlsx',
        description: 'Same filters as GET /api/audit, newest first, at most 100,000 rows; streamed.',
        querystring: auditFilters,
      },
    },
    async (request, reply) => {
      requireRole(request, ...AUDIT_READERS);
      const { entries } = await service.startExport(contextOf(request), request.query);
      const stamp = beijingTime(deps.clock().toISOString()).replace(/[-: ]/g, '').slice(0, 12);
      const body = new PassThrough();
      // Headers are sent with the first bytes; an error after that can only cut the download short.
      writeAuditWorkbook(entries, body).catch((error: unknown) => {
        request.log.error({ err: error }, 'audit export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(`audit-${stamp}.xlsx`, `审计日志-${stamp}.xlsx`))
        .send(body);
    },
  );

  r.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计链 Verify the audit hash chain',
        response: { 200: auditVerifyResponse },
      },
    },
    async (request) => {
      requireRole(request, ...AUDIT_VERIFIERS);
      return service.verify(contextOf(request));
    },
  );
}
