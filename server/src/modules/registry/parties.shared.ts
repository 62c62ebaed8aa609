/**
 * Pieces the registry's party services share: numbered SQL parameters, list scoping by the actor's scope, today's
 * date in China, record codes and town checks.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { RegistryIssue } from '@jinke/core/registry/parties.contract.ts';
import type { Executor } from '../../platform/db/index.ts';
import { SqlParams } from '../../platform/db/sql-params.ts';
import { AppError } from '../../platform/errors.ts';

export { likePattern, SqlParams } from '../../platform/db/sql-params.ts';
import { type ScopeColumns, scopeFilter } from '../../platform/scope.ts';

/**
 * The platform's `scopeFilter` condition with its parameters appended to `p`: bureau-wide roles see every row, a
 * scoped user the rows whose column for their scope type holds their scope id, anyone else nothing.
 */
export function scoped(actor: Actor, columns: ScopeColumns, p: SqlParams): string {
  const filter = scopeFilter(actor, columns, p.values.length);
  p.values.push(...filter.params);
  return filter.sql;
}

/** A user's IPC prefix as a LIKE pattern: `A43B13` means group 13 (not 130), `A43B 13/0` any subgroup starting so. */
export function ipcPrefixPattern(text: string | undefined): string | null {
  const compact =
    text
      ?.normalize('NFKC')
      .toUpperCase()
      .replace(/\s+/g, '')
      .replace(/[\\%_]/g, '') ?? '';
  if (!compact) return null;
  return /^[A-H]\d{2}[A-Z]\d+$/.test(compact) ? `${compact}/%` : `${compact}%`;
}

/** The calendar day in China (UTC+8, no daylight saving) at `now`, as `YYYY-MM-DD`. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** The next free code `PREFIX-0001`, `PREFIX-0002`, … of a table's `code` column. */
export async function nextRecordCode(
  tx: Executor,
  table: 'experts' | 'carriers' | 'banks',
  prefix: string,
): Promise<string> {
  const { rows } = await tx.query<{ n: string | null }>(
    `SELECT max(substring(code FROM $2::text)::bigint) AS n FROM ${table} WHERE code ~ $1::text`,
    [`^${prefix}-[0-9]{1,12}$`, `^${prefix}-([0-9]+)$`],
  );
  const next = Number(rows[0]?.n ?? 0) + 1;
  return `${prefix}-${String(next).padStart(4, '0')}`;
}

/** A town, street or zone code of the county, or an issue naming `field`. */
export async function checkTown(
  ex: Executor,
  code: string | null | undefined,
  field: string,
): Promise<RegistryIssue | null> {
  if (!code) return null;
  const { rows } = await ex.query(
    "SELECT 1 FROM divisions WHERE code = $1 AND kind IN ('street', 'town', 'zone')",
    [code],
  );
  return rows.length > 0
    ? null
    : {
        field,
        rule: 'town_unknown',
        zh: '不是本县（市）的镇、街道或园区区划代码',
        en: 'is not a town, street or zone code of the county',
      };
}

/** A marker that personal data was there, for the audit log; the value itself never goes in. */
export const personalMarker = (value: string | null | undefined) => (value ? '***' : null);

export function notFoundIn(what: { zh: string; en: string }): AppError {
  return new AppError('NOT_FOUND', { userMessage: what });
}
