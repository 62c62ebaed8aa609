/** The officers' candidate pipeline (培育库). Policy in pipeline.policy.ts; behaviour in pipeline.service.ts. */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  expiringQuery,
  expiringResponse,
  pipelineExportQuery,
  pipelineQuery,
  pipelineResponse,
  targetItem,
  targetParams,
  targetRequest,
} from '@jinke/core/cultivation/pipeline.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { jobQueueFor } from '../../platform/jobs.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { writePipelineWorkbook } from './pipeline.export.ts';
import { PIPELINE_READERS, TARGET_SETTERS, allowRoles } from './pipeline.policy.ts';
import { PIPELINE_REFRESH_JOB, pipelineService } from './pipeline.service.ts';

const tags = ['cultivation'];

/** 2026-11-26T02:00:00Z → 202611261000 (China Standard Time). */
function stamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 12);
}

export function pipelineRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const jobs = jobQueueFor(deps.db, deps.clock, (message, error) => app.log.error({ err: error }, message));
  const service = pipelineService({ db: deps.db, clock: deps.clock, jobs });
  jobs.register(PIPELINE_REFRESH_JOB, (input) => service.refreshJob(input));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: requireActor(request),
  });

  r.get(
    '/api/cultivation/pipeline',
    {
      onRequest: allowRoles(PIPELINE_READERS),
      schema: {
        tags,
        summary:
          '高企培育库：按成熟度排序、差距汇总与年度目标 HNTE pipeline ranked by readiness, gaps and target',
        description:
          'Readiness classes: eligible (no failed criterion; registration, tech staff and R&D ratio pass), one_gap, ' +
          'two_gaps, far (3+ failed), incomplete (nothing failed but registry figures missing). Criteria the registry ' +
          'cannot decide are listed as unknowns, never as gaps. A town officer sees only their town. Read from a ' +
          'snapshot; `snapshot.stale` says a refresh is running.',
        querystring: pipelineQuery,
        response: { 200: pipelineResponse },
      },
    },
    async (request) => service.list(scoped(request), request.query),
  );

  r.get(
    '/api/cultivation/pipeline/expiring',
    {
      onRequest: allowRoles(PIPELINE_READERS),
      schema: {
        tags,
        summary: '一年内到期的高企证书（重新认定） HNTE certificates expiring within twelve months',
        querystring: expiringQuery,
        response: { 200: expiringResponse },
      },
    },
    async (request) => service.expiring(scoped(request), request.query),
  );

  r.get(
    '/api/cultivation/pipeline/export.xlsx',
    {
      onRequest: allowRoles(PIPELINE_READERS),
      schema: {
        tags,
        summary: '导出高企培育库（Excel） Export the pipeline as xlsx',
        description:
          'The list filters without paging; a second sheet lists the certificates expiring within twelve months. Audited.',
        querystring: pipelineExportQuery,
      },
    },
    async (request, reply) => {
      const data = await service.exportRows(scoped(request), request.query);
      const body = new PassThrough();
      writePipelineWorkbook(data, body).catch((error: unknown) => {
        request.log.error({ err: error }, 'pipeline export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const at = stamp(deps.clock());
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header(
          'content-disposition',
          attachmentHeader(
            `hnte-pipeline-${data.campaign.year}-${at}.xlsx`,
            `高企培育库-${data.campaign.year}-${at}.xlsx`,
          ),
        )
        .send(body);
    },
  );

  r.put(
    '/api/cultivation/pipeline/targets/:year',
    {
      onRequest: allowRoles(TARGET_SETTERS),
      schema: {
        tags,
        summary: '设置年度高企目标 Set the year’s HNTE target',
        description: 'The count of valid HNTE should exceed `targetAbove` ("突破100家" → 100). Audited.',
        params: targetParams,
        body: targetRequest,
        response: { 200: targetItem },
      },
    },
    async (request) => service.setTarget(scoped(request), request.params.year, request.body),
  );
}
