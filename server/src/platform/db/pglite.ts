/** Embedded PostgreSQL (PGlite) in a data directory, guarded by a lock file so one process owns it. */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Executor, QueryResult, SqlValue } from './types.ts';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`data directory ${dir} is in use by process ${pid}; stop it first (数据目录正被进程 ${pid} 使用)`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dir>.lock` beside the data directory; a lock left by a dead process is taken over. */
function acquireLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new DataDirLockedError(dir, holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

class PgliteExecutor implements Executor {
  constructor(protected readonly pg: Pick<PGlite, 'query'>) {}
  async query<T>(text: string, params: readonly SqlValue[] = []): Promise<QueryResult<T>> {
    const result = await this.pg.query<T>(text, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }
}

class PgliteDatabase extends PgliteExecutor implements Database {
  readonly kind = 'pglite' as const;
  constructor(
    private readonly db: PGlite,
    private readonly release: () => void,
  ) {
    super(db);
  }
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new PgliteExecutor(tx)));
  }
  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }
  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      this.release();
    }
  }
}

/** Opens PGlite in `dir` (created with its parents), or in memory when `dir` is null. */
export async function openPglite(dir: string | null): Promise<Database> {
  let release = () => {};
  if (dir) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    release = acquireLock(dir);
  }
  try {
    // int8 and numeric come back as strings, as with the `pg` driver, so money never passes through a float.
    const parsers = { 20: (v: string) => v, 1700: (v: string) => v };
    const db = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm }, parsers });
    return new PgliteDatabase(db, release);
  } catch (error) {
    release();
    throw error;
  }
}
