/** Composition root: platform plugins, then every module's routes, then the web app. */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import { installErrorHandling, sendNotFound } from './platform/error-handler.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { registerErrors } from './platform/errors.ts';
import type { ModuleDeps } from './platform/module.ts';
import { installAuth } from './modules/accounts/auth.plugin.ts';
import { modules } from './modules/index.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions extends ModuleDeps {
  config: Config;
  /** Serve the built web app from web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, db, cipher, clock } = options;
  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: process.env.JINKE_TRUST_PROXY === '1',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(cookie);
  installSecurityHeaders(app, { https: config.secureCookies });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Jinke (晋科) API', version: config.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jinke_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installAuth(app, { db, config, clock });

  const deps: ModuleDeps = { db, config, cipher, clock };
  for (const module of modules) {
    if (module.errors) registerErrors(module.errors);
    await app.register(async (scope) => {
      await module.routes(scope, deps);
    });
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webReady = options.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (webReady) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (webReady && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // Client-side routes of the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return sendNotFound(request, reply);
  });
  return app;
}
