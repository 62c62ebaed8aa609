/**
 * Spreadsheet import of the registry: templates, the upload (the raw xlsx as the request body, at most 30 MB), the
 * workbook of a rejected import's bad rows, and the progress of background jobs. Officers and administrators import;
 * only the user who ran an import (or an administrator) reads its job and its errors.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { importAccepted, importKindParams, jobIdParams } from '@jinke/core/registry/import.contract.ts';
import { AppError } from '../../platform/errors.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { jobQueueFor, jobRoutes } from '../../platform/jobs.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { importService } from './import.service.ts';
import { allowRoles } from './registry.policy.ts';

export const IMPORTERS: readonly Role[] = ['admin', 'officer'];
/** Larger uploads answer 413 `PAYLOAD_TOO_LARGE` before any byte is parsed. */
export const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

const tags = ['registry'];
const uploadQuery = z.object({ fileName: z.string().trim().max(255).optional() });

function uploadedFile(request: FastifyRequest): Buffer {
  if (Buffer.isBuffer(request.body) && request.body.length > 0) return request.body;
  throw new AppError('IMPORT_FILE_INVALID', {
    userMessage: {
      zh: `请以 Excel 工作簿作为请求体上传（Content-Type: ${XLSX_CONTENT_TYPE}）`,
      en: `Send the Excel workbook as the request body (Content-Type: ${XLSX_CONTENT_TYPE})`,
    },
    details: { problem: 'no_file' },
  });
}

export function importRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const jobs = jobQueueFor(deps.db, deps.clock, (message, error) => app.log.error({ err: error }, message));
  jobRoutes(app, jobs);
  const service = importService({ db: deps.db, cipher: deps.cipher, clock: deps.clock, jobs });
  app.addContentTypeParser(
    XLSX_CONTENT_TYPE,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/import/templates/:kind.xlsx',
    {
      onRequest: allowRoles(IMPORTERS),
      schema: {
        tags,
        summary: '下载导入模板 Download an import template',
        description:
          'Row 1: Chinese headers (* = required); hidden row 2: field keys; a 说明 sheet gives each column’s rule and an example row.',
        params: importKindParams,
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const body = await service.template(kind);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(`${kind}-template.xlsx`, `导入模板-${kind}.xlsx`))
        .send(body);
    },
  );

  r.post(
    '/api/import/:kind',
    {
      onRequest: allowRoles(IMPORTERS),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          '导入 Excel（先校验全部行，有错则不写入） Import a workbook (every row checked first; nothing written if any is wrong)',
        description:
          `The request body is the xlsx file itself (Content-Type: ${XLSX_CONTENT_TYPE}, at most 30 MB). Up to 2,000 rows are ` +
          'imported at once (200); a larger file becomes a job (202) to follow at GET /api/jobs/:id. Bad rows answer 400 ' +
          'IMPORT_ROWS_INVALID listing each row, column, value and reason, with the errors workbook’s URL.',
        params: importKindParams,
        querystring: uploadQuery,
        response: { 200: importAccepted, 202: importAccepted },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const data = uploadedFile(request);
      const accepted = await service.start(
        contextOf(request),
        request.params.kind,
        data,
        request.query.fileName ?? null,
      );
      return reply.code(accepted.status === 'queued' ? 202 : 200).send(accepted);
    },
  );

  r.get(
    '/api/import/jobs/:id/errors.xlsx',
    {
      onRequest: async (request) => {
        requireActor(request);
      },
      schema: {
        tags,
        summary: '下载导入错误行 Download the invalid rows of an import',
        description:
          'Each bad row with its original row number, its values (bad cells in red) and every reason. Only for the user who ran the import, or an administrator.',
        params: jobIdParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { kind, body } = await service.errorsFile(actor, request.params.id);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(`${kind}-errors.xlsx`, `导入错误-${kind}.xlsx`))
        .send(body);
    },
  );
}
