/** The officers' candidate pipeline (培育库). */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';

export function pipelineRoutes(_app: FastifyInstance, _deps: ModuleDeps): void {}
