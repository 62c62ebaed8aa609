/**
 * `jinke report annual` on a file-backed database holding one above-scale enterprise of 2017 and nothing else: it
 * writes the Word document (figures of zero are real counts; the unreported population is marked missing); a year
 * without figures exits 1 with no file; a missing --out, a file that is no .docx or a bad --year exits 2.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { openDatabase } from '../../platform/db/index.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, file, run } = cliSandbox('indicators');

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    await prepareDatabase(db);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000001X', '甲鞋业有限公司', '350582101')
       RETURNING id`,
    );
    await db.query(
      `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, above_scale) VALUES ($1, 2017, 3000000000, true)`,
      [rows[0]!.id],
    );
  } finally {
    await db.close();
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke report annual', () => {
  it('writes the year’s summary as a Word document', async () => {
    const out = file('summary.docx');
    const result = await run('report', 'annual', '--year', '2017', '--out', out, '--number', '7');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote the 2017 annual summary (晋科〔2018〕7号) to ${out}`);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(out))
    )
      .file('word/document.xml')!
      .async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('晋江市科技和知识产权局文件');
    expect(text).toContain('晋科〔2018〕7号');
    expect(text).toContain(
      '全年专利申请0件，居全省县域第【数据缺失：专利申请量全省县（市）排名】；授权0件，' +
        '居全省县域第【数据缺失：专利授权量全省县（市）排名】；' +
        '年末有效发明专利0件，每万人口发明专利拥有量【数据缺失：每万人口发明专利拥有量】。',
    );
    expect(text).toContain('全市规上工业企业1家');
    expect(text).toContain('【数据缺失：2018年目标】');
  });

  it('says a year without figures has none, exits 1 and writes no file', async () => {
    const result = await run('report', 'annual', '--year', '2030', '--out', file('none.docx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2030 年没有指标数据（有数据的年度：2017–2017）');
    expect(result.stderr).toContain('There are no figures for 2030');
    expect(fs.existsSync(file('none.docx'))).toBe(false);
  });

  it('refuses a missing --out, a file that is no .docx and a bad --year or --number with a usage error', async () => {
    const noOut = await run('report', 'annual', '--year', '2017');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE.docx is required');
    const pdf = await run('report', 'annual', '--year', '2017', '--out', file('summary.pdf'));
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('must end in .docx');
    const year = await run('report', 'annual', '--year', 'abc', '--out', file('x.docx'));
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year must be a year (YYYY), got "abc"');
    expect((await run('report', 'annual', '--out', file('x.docx'))).code).toBe(2);
    const number = await run('report', 'annual', '--year', '2017', '--out', file('x.docx'), '--number', '0');
    expect(number.code).toBe(2);
    expect(number.stderr).toContain('--number');
    expect(fs.existsSync(file('x.docx')) || fs.existsSync(file('summary.pdf'))).toBe(false);
  });
});
