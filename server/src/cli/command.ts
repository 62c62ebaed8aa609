/** What every `jinke` command shares: its shape, the streams, and opening the database it works on. */
import type { ParseArgsConfig } from 'node:util';
import type { AuditInput } from '../platform/audit.ts';
import type { Config } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { loadOrCreateKey, PersonalDataCipher } from '../platform/crypto.ts';
import type { Database } from '../platform/db/index.ts';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<string | Buffer>;
  env: NodeJS.ProcessEnv;
}

/** A mistake in the command line itself: exit code 2 and a pointer to the help. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

export interface Invocation {
  args: string[];
  values: Values;
  io: CliIo;
  config: Config;
  out(line?: string): void;
}

export interface Command {
  /** One word, or a group and a word (`users add`). */
  name: string;
  usage: string;
  /** zh + en, one line. */
  summary: string;
  help: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Positional arguments: minimum and maximum count. */
  arity: [number, number];
  run(inv: Invocation): Promise<number>;
}

// The server, the database drivers and the modules load on first use, so `jinke help` answers at once.
export const load = {
  main: () => import('../main.ts'),
  prepare: () => import('../db/prepare.ts'),
  db: () => import('../platform/db/index.ts'),
  accounts: () => import('../modules/accounts/index.ts'),
};

/** Opens the configured database, brings it up to date unless told otherwise, and always closes it. */
export async function withDatabase<T>(
  inv: Invocation,
  fn: (db: Database) => Promise<T>,
  prepare = true,
): Promise<T> {
  const db = await (await load.db()).openDatabase(inv.config);
  try {
    if (prepare) await (await load.prepare()).prepareDatabase(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Records a command's change with a system context (no actor, request id `cli-…`). */
export async function audited(
  db: Database,
  action: string,
  input: Omit<AuditInput, 'action'>,
): Promise<void> {
  const { writeAudit } = await import('../platform/audit.ts');
  await db.transaction((tx) =>
    writeAudit(tx, systemContext(action.replace(/^system\./, '')), { action, ...input }),
  );
}

/** What the services need besides the database: the personal-data cipher and the clock. */
export function accountsDeps(db: Database, config: Config) {
  return {
    db,
    cipher: new PersonalDataCipher(loadOrCreateKey(config.sm4KeyHex, config.dataDir)),
    clock: () => new Date(),
  };
}

export function positiveNumber(text: string | boolean | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${name} must be a positive number, got "${String(text)}"`);
  }
  return n;
}
