/** Policy training courses (高企政策培训). */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';

export function trainingRoutes(_app: FastifyInstance, _deps: ModuleDeps): void {}
