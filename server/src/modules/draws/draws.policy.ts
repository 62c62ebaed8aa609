/**
 * Who may use expert draws:
 *
 * | action                                                   | roles                    |
 * |----------------------------------------------------------|--------------------------|
 * | freeze a pool, enter the seed, record a decline           | admin, officer           |
 * | list draws, read a draw with names and exclusions         | admin, officer, leader   |
 * | read the public record (codes only)                       | anyone, signed in or not |
 *
 * Towns, enterprises, experts, banks and providers are refused (403): an applicant must not learn who reviews it,
 * and an expert must not see the panels of others. The leader reads and changes nothing.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';

export const DRAW_RUNNERS: readonly Role[] = ['admin', 'officer'];
export const DRAW_READERS: readonly Role[] = ['admin', 'officer', 'leader'];

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`, before the input is read. */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
