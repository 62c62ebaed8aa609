/**
 * Administering accounts: the one place that creates and changes users, used alike by the HTTP routes
 * (administrators) and by the command line (`accounts.commands.ts`). Every change is audited in its own
 * transaction; password hashes and phone numbers never reach the log.
 */
import type { CreateUserInput, UpdateUserInput, UserItem } from '@jinke/core/accounts/accounts.contract.ts';
import type { Role, ScopeType } from '@jinke/core/accounts/roles.ts';
import { scopeTypeOfRole } from '@jinke/core/accounts/roles.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type PersonalDataCipher, maskPhone } from '../../platform/crypto.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type UserRow, findScopeName } from './accounts.repo.ts';
import { assertNotSelfLockout, resolveScope, resolveSections, scopeError } from './accounts.policy.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { revokeUserSessions } from './sessions.ts';
import {
  type UserRef,
  clearLockout,
  insertUser,
  listUsers,
  lockUser,
  setPassword,
  townDivisionName,
  updateUser,
  usernameExists,
} from './users.repo.ts';

export interface AccountsDeps {
  db: Database;
  cipher: PersonalDataCipher;
  clock: () => Date;
}

const userNotFound = () => notFound({ zh: '用户不存在', en: 'No such user' });

/** A phone number in the log is only ever a marker that one was there. */
const phoneMarker = (phone: string | null) => (phone ? '***' : null);

/**
 * Does the record a scoped account acts for exist? Towns are checked against the county's divisions, enterprises
 * against the registry by USCC, experts, banks and service providers against the registry by record code
 * (`experts.code`, `banks.code`, and `carriers.code`: a provider acts for the carrier it runs).
 */
export async function assertScopeExists(
  tx: Executor,
  scopeType: ScopeType | null,
  scopeId: string | null,
): Promise<void> {
  if (!scopeType || !scopeId) return;
  if (scopeType === 'town') {
    if (!(await townDivisionName(tx, scopeId))) {
      throw scopeError(
        '不是本县（市）的镇、街道或园区区划代码',
        'is not a town, street or zone division code of the county',
        'scope_unknown',
      );
    }
    return;
  }
  const record = scopeRecords[scopeType];
  const { rows } = await tx.query(`SELECT 1 FROM ${record.table} WHERE ${record.column} = $1`, [scopeId]);
  if (rows.length === 0) throw scopeError(record.zh, record.en, 'scope_unknown');
}

/** Where the registry keeps each kind of record an account may act for, and what to say when it is missing. */
const scopeRecords: Record<
  Exclude<ScopeType, 'town'>,
  { table: string; column: string; zh: string; en: string }
> = {
  enterprise: {
    table: 'enterprises',
    column: 'uscc',
    zh: '不是已登记企业的统一社会信用代码，请先在主体库登记该企业',
    en: 'is not the code of a registered enterprise; register the enterprise first',
  },
  expert: {
    table: 'experts',
    column: 'code',
    zh: '不是专家库中的专家编号，请先在主体库登记该专家',
    en: 'is not the code of an expert in the registry; register the expert first',
  },
  bank: {
    table: 'banks',
    column: 'code',
    zh: '不是主体库中的银行或投资机构编号，请先登记该机构',
    en: 'is not the code of a bank or investor in the registry; register it first',
  },
  provider: {
    table: 'carriers',
    column: 'code',
    zh: '不是主体库中的载体或服务机构编号，请先登记该机构',
    en: 'is not the code of a carrier or service provider in the registry; register it first',
  },
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export function usersService(deps: AccountsDeps) {
  const { db, cipher, clock } = deps;

  const decryptPhone = (row: UserRow): string | null =>
    row.phone_enc ? cipher.decrypt(row.phone_enc) : null;

  function toItem(row: UserRow, scopeName: string | null, now: Date, revealPhone = false): UserItem {
    const phone = decryptPhone(row);
    const lockedUntil =
      row.locked_until && new Date(row.locked_until) > now ? new Date(row.locked_until).toISOString() : null;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      scopeType: row.scope_type,
      scopeId: row.scope_id,
      scopeName,
      sections: row.sections ?? [],
      phone: phone === null ? null : revealPhone ? phone : maskPhone(phone),
      mustChangePassword: row.must_change_password,
      locked: lockedUntil !== null,
      lockedUntil,
      disabled: row.disabled_at !== null,
      lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
      passwordChangedAt: row.password_changed_at ? new Date(row.password_changed_at).toISOString() : null,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  async function itemOf(ex: Executor, row: UserRow, now: Date, revealPhone = false): Promise<UserItem> {
    return toItem(row, await findScopeName(ex, row.scope_type, row.scope_id), now, revealPhone);
  }

  async function locked(tx: Executor, ref: UserRef): Promise<UserRow> {
    const row = await lockUser(tx, ref);
    if (!row) throw userNotFound();
    return row;
  }

  async function list(
    _ctx: RequestContext,
    query: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number },
  ) {
    const now = clock();
    const { rows, total } = await listUsers(db, {
      q: query.q,
      role: query.role,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return {
      items: rows.map((r) => toItem(r, r.scope_name, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** One user; with `revealPhone` the number comes back in clear and the read is audited (personal data). */
  async function get(
    ctx: RequestContext,
    id: string,
    options: { revealPhone?: boolean } = {},
  ): Promise<UserItem> {
    const now = clock();
    if (!options.revealPhone) {
      const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      if (!rows[0]) throw userNotFound();
      return itemOf(db, rows[0], now);
    }
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      const row = rows[0];
      if (!row) throw userNotFound();
      if (row.phone_enc) {
        await writeAudit(
          tx,
          ctx,
          {
            action: 'personal_data.read',
            entityType: 'user',
            entityId: row.id,
            changes: { fields: ['phone'] },
          },
          now,
        );
      }
      return itemOf(tx, row, now, true);
    });
  }

  /** Creates an account. Administrators' accounts start with `mustChangePassword`; demo accounts may not. */
  async function create(
    ctx: RequestContext,
    input: CreateUserInput,
    options: { mustChangePassword?: boolean } = {},
  ): Promise<UserItem> {
    const now = clock();
    const scope = resolveScope(input.role, input.scopeId);
    const sections = resolveSections(input.role, input.sections);
    assertPasswordPolicy(input.initialPassword, input.username, 'initialPassword');
    const passwordHash = await hashPassword(input.initialPassword);
    const mustChangePassword = options.mustChangePassword ?? true;
    const phone = input.phone ?? null;
    try {
      return await db.transaction(async (tx) => {
        if (await usernameExists(tx, input.username))
          throw new AppError('USERNAME_TAKEN', {
            details: { fields: [{ field: 'username', message: 'username 已被使用 / username is taken' }] },
          });
        await assertScopeExists(tx, scope.scopeType, scope.scopeId);
        const row = await insertUser(
          tx,
          {
            username: input.username,
            displayName: input.displayName,
            passwordHash,
            role: input.role,
            scopeType: scope.scopeType,
            scopeId: scope.scopeId,
            sections,
            phoneEnc: phone ? cipher.encrypt(phone) : null,
            mustChangePassword,
          },
          now,
        );
        await writeAudit(
          tx,
          ctx,
          {
            action: 'user.created',
            entityType: 'user',
            entityId: row.id,
            changes: {
              username: row.username,
              displayName: row.display_name,
              role: row.role,
              scopeType: row.scope_type,
              scopeId: row.scope_id,
              sections,
              phone: phoneMarker(phone),
              changeAtNextLogin: mustChangePassword,
            },
          },
          now,
        );
        return itemOf(tx, row, now);
      });
    } catch (error) {
      // Two administrators creating the same name at once: the unique index decides.
      if (isUniqueViolation(error)) throw new AppError('USERNAME_TAKEN');
      throw error;
    }
  }

  async function update(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<UserItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await locked(tx, { id });
      const role = input.role ?? row.role;
      // A role of another scope type drops the old scope unless a new one is given.
      const keepsScope = scopeTypeOfRole[role] === row.scope_type;
      const scope = resolveScope(
        role,
        input.scopeId !== undefined ? input.scopeId : keepsScope ? row.scope_id : null,
      );
      const sections = resolveSections(role, input.sections ?? (role === 'officer' ? row.sections : []));
      const disabled = input.disabled ?? row.disabled_at !== null;
      assertNotSelfLockout(ctx.actor, row.id, { role, disabled });
      if (scope.scopeType !== row.scope_type || scope.scopeId !== row.scope_id) {
        await assertScopeExists(tx, scope.scopeType, scope.scopeId);
      }
      const phoneBefore = decryptPhone(row);
      const phoneAfter = input.phone !== undefined ? input.phone : phoneBefore;
      const before = {
        displayName: row.display_name,
        role: row.role,
        scopeType: row.scope_type,
        scopeId: row.scope_id,
        sections: row.sections ?? [],
        disabled: row.disabled_at !== null,
      };
      const after = {
        displayName: input.displayName ?? row.display_name,
        role,
        ...scope,
        sections,
        disabled,
      };
      const changes: Record<string, unknown> = diff(before, after);
      if (phoneAfter !== phoneBefore) changes.phone = [phoneMarker(phoneBefore), phoneMarker(phoneAfter)];
      if (Object.keys(changes).length === 0) return itemOf(tx, row, now);

      const updated = await updateUser(
        tx,
        row.id,
        {
          displayName: after.displayName,
          role,
          scopeType: scope.scopeType,
          scopeId: scope.scopeId,
          sections,
          phoneEnc:
            phoneAfter === phoneBefore ? row.phone_enc : phoneAfter ? cipher.encrypt(phoneAfter) : null,
          disabledAt: disabled ? (row.disabled_at ?? now) : null,
        },
        now,
      );
      // A disabled account is refused at every request already; revoking makes its sessions visibly end.
      if (disabled && row.disabled_at === null) {
        changes.revokedSessions = await revokeUserSessions(tx, row.id, 'account disabled', now);
      }
      await writeAudit(
        tx,
        ctx,
        { action: 'user.updated', entityType: 'user', entityId: row.id, changes },
        now,
      );
      return itemOf(tx, updated, now);
    });
  }

  /** Sets a new initial password: it must be changed at the next sign-in, and every session ends. */
  async function resetPassword(ctx: RequestContext, ref: UserRef, newPassword: string): Promise<UserItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await locked(tx, ref);
      assertPasswordPolicy(newPassword, row.username, 'newPassword');
      const hash = await hashPassword(newPassword);
      const updated = await setPassword(tx, row.id, { hash, mustChange: true, changedAt: null }, now);
      const revokedSessions = await revokeUserSessions(tx, row.id, 'password reset', now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: row.id,
          changes: { username: row.username, changeAtNextLogin: true, revokedSessions },
        },
        now,
      );
      return itemOf(tx, updated, now);
    });
  }

  /** Lifts a failed-sign-in lockout before its 15 minutes are over. */
  async function unlock(ctx: RequestContext, ref: UserRef): Promise<UserItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await locked(tx, ref);
      const updated = await clearLockout(tx, row.id, now);
      const lockedUntil = row.locked_until ? new Date(row.locked_until).toISOString() : null;
      await writeAudit(
        tx,
        ctx,
        {
          action: 'user.unlocked',
          entityType: 'user',
          entityId: row.id,
          changes: {
            username: row.username,
            lockedUntil: [lockedUntil, null],
            failedAttempts: [row.failed_attempts, 0],
          },
        },
        now,
      );
      return itemOf(tx, updated, now);
    });
  }

  /** Ends every session of the user (a lost laptop, a suspected leak); returns how many ended. */
  async function revokeSessions(ctx: RequestContext, ref: UserRef): Promise<number> {
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await locked(tx, ref);
      const revoked = await revokeUserSessions(tx, row.id, 'revoked by administrator', now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'user.sessions_revoked',
          entityType: 'user',
          entityId: row.id,
          changes: { username: row.username, revoked },
        },
        now,
      );
      return revoked;
    });
  }

  return { list, get, create, update, resetPassword, unlock, revokeSessions };
}

export type UsersService = ReturnType<typeof usersService>;
