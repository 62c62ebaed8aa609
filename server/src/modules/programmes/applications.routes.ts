/** Application endpoints (申报书). Policy in programmes.policy.ts; behaviour in applications.service.ts. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentInfo, attachmentUploadQuery } from '@jinke/core/common/attachment.contract.ts';
import {
  applicationDetail,
  applicationsQuery,
  applicationsResponse,
  attachmentParams,
  formDataBody,
  idParams,
  timelineResponse,
  transitionRequest,
} from '@jinke/core/programmes/api.contract.ts';
import { acceptAttachmentBodies, checkedAttachment } from '../../platform/attachments.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { attachmentHeader } from '../../platform/xlsx.ts';
import { applicationsService } from './applications.service.ts';
import { ACTORS, APPLICANTS, APPLICATION_READERS, allowRoles } from './programmes.policy.ts';
import { scoped } from './programmes.routes.ts';

const tags = ['programmes'];

export function applicationRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = applicationsService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/programmes/calls/:id/applications',
    {
      onRequest: allowRoles(APPLICANTS),
      schema: {
        tags,
        summary: '开始申报 Start an application, pre-filled from the registry',
        description:
          'For the caller’s own enterprise. 409 PROGRAMME_CALL_CLOSED after the closing day (申报已截止), ' +
          '409 PROGRAMME_APPLICATION_EXISTS with `details.applicationId` when one exists. Audited.',
        params: idParams,
        response: { 201: applicationDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await service.start(scoped(request), request.params.id)),
  );

  r.get(
    '/api/programmes/applications',
    {
      onRequest: allowRoles(APPLICATION_READERS),
      schema: {
        tags,
        summary: '申报书列表 Applications',
        description:
          'An enterprise sees its own, with public phase names; bureau users all, with staff names and the ' +
          'formal-check clock (`phase=formal_check` is the formal-check queue).',
        querystring: applicationsQuery,
        response: { 200: applicationsResponse },
      },
    },
    async (request) => service.list(scoped(request), request.query),
  );

  r.get(
    '/api/programmes/applications/:id',
    {
      onRequest: allowRoles(APPLICATION_READERS),
      schema: {
        tags,
        summary: '申报书 An application with its form, attachments and the actions open to the caller',
        params: idParams,
        response: { 200: applicationDetail },
      },
    },
    async (request) => service.get(scoped(request), request.params.id),
  );

  r.put(
    '/api/programmes/applications/:id/form',
    {
      onRequest: allowRoles(APPLICANTS),
      schema: {
        tags,
        summary: '保存申报书（自动保存） Save the form (autosave)',
        description:
          'Incomplete values are kept; an unknown field or a value of the wrong type is 400 naming ' +
          '`formData.<field>`. 409 PROGRAMME_NOT_EDITABLE once submitted. Audited.',
        params: idParams,
        body: formDataBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => service.saveForm(scoped(request), request.params.id, request.body),
  );

  acceptAttachmentBodies(app);
  r.post(
    '/api/programmes/applications/:id/attachments',
    {
      onRequest: allowRoles(APPLICANTS),
      schema: {
        tags,
        summary: '上传申报附件 Upload a supporting document',
        description:
          'The body is the file (PDF, OFD, .docx, .xlsx, PNG or JPEG, ≤ 10 MB) with its Content-Type; `fileName` ' +
          'names it. 409 PROGRAMME_NOT_EDITABLE once submitted. Audited.',
        params: idParams,
        querystring: attachmentUploadQuery,
        response: { 201: attachmentInfo },
      },
    },
    async (request, reply) => {
      const ctx = scoped(request);
      const file = checkedAttachment(request, request.query.fileName, ctx.locale);
      return reply.code(201).send(await service.upload(ctx, request.params.id, file));
    },
  );

  r.get(
    '/api/programmes/applications/:id/attachments/:attachmentId',
    {
      onRequest: allowRoles(APPLICATION_READERS),
      schema: { tags, summary: '下载申报附件 Download a supporting document', params: attachmentParams },
    },
    async (request, reply) => {
      const file = await service.attachment(scoped(request), request.params.id, request.params.attachmentId);
      const ascii = `attachment-${file.id}.${file.fileName.split('.').pop()}`;
      return reply
        .type(file.contentType)
        .header('x-content-sm3', file.sm3)
        .header('content-disposition', attachmentHeader(ascii, file.fileName))
        .send(file.content);
    },
  );

  r.post(
    '/api/programmes/applications/:id/transitions',
    {
      onRequest: allowRoles(ACTORS),
      schema: {
        tags,
        summary: '办理 Take a workflow action',
        description:
          'submit, resubmit, withdraw, withdraw_pending (applicant); accept, return, reject_formal (officer) — as the ' +
          'call’s definition allows. 403 when the role may not act; 409 PROGRAMME_CALL_CLOSED after the closing day; ' +
          '400 naming `formData.<field>` when the form is invalid, or `reason` when one is needed. Audited.',
        params: idParams,
        body: transitionRequest,
        response: { 200: applicationDetail },
      },
    },
    async (request) => service.act(scoped(request), request.params.id, request.body),
  );

  r.get(
    '/api/programmes/applications/:id/timeline',
    {
      onRequest: allowRoles(APPLICATION_READERS),
      schema: {
        tags,
        summary: '办理进度 The applicant’s timeline: public phase names and the reasons given',
        params: idParams,
        response: { 200: timelineResponse },
      },
    },
    async (request) => service.timeline(scoped(request), request.params.id),
  );
}
