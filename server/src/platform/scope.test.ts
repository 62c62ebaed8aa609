import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { scopeTypeOfRole } from '@jinke/core/accounts/roles.ts';
import { scopeFilter } from './scope.ts';

function actor(role: Role, scopeId: string | null = null): Actor {
  return { userId: 'u1', username: role, role, scopeType: scopeTypeOfRole[role], scopeId, sections: [] };
}

const columns = { enterprise: 'e.uscc', town: 'e.town_code' };

describe('scopeFilter', () => {
  it('lets bureau-wide roles see every row when they are admin, officer or leader', () => {
    for (const role of ['admin', 'officer', 'leader'] as const) {
      expect(scopeFilter(actor(role), columns)).toEqual({ sql: 'TRUE', params: [], all: true, none: false });
    }
  });
  it('restricts an enterprise user to its own USCC and a town user to its town, numbering after the offset', () => {
    expect(scopeFilter(actor('enterprise', '91350582MA8RFY385R'), columns)).toEqual({
      sql: 'e.uscc = $1',
      params: ['91350582MA8RFY385R'],
      all: false,
      none: false,
    });
    expect(scopeFilter(actor('town', '350582101'), columns, 3)).toMatchObject({
      sql: 'e.town_code = $4',
      params: ['350582101'],
    });
  });
  it('shows nothing to a scoped role the query has no column for', () => {
    for (const role of ['expert', 'bank', 'provider'] as const) {
      expect(scopeFilter(actor(role, 'X-1'), columns)).toEqual({
        sql: 'FALSE',
        params: [],
        all: false,
        none: true,
      });
    }
  });
  it('shows nothing when a scoped user has no scope id or a scope of another type', () => {
    expect(scopeFilter(actor('town', null), columns).none).toBe(true);
    expect(scopeFilter({ ...actor('town', '350582101'), scopeType: 'enterprise' }, columns).none).toBe(true);
  });
  it('refuses a column that is not a plain column name', () => {
    expect(() => scopeFilter(actor('officer'), { town: 'e.town_code; DROP TABLE users' })).toThrow(
      /not a column/,
    );
  });
});
