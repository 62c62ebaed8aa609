/** Self-assessments (自评) and the health-check report (体检报告); who may do what is in assessments.policy.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assessmentDetail,
  assessmentList,
  assessmentListQuery,
  assessmentParams,
  createAssessmentRequest,
  prefillQuery,
  prefillResponse,
} from '@jinke/core/cultivation/assessments.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { attachmentHeader } from '../../platform/xlsx.ts';
import { ASSESSMENT_READERS, ASSESSMENT_WRITERS, allowAssessmentRoles } from './assessments.policy.ts';
import { assessmentsService } from './assessments.service.ts';
import { DOCX_CONTENT_TYPE, renderHealthReport, reportFileNames } from './health-report.docx.ts';

const tags = ['cultivation'];

function actorContext(request: FastifyRequest) {
  return { ...contextOf(request), actor: requireActor(request) };
}

export function assessmentRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = assessmentsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = allowAssessmentRoles(ASSESSMENT_READERS);

  r.get(
    '/api/cultivation/assessments/prefill',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: '自评预填（从主体库读取） Assessment draft from the registry',
        description:
          'The draft input of the 高企 (kind=hnte) or 科小 (kind=tsme) rule for an enterprise on a day: what the registry holds, the input paths it does not hold (`missing`), and where each value came from. An enterprise user always gets its own enterprise.',
        querystring: prefillQuery,
        response: { 200: prefillResponse },
      },
    },
    async (request) => service.prefill(actorContext(request), request.query),
  );

  r.post(
    '/api/cultivation/assessments',
    {
      onRequest: allowAssessmentRoles(ASSESSMENT_WRITERS),
      schema: {
        tags,
        summary: '保存自评（服务端按规则重新计算） Save an assessment (recomputed by the server)',
        description:
          'The input is validated with the rule’s own schema (fields named as input.…) and the result is computed by the server; a result sent by the client is ignored. Saved with the rule version and the assessment date.',
        body: createAssessmentRequest,
        response: { 201: assessmentDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(actorContext(request), request.body)),
  );

  r.get(
    '/api/cultivation/assessments',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: '自评记录 Saved assessments',
        description:
          'Newest first. An enterprise sees its own, a town its town’s enterprises, bureau roles all.',
        querystring: assessmentListQuery,
        response: { 200: assessmentList },
      },
    },
    async (request) => service.list(actorContext(request), request.query),
  );

  r.get(
    '/api/cultivation/assessments/:id',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: '自评详情 One assessment with its input and result',
        params: assessmentParams,
        response: { 200: assessmentDetail },
      },
    },
    async (request) => service.get(actorContext(request), request.params.id),
  );

  r.get(
    '/api/cultivation/assessments/:id/report.docx',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: '下载体检报告（Word） Health-check report as .docx',
        description:
          'Verdict, criteria, score, gaps with what closes them, a 12-month cultivation plan and the data.',
        params: assessmentParams,
      },
    },
    async (request, reply) => {
      const data = await service.report(actorContext(request), request.params.id);
      const body = await renderHealthReport(data);
      const names = reportFileNames(data);
      return reply
        .type(DOCX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(names.ascii, names.name))
        .send(body);
    },
  );
}
