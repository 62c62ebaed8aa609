import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { divisionList } from '@jinke/core/registry/divisions.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { listDivisions } from './divisions.repo.ts';

/** The county's towns, streets and zones: public reference data, no sign-in needed. */
export function divisionRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/divisions',
    { schema: { tags: ['registry'], summary: '行政区划（镇街） Towns and streets', response: { 200: divisionList } } },
    async () => ({ items: await listDivisions(deps.db) }),
  );
}
