/**
 * Who may use decisions and public notices (研究决定与公示):
 *
 * | action                                                           | roles                                  |
 * |------------------------------------------------------------------|----------------------------------------|
 * | decide a batch of a call's applications, confirm a notice        | admin, officer                         |
 * | list a call's notices, read a notice with its entries            | admin, officer, leader                 |
 * | list a notice's objections                                       | admin, officer; leader (phone masked)  |
 * | handle an objection (upheld / dismissed, with the response)      | admin, officer                         |
 * | read published notices and results; file an objection            | anyone, signed in or not               |
 *
 * Town officers, experts, banks, providers and enterprises are refused the staff endpoints (403); anonymous
 * callers 401. Public endpoints live under `/api/public/` and answer everyone alike. Cancelling an entry after an
 * upheld objection is the workflow's own `withdraw_after_objection` (POST /api/programmes/applications/:id/transitions).
 */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';

export const DECIDERS: readonly Role[] = ['admin', 'officer'];
export const NOTICE_READERS: readonly Role[] = ['admin', 'officer', 'leader'];

/** Officers and admins read an objector's phone in full; a leader reads it masked. */
export const revealsPhone = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'officer';

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`, before the input is read. */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
