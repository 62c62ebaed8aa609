/** A PostgreSQL server through a `pg` connection pool. */
import pg from 'pg';
import type { Database, Executor, QueryResult, SqlValue } from './types.ts';

// Return bigint (int8) and numeric as strings, never as lossy floats; dates stay Date objects.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);

class ClientExecutor implements Executor {
  constructor(private readonly client: pg.PoolClient) {}
  async query<T>(text: string, params: readonly SqlValue[] = []): Promise<QueryResult<T>> {
    const result = await this.client.query(text, params as unknown[]);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgresql' as const;
  constructor(private readonly pool: pg.Pool) {}
  async query<T>(text: string, params: readonly SqlValue[] = []): Promise<QueryResult<T>> {
    const result = await this.pool.query(text, params as unknown[]);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
  }
  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const value = await fn(new ClientExecutor(client));
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A connection the server closes while it is idle (a restart, an administrator, a dropped database at shutdown)
  // is reported as an 'error' event; without a listener Node would end the process. The pool has already discarded
  // that connection and the next query opens a new one, so there is nothing more to do — and a query running on it
  // fails on its own promise.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  // Fail fast with the server's own reason when the URL is wrong.
  const client = await pool.connect();
  client.release();
  return new PostgresDatabase(pool);
}
