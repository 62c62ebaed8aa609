/** SQL of research institutes and innovation platforms. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { InstituteKind } from '@jinke/core/registry/institutes.contract.ts';
import type { Executor } from '../../platform/db/index.ts';
import { SqlParams, scoped } from './parties.shared.ts';

export interface InstituteRow {
  id: string;
  name: string;
  kind: InstituteKind;
  uscc: string | null;
  address: string | null;
  town_code: string | null;
  town_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT i.id, i.name, i.kind, i.uscc, i.address, i.town_code, d.name AS town_name, i.created_at, i.updated_at
  FROM institutes i LEFT JOIN divisions d ON d.code = i.town_code`;

/** Towns see the institutes in their town; enterprises read the whole directory, like the bureau. */
function instituteScope(actor: Actor, p: SqlParams): string {
  if (actor.role === 'enterprise') return 'TRUE';
  return scoped(actor, { town: 'i.town_code' }, p);
}

export interface InstituteFilter {
  tsQuery: string | null;
  kind?: InstituteKind | undefined;
  town?: string | undefined;
  limit: number;
  offset: number;
}

export async function listInstitutes(
  db: Executor,
  actor: Actor,
  f: InstituteFilter,
): Promise<{ rows: InstituteRow[]; total: number }> {
  const p = new SqlParams();
  const where = [instituteScope(actor, p)];
  let order = 'i.name';
  if (f.tsQuery !== null) {
    const q = p.add(f.tsQuery);
    where.push(`i.search_vector @@ to_tsquery('simple', ${q})`);
    order = `ts_rank(i.search_vector, to_tsquery('simple', ${q})) DESC, i.name`;
  }
  if (f.kind) where.push(`i.kind = ${p.add(f.kind)}`);
  if (f.town) where.push(`i.town_code = ${p.add(f.town)}`);
  const condition = where.join(' AND ');
  const count = await db.query<{ total: string }>(
    `SELECT count(*) AS total FROM institutes i WHERE ${condition}`,
    p.values,
  );
  const limit = p.add(f.limit);
  const offset = p.add(f.offset);
  const { rows } = await db.query<InstituteRow>(
    `${SELECT} WHERE ${condition} ORDER BY ${order}, i.id LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { rows, total: Number(count.rows[0]?.total ?? 0) };
}

export async function findInstitute(
  db: Executor,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<InstituteRow | null> {
  const p = new SqlParams();
  const idParam = p.add(id);
  const scope = actor ? instituteScope(actor, p) : 'TRUE';
  if (lock) await db.query('SELECT 1 FROM institutes WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<InstituteRow>(`${SELECT} WHERE i.id = ${idParam} AND ${scope}`, p.values);
  return rows[0] ?? null;
}

/** Another institute holding the name or the credit code, if any. */
export async function findInstituteConflict(
  db: Executor,
  name: string,
  uscc: string | null,
  exceptId: string | null,
): Promise<{ id: string; name: string; uscc: string | null } | null> {
  const { rows } = await db.query<{ id: string; name: string; uscc: string | null }>(
    `SELECT id, name, uscc FROM institutes WHERE (name = $1 OR ($2::text IS NOT NULL AND uscc = $2)) AND ($3::uuid IS NULL OR id <> $3)
      LIMIT 1`,
    [name, uscc, exceptId],
  );
  return rows[0] ?? null;
}

export interface InstituteValues {
  name: string;
  kind: InstituteKind;
  uscc: string | null;
  address: string | null;
  townCode: string | null;
  searchTokens: string;
}

export async function insertInstitute(tx: Executor, v: InstituteValues, now: Date): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO institutes (name, kind, uscc, address, town_code, search_tokens, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [v.name, v.kind, v.uscc, v.address, v.townCode, v.searchTokens, now],
  );
  return rows[0]!.id;
}

export async function updateInstitute(
  tx: Executor,
  id: string,
  v: InstituteValues,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE institutes SET name = $1, kind = $2, uscc = $3, address = $4, town_code = $5, search_tokens = $6, updated_at = $7
      WHERE id = $8`,
    [v.name, v.kind, v.uscc, v.address, v.townCode, v.searchTokens, now, id],
  );
}
