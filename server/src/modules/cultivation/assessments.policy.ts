/**
 * Who may use the self-assessments (自评) and health-check reports:
 *
 * | action                                   | roles                                                          |
 * |------------------------------------------|----------------------------------------------------------------|
 * | prefill, list, read, download the report | admin, officer, leader; town (its town's enterprises); enterprise (itself) |
 * | save an assessment                       | enterprise (for itself); officer, admin (for any enterprise)  |
 *
 * Experts, banks and service providers get 403. An enterprise or a town naming an enterprise outside its scope
 * gets 404, so the existence of other enterprises does not leak.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';

export const ASSESSMENT_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'town', 'enterprise'];
export const ASSESSMENT_WRITERS: readonly Role[] = ['admin', 'officer', 'enterprise'];

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles` (before any input is read). */
export function allowAssessmentRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
