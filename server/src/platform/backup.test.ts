import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, createUser, type TestDb } from '../../test/harness.ts';
import { verifyChain, writeAudit } from './audit.ts';
import { BackupError, backupDatabase, readBackupHeader, restoreDatabase } from './backup.ts';
import { systemContext } from './context.ts';
import type { Database } from './db/index.ts';
import { readMigrations } from './db/migrate.ts';
import { openPglite } from './db/pglite.ts';
import { prepareDatabase } from '../db/prepare.ts';

const TREE = `CREATE TABLE test_tree (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id integer REFERENCES test_tree (id),
  label text NOT NULL,
  label_upper text GENERATED ALWAYS AS (upper(label)) STORED,
  amount numeric(20, 2),
  big bigint
)`;

let dir: string;
let source: TestDb;
let file: string;
const open: TestDb[] = [];

async function freshDb(): Promise<TestDb> {
  const t = await createTestDb();
  open.push(t);
  return t;
}

/** Every table's rows as PostgreSQL prints them, in key order: equal snapshots mean equal contents. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ r: string }>(
      `SELECT row_to_json(t)::text AS r FROM "${name}" t ORDER BY 1`,
    );
    out[name] = rows.map((r) => r.r);
  }
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-backup-'));
  source = await freshDb();
  const db = source.db;
  await createUser(db, { role: 'admin', username: 'root.admin', displayName: '系统管理员' });
  await createUser(db, { role: 'officer', username: 'wang.officer', sections: ['hitech', 'ip'] });
  await createUser(db, { role: 'town', username: 'anhai.town' });
  for (const [i, action] of ['user.created', 'programme.created', 'patent.updated'].entries()) {
    await db.transaction((tx) =>
      writeAudit(tx, systemContext('test'), {
        action,
        entityType: action.split('.')[0]!,
        entityId: `e-${i}`,
        changes: {
          title: [null, `晋江市第${i}号`],
          amount: [null, '12345678901234.56'],
          nested: { list: [1, 2.5, true] },
        },
      }),
    );
  }
  await db.exec(TREE);
  await db.query(
    `INSERT INTO test_tree (id, parent_id, label, amount, big) OVERRIDING SYSTEM VALUE VALUES
       (2, NULL, 'root', 1.10, 9007199254740993), (3, 2, 'branch', NULL, NULL)`,
  );
  // A child stored before its parent in key order: the restore must put the parent first.
  await db.query(
    `INSERT INTO test_tree (id, parent_id, label) OVERRIDING SYSTEM VALUE VALUES (1, 3, 'leaf')`,
  );
  file = path.join(dir, 'source.jinke.gz');
  await backupDatabase(db, file, new Date('2026-11-26T02:00:00Z'));
});

afterAll(async () => {
  for (const t of open) await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes a gzip JSON-lines file whose header names the format, migrations and tables in foreign-key order', async () => {
    const header = await readBackupHeader(file);
    expect(header).toMatchObject({
      format: 'jinke-backup',
      version: 1,
      createdAt: '2026-11-26T02:00:00.000Z',
    });
    expect(header.migrations).toEqual(readMigrations().map((m) => m.name));
    const names = header.tables.map((t) => t.name);
    expect(names).not.toContain('schema_migrations');
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));
    expect(header.tables.find((t) => t.name === 'users')?.rows).toBe(3);
    expect(header.tables.find((t) => t.name === 'test_tree')?.columns).not.toContain('label_upper');
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true });
  });
});

describe('restore', () => {
  it('restores every row into a fresh database, keeps the audit chain verifiable and moves identity sequences on', async () => {
    const target = await freshDb();
    await target.db.exec(TREE);
    const summary = await restoreDatabase(target.db, file);
    expect(summary.chain).toEqual({ ok: true, entries: 3 });
    expect(summary.skipped).toEqual([]);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    expect(await verifyChain(target.db)).toEqual({ ok: true, entries: 3 });
    const added = await target.db.query<{ id: number; label_upper: string }>(
      `INSERT INTO test_tree (label) VALUES ('new') RETURNING id, label_upper`,
    );
    expect(added.rows[0]).toEqual({ id: 4, label_upper: 'NEW' });
    // The exact text of big numbers survives the round trip.
    const big = await target.db.query<{ big: string; amount: string }>(
      'SELECT big, amount FROM test_tree WHERE id = 2',
    );
    expect(big.rows[0]).toEqual({ big: '9007199254740993', amount: '1.10' });
  }, 60_000);

  it('moves data between backends: the test database to embedded PGlite and back, rows unchanged', async () => {
    const embedded = await openPglite(null);
    try {
      await prepareDatabase(embedded);
      await embedded.exec(TREE);
      await restoreDatabase(embedded, file);
      const again = path.join(dir, 'from-pglite.jinke.gz');
      await backupDatabase(embedded, again);
      const target = await freshDb();
      await target.db.exec(TREE);
      expect((await restoreDatabase(target.db, again)).chain).toEqual({ ok: true, entries: 3 });
      expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    } finally {
      await embedded.close();
    }
  }, 90_000);

  it('refuses a target holding users unless forced, and then replaces its contents', async () => {
    const target = await freshDb();
    await target.db.exec(TREE);
    await createUser(target.db, { role: 'admin', username: 'other.admin' });
    const before = await snapshot(target.db);
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(
      /already holds users or audit entries; pass --force/,
    );
    expect(await snapshot(target.db)).toEqual(before);
    await restoreDatabase(target.db, file, { force: true });
    const { rows } = await target.db.query<{ username: string }>(
      'SELECT username FROM users ORDER BY username',
    );
    expect(rows.map((r) => r.username)).toEqual(['anhai.town', 'root.admin', 'wang.officer']);
  }, 60_000);

  it('skips a table this schema no longer has and says so', async () => {
    const target = await freshDb();
    const summary = await restoreDatabase(target.db, file);
    expect(summary.skipped).toEqual(['test_tree']);
    expect(summary.chain).toEqual({ ok: true, entries: 3 });
  }, 60_000);

  it('refuses a backup made with migrations this version does not have', async () => {
    const target = await freshDb();
    await expect(restoreDatabase(target.db, file, { migrations: [] })).rejects.toThrow(
      /made with migration 0001_create_platform, which this version does not have/,
    );
  });

  describe('changes nothing and says why', () => {
    let target: TestDb;
    let before: Record<string, string[]>;
    beforeAll(async () => {
      target = await freshDb();
      await target.db.exec(TREE);
      await createUser(target.db, { role: 'leader', username: 'keep.me' });
      await target.db.transaction((tx) =>
        writeAudit(tx, systemContext('test'), { action: 'x.y', entityType: 'x' }),
      );
      before = await snapshot(target.db);
    });

    const body = () => gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    const writeVariant = (name: string, content: Buffer | string) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, content);
      return p;
    };

    it('when the file is not gzip data', async () => {
      const garbage = writeVariant('garbage.gz', Buffer.from('this is not a backup at all'));
      await expect(restoreDatabase(target.db, garbage, { force: true })).rejects.toThrow(
        /is not a jinke backup \(not gzip data\)/,
      );
      expect(await snapshot(target.db)).toEqual(before);
    });

    it('when the file does not exist', async () => {
      await expect(restoreDatabase(target.db, path.join(dir, 'missing.gz'), { force: true })).rejects.toThrow(
        /does not exist/,
      );
    });

    it('when gzip holds something other than a backup', async () => {
      const other = writeVariant('other.gz', gzipSync('{"hello":"world"}\nsecond line\n'));
      await expect(restoreDatabase(target.db, other, { force: true })).rejects.toThrow(
        /not a jinke backup \(no header\)/,
      );
      expect(await snapshot(target.db)).toEqual(before);
    });

    it('when the file was cut short', async () => {
      const lines = body();
      const cut = writeVariant('cut.gz', gzipSync(lines.slice(0, -4).join('\n') + '\n'));
      await expect(restoreDatabase(target.db, cut, { force: true })).rejects.toThrow(BackupError);
      await expect(restoreDatabase(target.db, cut, { force: true })).rejects.toThrow(/ends early/);
      expect(await snapshot(target.db)).toEqual(before);
    });

    it('when the gzip stream itself is truncated', async () => {
      const bytes = fs.readFileSync(file);
      const truncated = writeVariant('truncated.gz', bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      await expect(restoreDatabase(target.db, truncated, { force: true })).rejects.toThrow(
        /damaged|ends early/,
      );
      expect(await snapshot(target.db)).toEqual(before);
    });

    it('when a row is damaged', async () => {
      const lines = body();
      const at = lines.findIndex((l) => l.includes('"wang.officer"'));
      lines[at] = lines[at]!.replace('"role":"officer"', '"role":"emperor"');
      const damaged = writeVariant('damaged.gz', gzipSync(lines.join('\n') + '\n'));
      await expect(restoreDatabase(target.db, damaged, { force: true })).rejects.toThrow(
        /cannot restore table users/,
      );
      expect(await snapshot(target.db)).toEqual(before);
    });
  });
});
