/**
 * Who may read and change enterprises (PRODUCT.md "Who uses it"). Role gates run as `onRequest` hooks, before the
 * input is validated, so a caller without the role learns nothing about the input rules. Rows are then scoped by
 * `scopeFilter`: an enterprise sees only itself, a town only its own enterprises, and a row outside the scope
 * answers 404, never 403, so its existence does not leak.
 *
 * | action                                              | roles                                            |
 * |-----------------------------------------------------|--------------------------------------------------|
 * | list, read, years, qualifications, honours, …       | admin, officer, leader; town (its town); enterprise (itself) |
 * | create                                              | officer, admin                                   |
 * | change profile and yearly figures                   | officer, admin (apply); enterprise itself (self-service) |
 * | qualifications, honours, cooperation, chain tags    | officer, admin                                   |
 * | verify a field, decide pending changes              | officer (an officer's attestation of the value)  |
 * | reveal the contact phone (audited)                  | officer, admin                                   |
 * | history of an enterprise                            | admin, officer, leader; enterprise (itself)      |
 * Experts, banks and providers have no access to the enterprise registry (403).
 */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../../platform/http.ts';
import { type ScopeFilter, scopeFilter } from '../../platform/scope.ts';

export const ENTERPRISE_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'town', 'enterprise'];
export const ENTERPRISE_EDITORS: readonly Role[] = ['admin', 'officer'];
/** Roles that may send a profile or yearly-figure change: editors apply it, an enterprise proposes it. */
export const ENTERPRISE_CHANGERS: readonly Role[] = ['admin', 'officer', 'enterprise'];
export const FIELD_VERIFIERS: readonly Role[] = ['officer'];
export const HISTORY_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'enterprise'];
const CONTACT_REVEALERS: readonly Role[] = ['admin', 'officer'];

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`. */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}

/** The rows of `enterprises e` the actor may see. */
export function enterpriseScope(actor: Actor, paramOffset = 0): ScopeFilter {
  return scopeFilter(actor, { enterprise: 'e.uscc', town: 'e.town_code' }, paramOffset);
}

/** How a change by `actor` takes effect: applied by the bureau, or proposed by the enterprise for verification. */
export type ChangeMode = 'apply' | 'self';

export function changeMode(actor: Actor): ChangeMode {
  if (ENTERPRISE_EDITORS.includes(actor.role)) return 'apply';
  if (actor.role === 'enterprise') return 'self';
  throw new AppError('FORBIDDEN');
}

export function assertMayRevealContact(actor: Actor): void {
  if (!CONTACT_REVEALERS.includes(actor.role)) throw new AppError('FORBIDDEN');
}
