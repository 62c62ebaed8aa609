/**
 * Who may see the audit trail. Reading (list and export): the administrator, and bureau leaders read-only,
 * since leadership oversees the bureau's work and is "read-only elsewhere" (PRODUCT.md, roles). Verifying the
 * chain is the administrator's duty (PRODUCT.md: "backups, audit verification"). Every other role gets 403:
 * the trail names users and their addresses across all scopes.
 */
import type { Role } from '@jinke/core/accounts/roles.ts';

export const AUDIT_READERS: readonly Role[] = ['admin', 'leader'];
export const AUDIT_VERIFIERS: readonly Role[] = ['admin'];
