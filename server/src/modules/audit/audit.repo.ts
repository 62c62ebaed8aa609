/** SQL for reading the audit trail. Writing stays in `platform/audit.ts`, inside each service's transaction. */
import type { ResolvedAuditFilters } from '@jinke/core/audit/audit.contract.ts';
import type { AuditEntry } from '../../platform/audit.ts';
import { rowToEntry } from '../../platform/audit.ts';
import type { Executor, SqlValue } from '../../platform/db/index.ts';

type AuditRow = Parameters<typeof rowToEntry>[0];

/** The WHERE clause of the filters, with its parameters numbered from `$1`; `beforeSeq` bounds the sequence. */
function whereOf(
  f: ResolvedAuditFilters,
  beforeSeq: number | null = null,
): { sql: string; params: SqlValue[] } {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: (placeholder: string) => string, value: SqlValue) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (f.action) add((p) => `starts_with(action, ${p})`, f.action);
  if (f.entityType) add((p) => `entity_type = ${p}`, f.entityType);
  if (f.entityId) add((p) => `entity_id = ${p}`, f.entityId);
  if (f.actor) add((p) => `lower(actor_name) = ${p}`, f.actor.toLowerCase());
  if (f.from) add((p) => `occurred_at >= ${p}`, f.from);
  if (f.to) add((p) => `occurred_at < ${p}`, f.to);
  if (beforeSeq !== null) add((p) => `seq < ${p}`, beforeSeq);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export async function countAuditEntries(
  db: Executor,
  f: ResolvedAuditFilters,
  beforeSeq: number | null = null,
): Promise<number> {
  const where = whereOf(f, beforeSeq);
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM audit_log ${where.sql}`,
    where.params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** One page of entries, newest first (the sequence number orders the chain and time alike). */
export async function listAuditEntries(
  db: Executor,
  f: ResolvedAuditFilters,
  page: { limit: number; offset: number },
): Promise<AuditEntry[]> {
  const where = whereOf(f);
  const n = where.params.length;
  const { rows } = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${where.sql} ORDER BY seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, page.limit, page.offset],
  );
  return rows.map(rowToEntry);
}

/** Entries older than `beforeSeq`, newest first: keyset pages for the export, steady however deep it goes. */
export async function listAuditEntriesBefore(
  db: Executor,
  f: ResolvedAuditFilters,
  beforeSeq: number,
  limit: number,
): Promise<AuditEntry[]> {
  const where = whereOf(f, beforeSeq);
  const { rows } = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${where.sql} ORDER BY seq DESC LIMIT $${where.params.length + 1}`,
    [...where.params, limit],
  );
  return rows.map(rowToEntry);
}

/** The last sequence number written so far (0 on an empty trail). */
export async function lastAuditSeq(db: Executor): Promise<number> {
  const { rows } = await db.query<{ seq: string }>('SELECT seq FROM audit_head WHERE id = 1');
  return Number(rows[0]?.seq ?? 0);
}
