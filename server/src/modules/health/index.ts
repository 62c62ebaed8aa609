import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse } from '@jinke/core/common/health.contract.ts';
import type { JinkeModule, ModuleDeps } from '../../platform/module.ts';

export const healthModule: JinkeModule = {
  name: 'health',
  routes(app: FastifyInstance, deps: ModuleDeps) {
    // The database is pinged at most once a second, so a load balancer polling health costs no query each time.
    let checkedAt = 0;
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/health',
      { schema: { tags: ['platform'], summary: '健康检查 Health check', response: { 200: healthResponse } } },
      async () => {
        const now = Date.now();
        if (now - checkedAt >= 1000) {
          await deps.db.query('SELECT 1');
          checkedAt = now;
        }
        return { status: 'ok' as const, database: deps.db.kind, version: deps.config.version };
      },
    );
  },
};
