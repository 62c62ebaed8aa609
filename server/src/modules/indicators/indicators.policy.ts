/**
 * Who may use the indicators dashboard (指标看板):
 *
 * | action                                           | roles                                               |
 * |--------------------------------------------------|-----------------------------------------------------|
 * | overview, drill-down records, export             | admin, officer, leader; town (its own town only)    |
 * | set a target and its town split, report a figure | admin, officer                                      |
 *
 * Enterprises, experts, banks and providers are refused (403). A town officer's figures, breakdown and records
 * are those of their town; asking for another town's records answers 404, as the registry answers a row outside
 * the scope, so nothing about it leaks.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';

export const INDICATOR_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'town'];
export const INDICATOR_WRITERS: readonly Role[] = ['admin', 'officer'];

/** The one town the actor is limited to, or null when they see the whole county. */
export function scopedTown(actor: Actor): string | null {
  return actor.role === 'town' ? (actor.scopeId ?? '') : null;
}

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles` (before input is validated). */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
