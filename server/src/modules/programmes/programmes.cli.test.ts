/**
 * `jinke calls list` on a file-backed database holding the demo's open call (seeded twice: idempotent) and one
 * draft: all calls, latest closing day first; `--status open` keeps the open one; an unknown status exits 2.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { systemContext } from '../../platform/context.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { demoCallTitle, seedProgrammesDemo } from './programmes.seed.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, run } = cliSandbox('calls');
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    const deps = { db, clock: () => new Date() };
    await seedProgrammesDemo(deps, systemContext('test'));
    await seedProgrammesDemo(deps, systemContext('test'));
    await db.query(
      `INSERT INTO programme_calls (kind, title, year, opens_on, closes_on, budget_fen, created_at)
       VALUES ('contest', '创新创业大赛', 2018, '2018-03-01', '2018-04-30', 1234567, now())`,
    );
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke calls list', () => {
  const today = chinaDate(new Date());
  const open = `open\t${shift(today, 30)}\t${shift(today, -10)}\tscience_plan\tv1\t0\t8100000.00元\t${demoCallTitle(Number(today.slice(0, 4)))}\n`;

  it('lists every call, latest closing day first', async () => {
    const result = await run('calls', 'list');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `申报通知 Calls: 2\n${open}draft\t2018-04-30\t2018-03-01\tcontest\t-\t0\t12345.67元\t创新创业大赛\n`,
    );
  });

  it('keeps one status with --status', async () => {
    const result = await run('calls', 'list', '--status', 'open');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`申报通知 Calls: 1\n${open}`);
  });

  it('refuses an unknown status', async () => {
    const result = await run('calls', 'list', '--status', 'pending');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--status must be one of draft, open, closed, got "pending"');
  });
});
