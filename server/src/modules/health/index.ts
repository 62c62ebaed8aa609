import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse } from '@jinke/core/common/health.contract.ts';
import type { JinkeModule, ModuleDeps } from '../../platform/module.ts';

export const healthModule: JinkeModule = {
  name: 'health',
  routes(app: FastifyInstance, deps: ModuleDeps) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/health',
      { schema: { tags: ['platform'], summary: '健康检查 Health check', response: { 200: healthResponse } } },
      async () => {
        await deps.db.query('SELECT 1');
        return { status: 'ok' as const, database: deps.db.kind, version: deps.config.version };
      },
    );
  },
};
