/**
 * The town assessment API (市镇两级考核). Who may call what:
 *
 * | action                                  | roles                                                        |
 * |-----------------------------------------|--------------------------------------------------------------|
 * | ranking of a year, a town's sheet       | admin, officer, leader; town (own row and own sheet only)    |
 * | set the year's weights                  | admin, officer                                               |
 *
 * Enterprises, experts, banks and providers are refused (403), the anonymous 401. Behaviour in
 * town-assessment.service.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  townAssessmentQuery,
  townAssessmentResponse,
  townSheetParams,
  weightsQuery,
  weightsRequest,
  weightsResponse,
} from '@jinke/core/indicators/town-assessment.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { XLSX_CONTENT_TYPE, attachmentHeader } from '../../platform/xlsx.ts';
import { INDICATOR_READERS, INDICATOR_WRITERS, allowRoles } from './indicators.policy.ts';
import { assessmentFileNames, renderAssessmentWorkbook } from './town-assessment.export.ts';
import { townAssessmentService } from './town-assessment.service.ts';

const tags = ['indicators'];

export function townAssessmentRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = townAssessmentService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: requireActor(request),
  });

  r.get(
    '/api/indicators/town-assessment',
    {
      onRequest: allowRoles(INDICATOR_READERS),
      schema: {
        tags,
        summary: '镇街考核：各镇（街道）得分与排名 Town assessment: each town’s score and rank',
        description:
          'Achievement = actual ÷ town target, capped per indicator (120 % by default); points = weight × ' +
          'achievement; score = Σ points; equal scores share a rank. A town without a figure or a target of a ' +
          'weighted indicator scores 0 on it and is marked incomplete. Default year: the latest with figures. A ' +
          'town officer gets their own row and rank only.',
        querystring: townAssessmentQuery,
        response: { 200: townAssessmentResponse },
      },
    },
    async (request) => service.assess(scoped(request), request.query),
  );

  r.put(
    '/api/indicators/town-assessment/weights',
    {
      onRequest: allowRoles(INDICATOR_WRITERS),
      schema: {
        tags,
        summary: '设置镇街考核权重 Set the year’s assessment weights',
        description:
          'Replaces the year’s weights. Each indicator must be known and broken down by town, once; weights > 0. ' +
          'A bad entry is 400 naming `weights.N.field`. Audited.',
        querystring: weightsQuery,
        body: weightsRequest,
        response: { 200: weightsResponse },
      },
    },
    async (request) => service.setWeights(scoped(request), request.query.year, request.body),
  );

  r.get(
    '/api/indicators/town-assessment/:town.xlsx',
    {
      onRequest: allowRoles(INDICATOR_READERS),
      schema: {
        tags,
        summary: '下载镇街考核得分表（Excel） A town’s assessment sheet as xlsx',
        description:
          'Each weighted indicator’s actual, target, achievement, weight and points, the total and the rank. A ' +
          'town officer may fetch their own town only (another is 404). Audited.',
        params: townSheetParams,
        querystring: townAssessmentQuery,
      },
    },
    async (request, reply) => {
      const { assessment, row } = await service.townSheet(
        scoped(request),
        request.params.town,
        request.query,
      );
      const body = await renderAssessmentWorkbook(assessment, [row]);
      const names = assessmentFileNames(assessment.year, row);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(names.ascii, names.name))
        .send(body);
    },
  );
}
