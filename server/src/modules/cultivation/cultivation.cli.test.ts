/**
 * `jinke pipeline export`, `jinke ledger export|import` and `jinke assessment report` on a file-backed database: each
 * writes the API's file (opened and read back here), audited as the system's; bad arguments exit 2, an unknown
 * enterprise or assessment exits 1 with no file, and a bad ledger file names its rows and writes nothing.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliSandbox } from '../../../test/cli-sandbox.ts';
import { ledgerEntryColumns, ledgerProjectColumns } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { createUser } from '../../../test/harness.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { openDatabase, type Database } from '../../platform/db/index.ts';
import { eligibleHnteInput } from './assessments.fixtures.ts';
import { assessmentsService } from './assessments.service.ts';
import { countRows, insertEnterprise, ledgerUscc, type LedgerEnterpriseRef } from './ledger.fixtures.ts';
import { insertEntries, insertProject } from './ledger.repo.ts';

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const { dir, env, file, run } = cliSandbox('cultivation');
const WAN = 1_000_000;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: env.JINKE_DATA_DIR, databaseUrl: null });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The newest audit entry of `action`: who acted and the request id. */
async function lastAudit(action: string) {
  return withDb(async (db) => {
    const { rows } = await db.query<{
      actor_id: string | null;
      request_id: string;
      changes: Record<string, unknown>;
    }>('SELECT actor_id, request_id, changes FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1', [
      action,
    ]);
    return rows[0];
  });
}

async function readWorkbook(name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(name);
  return workbook;
}

type Row = Record<string, string | number>;

/** A workbook laid out like the ledger template: Chinese headers, the key row, then the rows. */
async function ledgerWorkbook(name: string, projects: Row[], entries: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, columns, rows] of [
    ['研发项目', ledgerProjectColumns, projects],
    ['研发费用明细', ledgerEntryColumns, entries],
  ] as const) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow(columns.map((c) => c.header));
    ws.addRow(columns.map((c) => c.key));
    for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null));
  }
  await wb.xlsx.writeFile(file(name));
  return file(name);
}

const goodProjects: Row[] = [
  {
    code: 'RD-1',
    name: '自主研发项目',
    kind: '自主研发',
    startsOn: '2023-01-01',
    endsOn: '2023-12-31',
    capitalised: '否',
  },
];
const goodEntries: Row[] = [
  { projectCode: 'RD-1', month: '2023-03', category: '人员人工', amount: '30000.00', voucherNo: '记-1' },
  { projectCode: 'RD-1', month: '2023-04', category: 'other', amount: 2000.5 },
];

let pipelineEnterprise: LedgerEnterpriseRef;
let exported: LedgerEnterpriseRef;
let assessmentId = '';

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  await withDb(async (db) => {
    await prepareDatabase(db);
    // The only enterprise of its town, a pipeline candidate: three years of 2,000万 sales and 100万 R&D (5 %).
    pipelineEnterprise = await insertEnterprise(db, { townCode: '350582102', industryCode: '3911' });
    for (const year of [2023, 2024, 2025])
      await db.query(
        `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, rd_fen, staff, tech_staff, net_assets_fen)
         VALUES ($1, $2, $3, $4, 100, 20, $5)`,
        [pipelineEnterprise.id, year, 2_000 * WAN, 100 * WAN, 500 * WAN],
      );
    // A ledger with one project and two entries.
    exported = await insertEnterprise(db);
    const projectId = await insertProject(
      db,
      exported.id,
      {
        code: 'RD2023-07',
        name: '智能交通信号控制系统研发',
        kind: 'own',
        startsOn: '2023-01-01',
        endsOn: '2023-12-31',
        capitalised: false,
        payeeType: null,
        relatedParty: false,
        contractRegistered: null,
        contractor: null,
        note: null,
      },
      null,
      new Date(),
    );
    const entry = { projectId, year: 2023, nonTaxable: false, voucherNo: null, note: null } as const;
    await insertEntries(
      db,
      exported.id,
      [
        { ...entry, month: 3, category: 'staff', amountFen: 8_500_000 },
        { ...entry, month: 4, category: 'staff', amountFen: 8_600_000 },
      ],
      null,
      new Date(),
    );
    // A saved 高企 self-assessment, by an officer.
    const reported = await insertEnterprise(db);
    await db.query(`UPDATE enterprises SET name = '晋江命令行体检科技有限公司' WHERE id = $1`, [reported.id]);
    const officer = await createUser(db, { role: 'officer' });
    const clock = () => new Date('2026-11-26T02:00:00Z');
    const saved = await assessmentsService({ db, clock }).create(
      {
        actor: {
          userId: officer.id,
          username: officer.username,
          role: 'officer',
          scopeType: null,
          scopeId: null,
          sections: [],
        },
        requestId: 'test',
        ip: null,
        locale: 'zh-CN',
      },
      { kind: 'hnte', enterpriseId: reported.id, input: eligibleHnteInput() },
    );
    assessmentId = saved.id;
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke pipeline export', () => {
  it('writes the pipeline workbook of the town, ranked with its gaps, and audits it as the system', async () => {
    const out = file('pipeline.xlsx');
    const result = await run('pipeline', 'export', out, '--year', '2026', '--town', '350582102');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/exported the 2026 pipeline: 1 enterprises, 0 expiring certificates/);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2026年度培育库', '一年内到期高企']);
    const list = workbook.worksheets[0]!;
    expect(list.getRow(1).getCell(2).value).toBe('企业名称');
    expect(list.getRow(2).getCell(2).value).toBe(pipelineEnterprise.name);
    expect(list.getRow(2).getCell(3).value).toBe(pipelineEnterprise.uscc);
    expect(list.getRow(2).getCell(10).value).toBe(20_000_000);
    expect(list.actualRowCount).toBe(2);
    const audit = await lastAudit('cultivation.pipeline_exported');
    expect(audit).toMatchObject({ actor_id: null, changes: { rows: 1 } });
    expect(audit?.request_id).toMatch(/^cli-pipeline-export-/);
  });

  it('refuses a malformed filter and a file that is no .xlsx with a usage error, writing nothing', async () => {
    const town = await run('pipeline', 'export', file('bad.xlsx'), '--town', '12');
    expect(town.code).toBe(2);
    expect(town.stderr).toContain('--town');
    const industry = await run('pipeline', 'export', file('bad.xlsx'), '--industry', '9x');
    expect(industry.code).toBe(2);
    expect(industry.stderr).toContain('must be a section letter or a 2–4 digit industry code');
    const year = await run('pipeline', 'export', file('bad.xlsx'), '--year', 'abc');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year must be a year (YYYY), got "abc"');
    const csv = await run('pipeline', 'export', file('bad.csv'));
    expect(csv).toMatchObject({ code: 2 });
    expect(csv.stderr).toContain('must end in .xlsx');
    expect((await run('pipeline', 'export')).code).toBe(2);
    expect(fs.existsSync(file('bad.xlsx')) || fs.existsSync(file('bad.csv'))).toBe(false);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke ledger export', () => {
  it('writes the enterprise’s ledger in the template’s form, found by its credit code', async () => {
    const out = file('ledger-out.xlsx');
    const result = await run('ledger', 'export', exported.uscc, out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`exported the ledger of ${exported.name} (2 entries)`);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['研发项目', '研发费用明细']);
    const projects = workbook.getWorksheet('研发项目')!;
    expect(projects.getRow(1).getCell(1).value).toBe('项目编号*');
    expect(projects.getRow(3).getCell(1).value).toBe('RD2023-07');
    expect(projects.getRow(3).getCell(2).value).toBe('智能交通信号控制系统研发');
    const entries = workbook.getWorksheet('研发费用明细')!;
    expect(entries.getRow(3).getCell(1).value).toBe('RD2023-07');
    expect(entries.getRow(3).getCell(2).text).toBe('2023-03');
    expect(entries.getRow(4).getCell(4).text).toContain('86000');
    const audit = await lastAudit('ledger.exported');
    expect(audit).toMatchObject({ actor_id: null, changes: { entries: 2, projects: 1 } });
    expect(audit?.request_id).toMatch(/^cli-ledger-export-/);
  });

  it('refuses a malformed credit code or year with a usage error', async () => {
    const uscc = await run('ledger', 'export', '91350582MA0000000', file('x.xlsx'));
    expect(uscc.code).toBe(2);
    expect(uscc.stderr).toContain(
      '不是有效的统一社会信用代码：应为18位，实为17位 / is not a valid credit code: Must have 18 characters, got 17',
    );
    const year = await run('ledger', 'export', exported.uscc, file('x.xlsx'), '--year', '1999');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year');
    expect(fs.existsSync(file('x.xlsx'))).toBe(false);
  });

  it('names an unregistered credit code, exits 1 and writes no file', async () => {
    const uscc = ledgerUscc();
    const result = await run('ledger', 'export', uscc, file('none.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `jinke: 主体库中没有统一社会信用代码为 ${uscc} 的企业 / No enterprise with the credit code ${uscc} is registered`,
    );
    expect(fs.existsSync(file('none.xlsx'))).toBe(false);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke ledger import', () => {
  it('imports a filled-in template in one transaction, without a creator, audited as the system', async () => {
    const e = await withDb((db) => insertEnterprise(db));
    const input = await ledgerWorkbook('good.xlsx', goodProjects, goodEntries);
    const result = await run('ledger', 'import', e.uscc, input);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `imported the ledger of ${e.name}: 1 projects created, 0 updated, 2 entries written`,
    );
    await withDb(async (db) => {
      expect(await countRows(db, 'rd_projects', e.id)).toBe(1);
      expect(await countRows(db, 'rd_ledger_entries', e.id)).toBe(2);
      const { rows } = await db.query<{ created_by: string | null; amount_fen: string }>(
        'SELECT created_by, amount_fen FROM rd_ledger_entries WHERE enterprise_id = $1 ORDER BY month',
        [e.id],
      );
      expect(rows.map((r) => [r.created_by, Number(r.amount_fen)])).toEqual([
        [null, 3_000_000],
        [null, 200_050],
      ]);
    });
    const audit = await lastAudit('ledger.imported');
    expect(audit).toMatchObject({ actor_id: null, changes: { entriesCreated: 2, fileName: 'good.xlsx' } });
    expect(audit?.request_id).toMatch(/^cli-ledger-import-/);
  });

  it('lists each bad row with its sheet, row and column, exits 1 and writes nothing', async () => {
    const e = await withDb((db) => insertEnterprise(db));
    const input = await ledgerWorkbook('bad.xlsx', goodProjects, [
      goodEntries[0]!,
      { projectCode: 'RD-1', month: '2023-05', category: '人员人工', amount: '三千' },
      { projectCode: 'RD-9', month: '2023-06', category: '人员人工', amount: '100' },
    ]);
    const result = await run('ledger', 'import', e.uscc, input);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '共 4 行，其中 2 行有错，未导入任何数据 / 2 of 4 rows are invalid; nothing was imported:',
    );
    expect(result.stderr).toMatch(/研发费用明细 row 4\t金额（元）\* "三千": /);
    expect(result.stderr).toContain(
      '研发费用明细 row 5\t项目编号* "RD-9": 项目 RD-9 不在“研发项目”工作表中，也不是已有项目 / project RD-9 is neither in the projects sheet nor recorded',
    );
    const text = file('not-a-workbook.xlsx');
    fs.writeFileSync(text, 'uscc,name\n');
    const unreadable = await run('ledger', 'import', e.uscc, text);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('文件无法读取');
    expect(unreadable.stderr).toContain('The file cannot be read');
    await withDb(async (db) => {
      expect(await countRows(db, 'rd_projects', e.id)).toBe(0);
      expect(await countRows(db, 'rd_ledger_entries', e.id)).toBe(0);
    });
  });

  it('refuses a malformed credit code or a missing file with a usage error', async () => {
    const input = await ledgerWorkbook('args.xlsx', goodProjects, goodEntries);
    const uscc = await run('ledger', 'import', 'not-a-code', input);
    expect(uscc.code).toBe(2);
    expect(uscc.stderr).toContain('不是有效的统一社会信用代码');
    const missing = await run('ledger', 'import', exported.uscc, file('missing.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await run('ledger', 'import', exported.uscc)).code).toBe(2);
  });

  it('names an unregistered credit code, exits 1 and writes nothing', async () => {
    const uscc = ledgerUscc();
    const input = await ledgerWorkbook('unknown.xlsx', goodProjects, goodEntries);
    const before = await withDb(
      async (db) => (await db.query<{ n: string }>('SELECT count(*) AS n FROM rd_projects')).rows[0]!.n,
    );
    const result = await run('ledger', 'import', uscc, input);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No enterprise with the credit code ${uscc} is registered`);
    const after = await withDb(
      async (db) => (await db.query<{ n: string }>('SELECT count(*) AS n FROM rd_projects')).rows[0]!.n,
    );
    expect(after).toBe(before);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('jinke assessment report', () => {
  async function documentText(name: string): Promise<string> {
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(name))
    )
      .file('word/document.xml')!
      .async('string');
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  }

  it('writes the saved assessment’s health-check report as a Word document', async () => {
    const out = file('report.docx');
    const result = await run('assessment', 'report', assessmentId, out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('wrote the health-check report of 晋江命令行体检科技有限公司');
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const text = await documentText(out);
    expect(text).toContain('高新技术企业培育体检报告');
    expect(text).toContain('晋江命令行体检科技有限公司');
    expect(text).toContain('综合得分 78 分（需 ≥ 71 分）');
  });

  it('refuses an id that is no UUID and a file that is no .docx with a usage error', async () => {
    const id = await run('assessment', 'report', '42', file('r.docx'));
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('<assessment-id> must be an assessment id (a UUID), got "42"');
    const docx = await run('assessment', 'report', assessmentId, file('r.xlsx'));
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('must end in .docx');
    expect(fs.existsSync(file('r.docx')) || fs.existsSync(file('r.xlsx'))).toBe(false);
  });

  it('says an unknown assessment does not exist, exits 1 and writes no file', async () => {
    const result = await run('assessment', 'report', randomUUID(), file('unknown.docx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'jinke: 评估记录不存在或您无权查看 / No such assessment, or not yours to see',
    );
    expect(fs.existsSync(file('unknown.docx'))).toBe(false);
  });
});
