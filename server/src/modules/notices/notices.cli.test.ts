/**
 * The demo notices (seeded twice: idempotent) and `jinke notices results` on a file-backed database: the finished
 * call's three confirmed results as CSV and JSON; the running call's notice is public now; a bad year exits 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { shiftDay } from '@jinke/core/notices/rules.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { systemContext } from '../../platform/context.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { seedProgrammesDemo } from '../programmes/index.ts';
import { demoNoticeCallTitles, seedNoticesDemo } from './notices.seed.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, run } = cliSandbox('notices');
const today = chinaDate(new Date());
const year = Number(today.slice(0, 4));
let notices: { title: string; starts_on: string; ends_on: string; entries: number }[] = [];
let deciding: string[] = [];

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    for (let i = 1; i <= 11; i++)
      await db.query(`INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, '350582101')`, [
        `91350582MA${String(i).padStart(7, '0')}X`,
        `演示企业${i}有限公司`,
      ]);
    const deps = { db, clock: () => new Date() };
    await seedProgrammesDemo(deps, systemContext('test'));
    await seedNoticesDemo(deps, systemContext('test'));
    await seedNoticesDemo(deps, systemContext('test'));
    notices = (
      await db.query<{ title: string; starts_on: string; ends_on: string; entries: number }>(
        `SELECT n.title, n.starts_on::text AS starts_on, n.ends_on::text AS ends_on,
                (SELECT count(*)::int FROM programme_notice_entries x WHERE x.notice_id = n.id) AS entries
           FROM programme_notices n ORDER BY n.starts_on`,
      )
    ).rows;
    deciding = (
      await db.query<{ phase: string }>(
        `SELECT a.phase FROM programme_applications a JOIN programme_calls c ON c.id = a.call_id
          WHERE c.kind = 'talent_team' ORDER BY a.id`,
      )
    ).rows.map((r) => r.phase);
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('demo notices and jinke notices results', () => {
  const titles = demoNoticeCallTitles(year);

  it('seeds one finished notice and one running now, once', () => {
    expect(notices).toEqual([
      {
        title: `关于${titles.finished}拟立项项目的公示`,
        starts_on: shiftDay(today, -120),
        ends_on: shiftDay(today, -114),
        entries: 3,
      },
      {
        title: `关于${titles.running}拟立项项目的公示`,
        starts_on: shiftDay(today, -2),
        ends_on: shiftDay(today, 4),
        entries: 3,
      },
    ]);
  });

  it('seeds a call whose three applications await the decision', async () => {
    expect(deciding).toEqual(['decision', 'decision', 'decision']);
  });

  it('writes the confirmed results as CSV', async () => {
    const out = path.join(dir, 'results.csv');
    const result = await run('notices', 'results', '--year', String(year), '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`wrote 3 programme results (CSV) to ${out}\n`);
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFapplication_id,call_id,call_title,year,enterprise,uscc,project_title,amount_fen,amount_yuan,status,confirmed_on',
    );
    expect(lines.slice(1, 4).map((l) => l.split(',').slice(3).join(','))).toEqual([
      `${year},演示企业5有限公司,91350582MA0000005X,智能鞋底成型装备研发及应用,80000000,800000.00,approved,${shiftDay(today, -113)}`,
      `${year},演示企业6有限公司,91350582MA0000006X,卫生用品高速生产线关键技术,60000000,600000.00,approved,${shiftDay(today, -113)}`,
      `${year},演示企业7有限公司,91350582MA0000007X,新型环保涂料制备工艺,40000000,400000.00,approved,${shiftDay(today, -113)}`,
    ]);
    expect(lines[4]).toBe('');
  });

  it('writes JSON, and nothing for another year', async () => {
    const out = path.join(dir, 'results.json');
    const result = await run('notices', 'results', '--year', String(year - 1), '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual({ year: year - 1, items: [] });
  });

  it('refuses a bad year or format', async () => {
    const bad = await run('notices', 'results', '--year', '17', '--out', path.join(dir, 'x.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--year must be a year 1980–2100, got "17"');
    const format = await run('notices', 'results', '--out', path.join(dir, 'x.txt'));
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format csv|json is required');
  });
});
