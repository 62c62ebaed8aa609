/**
 * The public side of notices (公示), no sign-in: like the public draw record and the indicators' open data, paths
 * under `/api/public/` with no role check, answered alike to the anonymous and to every signed-in role.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  noticeDetail,
  noticeIdParams,
  noticesResponse,
  objectionReceipt,
  objectionRequest,
  resultsQuery,
  resultsResponse,
} from '@jinke/core/notices/notices.contract.ts';
import { resultsCsv } from '@jinke/core/notices/rules.ts';
import { contextOf } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { attachmentHeader } from '../../platform/xlsx.ts';
import { noticesService } from './notices.service.ts';

const tags = ['notices'];

/** The CSV file names: an ASCII one and 晋江市科技项目立项结果-2026.csv. */
export function resultsFileNames(year: number | null | undefined): { ascii: string; name: string } {
  const suffix = year ? `-${year}` : '';
  return { ascii: `jinke-programme-results${suffix}.csv`, name: `晋江市科技项目立项结果${suffix}.csv` };
}

export function publicNoticeRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const notices = noticesService({ db: deps.db, clock: deps.clock, cipher: deps.cipher });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/public/notices',
    {
      schema: {
        tags,
        summary: '公示公告（无需登录） Public notices whose first day has come (no sign-in)',
        response: { 200: noticesResponse },
      },
    },
    async () => notices.publicList(),
  );

  r.get(
    '/api/public/notices/:id',
    {
      schema: {
        tags,
        summary: '公示内容（无需登录） A public notice with its entries (no sign-in)',
        description:
          'Enterprise, project title and proposed amount of each entry, with its status. 404 before the first day.',
        params: noticeIdParams,
        response: { 200: noticeDetail },
      },
    },
    async (request) => notices.detail(request.params.id, true),
  );

  r.post(
    '/api/public/notices/:id/objections',
    {
      schema: {
        tags,
        summary: '提出异议（无需登录） File an objection while the notice runs (no sign-in)',
        description:
          'Real name, an 11-digit mobile number, the entry (`applicationId`) and the grounds. 409 NOTICE_ENDED naming ' +
          'the last day (`details.noticeEndsOn`) after it. The phone is stored encrypted. Audited.',
        params: noticeIdParams,
        body: objectionRequest,
        response: { 201: objectionReceipt },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await notices.fileObjection(contextOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/public/programme-results',
    {
      schema: {
        tags,
        summary: '立项结果公开数据（无需登录） Confirmed programme results (no sign-in)',
        description:
          'Stable ids (the application id), call, year, enterprise, project title, amount in 分 and status; ' +
          '`year` keeps one year.',
        querystring: resultsQuery,
        response: { 200: resultsResponse },
      },
    },
    async (request) => notices.results(request.query),
  );

  r.get(
    '/api/public/programme-results.csv',
    {
      schema: {
        tags,
        summary: '下载立项结果（CSV） Confirmed programme results as CSV (no sign-in)',
        description: 'UTF-8 with a byte-order mark, stable column names, RFC 4180 quoting, CRLF line ends.',
        querystring: resultsQuery,
      },
    },
    async (request, reply) => {
      const data = await notices.results(request.query);
      const names = resultsFileNames(data.year);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentHeader(names.ascii, names.name))
        .send(resultsCsv(data.items));
    },
  );
}
