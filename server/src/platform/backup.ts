/**
 * Backup and restore in one format for both backends, so a PGlite backup restores into PostgreSQL and back:
 * a gzip'd JSON-lines file. Line 1 is the header ({ format: "jinke-backup", version: 1, createdAt, migrations,
 * tables }); then, per table in foreign-key order, a marker line { table } followed by one line per row as
 * PostgreSQL's own `row_to_json` text; last a trailer { end: true }. Rows are never parsed into JavaScript on
 * the way out, so bigints, numerics and timestamps keep their exact text.
 *
 * The backup reads inside one read-only repeatable-read transaction (a consistent snapshot); the restore writes
 * inside one transaction, so a bad file changes nothing. `schema_migrations` is not copied: the backup names
 * its migrations, and a restore accepts only a backup whose migrations are a prefix of the code's.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { verifyChain, type VerifyResult } from './audit.ts';
import { migrate, type Database, type Executor } from './db/index.ts';
import { readMigrations, type Migration } from './db/migrate.ts';
import {
  appliedMigrations,
  dependencyOrder,
  parentsFirst,
  quoteIdent,
  readCatalogue,
  type TableInfo,
} from './backup-catalogue.ts';

export const BACKUP_FORMAT = 'jinke-backup';
export const BACKUP_VERSION = 1;
const FETCH_SIZE = 1000;
const INSERT_BATCH = 500;

export interface BackupTable {
  name: string;
  /** Columns the rows carry that a restore writes (generated columns are left to the database). */
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  database: Database['kind'];
  migrations: string[];
  tables: BackupTable[];
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  /** Tables of the backup that this schema no longer has. */
  skipped: string[];
  chain: VerifyResult;
}

/** A backup that cannot be used, or a target that must not be overwritten; the message says which. */
export class BackupError extends Error {}

// ---- backup -------------------------------------------------------------------------------------------------

/** Writes a backup of `db` to `file` (via a temporary file, so a failed backup leaves no half file behind). */
export async function backupDatabase(db: Database, file: string, now = new Date()): Promise<BackupHeader> {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new BackupError(`directory ${dir} does not exist`);
  const partial = path.join(dir, `.${path.basename(file)}.${process.pid}.partial`);
  const gzip = createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => {}); // Awaited below; this only keeps an early failure from going unhandled meanwhile.
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const header = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const { tables, foreignKeys } = await readCatalogue(tx);
      const order = dependencyOrder([...tables.keys()], foreignKeys);
      const entries: BackupTable[] = [];
      for (const name of order) {
        const { rows } = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
        entries.push({ name, columns: tables.get(name)?.columns ?? [], rows: Number(rows[0]?.n ?? 0) });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        database: db.kind,
        migrations: await appliedMigrations(tx),
        tables: entries,
      };
      await write(JSON.stringify(header));
      for (const name of order) {
        await write(JSON.stringify({ table: name }));
        const pk = tables.get(name)?.primaryKey ?? [];
        const orderBy = pk.length ? ` ORDER BY ${pk.map((c) => `t.${quoteIdent(c)}`).join(', ')}` : '';
        await tx.query(
          `DECLARE jinke_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${quoteIdent(name)} t${orderBy}`,
        );
        for (;;) {
          const page = await tx.query<{ r: string }>(`FETCH FORWARD ${FETCH_SIZE} FROM jinke_backup`);
          for (const row of page.rows) await write(row.r);
          if (page.rows.length < FETCH_SIZE) break;
        }
        await tx.query('CLOSE jinke_backup');
      }
      return header;
    });
    await write(JSON.stringify({ end: true }));
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return header;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

// ---- restore ------------------------------------------------------------------------------------------------

/** The file's lines, one at a time; gzip and file errors surface as a BackupError naming the file. */
class BackupReader {
  private readonly source: fs.ReadStream;
  private readonly lines: AsyncIterator<string>;
  private lineNo = 0;
  constructor(private readonly file: string) {
    this.source = fs.createReadStream(file);
    const gunzip = createGunzip();
    this.source.on('error', (e) => gunzip.destroy(e));
    const lines = readline.createInterface({ input: this.source.pipe(gunzip), crlfDelay: Infinity });
    this.lines = lines[Symbol.asyncIterator]();
  }
  async next(what: string): Promise<string> {
    let result: IteratorResult<string>;
    try {
      result = await this.lines.next();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new BackupError(`${this.file} does not exist`);
      if (code === 'Z_DATA_ERROR' && this.lineNo === 0)
        throw new BackupError(`${this.file} is not a jinke backup (not gzip data)`);
      throw new BackupError(`${this.file} is damaged after line ${this.lineNo}: ${(error as Error).message}`);
    }
    if (result.done)
      throw new BackupError(`${this.file} ends early: expected ${what} after line ${this.lineNo}`);
    this.lineNo++;
    return result.value;
  }
  async json(what: string): Promise<unknown> {
    const line = await this.next(what);
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new BackupError(`${this.file} is damaged: line ${this.lineNo} is not ${what}`);
    }
  }
  close(): void {
    this.lines.return?.().catch(() => {});
    this.source.destroy();
  }
}

function isHeader(value: unknown): value is BackupHeader {
  if (!value || typeof value !== 'object') return false;
  const h = value as Partial<BackupHeader>;
  return (
    h.format === BACKUP_FORMAT &&
    typeof h.createdAt === 'string' &&
    Array.isArray(h.migrations) &&
    h.migrations.every((m) => typeof m === 'string') &&
    Array.isArray(h.tables) &&
    h.tables.every(
      (t) =>
        t &&
        typeof t.name === 'string' &&
        Array.isArray(t.columns) &&
        Number.isInteger(t.rows) &&
        t.rows >= 0,
    )
  );
}

/** Reads and checks a backup's header without touching any database. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const reader = new BackupReader(file);
  try {
    return await headerOf(reader, file);
  } finally {
    reader.close();
  }
}

async function headerOf(reader: BackupReader, file: string): Promise<BackupHeader> {
  const header = await reader.json('the header').catch((error: unknown) => {
    if (error instanceof BackupError && error.message.includes('is damaged: line 1')) {
      throw new BackupError(`${file} is not a jinke backup (no header)`);
    }
    throw error;
  });
  if (header && typeof header === 'object' && (header as { format?: unknown }).format === BACKUP_FORMAT) {
    const version = (header as { version?: unknown }).version;
    if (version !== BACKUP_VERSION)
      throw new BackupError(
        `${file} is a jinke backup of version ${String(version)}; this version reads ${BACKUP_VERSION}`,
      );
  }
  if (!isHeader(header)) throw new BackupError(`${file} is not a jinke backup (no header)`);
  return header;
}

/** The first name where `names` departs from the code's migrations, or null when it is a prefix of them. */
function firstForeignMigration(names: string[], code: Migration[]): string | null {
  for (const [i, name] of names.entries()) if (code[i]?.name !== name) return name;
  return null;
}

/**
 * Restores `file` into `db` in one transaction. A fresh database is first migrated up to the backup's own
 * migrations, so later migrations (and their back-fills) run on the restored rows afterwards; the caller
 * runs them (`prepareDatabase`). Refuses a target holding users or audit entries unless `force`.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: { force?: boolean; migrations?: Migration[] } = {},
): Promise<RestoreSummary> {
  const code = options.migrations ?? readMigrations();
  const reader = new BackupReader(file);
  try {
    const header = await headerOf(reader, file);
    const foreign = firstForeignMigration(header.migrations, code);
    if (foreign) {
      throw new BackupError(
        `the backup was made with migration ${foreign}, which this version does not have; restore it with the version that made it`,
      );
    }
    const targetForeign = firstForeignMigration(await appliedMigrations(db), code);
    if (targetForeign)
      throw new BackupError(
        `the target database has migration ${targetForeign}, which this version does not have`,
      );
    if (!options.force) await assertEmptyTarget(db);
    await migrate(db, code.slice(0, header.migrations.length));

    return await db.transaction(async (tx) => {
      if (!options.force) await assertEmptyTarget(tx);
      const { tables, foreignKeys } = await readCatalogue(tx);
      const present = header.tables.filter((t) => tables.has(t.name));
      const position = new Map(present.map((t, i) => [t.name, i]));
      for (const fk of foreignKeys) {
        const c = position.get(fk.child);
        const p = position.get(fk.parent);
        if (c !== undefined && p !== undefined && p > c) {
          throw new BackupError(
            `the backup holds ${fk.child} before ${fk.parent}, which it references; the file was not written by jinke backup`,
          );
        }
      }
      if (present.length)
        await tx.query(`TRUNCATE ${present.map((t) => quoteIdent(t.name)).join(', ')} CASCADE`);

      const restored: { name: string; rows: number }[] = [];
      for (const table of header.tables) {
        const marker = await reader.json(`the start of table ${table.name}`);
        if (!marker || typeof marker !== 'object' || (marker as { table?: unknown }).table !== table.name) {
          throw new BackupError(`${file} is damaged: expected the rows of ${table.name}`);
        }
        const target = tables.get(table.name);
        const lines: string[] = [];
        for (let i = 0; i < table.rows; i++) lines.push(await reader.next(`row ${i + 1} of ${table.name}`));
        if (!target) continue;
        const columns = table.columns.filter((c) => target.columns.includes(c));
        const selfKeys = foreignKeys.filter((fk) => fk.child === table.name && fk.parent === table.name);
        const ordered = selfKeys.length ? parentsFirst(lines, selfKeys) : lines;
        await insertRows(tx, table.name, columns, ordered);
        await resetSequences(tx, target);
        restored.push({ name: table.name, rows: lines.length });
      }
      const trailer = await reader.json('the end marker');
      if (!trailer || typeof trailer !== 'object' || (trailer as { end?: unknown }).end !== true) {
        throw new BackupError(`${file} is damaged: it holds more rows than its header counts`);
      }
      // A backup taken before the first migration has no trail to check.
      const chain: VerifyResult = tables.has('audit_log') ? await verifyChain(tx) : { ok: true, entries: 0 };
      return {
        header,
        tables: restored,
        skipped: header.tables.filter((t) => !tables.has(t.name)).map((t) => t.name),
        chain,
      };
    });
  } finally {
    reader.close();
  }
}

async function assertEmptyTarget(db: Executor): Promise<void> {
  const present = await db.query<{ users: boolean; audit: boolean }>(
    `SELECT to_regclass('users') IS NOT NULL AS users, to_regclass('audit_log') IS NOT NULL AS audit`,
  );
  const parts: string[] = [];
  if (present.rows[0]?.users) parts.push('SELECT 1 FROM users');
  if (present.rows[0]?.audit) parts.push('SELECT 1 FROM audit_log');
  if (!parts.length) return;
  const { rows } = await db.query<{ used: boolean }>(`SELECT EXISTS (${parts.join(' UNION ALL ')}) AS used`);
  if (rows[0]?.used) {
    throw new BackupError(
      'the target database already holds users or audit entries; pass --force to replace its contents',
    );
  }
}

async function insertRows(tx: Executor, table: string, columns: string[], lines: string[]): Promise<void> {
  if (!lines.length || !columns.length) return;
  const list = columns.map(quoteIdent).join(', ');
  const sql = `INSERT INTO ${quoteIdent(table)} (${list}) OVERRIDING SYSTEM VALUE
               SELECT ${list} FROM json_populate_recordset(null::${quoteIdent(table)}, $1::json)`;
  for (let i = 0; i < lines.length; i += INSERT_BATCH) {
    const batch = lines.slice(i, i + INSERT_BATCH);
    try {
      await tx.query(sql, [`[${batch.join(',')}]`]);
    } catch (error) {
      throw new BackupError(
        `cannot restore table ${table} (rows ${i + 1}–${i + batch.length}): ${(error as Error).message}`,
      );
    }
  }
}

/** Moves serial and identity sequences past the restored values, so new rows do not collide. */
async function resetSequences(tx: Executor, table: TableInfo): Promise<void> {
  for (const column of table.sequenced) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quoteIdent(column)}), 0) + 1, false) FROM ${quoteIdent(table.name)}`,
      [quoteIdent(table.name), column],
    );
  }
}
