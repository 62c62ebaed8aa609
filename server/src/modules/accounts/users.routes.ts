/** User administration: administrators only (everyone else 403, anonymous 401). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUserRequest,
  idParams,
  okResponse,
  resetPasswordRequest,
  revokedResponse,
  updateUserRequest,
  userDetailQuery,
  userItem,
  userList,
  userListQuery,
} from '@jinke/core/accounts/accounts.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { AppError } from '../../platform/errors.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { canManageUsers } from './accounts.policy.ts';
import { usersService } from './users.service.ts';

/** Runs before the input is validated, so only an administrator ever learns what the input rules are. */
async function adminOnly(request: FastifyRequest): Promise<void> {
  if (!canManageUsers(requireActor(request))) throw new AppError('FORBIDDEN');
}

const tags = ['accounts'];

export function usersRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = usersService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: '用户列表 List users',
        querystring: userListQuery,
        response: { 200: userList },
      },
    },
    async (request) => service.list(contextOf(request), request.query),
  );

  r.get(
    '/api/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary:
          '用户详情（reveal=phone 显示完整手机号并记入审计） User details (reveal=phone shows the number, audited)',
        params: idParams,
        querystring: userDetailQuery,
        response: { 200: userItem },
      },
    },
    async (request) =>
      service.get(contextOf(request), request.params.id, { revealPhone: request.query.reveal === 'phone' }),
  );

  r.post(
    '/api/users',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: '新建用户 Create a user',
        body: createUserRequest,
        response: { 201: userItem },
      },
    },
    async (request, reply) => {
      const user = await service.create(contextOf(request), request.body);
      return reply.code(201).send(user);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: '修改用户 Update a user',
        params: idParams,
        body: updateUserRequest,
        response: { 200: userItem },
      },
    },
    async (request) => service.update(contextOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: '重置密码 Reset the password',
        params: idParams,
        body: resetPasswordRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.resetPassword(contextOf(request), { id: request.params.id }, request.body.newPassword);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/users/:id/unlock',
    {
      onRequest: adminOnly,
      schema: { tags, summary: '解除锁定 Unlock', params: idParams, response: { 200: userItem } },
    },
    async (request) => service.unlock(contextOf(request), { id: request.params.id }),
  );

  r.post(
    '/api/users/:id/revoke-sessions',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: '强制下线 End all sessions',
        params: idParams,
        response: { 200: revokedResponse },
      },
    },
    async (request) => ({
      revoked: await service.revokeSessions(contextOf(request), { id: request.params.id }),
    }),
  );
}
