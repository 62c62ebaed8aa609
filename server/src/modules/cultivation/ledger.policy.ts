/**
 * Who may read and keep an enterprise's R&D ledger.
 *
 * | action                                   | roles                                                      |
 * |------------------------------------------|------------------------------------------------------------|
 * | read projects, entries, summary, export  | enterprise (itself); officer, admin (any); town (its town) |
 * | create, change, delete, import           | enterprise (itself) only                                   |
 * Other roles (leader, expert, bank, provider) get 403.
 *
 * The bureau reads but does not write: the 研发辅助账 is the enterprise's own accounting record, kept by it in the
 * form 国家税务总局公告2015年第97号 and 2021年第28号 set out and relied on in its tax return, so every figure in it
 * must be the enterprise's. An officer who finds an error tells the enterprise; a row outside the caller's scope answers 404.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';
import { type ScopeFilter, scopeFilter } from '../../platform/scope.ts';

export const LEDGER_READERS: readonly Role[] = ['admin', 'officer', 'town', 'enterprise'];
export const LEDGER_WRITERS: readonly Role[] = ['enterprise'];

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`. */
export function ledgerRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}

/** The rows of `enterprises e` whose ledger the actor may see. */
export function ledgerScope(actor: Actor, paramOffset = 0): ScopeFilter {
  return scopeFilter(actor, { enterprise: 'e.uscc', town: 'e.town_code' }, paramOffset);
}
