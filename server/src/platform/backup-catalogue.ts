/**
 * What backup and restore read from the system catalogue: the tables, their writable columns, primary keys,
 * sequences and foreign keys, and the order that puts every referenced table before the tables referring to it.
 * Works the same on PostgreSQL and PGlite (plain catalogue queries, current schema only).
 */
import type { Executor } from './db/index.ts';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns filled from a sequence (serial or identity), to be moved past the restored values. */
  sequenced: string[];
}

export interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function readCatalogue(
  db: Executor,
): Promise<{ tables: Map<string, TableInfo>; foreignKeys: ForeignKey[] }> {
  const tables = new Map<string, TableInfo>();
  const names = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> 'schema_migrations'
      ORDER BY c.relname`,
  );
  for (const { name } of names.rows) tables.set(name, { name, columns: [], primaryKey: [], sequenced: [] });
  const columns = await db.query<{
    table_name: string;
    column_name: string;
    is_generated: string;
    sequenced: boolean;
  }>(
    `SELECT table_name, column_name, is_generated,
            (is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval(%') AS sequenced
       FROM information_schema.columns WHERE table_schema = current_schema()
      ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns.rows) {
    const t = tables.get(c.table_name);
    if (!t || c.is_generated === 'ALWAYS') continue;
    t.columns.push(c.column_name);
    if (c.sequenced) t.sequenced.push(c.column_name);
  }
  const keys = await db.query<{
    kind: string;
    name: string;
    child: string;
    parent: string | null;
    child_column: string;
    parent_column: string | null;
  }>(
    `SELECT con.contype AS kind, con.conname AS name, child.relname AS child, parent.relname AS parent,
            ca.attname AS child_column, pa.attname AS parent_column
       FROM pg_constraint con
       JOIN pg_class child ON child.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
       LEFT JOIN pg_class parent ON parent.oid = con.confrelid
       CROSS JOIN LATERAL unnest(con.conkey, coalesce(con.confkey, con.conkey)) WITH ORDINALITY AS k(child_att, parent_att, ord)
       JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = k.child_att
       LEFT JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.parent_att
      WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f')
      ORDER BY con.conname, k.ord`,
  );
  const foreignKeys = new Map<string, ForeignKey>();
  for (const k of keys.rows) {
    if (k.kind === 'p') {
      tables.get(k.child)?.primaryKey.push(k.child_column);
    } else if (k.parent && k.parent_column && tables.has(k.child) && tables.has(k.parent)) {
      const id = `${k.child}.${k.name}`;
      const fk = foreignKeys.get(id) ?? {
        name: k.name,
        child: k.child,
        parent: k.parent,
        childColumns: [],
        parentColumns: [],
      };
      fk.childColumns.push(k.child_column);
      fk.parentColumns.push(k.parent_column);
      foreignKeys.set(id, fk);
    }
  }
  return { tables, foreignKeys: [...foreignKeys.values()] };
}

/** Parents before children (by name among equals); tables caught in a cycle follow in name order. */
export function dependencyOrder(names: string[], foreignKeys: ForeignKey[]): string[] {
  const parentsOf = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of foreignKeys) if (fk.child !== fk.parent) parentsOf.get(fk.child)?.add(fk.parent);
  const done = new Set<string>();
  const order: string[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const name of names) {
      if (done.has(name) || [...(parentsOf.get(name) ?? [])].some((p) => !done.has(p))) continue;
      done.add(name);
      order.push(name);
      progress = true;
    }
  }
  return [...order, ...names.filter((n) => !done.has(n))];
}

export async function appliedMigrations(db: Executor): Promise<string[]> {
  const exists = await db.query<{ present: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return [];
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  return rows.map((r) => r.name);
}

/**
 * Orders the rows of a self-referencing table so that each row's parent row comes first; rows pointing
 * outside the table (or nowhere) go first, and a cycle keeps its file order (the insert then fails cleanly).
 */
export function parentsFirst(lines: string[], fks: ForeignKey[]): string[] {
  const rows = lines.map((line) => ({ line, value: JSON.parse(line) as Record<string, unknown> }));
  const keyOf = (row: Record<string, unknown>, columns: string[]) =>
    columns.some((c) => row[c] === null || row[c] === undefined)
      ? null
      : JSON.stringify(columns.map((c) => String(row[c])));
  const placed = fks.map(() => new Set<string>());
  const present = fks.map(
    (fk) => new Set(rows.map((r) => keyOf(r.value, fk.parentColumns)).filter((k): k is string => k !== null)),
  );
  const out: string[] = [];
  let pending = rows;
  while (pending.length) {
    const ready = pending.filter((r) =>
      fks.every((fk, i) => {
        const key = keyOf(r.value, fk.childColumns);
        return key === null || !present[i]!.has(key) || placed[i]!.has(key);
      }),
    );
    const batch = ready.length ? ready : pending;
    for (const r of batch) {
      out.push(r.line);
      fks.forEach((fk, i) => {
        const key = keyOf(r.value, fk.parentColumns);
        if (key !== null) placed[i]!.add(key);
      });
    }
    const taken = new Set(batch);
    pending = pending.filter((r) => !taken.has(r));
  }
  return out;
}
