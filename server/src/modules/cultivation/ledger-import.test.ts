import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntryColumns, ledgerProjectColumns } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { XLSX_CONTENT_TYPE } from '../../platform/xlsx.ts';
import { EN, addEntry, countRows, createProject, enterpriseUser, insertEnterprise, type LedgerEnterpriseRef } from './ledger.fixtures.ts';

let t: TestContext;
let mine: LedgerEnterpriseRef;
let me: Client;

const XLSX = { 'content-type': XLSX_CONTENT_TYPE };
type Row = Record<string, string | number>;

/** A workbook laid out like the template: Chinese headers, the key row, then `rows`. */
async function workbook(projects: Row[] | null, entries: Row[] | null, extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, columns: typeof ledgerProjectColumns, rows: Row[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(columns.map((c) => c.header));
    ws.addRow(columns.map((c) => c.key));
    for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null));
  };
  if (projects) sheet('研发项目', ledgerProjectColumns, projects);
  if (entries) sheet('研发费用明细', ledgerEntryColumns, entries);
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (c: Client, body: Buffer, headers: Record<string, string> = {}) =>
  c.post('/api/cultivation/ledger/import?fileName=ledger.xlsx', body, { ...XLSX, ...headers });

async function sheetsOf(payload: Buffer): Promise<Map<string, (string | null)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const out = new Map<string, (string | null)[][]>();
  wb.eachSheet((ws) => {
    const rows: (string | null)[][] = [];
    ws.eachRow((row) => {
      const cells: (string | null)[] = [];
      for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text || null);
      rows.push(cells);
    });
    out.set(ws.name, rows);
  });
  return out;
}

const goodProjects: Row[] = [
  { code: 'RD-1', name: '自主研发项目', kind: '自主研发', startsOn: '2023-01-01', endsOn: '2023-12-31', capitalised: '否' },
  { code: 'EX-1', name: '委托境外研发', kind: '委托境外研发', startsOn: '2023-01-01', payeeType: '机构', contractRegistered: '是', contractor: 'Example GmbH' },
];
const goodEntries: Row[] = [
  { projectCode: 'RD-1', month: '2023-03', category: '人员人工', amount: '30000.00', voucherNo: '记-1' },
  { projectCode: 'RD-1', month: '2023年4月', category: 'other', amount: 2000.5 },
  { projectCode: 'EX-1', month: '2023-05', category: '委托研发', amount: '10000' },
];

beforeAll(async () => {
  t = await createTestApp();
  mine = await insertEnterprise(t.db);
  me = await enterpriseUser(t, mine);
});
afterAll(() => t.close());

describe('the ledger template', () => {
  it('has the two data sheets with Chinese headers over hidden keys, a 说明 sheet and every category explained', async () => {
    const res = await me.get('/api/cultivation/ledger/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['研发项目', '研发费用明细', '说明', '费用类别']);
    const entries = wb.getWorksheet('研发费用明细')!;
    expect(entries.getRow(1).getCell(1).value).toBe('项目编号*');
    expect(entries.getRow(2).getCell(3).value).toBe('category');
    expect(entries.getRow(2).hidden).toBe(true);
    const categories = await sheetsOf(res.rawPayload);
    const rows = categories.get('费用类别')!;
    expect(rows).toHaveLength(1 + 17);
    expect(rows.find((r) => r[1] === 'building_depreciation')?.[4]).toContain('不计入');
    expect(rows.find((r) => r[1] === 'subsidy_netted')?.[4]).toContain('扣减');
  });
});

describe('importing a ledger', () => {
  it('creates projects and entries in one go and audits the file', async () => {
    const res = await upload(me, await workbook(goodProjects, goodEntries));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      projectsCreated: 2,
      projectsUpdated: 0,
      entriesCreated: 3,
      entriesReplaced: 0,
      replaced: [
        { projectCode: 'RD-1', year: 2023 },
        { projectCode: 'EX-1', year: 2023 },
      ],
    });
    const projects = (await me.get('/api/cultivation/ledger/projects')).json().items;
    expect(projects.find((p: { code: string }) => p.code === 'EX-1')).toMatchObject({
      kind: 'entrusted_overseas',
      payeeType: 'organisation',
      contractRegistered: true,
      contractor: 'Example GmbH',
      totalFen: 1_000_000,
    });
    const entries = (await me.get('/api/cultivation/ledger/entries?year=2023')).json();
    expect(entries).toMatchObject({ total: 3, sumFen: 3_000_000 + 200_050 + 1_000_000 });
    const { rows } = await t.db.query<{ changes: { fileName: string; entriesCreated: number } }>(
      "SELECT changes FROM audit_log WHERE action = 'ledger.imported' AND entity_id = $1",
      [mine.id],
    );
    expect(rows[0]!.changes).toMatchObject({ fileName: 'ledger.xlsx', entriesCreated: 3 });
  });

  it('replaces the entries of the projects and years in the file and keeps the others', async () => {
    const p = await createProject(me, { code: 'KEEP', startsOn: '2022-01-01', endsOn: '2023-12-31' });
    await addEntry(me, p.id, '2022-06', 'staff', 111);
    await addEntry(me, p.id, '2023-06', 'staff', 222);
    const res = await upload(me, await workbook([], [{ projectCode: 'KEEP', month: '2023-07', category: '直接投入', amount: '3.33' }]));
    expect(res.json()).toMatchObject({ projectsCreated: 0, entriesCreated: 1, entriesReplaced: 1, replaced: [{ projectCode: 'KEEP', year: 2023 }] });
    const left = (await me.get(`/api/cultivation/ledger/entries?projectId=${p.id}`)).json().items;
    expect(left.map((e: { month: string; amountFen: number }) => [e.month, e.amountFen])).toEqual([
      ['2022-06', 111],
      ['2023-07', 333],
    ]);
  });

  it('exports the ledger in the template’s form, and the export imports again to the same figures', async () => {
    const exported = await me.get('/api/cultivation/ledger/export.xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('filename*=UTF-8');
    const sheets = await sheetsOf(exported.rawPayload);
    expect(sheets.get('研发费用明细')!.slice(2).map((r) => r.slice(0, 4))).toContainEqual(['RD-1', '2023-04', '其他费用', '2000.5']);
    const before = (await me.get('/api/cultivation/ledger/summary?year=2023')).json();

    // Into the same enterprise: nothing changes.
    const again = await upload(me, exported.rawPayload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ projectsCreated: 0, projectsUpdated: 0 });
    expect(again.json().entriesCreated).toBe(again.json().entriesReplaced);
    expect((await me.get('/api/cultivation/ledger/summary?year=2023')).json().years).toEqual(before.years);

    // Into another enterprise: the same projects, entries and figures.
    const twin = await insertEnterprise(t.db);
    const twinUser = await enterpriseUser(t, twin);
    expect((await upload(twinUser, exported.rawPayload)).statusCode).toBe(200);
    expect((await twinUser.get('/api/cultivation/ledger/summary?year=2023')).json().years).toEqual(before.years);
    const twinExport = await sheetsOf((await twinUser.get('/api/cultivation/ledger/export.xlsx')).rawPayload);
    expect(twinExport.get('研发费用明细')).toEqual(sheets.get('研发费用明细'));
    expect(twinExport.get('研发项目')).toEqual(sheets.get('研发项目'));
  });

  it('exports one year only when asked', async () => {
    const sheets = await sheetsOf((await me.get('/api/cultivation/ledger/export.xlsx?year=2022')).rawPayload);
    expect(sheets.get('研发费用明细')!.slice(2).map((r) => r[1])).toEqual(['2022-06']);
  });
});

describe('refusing bad files', () => {
  it('lists every bad row with its sheet, column and reason in both languages, and writes nothing', async () => {
    const before = [await countRows(t.db, 'rd_projects', mine.id), await countRows(t.db, 'rd_ledger_entries', mine.id)];
    const file = await workbook(
      [
        { code: 'NEW-1', name: '新项目', kind: '自主研发', startsOn: '2024-01-01', endsOn: '2024-06-30' },
        { code: 'NEW-1', name: '重复', kind: '自主研发', startsOn: '2024-01-01' },
        { code: 'NEW-2', name: '委托', kind: '委托境内研发', startsOn: '2024-01-01' },
      ],
      [
        { projectCode: 'NEW-1', month: '2024-03', category: '人员人工', amount: '100' },
        { projectCode: 'NEW-1', month: '2024-07', category: '人员人工', amount: '100' },
        { projectCode: 'NEW-1', month: '2024-03', category: '午餐', amount: '-5' },
        { projectCode: 'NOPE', month: '2024-03', category: '人员人工', amount: '1' },
        { projectCode: 'RD-1', month: '2023-03', category: '委托研发', amount: '1' },
      ],
    );
    const res = await upload(me, file, EN);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('LEDGER_IMPORT_ROWS_INVALID');
    expect(error.message).toMatch(/^6 of 8 rows are invalid; nothing was imported/);
    const lines = error.details.badRows.flatMap((b: { sheet: string; row: number; problems: { key: string; rule: string; column: string; zh: string; en: string }[] }) =>
      b.problems.map((p) => `${b.sheet}:${b.row}:${p.key}:${p.rule}`),
    );
    expect(lines).toEqual([
      'projects:4:code:duplicate_in_file',
      'projects:5:payeeType:payee_required',
      'entries:4:month:month_outside_project',
      'entries:5:category:choice_unknown',
      'entries:5:amount:money_negative',
      'entries:6:projectCode:project_unknown',
      'entries:7:category:category_not_for_kind',
    ]);
    const first = error.details.badRows[0].problems[0];
    expect(first.column).toBe('项目编号*');
    expect(first.zh).toBe('与第 3 行的项目编号重复');
    expect(first.en).toBe('repeats the project code of row 3');
    expect([await countRows(t.db, 'rd_projects', mine.id), await countRows(t.db, 'rd_ledger_entries', mine.id)]).toEqual(before);
  });

  it('refuses a project change that would leave recorded entries of other years outside its dates', async () => {
    const res = await upload(me, await workbook([{ code: 'KEEP', name: '缩短', kind: '自主研发', startsOn: '2023-01-01', endsOn: '2023-12-31' }], []));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.badRows).toEqual([
      expect.objectContaining({ sheet: 'projects', row: 3, problems: [expect.objectContaining({ key: 'endsOn', rule: 'entries_outside' })] }),
    ]);
  });

  it('refuses another template, a workbook without the ledger sheets, an empty ledger and a file that is not a workbook', async () => {
    const registry = await workbook(null, null, (wb) => {
      const ws = wb.addWorksheet('企业');
      ws.addRow(['统一社会信用代码*', '企业名称*']);
      ws.addRow(['91350582MA8RFY385R', '晋江交发科技有限公司']);
    });
    const wrong = await upload(me, registry);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'LEDGER_IMPORT_WRONG_TEMPLATE', details: { sheet: 'projects' } });
    expect(wrong.json().error.message).toContain('缺少列');

    const onlyProjects = await upload(me, await workbook(goodProjects, null));
    expect(onlyProjects.json().error).toMatchObject({ code: 'LEDGER_IMPORT_WRONG_TEMPLATE', details: { missingSheet: '研发费用明细' } });

    const onlyEntries = await upload(me, await workbook(null, goodEntries));
    expect(onlyEntries.json().error).toMatchObject({ code: 'LEDGER_IMPORT_WRONG_TEMPLATE', details: { missingSheet: '研发项目' } });
    const extraColumn = await workbook([], [], (wb) => {
      wb.getWorksheet('研发费用明细')!.getRow(1).getCell(20).value = '备用';
    });
    expect((await upload(me, extraColumn)).json().error).toMatchObject({
      code: 'LEDGER_IMPORT_WRONG_TEMPLATE',
      details: { sheet: 'entries', unknown: ['备用'] },
    });

    expect((await upload(me, await workbook([], []))).json().error.code).toBe('LEDGER_IMPORT_EMPTY');
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1');
    expect((await upload(me, Buffer.from(await blank.xlsx.writeBuffer()))).json().error.code).toBe('LEDGER_IMPORT_EMPTY');

    const template = (await me.get('/api/cultivation/ledger/template.xlsx')).rawPayload;
    expect((await upload(me, template)).json().error.code).toBe('LEDGER_IMPORT_EMPTY');

    const text = await upload(me, Buffer.from('项目编号,月份\nRD-1,2023-03\n'));
    expect(text.json().error).toMatchObject({ code: 'LEDGER_IMPORT_FILE_INVALID', details: { problem: 'not_xlsx' } });
    const cut = await upload(me, template.subarray(0, Math.floor(template.length / 2)));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.code).toBe('LEDGER_IMPORT_FILE_INVALID');
    const none = await me.post('/api/cultivation/ledger/import', Buffer.alloc(0), XLSX);
    expect(none.statusCode).toBe(400);
  });
});

describe('who may use the workbook', () => {
  it('lets only the enterprise import, the bureau and its town export, and no one read another enterprise’s ledger', async () => {
    const file = await workbook(goodProjects, goodEntries);
    const officer = await userClient(t, { role: 'officer' });
    expect((await officer.post(`/api/cultivation/ledger/import?enterpriseId=${mine.id}`, file, XLSX)).statusCode).toBe(403);
    expect((await officer.get(`/api/cultivation/ledger/export.xlsx?enterpriseId=${mine.id}`)).statusCode).toBe(200);
    expect((await officer.get('/api/cultivation/ledger/template.xlsx')).statusCode).toBe(200);
    const town = await userClient(t, { role: 'town', scopeId: '350582102' });
    expect((await town.get(`/api/cultivation/ledger/export.xlsx?enterpriseId=${mine.id}`)).statusCode).toBe(404);
    const other = await insertEnterprise(t.db);
    const them = await enterpriseUser(t, other);
    expect((await them.get(`/api/cultivation/ledger/export.xlsx?enterpriseId=${mine.id}`)).statusCode).toBe(404);
    expect((await them.post(`/api/cultivation/ledger/import?enterpriseId=${mine.id}`, file, XLSX)).statusCode).toBe(404);
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get(`/api/cultivation/ledger/export.xlsx?enterpriseId=${mine.id}`)).statusCode).toBe(403);
    expect((await leader.get('/api/cultivation/ledger/template.xlsx')).statusCode).toBe(403);
  });
});
