/** SQL of talents and teams, carriers, and banks/investors. Each list and lookup is scoped by the actor. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import { SqlParams, likePattern, scoped } from './parties.shared.ts';

export type PartyTable = 'talents' | 'carriers' | 'banks';

export interface TalentRow {
  id: string;
  kind: 'talent' | 'team';
  name: string;
  leader_name: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  programme: string | null;
  year: number | null;
  field: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CarrierRow {
  id: string;
  code: string;
  name: string;
  kind: 'maker_space' | 'incubator' | 'accelerator' | 'star_space' | 'tech_service';
  operator_uscc: string | null;
  town_code: string | null;
  town_name: string | null;
  area_m2: string | null;
  tenants: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface BankRow {
  id: string;
  code: string;
  name: string;
  kind: 'bank' | 'investor' | 'guarantor';
  uscc: string | null;
  created_at: Date;
  updated_at: Date;
}

interface PartySql {
  select: string;
  alias: string;
  /** Columns searched by a plain-text query. */
  text: string[];
  order: string;
  scope(actor: Actor, p: SqlParams): string;
}

const SQL: Record<PartyTable, PartySql> = {
  talents: {
    select: `SELECT t.id, t.kind, t.name, t.leader_name, t.enterprise_id, e.name AS enterprise_name, t.programme, t.year, t.field,
        t.created_at, t.updated_at
      FROM talents t LEFT JOIN enterprises e ON e.id = t.enterprise_id`,
    alias: 't',
    text: ['t.name', 't.leader_name', 't.programme'],
    order: 't.year DESC NULLS LAST, t.name, t.id',
    // Towns see the talents of their enterprises, an enterprise its own.
    scope: (actor, p) => scoped(actor, { town: 'e.town_code', enterprise: 'e.uscc' }, p),
  },
  carriers: {
    select: `SELECT c.id, c.code, c.name, c.kind, c.operator_uscc, c.town_code, d.name AS town_name, c.area_m2::text AS area_m2,
        c.tenants, c.created_at, c.updated_at
      FROM carriers c LEFT JOIN divisions d ON d.code = c.town_code`,
    alias: 'c',
    text: ['c.name', 'c.code'],
    order: 'c.code',
    // Enterprises read the carriers as a directory; towns see theirs, a provider its own carrier.
    scope: (actor, p) =>
      actor.role === 'enterprise' ? 'TRUE' : scoped(actor, { town: 'c.town_code', provider: 'c.code' }, p),
  },
  banks: {
    select: 'SELECT b.id, b.code, b.name, b.kind, b.uscc, b.created_at, b.updated_at FROM banks b',
    alias: 'b',
    text: ['b.name', 'b.code'],
    order: 'b.code',
    scope: (actor, p) => scoped(actor, { bank: 'b.code' }, p),
  },
};

export interface PartyFilter {
  q?: string | undefined;
  /** Column (of the table's alias) → value, all of which must match. */
  equals: Record<string, SqlValue | undefined>;
  limit: number;
  offset: number;
}

export async function listParties<R>(
  db: Executor,
  table: PartyTable,
  actor: Actor,
  f: PartyFilter,
): Promise<{ rows: R[]; total: number }> {
  const s = SQL[table];
  const p = new SqlParams();
  const where = [s.scope(actor, p)];
  if (f.q) {
    const pattern = p.add(likePattern(f.q));
    where.push(`(${s.text.map((c) => `${c} ILIKE ${pattern} ESCAPE '\\'`).join(' OR ')})`);
  }
  for (const [column, value] of Object.entries(f.equals)) {
    if (value !== undefined) where.push(`${s.alias}.${column} = ${p.add(value)}`);
  }
  const condition = where.join(' AND ');
  const from = s.select.slice(s.select.indexOf(' FROM '));
  const count = await db.query<{ total: string }>(
    `SELECT count(*) AS total ${from} WHERE ${condition}`,
    p.values,
  );
  const limit = p.add(f.limit);
  const offset = p.add(f.offset);
  const { rows } = await db.query<R>(
    `${s.select} WHERE ${condition} ORDER BY ${s.order} LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { rows, total: Number(count.rows[0]?.total ?? 0) };
}

/** One record the actor may see (with no actor, any record), optionally locked for an update. */
export async function findParty<R>(
  db: Executor,
  table: PartyTable,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<R | null> {
  const s = SQL[table];
  const p = new SqlParams();
  const idParam = p.add(id);
  const scope = actor ? s.scope(actor, p) : 'TRUE';
  if (lock) await db.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await db.query<R>(`${s.select} WHERE ${s.alias}.id = ${idParam} AND ${scope}`, p.values);
  return rows[0] ?? null;
}

export async function codeExists(db: Executor, table: 'carriers' | 'banks', code: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE code = $1`, [code]);
  return rows.length > 0;
}

export async function enterpriseExists(db: Executor, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM enterprises WHERE id = $1', [id]);
  return rows.length > 0;
}

/**
 * Inserts or updates one row from column → value pairs. Column names come from the services' fixed lists, never
 * from input.
 */
export async function writeParty(
  tx: Executor,
  table: PartyTable,
  id: string | null,
  values: Record<string, SqlValue>,
  now: Date,
): Promise<string> {
  const columns = Object.keys(values);
  for (const column of columns)
    if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`writeParty: bad column ${column}`);
  const params = [...Object.values(values), now];
  if (id === null) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at)
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}, $${params.length}, $${params.length}) RETURNING id`,
      params,
    );
    return rows[0]!.id;
  }
  await tx.query(
    `UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 1}`).join(', ')}, updated_at = $${params.length}
      WHERE id = $${params.length + 1}`,
    [...params, id],
  );
  return id;
}
