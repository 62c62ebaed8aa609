/**
 * Journey: the demo enterprise opens its R&D ledger, creates a project, records an entry, imports a small ledger
 * workbook (first with a bad row, reported and nothing written, then fixed), sees both calibres of the year side by
 * side with the 加计扣除 amount and the document it rests on, and exports the ledger. Codes carry a stamp, so the
 * journey runs again on the same server; amounts are checked exactly on the journey's own projects.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ledgerEntryColumns, ledgerProjectColumns } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { launch, login, startJourney } from './lib/browser.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = 2024;
const STAFF_TITLE = '人员人工（工资薪金、五险一金、外聘研发人员劳务费）';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

type Row = Record<string, string | number>;

/** A ledger workbook laid out like the template: Chinese headers, the key row, then the rows. */
async function ledgerWorkbook(projects: Row[], entries: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, columns: typeof ledgerProjectColumns, rows: Row[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(columns.map((c) => c.header));
    ws.addRow(columns.map((c) => c.key)).hidden = true;
    for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null));
  };
  sheet('研发项目', ledgerProjectColumns, projects);
  sheet('研发费用明细', ledgerEntryColumns, entries);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string): Promise<void> {
  await page.getByTestId('ledger-import-file').setInputFiles({ name, mimeType: XLSX, buffer });
}

async function choose(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-item-option[title="${title}"]`).click();
}

it('keeps a ledger by hand and by workbook, and shows both calibres with the 加计扣除', async () => {
  const journey = await startJourney(browser, 'cultivation-ledger');
  const { page } = journey;
  const shot = (name: string) => journey.shot(name);
  const stamp = Date.now().toString(36).toUpperCase();
  const own = `E2E-${stamp}`;
  const entrusted = `E2E-${stamp}-W`;

  await login(page, 'enterprise');
  await page.getByTestId('workbench-welcome').waitFor();
  await page.getByTestId('menu-rdLedger').click();
  await page.waitForURL(/\/cultivation\/ledger$/);
  await page.getByTestId('ledger-summary').waitFor();
  await shot('ledger-opened');

  // A project by hand.
  await page.getByTestId('ledger-tab-projects').click();
  await page.getByTestId('ledger-project-add').click();
  await page.getByTestId('ledger-project-form').waitFor();
  await page.getByTestId('ledger-project-code').fill(own);
  await page.getByTestId('ledger-project-name').fill('交通信号自适应控制算法研发');
  await page.getByTestId('ledger-project-startsOn').fill(`${YEAR}-01-01`);
  await page.getByTestId('ledger-project-endsOn').fill(`${YEAR}-12-31`);
  await shot('project-form');
  await page.getByTestId('ledger-project-form-ok').click();
  await page.getByTestId(`ledger-project-row-${own}`).waitFor();

  // An entry by hand: 12,000.50 元 of staff costs in March.
  await page.getByTestId(`ledger-project-entries-${own}`).click();
  await page.getByTestId('ledger-entry-add').click();
  await page.getByTestId('ledger-entry-form').waitFor();
  await page.getByTestId('ledger-entry-month').fill(`${YEAR}-03`);
  await choose(page, 'ledger-entry-category', STAFF_TITLE);
  await page.getByTestId('ledger-entry-amount').fill('12000.50');
  await shot('entry-form');
  await page.getByTestId('ledger-entry-form-ok').click();
  await expect.poll(() => page.getByTestId('ledger-entries-sum').textContent()).toBe('共 1 笔，合计 ¥12,000.50');
  await shot('entry-recorded');

  // A workbook: an entrusted project and three entries; first with a negative amount, then fixed.
  const projects: Row[] = [
    {
      code: entrusted,
      name: '信号控制器可靠性试验（委托）',
      kind: '委托境内研发',
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      payeeType: '机构',
      contractor: '华侨大学',
    },
  ];
  const entries: Row[] = [
    { projectCode: own, month: `${YEAR}-04`, category: '直接投入', amount: '3000.00', voucherNo: '记-04-011' },
    { projectCode: own, month: `${YEAR}-05`, category: '其他费用', amount: '800.00' },
    { projectCode: entrusted, month: `${YEAR}-06`, category: '委托研发', amount: '10000.00' },
  ];
  await page.getByTestId('ledger-import').click();
  await page.getByTestId('ledger-import-dialog').waitFor();
  const bad = entries.map((e, i) => (i === 1 ? { ...e, amount: '-800.00' } : e));
  await upload(page, await ledgerWorkbook(projects, bad), 'ledger-with-error.xlsx');
  await page.getByTestId('ledger-import-report').waitFor();
  await expect.poll(() => page.getByTestId('ledger-import-rejected').getAttribute('data-bad-rows')).toBe('1');
  await expect.poll(() => page.getByTestId('ledger-import-problem-entries-4').textContent()).toContain('金额不能为负数');
  await shot('import-bad-row');

  await upload(page, await ledgerWorkbook(projects, entries), 'ledger.xlsx');
  await page.getByTestId('ledger-import-success').waitFor();
  // The file holds the own project's year, so its hand-recorded March entry is replaced by the file's entries.
  await expect.poll(() => page.getByTestId('ledger-import-success').textContent()).toContain('写入明细 3 笔（替换原有 1 笔）');
  await shot('import-succeeded');
  await page.getByTestId('ledger-import-close').click();

  await page.getByTestId('ledger-tab-projects').click();
  await expect.poll(() => page.getByTestId(`ledger-project-total-${own}`).textContent()).toBe('¥3,800.00');
  await expect.poll(() => page.getByTestId(`ledger-project-total-${entrusted}`).textContent()).toBe('¥10,000.00');
  await shot('projects-after-import');

  // Both calibres of the year and the 加计扣除.
  await page.getByTestId('ledger-tab-summary').click();
  await choose(page, 'ledger-summary-year', String(YEAR));
  const year = page.getByTestId(`ledger-year-${YEAR}`);
  await year.waitFor();
  await expect.poll(() => year.getByTestId(`ledger-hnte-total-${YEAR}`).textContent()).toMatch(/¥[\d,]+\.\d{2}/);
  await expect.poll(() => year.getByTestId(`ledger-deduction-${YEAR}`).textContent()).toMatch(/¥[\d,]+\.\d{2}/);
  await expect.poll(() => year.getByTestId(`ledger-rate-${YEAR}`).textContent()).toContain('财政部 税务总局公告2023年第7号');
  await year.getByTestId(`ledger-hnte-${YEAR}`).waitFor();
  await year.getByTestId(`ledger-super-${YEAR}`).waitFor();
  await shot('both-calibres');

  // Export in the template's form.
  const download = page.waitForEvent('download');
  await page.getByTestId('ledger-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
  const codes: string[] = [];
  wb.getWorksheet('研发费用明细')?.eachRow((row) => codes.push(row.getCell(1).text));
  expect(codes.filter((c) => c === own)).toHaveLength(2);
  expect(codes.filter((c) => c === entrusted)).toHaveLength(1);
  await shot('exported');
  await journey.context.close();
});
