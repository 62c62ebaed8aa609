/** SQL for enterprise records. Every function takes an executor so the service decides the transaction. */
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import type { ScopeFilter } from '../../platform/scope.ts';

export interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  former_names: string[];
  legal_rep: string | null;
  registered_on: string | null;
  address: string | null;
  town_code: string | null;
  town_name: string | null;
  industry_code: string | null;
  hitech_field: string | null;
  staff: number | null;
  revenue_fen: number | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  created_at: string;
  updated_at: string;
}

/** Columns a service may write, by name; nothing else reaches an UPDATE. */
export const enterpriseColumns = [
  'uscc',
  'name',
  'former_names',
  'legal_rep',
  'registered_on',
  'address',
  'town_code',
  'industry_code',
  'hitech_field',
  'staff',
  'revenue_fen',
  'contact_name',
  'contact_phone_enc',
  'search_tokens',
] as const;
export type EnterpriseColumn = (typeof enterpriseColumns)[number];

const SELECT = `SELECT e.id, e.uscc, e.name, e.former_names, e.legal_rep, to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on,
    e.address, e.town_code, d.name AS town_name, e.industry_code, e.hitech_field, e.staff, e.revenue_fen::text AS revenue_fen,
    e.contact_name, e.contact_phone_enc, e.created_at, e.updated_at
  FROM enterprises e LEFT JOIN divisions d ON d.code = e.town_code`;

interface RawRow extends Omit<EnterpriseRow, 'revenue_fen' | 'created_at' | 'updated_at'> {
  revenue_fen: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

function toRow(r: RawRow): EnterpriseRow {
  return {
    ...r,
    former_names: r.former_names ?? [],
    revenue_fen: r.revenue_fen === null ? null : Number(r.revenue_fen),
    created_at: new Date(r.created_at).toISOString(),
    updated_at: new Date(r.updated_at).toISOString(),
  };
}

/**
 * One enterprise the scope lets the actor see, or null (callers answer 404 either way). `forUpdate` locks the
 * row for the rest of the transaction.
 */
export async function findEnterprise(
  ex: Executor,
  id: string,
  scope: ScopeFilter | null,
  forUpdate = false,
): Promise<EnterpriseRow | null> {
  const where = scope ? ` AND (${scope.sql})` : '';
  const { rows } = await ex.query<RawRow>(
    `${SELECT} WHERE e.id = $${scope ? scope.params.length + 1 : 1}${where}${forUpdate ? ' FOR UPDATE OF e' : ''}`,
    [...(scope ? scope.params : []), id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function findByUscc(ex: Executor, uscc: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await ex.query<{ id: string; name: string }>(
    'SELECT id, name FROM enterprises WHERE uscc = $1',
    [uscc],
  );
  return rows[0] ?? null;
}

export async function insertEnterprise(
  tx: Executor,
  values: Partial<Record<EnterpriseColumn, SqlValue>>,
  now: Date,
): Promise<string> {
  const names = enterpriseColumns.filter((c) => c in values);
  const params = names.map((c) => values[c] ?? null);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO enterprises (${names.join(', ')}, created_at, updated_at)
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, $${names.length + 1}, $${names.length + 1}) RETURNING id`,
    [...params, now],
  );
  return rows[0]!.id;
}

export async function updateEnterprise(
  tx: Executor,
  id: string,
  values: Partial<Record<EnterpriseColumn, SqlValue>>,
  now: Date,
): Promise<void> {
  const names = enterpriseColumns.filter((c) => c in values);
  if (names.length === 0) return;
  const sets = names.map((c, i) => `${c} = $${i + 2}`);
  await tx.query(
    `UPDATE enterprises SET ${sets.join(', ')}, updated_at = $${names.length + 2} WHERE id = $1`,
    [id, ...names.map((c) => values[c] ?? null), now],
  );
}

/** The kind of a division code, or null when the county has no such division. */
export async function divisionKind(ex: Executor, code: string): Promise<string | null> {
  const { rows } = await ex.query<{ kind: string }>('SELECT kind FROM divisions WHERE code = $1', [code]);
  return rows[0]?.kind ?? null;
}

/**
 * Accounts acting for an enterprise name it by USCC; when a verified change gives the enterprise a new code, they
 * follow it so its users keep their access. Returns how many accounts moved.
 */
export async function moveEnterpriseAccounts(
  tx: Executor,
  fromUscc: string,
  toUscc: string,
): Promise<number> {
  const { rowCount } = await tx.query(
    "UPDATE users SET scope_id = $2, updated_at = now() WHERE scope_type = 'enterprise' AND scope_id = $1",
    [fromUscc, toUscc],
  );
  return rowCount;
}

export interface HistoryRow {
  seq: string;
  occurred_at: Date | string;
  actor_name: string | null;
  role: string | null;
  action: string;
  changes: Record<string, unknown>;
}

/** Audit entries about one enterprise, newest first. */
export async function listHistory(
  ex: Executor,
  id: string,
  limit: number,
  offset: number,
): Promise<{ rows: HistoryRow[]; total: number }> {
  const count = await ex.query<{ n: string }>(
    "SELECT count(*) AS n FROM audit_log WHERE entity_type = 'enterprise' AND entity_id = $1",
    [id],
  );
  const { rows } = await ex.query<HistoryRow>(
    `SELECT seq, occurred_at, actor_name, role, action, changes FROM audit_log
      WHERE entity_type = 'enterprise' AND entity_id = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3`,
    [id, limit, offset],
  );
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}
