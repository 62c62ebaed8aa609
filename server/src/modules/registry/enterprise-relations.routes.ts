/** Honours, cooperation agreements and chain tags of an enterprise (policy in registry.policy.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  chainTagItem,
  chainTagList,
  chainTagQuery,
  chainTagRequest,
  childParams,
  cooperationItem,
  cooperationList,
  cooperationRequest,
  honourItem,
  honourList,
  honourRequest,
  okResponse,
} from '@jinke/core/registry/enterprise-relations.contract.ts';
import { idParams } from '@jinke/core/registry/enterprises.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { enterpriseRelationsService } from './enterprise-relations.service.ts';
import { ENTERPRISE_EDITORS, ENTERPRISE_READERS, allowRoles } from './registry.policy.ts';

const tags = ['registry'];
const read = allowRoles(ENTERPRISE_READERS);
const write = allowRoles(ENTERPRISE_EDITORS);

export function enterpriseRelationRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = enterpriseRelationsService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enterprises/:id/honours',
    {
      onRequest: read,
      schema: { tags, summary: '获奖情况 Honours', params: idParams, response: { 200: honourList } },
    },
    async (request) => service.listHonours(contextOf(request), request.params.id),
  );
  r.post(
    '/api/enterprises/:id/honours',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '登记获奖 Record an honour',
        params: idParams,
        body: honourRequest,
        response: { 201: honourItem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addHonour(contextOf(request), request.params.id, request.body)),
  );
  r.delete(
    '/api/enterprises/:id/honours/:childId',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '删除获奖 Remove an honour',
        params: childParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.removeHonour(contextOf(request), request.params.id, request.params.childId);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/enterprises/:id/cooperation',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '产学研合作 Cooperation agreements',
        params: idParams,
        response: { 200: cooperationList },
      },
    },
    async (request) => service.listCooperation(contextOf(request), request.params.id),
  );
  r.post(
    '/api/enterprises/:id/cooperation',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '登记产学研合作 Record a cooperation agreement',
        params: idParams,
        body: cooperationRequest,
        response: { 201: cooperationItem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addCooperation(contextOf(request), request.params.id, request.body)),
  );
  r.delete(
    '/api/enterprises/:id/cooperation/:childId',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '删除产学研合作 Remove a cooperation agreement',
        params: childParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.removeCooperation(contextOf(request), request.params.id, request.params.childId);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/enterprises/:id/chain-tags',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '产业链标签 Industry-chain tags',
        params: idParams,
        response: { 200: chainTagList },
      },
    },
    async (request) => service.listChainTags(contextOf(request), request.params.id),
  );
  r.post(
    '/api/enterprises/:id/chain-tags',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '添加产业链标签 Add a chain tag',
        params: idParams,
        body: chainTagRequest,
        response: { 201: chainTagItem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addChainTag(contextOf(request), request.params.id, request.body)),
  );
  r.delete(
    '/api/enterprises/:id/chain-tags',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '删除产业链标签 Remove a chain tag',
        params: idParams,
        querystring: chainTagQuery,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.removeChainTag(contextOf(request), request.params.id, request.query);
      return { ok: true as const };
    },
  );
}
