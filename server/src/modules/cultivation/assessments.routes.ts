/** Self-assessments (自评) and the health-check report (体检报告). */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';

export function assessmentRoutes(_app: FastifyInstance, _deps: ModuleDeps): void {}
