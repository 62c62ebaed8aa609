/** The R&D expense ledger (研发辅助账) and its two calibres. */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';

export function ledgerRoutes(_app: FastifyInstance, _deps: ModuleDeps): void {}
