/**
 * Who may use leader–enterprise linkage (挂钩联系):
 *
 * | action                                              | roles                                                   |
 * |-----------------------------------------------------|---------------------------------------------------------|
 * | list links                                          | admin, officer; leader (their own links only)           |
 * | link a leader to an enterprise, end a link          | admin, officer                                          |
 * | list the leaders and officers the forms offer       | admin, officer, leader                                  |
 * | list visits                                         | admin, officer; leader (linked enterprises); town (own) |
 * | record a visit with its problems, record a problem  | admin, officer; leader (enterprises linked to them)     |
 * | list problems                                       | the visit readers; enterprise (its own problems)        |
 * | assign a problem (officer, department, due date)    | admin, officer                                          |
 * | change a problem's status                           | admin, officer (incl. the assigned officer);            |
 * |                                                     | leader of a linked enterprise: close or reopen only     |
 *
 * Experts, banks and providers are refused (403); anonymous callers 401. A leader reads only the enterprises
 * currently linked to them; a town officer the enterprises of their town (platform/scope.ts); an enterprise user
 * its own problems, without who handles them inside the bureau. A record outside the reader's scope answers 404.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import type { ProblemStatus } from '@jinke/core/linkage/status.ts';
import { requireRole } from '../../platform/http.ts';

export const LINK_READERS: readonly Role[] = ['admin', 'officer', 'leader'];
export const LINK_MANAGERS: readonly Role[] = ['admin', 'officer'];
export const PEOPLE_READERS: readonly Role[] = ['admin', 'officer', 'leader'];
export const VISIT_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'town'];
export const VISIT_RECORDERS: readonly Role[] = ['admin', 'officer', 'leader'];
export const PROBLEM_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'town', 'enterprise'];
export const PROBLEM_ASSIGNERS: readonly Role[] = ['admin', 'officer'];
export const STATUS_CHANGERS: readonly Role[] = ['admin', 'officer', 'leader'];

/** The statuses a leader may set on a problem of a linked enterprise: confirm the result, or send it back. */
export const LEADER_STATUSES: readonly ProblemStatus[] = ['closed', 'reopened'];

/** True when the actor's reads and writes are limited to the enterprises linked to them. */
export const linkedOnly = (actor: Actor): boolean => actor.role === 'leader';

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`, before the input is read. */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
