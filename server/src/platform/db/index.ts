import path from 'node:path';
import type { Config } from '../config.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './types.ts';

export type { Database, Executor, QueryResult, SqlValue } from './types.ts';
export { migrate } from './migrate.ts';
export { DataDirLockedError } from './pglite.ts';

/** The database the configuration names: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite. */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(path.join(config.dataDir, 'pgdata'));
}

/** After bulk loads: PGlite has no autovacuum, so statistics must be refreshed by hand. */
export async function analyse(db: Database): Promise<void> {
  await db.exec('VACUUM ANALYZE');
}
