/**
 * `jinke towns assessment` on a file-backed database: 安海镇 has one valid HNTE against a town target of 2 and the
 * year's only weight is HNTE 40, so its score is 1 ÷ 2 × 40 = 20 and it ranks first. With --town the file is that
 * town's sheet; without, the ranking sheet and every town's sheet. An unknown town or a year without figures exits 1
 * with no file; bad arguments exit 2.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { openDatabase } from '../../platform/db/index.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const ANHAI = '350582101';
const { dir, env, file, run } = cliSandbox('towns');

async function sheets(name: string): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file(name));
  return workbook.worksheets;
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000001X', '甲鞋业有限公司', $1) RETURNING id`,
      [ANHAI],
    );
    await db.query(`INSERT INTO enterprise_years (enterprise_id, year) VALUES ($1, 2018)`, [rows[0]!.id]);
    await db.query(
      `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
       VALUES ('enterprise', $1, 'hnte', 'GR201735000001', '2017-10-20', '2020-10-19')`,
      [rows[0]!.id],
    );
    await db.query(
      `INSERT INTO indicator_targets (indicator_id, year, town_code, value) VALUES
         ('hnte.valid', 2018, '', 5), ('hnte.valid', 2018, $1, 2), ('hnte.valid', 2018, '350582102', 3)`,
      [ANHAI],
    );
    await db.query(
      `INSERT INTO town_assessment_weights (year, indicator_id, weight, position) VALUES (2018, 'hnte.valid', 40, 0)`,
    );
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke towns assessment', () => {
  it('writes one town’s sheet with --town', async () => {
    const result = await run(
      'towns',
      'assessment',
      '--year',
      '2018',
      '--town',
      ANHAI,
      '--out',
      file('anhai.xlsx'),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `wrote the 2018 town assessment of 安海镇 (score 20.00, rank 1 of 22) to ${file('anhai.xlsx')}`,
    );
    const [sheet, ...rest] = await sheets('anhai.xlsx');
    expect(rest).toEqual([]);
    expect(sheet!.name).toBe('安海镇');
    expect(sheet!.getRow(3).values).toEqual([undefined, 1, '有效高新技术企业', '家', 1, 2, 50, 40, 120, 20]);
    expect(sheet!.getRow(5).getCell(3).value).toBe('第 1 名 / 共 22 个镇（街道）');
  });

  it('writes the ranking and every town’s sheet without --town', async () => {
    const result = await run('towns', 'assessment', '--year', '2018', '--out', file('all.xlsx'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('wrote the 2018 town assessment of 22 towns');
    const all = await sheets('all.xlsx');
    expect(all).toHaveLength(23);
    expect(all[0]!.name).toBe('2018年 镇街考核排名');
    expect(all[0]!.getRow(2).values).toEqual([undefined, 1, '安海镇', ANHAI, 20, '是', 50]);
    // Every other town scores 0 and shares rank 2, in code order: 青阳街道 has no target (incomplete); 磁灶镇 has
    // a target of 3 and no HNTE: 0 %, complete.
    expect(all[0]!.getRow(3).values).toEqual([undefined, 2, '青阳街道', '350582001', 0, '否', '缺数据']);
    const cizao = all[0]!.getRows(2, 22)!.find((r) => r.getCell(3).value === '350582102');
    expect(cizao?.values).toEqual([undefined, 2, '磁灶镇', '350582102', 0, '是', 0]);
  });

  it('exits 1 for an unknown town or a year without figures, writing no file', async () => {
    const unknown = await run(
      'towns',
      'assessment',
      '--year',
      '2018',
      '--town',
      '350582999',
      '--out',
      file('x.xlsx'),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('资源不存在');
    const none = await run('towns', 'assessment', '--year', '2030', '--out', file('x.xlsx'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There are no figures for 2030');
    expect(fs.existsSync(file('x.xlsx'))).toBe(false);
  });

  it('refuses bad arguments with a usage error', async () => {
    const noOut = await run('towns', 'assessment', '--year', '2018');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE.xlsx is required');
    const docx = await run('towns', 'assessment', '--year', '2018', '--out', file('a.docx'));
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('must end in .xlsx');
    const year = await run('towns', 'assessment', '--year', '18', '--out', file('a.xlsx'));
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year must be a year (YYYY), got "18"');
    const town = await run('towns', 'assessment', '--year', '2018', '--town', 'abc', '--out', file('a.xlsx'));
    expect(town.code).toBe(2);
    expect(town.stderr).toContain('--town must be a 9-digit town code, got "abc"');
    const group = await run('towns');
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('towns needs one of: assessment');
  });
});
