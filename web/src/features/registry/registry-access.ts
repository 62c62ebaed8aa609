/**
 * What the signed-in role may do in the registry, as the server's policies decide it
 * (server/src/modules/registry/registry.policy.ts and parties.policy.ts). The web only hides what would be refused;
 * the server checks every call again.
 */
import type { Role } from '@jinke/core/accounts/roles.ts';

const has = (roles: readonly Role[], role: Role) => roles.includes(role);

/** How a profile or yearly-figure change by `role` takes effect: applied at once, or proposed for verification. */
export function enterpriseChangeMode(role: Role): 'apply' | 'self' | null {
  if (role === 'admin' || role === 'officer') return 'apply';
  if (role === 'enterprise') return 'self';
  return null;
}

/** Qualifications, chain tags and other bureau-kept records of an enterprise. */
export const mayMaintainEnterprise = (role: Role) => has(['admin', 'officer'], role);
/** Attesting a field and deciding a pending change are an officer's acts. */
export const mayVerify = (role: Role) => role === 'officer';
export const mayRevealContact = (role: Role) => has(['admin', 'officer'], role);
export const maySeeHistory = (role: Role) => has(['admin', 'officer', 'leader', 'enterprise'], role);
export const mayImport = (role: Role) => has(['admin', 'officer'], role);
export const mayRevealExpert = (role: Role) => has(['admin', 'officer'], role);
/** Registering an enterprise, patent, expert or institute (POST /api/enterprises, /patents, /experts, /institutes). */
export const mayCreateRecords = (role: Role) => has(['admin', 'officer'], role);
