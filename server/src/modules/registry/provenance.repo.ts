/** SQL for field provenance (where each value came from) and pending self-service changes. */
import type { ProvenanceItem } from '@jinke/core/registry/enterprises.contract.ts';
import type { FieldValue } from '@jinke/core/registry/enterprises.contract.ts';
import type { Executor } from '../../platform/db/index.ts';

export const ENTITY = 'enterprise';
export type Source = 'self' | 'officer' | 'import' | 'seed';

export interface ProvenanceRecord {
  source: Source;
  actorId: string | null;
  at: Date;
  /** Set when the value is recorded already verified (a pending change an officer accepted). */
  verifiedBy?: string | null;
  verifiedAt?: Date | null;
}

/** Records the source of each field; a new value replaces the earlier record and clears its verification. */
export async function recordProvenance(
  tx: Executor,
  entityId: string,
  fields: readonly string[],
  p: ProvenanceRecord,
): Promise<void> {
  for (const field of fields) {
    await tx.query(
      `INSERT INTO field_provenance (entity_type, entity_id, field, source, actor_id, recorded_at, verified_by, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (entity_type, entity_id, field) DO UPDATE SET source = EXCLUDED.source, actor_id = EXCLUDED.actor_id,
         recorded_at = EXCLUDED.recorded_at, verified_by = EXCLUDED.verified_by, verified_at = EXCLUDED.verified_at`,
      [ENTITY, entityId, field, p.source, p.actorId, p.at, p.verifiedBy ?? null, p.verifiedAt ?? null],
    );
  }
}

/** Marks a recorded field verified; false when the field has no provenance record. */
export async function markVerified(
  tx: Executor,
  entityId: string,
  field: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'UPDATE field_provenance SET verified_by = $4, verified_at = $5 WHERE entity_type = $1 AND entity_id = $2 AND field = $3',
    [ENTITY, entityId, field, by, at],
  );
  return rowCount > 0;
}

interface ProvenanceRow {
  field: string;
  source: Source;
  actor_id: string | null;
  actor_name: string | null;
  recorded_at: Date | string;
  verified_by_name: string | null;
  verified_at: Date | string | null;
}

/** Provenance of an enterprise's fields, keyed by field; `prefix` narrows to e.g. `years.2025.`. */
export async function listProvenance(
  ex: Executor,
  entityId: string,
  prefix: string | null = null,
): Promise<Record<string, ProvenanceItem>> {
  const { rows } = await ex.query<ProvenanceRow>(
    `SELECT p.field, p.source, p.actor_id, a.display_name AS actor_name, p.recorded_at, v.display_name AS verified_by_name, p.verified_at
       FROM field_provenance p
       LEFT JOIN users a ON a.id = p.actor_id
       LEFT JOIN users v ON v.id = p.verified_by
      WHERE p.entity_type = $1 AND p.entity_id = $2 AND ($3::text IS NULL OR starts_with(p.field, $3))
      ORDER BY p.field`,
    [ENTITY, entityId, prefix],
  );
  const out: Record<string, ProvenanceItem> = {};
  for (const r of rows) {
    out[r.field] = {
      source: r.source,
      actorId: r.actor_id,
      actorName: r.actor_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
      verified: r.verified_at !== null,
      verifiedByName: r.verified_by_name,
      verifiedAt: r.verified_at === null ? null : new Date(r.verified_at).toISOString(),
    };
  }
  return out;
}

export interface PendingRow {
  id: string;
  entity_id: string;
  enterprise_name: string;
  enterprise_uscc: string;
  field: string;
  old_value: FieldValue;
  new_value: FieldValue;
  submitted_by: string;
  submitted_by_name: string | null;
  submitted_at: Date | string;
  status: 'pending' | 'verified' | 'rejected';
  decided_by_name: string | null;
  decided_at: Date | string | null;
  reason: string | null;
}

const PENDING_SELECT = `SELECT c.id, c.entity_id, e.name AS enterprise_name, e.uscc AS enterprise_uscc, c.field, c.old_value, c.new_value,
    c.submitted_by, s.display_name AS submitted_by_name, c.submitted_at, c.status, d.display_name AS decided_by_name, c.decided_at, c.reason
  FROM pending_changes c
  JOIN enterprises e ON e.id = c.entity_id
  LEFT JOIN users s ON s.id = c.submitted_by
  LEFT JOIN users d ON d.id = c.decided_by`;

/**
 * Proposes `newValue` for a field; a field has at most one pending change, so a later submission replaces the
 * earlier one (keeping the value it was first proposed against). Returns the change's id.
 */
export async function upsertPending(
  tx: Executor,
  c: {
    entityId: string;
    field: string;
    oldValue: FieldValue;
    newValue: FieldValue;
    submittedBy: string;
    at: Date;
  },
): Promise<string> {
  const existing = await tx.query<{ id: string }>(
    "SELECT id FROM pending_changes WHERE entity_type = $1 AND entity_id = $2 AND field = $3 AND status = 'pending' FOR UPDATE",
    [ENTITY, c.entityId, c.field],
  );
  const id = existing.rows[0]?.id;
  if (id) {
    await tx.query(
      'UPDATE pending_changes SET new_value = $2::jsonb, submitted_by = $3, submitted_at = $4 WHERE id = $1',
      [id, JSON.stringify(c.newValue), c.submittedBy, c.at],
    );
    return id;
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO pending_changes (entity_type, entity_id, field, old_value, new_value, submitted_by, submitted_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7) RETURNING id`,
    [
      ENTITY,
      c.entityId,
      c.field,
      JSON.stringify(c.oldValue),
      JSON.stringify(c.newValue),
      c.submittedBy,
      c.at,
    ],
  );
  return rows[0]!.id;
}

/** Pending changes of one enterprise, oldest first; `prefix` narrows to e.g. `years.2025.`. */
export async function pendingOf(
  ex: Executor,
  entityId: string,
  prefix: string | null = null,
): Promise<PendingRow[]> {
  const { rows } = await ex.query<PendingRow>(
    `${PENDING_SELECT} WHERE c.entity_type = $1 AND c.entity_id = $2 AND c.status = 'pending'
       AND ($3::text IS NULL OR starts_with(c.field, $3)) ORDER BY c.submitted_at, c.field`,
    [ENTITY, entityId, prefix],
  );
  return rows;
}

export async function listPending(
  ex: Executor,
  filter: { status: PendingRow['status']; enterpriseId?: string | undefined; limit: number; offset: number },
): Promise<{ rows: PendingRow[]; total: number }> {
  const where = `c.entity_type = $1 AND c.status = $2 AND ($3::uuid IS NULL OR c.entity_id = $3)`;
  const params = [ENTITY, filter.status, filter.enterpriseId ?? null];
  const count = await ex.query<{ n: string }>(
    `SELECT count(*) AS n FROM pending_changes c WHERE ${where}`,
    params,
  );
  const { rows } = await ex.query<PendingRow>(
    `${PENDING_SELECT} WHERE ${where} ORDER BY c.submitted_at, c.id LIMIT $4 OFFSET $5`,
    [...params, filter.limit, filter.offset],
  );
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function lockPending(tx: Executor, id: string): Promise<PendingRow | null> {
  const { rows } = await tx.query<PendingRow>(
    `${PENDING_SELECT} WHERE c.id = $1 AND c.entity_type = $2 FOR UPDATE OF c`,
    [id, ENTITY],
  );
  return rows[0] ?? null;
}

export async function decidePending(
  tx: Executor,
  id: string,
  d: { status: 'verified' | 'rejected'; by: string; at: Date; reason: string | null },
): Promise<void> {
  await tx.query(
    'UPDATE pending_changes SET status = $2, decided_by = $3, decided_at = $4, reason = $5 WHERE id = $1',
    [id, d.status, d.by, d.at, d.reason],
  );
}
