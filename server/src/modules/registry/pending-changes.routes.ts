/** Pending self-service changes: listed and decided by officers (policy in registry.policy.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  decideRequest,
  idParams,
  pendingChangeItem,
  pendingList,
  pendingListQuery,
} from '@jinke/core/registry/enterprises.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { pendingChangesService } from './pending-changes.service.ts';
import { FIELD_VERIFIERS, allowRoles } from './registry.policy.ts';

const tags = ['registry'];

export function pendingChangeRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = pendingChangesService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/pending-changes',
    {
      onRequest: allowRoles(FIELD_VERIFIERS),
      schema: {
        tags,
        summary: '待核实的企业自报变更 Changes awaiting verification',
        querystring: pendingListQuery,
        response: { 200: pendingList },
      },
    },
    async (request) => service.list(request.query),
  );

  r.post(
    '/api/pending-changes/:id/decide',
    {
      onRequest: allowRoles(FIELD_VERIFIERS),
      schema: {
        tags,
        summary: '核实或驳回变更 Verify or reject a change',
        description: 'verify applies the proposed value; reject keeps the recorded one and needs a reason.',
        params: idParams,
        body: decideRequest,
        response: { 200: pendingChangeItem },
      },
    },
    async (request) => service.decide(contextOf(request), request.params.id, request.body),
  );
}
