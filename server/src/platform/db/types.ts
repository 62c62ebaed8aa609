/**
 * One executor interface over embedded PGlite and a PostgreSQL server, so repositories and services run
 * the same parameterised SQL on both. Repositories take an `Executor` (the database or a transaction) and
 * the service decides the transaction.
 */
export type SqlValue = string | number | boolean | null | Date | bigint | Buffer | Uint8Array | unknown[] | object;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Executor {
  query<T = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<QueryResult<T>>;
}

export interface Database extends Executor {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Several statements separated by semicolons, no parameters (migrations, maintenance). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
