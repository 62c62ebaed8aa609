/**
 * Who may use the candidate pipeline (培育库):
 *
 * | action                                   | roles                                               |
 * |------------------------------------------|-----------------------------------------------------|
 * | list, summary, gaps, expiring, export    | admin, officer, leader; town (its own town only)    |
 * | set a year's HNTE target                 | admin, officer                                      |
 *
 * Enterprises, experts, banks and providers are refused (403): the pipeline compares enterprises with each other.
 * A town officer's rows are limited by `scopeFilter` on the enterprise's town, whatever town they ask for.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';

export const PIPELINE_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'town'];
export const TARGET_SETTERS: readonly Role[] = ['admin', 'officer'];

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles` (before input is validated). */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
