/**
 * The public open data of the published indicators (指标公开数据), no sign-in: like the public draw record, a path
 * under `/api/public/` with no role check, answered the same to the anonymous and to every signed-in role.
 * Behaviour in open-data.service.ts; the CSV form in core (`openDataCsv`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { openDataCsv, openDataQuery, openDataResponse } from '@jinke/core/indicators/open-data.contract.ts';
import { contextOf } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { attachmentHeader } from '../../platform/xlsx.ts';
import { openDataService } from './open-data.service.ts';

const tags = ['indicators'];

/** Published figures change when the registry does: a proxy or browser may keep them for a few minutes. */
export const OPEN_DATA_CACHE_CONTROL = 'public, max-age=300';

/** The CSV file names: an ASCII one and 晋江市科技指标公开数据-2017.csv. */
export function openDataFileNames(year: number): { ascii: string; name: string } {
  return { ascii: `jinke-indicators-${year}.csv`, name: `晋江市科技指标公开数据-${year}.csv` };
}

export function openDataRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = openDataService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cached = (reply: FastifyReply) => reply.header('cache-control', OPEN_DATA_CACHE_CONTROL);

  r.get(
    '/api/public/indicators',
    {
      schema: {
        tags,
        summary: '指标公开数据（无需登录） The published indicators of a year (no sign-in)',
        description:
          'County-wide figures of the indicators the bureau publishes, exact (`value`) and rounded (`display`), with ' +
          'unit, period, as-of day, formula, citation and the years available. Default year: the latest with ' +
          'figures; a year without figures is 404. No town breakdown, targets or notes.',
        querystring: openDataQuery,
        response: { 200: openDataResponse },
      },
    },
    async (request, reply) => {
      const data = await service.figures(contextOf(request), request.query);
      cached(reply);
      return data;
    },
  );

  r.get(
    '/api/public/indicators.csv',
    {
      schema: {
        tags,
        summary: '下载指标公开数据（CSV） The published indicators of a year as CSV (no sign-in)',
        description:
          'The same rows as /api/public/indicators: UTF-8 with a byte-order mark, a header of stable column names ' +
          '(docs/open-data.md), RFC 4180 quoting, CRLF line ends.',
        querystring: openDataQuery,
      },
    },
    async (request, reply) => {
      const data = await service.figures(contextOf(request), request.query);
      const names = openDataFileNames(data.year);
      cached(reply);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentHeader(names.ascii, names.name))
        .send(openDataCsv(data));
    },
  );
}
