/** Programme call endpoints (申报通知). Policy in programmes.policy.ts; behaviour in calls.service.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callDetail,
  callRequest,
  callsQuery,
  callsResponse,
  definitionsResponse,
  idParams,
} from '@jinke/core/programmes/api.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { callsService } from './calls.service.ts';
import { CALL_MANAGERS, CALL_READERS, DEFINITION_READERS, allowRoles } from './programmes.policy.ts';

const tags = ['programmes'];

export const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });

export function callRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = callsService({ db: deps.db, clock: deps.clock });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/programmes/definitions',
    {
      onRequest: allowRoles(DEFINITION_READERS),
      schema: {
        tags,
        summary: '项目类别及其流程版本 Programme kinds with their latest definition',
        response: { 200: definitionsResponse },
      },
    },
    async () => service.definitions(),
  );

  r.get(
    '/api/programmes/calls',
    {
      onRequest: allowRoles(CALL_READERS),
      schema: {
        tags,
        summary: '申报通知列表 Calls',
        description:
          'Bureau users see every call; an enterprise sees open calls whose window has started, with its own ' +
          'application id.',
        querystring: callsQuery,
        response: { 200: callsResponse },
      },
    },
    async (request) => service.list(scoped(request), request.query),
  );

  r.get(
    '/api/programmes/calls/:id',
    {
      onRequest: allowRoles(CALL_READERS),
      schema: {
        tags,
        summary: '申报通知 A call with its form',
        params: idParams,
        response: { 200: callDetail },
      },
    },
    async (request) => service.get(scoped(request), request.params.id),
  );

  r.post(
    '/api/programmes/calls',
    {
      onRequest: allowRoles(CALL_MANAGERS),
      schema: {
        tags,
        summary: '起草申报通知 Draft a call',
        description: '400 names the field (e.g. `closesOn` before `opensOn`). Audited.',
        body: callRequest,
        response: { 201: callDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(scoped(request), request.body)),
  );

  r.put(
    '/api/programmes/calls/:id',
    {
      onRequest: allowRoles(CALL_MANAGERS),
      schema: {
        tags,
        summary: '修改申报通知 Change a draft call',
        description: '409 PROGRAMME_CALL_NOT_DRAFT once opened. Audited.',
        params: idParams,
        body: callRequest,
        response: { 200: callDetail },
      },
    },
    async (request) => service.update(scoped(request), request.params.id, request.body),
  );

  r.delete(
    '/api/programmes/calls/:id',
    {
      onRequest: allowRoles(CALL_MANAGERS),
      schema: {
        tags,
        summary: '删除申报通知草稿 Delete a draft call',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.remove(scoped(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/programmes/calls/:id/open',
    {
      onRequest: allowRoles(CALL_MANAGERS),
      schema: {
        tags,
        summary: '发布申报通知 Open a call',
        description:
          'Freezes the latest definition version of the kind into the call. 400 naming `closesOn` when it has ' +
          'passed. Audited.',
        params: idParams,
        response: { 200: callDetail },
      },
    },
    async (request) => service.open(scoped(request), request.params.id),
  );

  r.post(
    '/api/programmes/calls/:id/close',
    {
      onRequest: allowRoles(CALL_MANAGERS),
      schema: { tags, summary: '结束申报通知 Close a call', params: idParams, response: { 200: callDetail } },
    },
    async (request) => service.close(scoped(request), request.params.id),
  );
}
