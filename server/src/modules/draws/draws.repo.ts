/**
 * SQL of the draw records and their decline events. The frozen pool is read only where it is needed: `pool_text`
 * (its canonical text, migration 0016) for draws frozen since, `pool` (JSON) for older ones.
 */
import type { Executor } from '../../platform/db/index.ts';

/** A draw without its pool: what lists and the officer view read. */
export interface DrawRow {
  id: string;
  title: string;
  subject: string;
  spec: unknown;
  applicants: unknown;
  overrides: unknown;
  status: 'frozen' | 'drawn';
  pool_hash: string;
  pool_size: number;
  excluded: unknown;
  funnel: unknown;
  seed: string | null;
  seed_source: string | null;
  key: string | null;
  panel: string[] | null;
  alternates: string[] | null;
  current_panel: string[] | null;
  current_alternates: string[] | null;
  algorithm: string;
  created_by: string | null;
  created_by_name: string | null;
  frozen_at: Date;
  drawn_at: Date | null;
}

export type DrawWithPool = DrawRow & { pool: unknown; pool_text: string | null };

const COLUMNS = `d.id, d.title, d.subject, d.spec, d.applicants, d.overrides, d.status, d.pool_hash, d.pool_size, d.excluded,
  d.funnel, d.seed, d.seed_source, d.key, d.panel, d.alternates, d.current_panel, d.current_alternates, d.algorithm,
  d.created_by, u.display_name AS created_by_name, d.frozen_at, d.drawn_at`;

export interface NewDraw {
  title: string;
  subject: string;
  spec: unknown;
  applicants: unknown;
  overrides: unknown;
  /** The canonical text of the pool, exactly as hashed into `poolHash`. */
  poolText: string;
  poolHash: string;
  poolSize: number;
  excluded: unknown;
  funnel: unknown;
  algorithm: string;
  createdBy: string;
  frozenAt: Date;
}

export async function insertDraw(tx: Executor, d: NewDraw): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO draws (title, subject, spec, applicants, overrides, status, pool_text, pool_hash, pool_size, excluded,
       funnel, algorithm, created_by, frozen_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, 'frozen', $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13)
     RETURNING id`,
    [
      d.title,
      d.subject,
      JSON.stringify(d.spec),
      JSON.stringify(d.applicants),
      JSON.stringify(d.overrides),
      d.poolText,
      d.poolHash,
      d.poolSize,
      JSON.stringify(d.excluded),
      JSON.stringify(d.funnel),
      d.algorithm,
      d.createdBy,
      d.frozenAt,
    ],
  );
  return rows[0]!.id;
}

export async function findDraw(db: Executor, id: string): Promise<DrawRow | null> {
  const { rows } = await db.query<DrawRow>(
    `SELECT ${COLUMNS} FROM draws d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The draw with its frozen pool; with `lock`, the row is locked for the rest of the transaction. */
export async function findDrawWithPool(db: Executor, id: string, lock = false): Promise<DrawWithPool | null> {
  if (lock) await db.query('SELECT 1 FROM draws WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<DrawWithPool>(
    `SELECT ${COLUMNS}, d.pool, d.pool_text FROM draws d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function listDraws(
  db: Executor,
  limit: number,
  offset: number,
): Promise<{ rows: DrawRow[]; total: number }> {
  const count = await db.query<{ n: string }>('SELECT count(*) AS n FROM draws');
  const { rows } = await db.query<DrawRow>(
    `SELECT ${COLUMNS} FROM draws d LEFT JOIN users u ON u.id = d.created_by
     ORDER BY d.frozen_at DESC, d.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

export interface DrawnValues {
  seed: string;
  seedSource: string;
  key: string;
  panel: string[];
  alternates: string[];
  drawnAt: Date;
}

/** Records the draw; only a frozen draw changes, so a second seed finds no row (false). */
export async function markDrawn(tx: Executor, id: string, v: DrawnValues): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE draws SET status = 'drawn', seed = $2, seed_source = $3, key = $4, panel = $5::jsonb, alternates = $6::jsonb,
       current_panel = $5::jsonb, current_alternates = $6::jsonb, drawn_at = $7
     WHERE id = $1 AND status = 'frozen'`,
    [id, v.seed, v.seedSource, v.key, JSON.stringify(v.panel), JSON.stringify(v.alternates), v.drawnAt],
  );
  return rowCount === 1;
}

export async function updateCurrent(
  tx: Executor,
  id: string,
  panel: string[],
  alternates: string[],
): Promise<void> {
  await tx.query('UPDATE draws SET current_panel = $2::jsonb, current_alternates = $3::jsonb WHERE id = $1', [
    id,
    JSON.stringify(panel),
    JSON.stringify(alternates),
  ]);
}

export interface EventRow {
  seq: number;
  kind: 'declined' | 'conflicted';
  code: string;
  replacement: string;
  reason: string;
  actor_name: string | null;
  occurred_at: Date;
}

export async function insertEvent(
  tx: Executor,
  drawId: string,
  e: { kind: string; code: string; replacement: string; reason: string; actorId: string; at: Date },
): Promise<number> {
  const { rows } = await tx.query<{ seq: number }>(
    `INSERT INTO draw_events (draw_id, seq, kind, code, replacement, reason, actor_id, occurred_at)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM draw_events WHERE draw_id = $1), $2, $3, $4, $5, $6, $7)
     RETURNING seq`,
    [drawId, e.kind, e.code, e.replacement, e.reason, e.actorId, e.at],
  );
  return rows[0]!.seq;
}

export async function listEvents(db: Executor, drawId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT e.seq, e.kind, e.code, e.replacement, e.reason, u.display_name AS actor_name, e.occurred_at
     FROM draw_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.draw_id = $1 ORDER BY e.seq`,
    [drawId],
  );
  return rows;
}
