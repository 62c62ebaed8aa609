/**
 * The ledger's summary (both calibres side by side, 加计扣除 per year, warnings) and its workbook: the template, the
 * upload of a filled-in ledger (the raw xlsx as the request body) and the export in the template's form.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ledgerSummary, ledgerSummaryQuery } from '@jinke/core/cultivation/ledger-summary.contract.ts';
import {
  ledgerExportQuery,
  ledgerImportQuery,
  ledgerImportSummary,
} from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { ledgerExportService } from './ledger-export.service.ts';
import { ledgerImportService } from './ledger-import.service.ts';
import { ledgerSummaryService } from './ledger-summary.service.ts';
import { LEDGER_READERS, LEDGER_WRITERS, ledgerRoles } from './ledger.policy.ts';

const tags = ['cultivation'];
/** Larger uploads answer 413 before any byte is parsed. */
export const LEDGER_BODY_LIMIT = 30 * 1024 * 1024;

function uploadedFile(request: FastifyRequest): Buffer {
  if (Buffer.isBuffer(request.body) && request.body.length > 0) return request.body;
  throw new AppError('LEDGER_IMPORT_FILE_INVALID', {
    userMessage: {
      zh: `请以 Excel 工作簿作为请求体上传（Content-Type: ${XLSX_CONTENT_TYPE}）`,
      en: `Send the Excel workbook as the request body (Content-Type: ${XLSX_CONTENT_TYPE})`,
    },
    details: { problem: 'no_file' },
  });
}

/** 2026-11-26T02:00:00Z → 202611261000 (China Standard Time). */
function stamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 12);
}

export function ledgerFileRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const summary = ledgerSummaryService(deps);
  const imports = ledgerImportService(deps);
  const exporter = ledgerExportService(deps);
  if (!app.hasContentTypeParser(XLSX_CONTENT_TYPE))
    app.addContentTypeParser(
      XLSX_CONTENT_TYPE,
      { parseAs: 'buffer', bodyLimit: LEDGER_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cultivation/ledger/summary',
    {
      onRequest: ledgerRoles(LEDGER_READERS),
      schema: {
        tags,
        summary: '研发费用两种口径与加计扣除 Both calibres and the super-deduction per year',
        description:
          'Three years ending at `year` (default: the latest year with entries). Each year: the 高企 and the super-deduction ' +
          'calibres side by side with the reconciliation lines, the 高企 R&D figure, the 加计扣除 amount with the rate ' +
          'record and document in force, and the divergence warnings. Sums come from SQL; the rules are core’s.',
        querystring: ledgerSummaryQuery,
        response: { 200: ledgerSummary },
      },
    },
    async (request) => summary.summary(contextOf(request), request.query),
  );

  r.get(
    '/api/cultivation/ledger/template.xlsx',
    {
      onRequest: ledgerRoles(LEDGER_READERS),
      schema: {
        tags,
        summary: '下载研发辅助账模板 Download the R&D ledger template',
        description: 'Sheets 研发项目 and 研发费用明细 (Chinese headers, hidden key row), 说明 and 费用类别.',
      },
    },
    async (_request, reply) => {
      const body = new PassThrough();
      exporter.template(body).catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))));
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader('rd-ledger-template.xlsx', '研发辅助账模板.xlsx'))
        .send(body);
    },
  );

  r.post(
    '/api/cultivation/ledger/import',
    {
      onRequest: ledgerRoles(LEDGER_WRITERS),
      bodyLimit: LEDGER_BODY_LIMIT,
      schema: {
        tags,
        summary: '导入研发辅助账（先校验全部行，有错则不写入） Import a ledger workbook (all rows checked first; nothing written if any is wrong)',
        description:
          `The body is the xlsx file (Content-Type: ${XLSX_CONTENT_TYPE}, ≤ 30 MB, ≤ 50,000 entry rows). Projects are created ` +
          'or updated by code; the entries of each project and year in the file replace the recorded ones. Bad rows answer ' +
          '400 LEDGER_IMPORT_ROWS_INVALID listing sheet, row, column, value and reason.',
        querystring: ledgerImportQuery,
        response: { 200: ledgerImportSummary },
      },
    },
    async (request) =>
      imports.importFile(contextOf(request), uploadedFile(request), {
        enterpriseId: request.query.enterpriseId,
        fileName: request.query.fileName ?? null,
      }),
  );

  r.get(
    '/api/cultivation/ledger/export.xlsx',
    {
      onRequest: ledgerRoles(LEDGER_READERS),
      schema: {
        tags,
        summary: '导出研发辅助账 Export the ledger',
        description: 'In the template’s form, so it imports again: all projects, the entries of `year` (or all years). Audited.',
        querystring: ledgerExportQuery,
      },
    },
    async (request, reply) => {
      const plan = await exporter.start(contextOf(request), request.query);
      const body = new PassThrough();
      plan.write(body).catch((error: unknown) => {
        request.log.error({ err: error }, 'ledger export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const at = stamp(deps.clock());
      const year = plan.year ? `-${plan.year}` : '';
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header(
          'content-disposition',
          attachmentHeader(`rd-ledger${year}-${at}.xlsx`, `研发辅助账-${plan.enterprise.name}${year}-${at}.xlsx`),
        )
        .send(body);
    },
  );
}
