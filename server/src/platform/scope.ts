/**
 * The one scoping rule every list and record query uses (ARCHITECTURE.md "one scoping helper"): bureau-wide roles
 * (admin, officer, leader) see every row; a scoped user sees only rows whose column for their scope type equals
 * their scope id (an enterprise its own USCC, a town its division code); a scoped user whose scope type the query
 * does not name sees nothing. Policies decide separately whether a role may call the endpoint at all.
 */
import type { Actor, ScopeType } from '@jinke/core/accounts/roles.ts';
import { scopeTypeOfRole } from '@jinke/core/accounts/roles.ts';
import type { SqlValue } from './db/index.ts';

/** SQL column (with its table alias) holding each scope type's id, e.g. `{ enterprise: 'e.uscc', town: 'e.town_code' }`. */
export type ScopeColumns = Partial<Record<ScopeType, string>>;

export interface ScopeFilter {
  /** A boolean SQL condition; placeholders continue after `paramOffset`. */
  sql: string;
  params: SqlValue[];
  /** True when the actor sees every row. */
  all: boolean;
  /** True when the actor sees no row at all. */
  none: boolean;
}

const COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * The condition restricting rows to what `actor` may see. `paramOffset` is the number of parameters the caller
 * has already placed, so the scope's own placeholder is `$<paramOffset + 1>`. Column names come from code, never
 * from input; anything that is not a plain (alias.)column is refused.
 */
export function scopeFilter(actor: Actor, columns: ScopeColumns, paramOffset = 0): ScopeFilter {
  for (const column of Object.values(columns)) {
    if (column !== undefined && !COLUMN.test(column))
      throw new Error(`scopeFilter: "${column}" is not a column name`);
  }
  if (scopeTypeOfRole[actor.role] === null) return { sql: 'TRUE', params: [], all: true, none: false };
  const column = actor.scopeType ? columns[actor.scopeType] : undefined;
  // A scoped role must act for exactly its own scope type; anything else sees nothing.
  if (!column || !actor.scopeId || actor.scopeType !== scopeTypeOfRole[actor.role]) {
    return { sql: 'FALSE', params: [], all: false, none: true };
  }
  return { sql: `${column} = $${paramOffset + 1}`, params: [actor.scopeId], all: false, none: false };
}
