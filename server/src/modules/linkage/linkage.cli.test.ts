/**
 * `jinke linkage overdue` on a file-backed database holding one overdue problem, one not yet due and one resolved
 * after its due date: it lists only the overdue one, on screen or as a workbook with a total row; a file that is
 * no .xlsx exits 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { daysLate } from './linkage.export.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, run } = cliSandbox('linkage');

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    const e = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000001X', '甲鞋业有限公司', '350582101')
       RETURNING id`,
    );
    const u = await db.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ('lead', '王局长', 'x', 'leader'),
         ('off', '李科员', 'x', 'officer') RETURNING id`,
    );
    const [leader, officer] = u.rows.map((r) => r.id) as [string, string];
    const v = await db.query<{ id: string }>(
      `INSERT INTO linkage_visits (enterprise_id, leader_id, visited_on, summary) VALUES ($1, $2, '2020-01-01', '走访')
       RETURNING id`,
      [e.rows[0]!.id, leader],
    );
    await db.query(
      `INSERT INTO linkage_problems (enterprise_id, visit_id, title, category, assignee_id, department, raised_on,
         due_on, status, resolution, resolved_on)
       VALUES ($1, $2, '申报高企需要辅导', 'policy', $3, '高新科', '2020-01-01', '2020-02-01', 'in_progress', NULL, NULL),
              ($1, $2, '远期问题', 'other', NULL, NULL, '2020-01-01', '2099-12-31', 'open', NULL, NULL),
              ($1, $2, '已解决的问题', 'ip', NULL, NULL, '2020-01-01', '2020-02-01', 'resolved', '已办', '2020-03-01')`,
      [e.rows[0]!.id, v.rows[0]!.id, officer],
    );
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke linkage overdue', () => {
  it('lists the overdue problems, most overdue first', async () => {
    const today = chinaDate(new Date());
    const result = await run('linkage', 'overdue');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `逾期问题 Overdue problems as of ${today}: 1\n` +
        `2020-02-01\t+${daysLate('2020-02-01', today)}d\t甲鞋业有限公司\t安海镇\t申报高企需要辅导\t王局长\t李科员\n`,
    );
  });

  it('writes the list as a workbook with a total row', async () => {
    const out = path.join(dir, 'overdue.xlsx');
    const result = await run('linkage', 'overdue', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote 1 overdue problem (as of ${chinaDate(new Date())}) to ${out}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('问题');
    expect([2, 4, 6, 7, 8, 10, 12].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([
      '甲鞋业有限公司',
      '申报高企需要辅导',
      '王局长',
      '李科员',
      '高新科',
      '2020-02-01',
      '办理中',
    ]);
    expect(sheet.getRow(3).getCell(1).value).toBe('合计 1');
  });

  it('refuses an output file that is no .xlsx', async () => {
    const result = await run('linkage', 'overdue', '--out', path.join(dir, 'x.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the output file must end in .xlsx, got');
  });
});
