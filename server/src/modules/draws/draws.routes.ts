/** Expert draw endpoints. Policy in draws.policy.ts; behaviour in draws.service.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createDrawRequest,
  declineRequest,
  drawDetail,
  drawList,
  drawListQuery,
  drawParams,
  publicDraw,
  seedDrawRequest,
} from '@jinke/core/draws/draws-api.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { DRAW_READERS, DRAW_RUNNERS, allowRoles } from './draws.policy.ts';
import { drawsService } from './draws.service.ts';

const tags = ['draws'];

const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });

export function drawRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = drawsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/draws',
    {
      onRequest: allowRoles(DRAW_READERS),
      schema: {
        tags,
        summary: '专家抽取记录列表 List expert draws',
        querystring: drawListQuery,
        response: { 200: drawList },
      },
    },
    async (request) => service.list(request.query),
  );

  r.post(
    '/api/draws',
    {
      onRequest: allowRoles(DRAW_RUNNERS),
      schema: {
        tags,
        summary:
          '冻结专家候选池（含回避）并公布其哈希 Freeze the candidate pool (with avoidance) and publish its hash',
        description:
          'Builds the candidates from the expert pool and the avoidance facts from the registry; 400 DRAW_POOL_TOO_SMALL names the constraint that empties the pool.',
        body: createDrawRequest,
        response: { 201: drawDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(scoped(request), request.body)),
  );

  r.get(
    '/api/draws/:id',
    {
      onRequest: allowRoles(DRAW_READERS),
      schema: {
        tags,
        summary: '抽取详情（含专家姓名与回避原因） A draw with names and exclusion reasons',
        params: drawParams,
        response: { 200: drawDetail },
      },
    },
    async (request) => service.get(request.params.id),
  );

  r.post(
    '/api/draws/:id/seed',
    {
      onRequest: allowRoles(DRAW_RUNNERS),
      schema: {
        tags,
        summary: '输入随机种子并抽取（仅一次） Enter the seed and draw (once)',
        params: drawParams,
        body: seedDrawRequest,
        response: { 200: drawDetail },
      },
    },
    async (request) => service.seed(scoped(request), request.params.id, request.body),
  );

  r.post(
    '/api/draws/:id/decline',
    {
      onRequest: allowRoles(DRAW_RUNNERS),
      schema: {
        tags,
        summary:
          '专家回避或拒绝，按序由备选递补 A member declines; the next fitting alternate takes the seat',
        params: drawParams,
        body: declineRequest,
        response: { 200: drawDetail },
      },
    },
    async (request) => service.decline(scoped(request), request.params.id, request.body),
  );

  r.get(
    '/api/public/draws/:id',
    {
      schema: {
        tags,
        summary:
          '公开抽取记录（无需登录，仅专家编号） The public record of a draw (no sign-in, expert codes only)',
        params: drawParams,
        response: { 200: publicDraw },
      },
    },
    async (request) => service.publicRecord(request.params.id),
  );
}
