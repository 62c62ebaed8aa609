/**
 * The audit chain. Every state change writes one entry in the same transaction as the change; each entry's
 * hash is SM3(canonical entry ‖ previous hash), so altering, removing or reordering any row breaks the chain
 * from that row on. `audit_head` holds the last sequence and hash; updating it row-locks, which serialises
 * writers on PostgreSQL.
 */
import type { Executor } from './db/index.ts';
import type { RequestContext } from './context.ts';
import { sm3Hex } from './crypto.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Changed fields as { field: [before, after] }, or any JSON describing the event. Secrets never go here. */
  changes?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  scope: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth: the same entry always serialises to the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...body } = entry;
  return sm3Hex(canonicalJson(body) + prevHash);
}

const SECRET_FIELDS = /password|secret|token|hash$/i;

/** Drops secret-looking fields from a change set so they never enter the log. */
export function redact(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[redacted]' : v]),
  );
}

/** Field-by-field differences as { field: [before, after] } for the fields that changed. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) out[key] = [before[key] ?? null, after[key] ?? null];
  }
  return out;
}

export async function writeAudit(tx: Executor, ctx: RequestContext, input: AuditInput, now = new Date()): Promise<AuditEntry> {
  const head = await tx.query<{ seq: string; hash: string }>(
    'UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash',
  );
  const row = head.rows[0];
  if (!row) throw new Error('audit_head is missing; run migrations');
  const actor = ctx.actor;
  const body: Omit<AuditEntry, 'hash'> = {
    seq: Number(row.seq),
    occurredAt: now.toISOString(),
    actorId: actor?.userId ?? null,
    actorName: actor?.username ?? null,
    role: actor?.role ?? null,
    scope: actor?.scopeType ? `${actor.scopeType}:${actor.scopeId ?? ''}` : null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    // Normalised through JSON so the hashed form is exactly what jsonb gives back.
    changes: JSON.parse(JSON.stringify(redact(input.changes ?? {}))) as Record<string, unknown>,
    requestId: ctx.requestId,
    ip: ctx.ip,
    prevHash: row.hash,
  };
  const hash = hashEntry(body);
  await tx.query(
    `INSERT INTO audit_log (seq, occurred_at, actor_id, actor_name, role, scope, action, entity_type, entity_id,
       changes, request_id, ip, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      body.seq,
      body.occurredAt,
      body.actorId,
      body.actorName,
      body.role,
      body.scope,
      body.action,
      body.entityType,
      body.entityId,
      JSON.stringify(body.changes),
      body.requestId,
      body.ip,
      body.prevHash,
      hash,
    ],
  );
  await tx.query('UPDATE audit_head SET hash = $1 WHERE id = 1', [hash]);
  return { ...body, hash };
}

interface AuditRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  role: string | null;
  scope: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Record<string, unknown>;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export function rowToEntry(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    role: r.role,
    scope: r.scope,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: r.changes,
    requestId: r.request_id,
    ip: r.ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain in pages, recomputing each hash and link; stops at the first broken sequence number. */
export async function verifyChain(db: Executor, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, pageSize],
    );
    for (const row of rows) {
      const entry = rowToEntry(row);
      if (entry.seq !== expectedSeq) {
        return { ok: false, entries: count, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      }
      if (entry.prevHash !== prevHash) {
        return { ok: false, entries: count, brokenAt: entry.seq, reason: 'prev_hash does not match the previous entry' };
      }
      const { hash, ...body } = entry;
      if (hashEntry(body) !== hash) {
        return { ok: false, entries: count, brokenAt: entry.seq, reason: 'hash does not match the entry' };
      }
      prevHash = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  const h = head.rows[0];
  if (h && (Number(h.seq) !== count || h.hash !== prevHash)) {
    return { ok: false, entries: count, brokenAt: count + 1, reason: 'the chain head does not match the last entry (entries removed at the end?)' };
  }
  return { ok: true, entries: count };
}
