/**
 * Bulk loading for the seed: rows go in as JSON batches through `json_populate_recordset`, one statement per
 * ~1,000 rows, which runs the same on PGlite and PostgreSQL. Secondary indexes of the loaded tables (GIN search
 * and trigram indexes above all) and their foreign keys are dropped for the load and restored once after it, in
 * the same transaction: building a GIN index over all rows, or checking a key over all rows, is several times
 * faster than doing it row by row.
 */
import type { Executor } from '../../../platform/db/index.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}

export interface InsertOptions {
  batchSize?: number;
  /** Columns written only when the table has them (added by a later migration). */
  optional?: readonly string[];
}

export async function insertRows<T extends object>(
  tx: Executor,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  options: InsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const batchSize = options.batchSize ?? 1000;
  let present = columns;
  if (options.optional && options.optional.length > 0) {
    const { rows: existing } = await tx.query<{ column_name: string }>(
      'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
      [table],
    );
    const have = new Set(existing.map((r) => r.column_name));
    present = columns.filter((c) => have.has(c) || !options.optional?.includes(c));
  }
  const cols = present.map(ident).join(', ');
  const sql = `INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${ident(table)}, $1::json)`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize).map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of present) out[c] = row[c];
      return out;
    });
    await tx.query(sql, [JSON.stringify(batch)]);
  }
  return rows.length;
}

interface Deferred {
  name: string;
  table: string;
  def: string;
}

/**
 * Runs `load` with the secondary indexes and the foreign keys of `tables` dropped, then restores them from their
 * own definitions (`pg_get_indexdef`, `pg_get_constraintdef`), so whatever the migrations define comes back as it
 * was. Re-adding a foreign key checks all rows in one join, where a live key checks each inserted row by itself;
 * a row that breaks a key still fails the whole transaction. Unique and primary-key indexes stay in place.
 */
export async function withDeferredIndexesAndKeys<T>(
  tx: Executor,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const names = tables.map(ident);
  const { rows: indexes } = await tx.query<Deferred>(
    `SELECT ic.relname AS name, t.relname AS table, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
        AND NOT i.indisprimary AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY ic.relname`,
    [names],
  );
  const { rows: keys } = await tx.query<Deferred>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[]) AND c.contype = 'f'
      ORDER BY t.relname, c.conname`,
    [names],
  );
  for (const key of keys)
    await tx.query(`ALTER TABLE ${ident(key.table)} DROP CONSTRAINT ${ident(key.name)}`);
  for (const index of indexes) await tx.query(`DROP INDEX ${ident(index.name)}`);
  const result = await load();
  for (const index of indexes) await tx.query(index.def);
  for (const key of keys)
    await tx.query(`ALTER TABLE ${ident(key.table)} ADD CONSTRAINT ${ident(key.name)} ${key.def}`);
  return result;
}
