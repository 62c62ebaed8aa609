import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli, type CliIo } from '../../cli.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { enterpriseRows, importWorkbook } from './import-fixtures.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-import-cli-'));
const env = {
  JINKE_DATA_DIR: path.join(dir, 'data'),
  JINKE_SM4_KEY: '0123456789abcdef0123456789abcdef',
  LOG_LEVEL: 'silent',
};

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: (async function* () {})(),
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

async function enterpriseCount(): Promise<number> {
  const db = await openDatabase({
    dataDir: env.JINKE_DATA_DIR,
    databaseUrl: process.env.DATABASE_URL ?? null,
  });
  try {
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM enterprises');
    return Number(rows[0]!.n);
  } finally {
    await db.close();
  }
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke import / export', () => {
  const rows = enterpriseRows(3, 61);
  const file = path.join(dir, 'enterprises.xlsx');

  it('lists each bad row, writes nothing and exits 1 when a file has a bad row', async () => {
    fs.writeFileSync(
      file,
      await importWorkbook('enterprises', [rows[0]!, { ...rows[1]!, industryCode: '9999' }, rows[2]!]),
    );
    const result = await run('import', 'enterprises', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 of 3 rows are invalid; nothing was imported');
    expect(result.stderr).toMatch(/row 4\t国民经济行业代码 "9999": GB\/T 4754-2017 中没有代码 9999/);
    expect(await enterpriseCount()).toBe(0);
  });

  it('prints "imported N rows" and exits 0 when every row is good', async () => {
    fs.writeFileSync(file, await importWorkbook('enterprises', rows));
    const result = await run('import', 'enterprises', file);
    expect(result).toMatchObject({ code: 0, stdout: 'imported 3 rows\n' });
    expect(await enterpriseCount()).toBe(3);
  });

  it('exports the rows a filter selects to a workbook with the template headers', async () => {
    const out = path.join(dir, 'out.xlsx');
    const result = await run('export', 'enterprises', out, '--town', '350582101');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('exported 1 rows');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码*');
    expect(sheet.getRow(3).getCell(1).value).toBe(rows[0]!.uscc);
    expect(sheet.actualRowCount).toBe(3);
  });

  it('exports talents, carriers and banks by the same command, with their list filters', async () => {
    const out = path.join(dir, 'talents.xlsx');
    const result = await run('export', 'talents', out, '--kind', 'team', '--year', '2017');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('exported 0 rows');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.name).toBe('人才与创业团队');
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('kind');
    const wrong = await run('export', 'banks', path.join(dir, 'x.xlsx'), '--town', '350582101');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--town is not a filter of banks');
  });

  it('refuses an unknown kind and a filter the kind does not take with a usage error', async () => {
    expect((await run('import', 'banks', file)).code).toBe(2);
    const wrong = await run('export', 'enterprises', path.join(dir, 'x.xlsx'), '--status', 'granted');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--status is not a filter of enterprises');
    const bad = await run('export', 'enterprises', path.join(dir, 'x.xlsx'), '--town', '12');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('town');
  });
});
