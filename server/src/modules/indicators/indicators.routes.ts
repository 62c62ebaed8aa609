/** The indicators dashboard API. Policy in indicators.policy.ts; behaviour in indicators.service.ts. */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  annualReportQuery,
  indicatorParams,
  overviewQuery,
  overviewResponse,
  recordsExportQuery,
  recordsQuery,
  recordsResponse,
  reportedRequest,
  reportedResponse,
  targetPathParams,
  targetRequest,
  targetResponse,
} from '@jinke/core/indicators/api.contract.ts';
import { attachmentInfo, attachmentUploadQuery } from '@jinke/core/common/attachment.contract.ts';
import { acceptAttachmentBodies, checkedAttachment } from '../../platform/attachments.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { ANNUAL_REPORT_READERS, annualReportData, annualReportFileNames } from './annual-report.data.ts';
import { DOCX_CONTENT_TYPE, renderAnnualReport } from './annual-report.docx.ts';
import { writeRecordsWorkbook } from './indicators.export.ts';
import { INDICATOR_READERS, INDICATOR_WRITERS, allowRoles } from './indicators.policy.ts';
import { indicatorsService } from './indicators.service.ts';

const tags = ['indicators'];

export function indicatorRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = indicatorsService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: requireActor(request),
  });

  r.get(
    '/api/indicators/overview',
    {
      onRequest: allowRoles(INDICATOR_READERS),
      schema: {
        tags,
        summary:
          '指标看板：各指标数值、目标、完成进度与分镇街数据 Every indicator with target, progress and towns',
        description:
          'Values are exact fractions with a rounded `display`. Default year: the latest with registry figures; a year ' +
          'without figures is 404. A town officer gets their town only (`scope: town`).',
        querystring: overviewQuery,
        response: { 200: overviewResponse },
      },
    },
    async (request) => service.overview(scoped(request), request.query),
  );

  r.get(
    '/api/indicators/:id/records',
    {
      onRequest: allowRoles(INDICATOR_READERS),
      schema: {
        tags,
        summary: '指标明细（下钻） The records an indicator counts, paged',
        description:
          'The total equals the indicator (for a coverage: the enterprises not covered). A town officer asking for ' +
          'another town gets 404.',
        params: indicatorParams,
        querystring: recordsQuery,
        response: { 200: recordsResponse },
      },
    },
    async (request) => service.records(scoped(request), request.params.id, request.query),
  );

  r.get(
    '/api/indicators/:id/records.xlsx',
    {
      onRequest: allowRoles(INDICATOR_READERS),
      schema: {
        tags,
        summary: '导出指标明细（Excel） Export the drill-down as xlsx',
        description: 'Every record of the drill-down, with a total row. Audited.',
        params: indicatorParams,
        querystring: recordsExportQuery,
      },
    },
    async (request, reply) => {
      const data = await service.exportRecords(scoped(request), request.params.id, request.query);
      const body = new PassThrough();
      writeRecordsWorkbook(data, body).catch((error: unknown) => {
        request.log.error({ err: error }, 'indicator export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const town = data.town ? `-${data.town}` : '';
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header(
          'content-disposition',
          attachmentHeader(
            `indicator-${data.def.id}-${data.year}${town}.xlsx`,
            `${data.def.name.zh}-${data.year}${town}.xlsx`,
          ),
        )
        .send(body);
    },
  );

  r.get(
    '/api/indicators/report/annual.docx',
    {
      onRequest: allowRoles(ANNUAL_REPORT_READERS),
      schema: {
        tags,
        summary: '生成年度工作总结（Word） The year’s summary document as .docx',
        description:
          'The county figures of the overview for `year` in official-document form (GB/T 9704), the next year’s ' +
          'targets and an appendix of sources; a missing figure is marked, never zero. `number` is N of ' +
          '晋科〔YEAR+1〕N号 (default 1). Admin, officer, leader only; a year without figures is 404.',
        querystring: annualReportQuery,
      },
    },
    async (request, reply) => {
      const data = await annualReportData({ db: deps.db, clock: deps.clock }, scoped(request), request.query);
      const body = await renderAnnualReport(data);
      const names = annualReportFileNames(data.year);
      return reply
        .type(DOCX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(names.ascii, names.name))
        .send(body);
    },
  );

  r.put(
    '/api/indicators/targets/:year/:id',
    {
      onRequest: allowRoles(INDICATOR_WRITERS),
      schema: {
        tags,
        summary: '设置指标年度目标及镇街分解 Set a yearly target and its town split',
        description:
          'The town split, when given, must add up to the county value exactly (400 naming `towns`). Audited.',
        params: targetPathParams,
        body: targetRequest,
        response: { 200: targetResponse },
      },
    },
    async (request) =>
      service.setTarget(scoped(request), request.params.year, request.params.id, request.body),
  );

  r.put(
    '/api/indicators/reported/:year/:id',
    {
      onRequest: allowRoles(INDICATOR_WRITERS),
      schema: {
        tags,
        summary: '填报指标数值 Report a figure (e.g. resident population)',
        description:
          'Only indicators whose source is `reported`. Where the definition requires the department’s document, ' +
          '`attachmentId` (from POST /api/indicators/attachments) is required (400 naming it). Audited.',
        params: targetPathParams,
        body: reportedRequest,
        response: { 200: reportedResponse },
      },
    },
    async (request) =>
      service.setReported(scoped(request), request.params.year, request.params.id, request.body),
  );

  acceptAttachmentBodies(app);
  r.post(
    '/api/indicators/attachments',
    {
      onRequest: allowRoles(INDICATOR_WRITERS),
      schema: {
        tags,
        summary: '上传填报证明材料 Upload a department’s document for a reported figure',
        description:
          'The body is the file itself (PDF, OFD, .docx, .xlsx, PNG or JPEG, ≤ 10 MB) with its Content-Type; ' +
          '`fileName` names it. The bytes must match the type. Answers the stored document with its SM3 digest; ' +
          'the figure refers to it by `attachmentId` when entered. Audited.',
        querystring: attachmentUploadQuery,
        response: { 201: attachmentInfo },
      },
    },
    async (request, reply) => {
      const ctx = scoped(request);
      const file = checkedAttachment(request, request.query.fileName, ctx.locale);
      return reply.code(201).send(await service.uploadAttachment(ctx, file));
    },
  );

  r.get(
    '/api/indicators/reported/:year/:id/attachment',
    {
      onRequest: allowRoles(INDICATOR_READERS),
      schema: {
        tags,
        summary: '下载填报证明材料 The document a reported figure was entered with',
        description: 'The file as uploaded, with its SM3 digest in `x-content-sm3`; 404 when there is none.',
        params: targetPathParams,
      },
    },
    async (request, reply) => {
      const file = await service.reportedAttachment(request.params.year, request.params.id);
      const ascii = `attachment-${request.params.id}-${request.params.year}.${file.fileName.split('.').pop()}`;
      return reply
        .type(file.contentType)
        .header('x-content-sm3', file.sm3)
        .header('content-disposition', attachmentHeader(ascii, file.fileName))
        .send(file.content);
    },
  );
}
