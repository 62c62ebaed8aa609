/**
 * Journey: an officer downloads the enterprise import template, fills in 10 rows of which 2 are wrong, uploads it,
 * sees exactly those 2 rows reported (nothing imported), fixes them, uploads again and gets the success message.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { USCC_CHARSET, validateUscc } from '@jinke/core/common/ids/uscc.ts';
import { launch, login, startJourney } from './lib/browser.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIRST_DATA_ROW = 3;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** A credit code of 晋江 (350582) with a correct check character: random body, check computed by core's validator. */
function validUscc(): string {
  let body = '91350582';
  for (let i = 0; i < 9; i++) body += USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)];
  const probe = validateUscc(`${body}0`);
  if (probe.ok) return probe.normalized;
  if (probe.rule !== 'check_digit' || !probe.expected)
    throw new Error(`cannot build a credit code: ${probe.rule}`);
  return `${body}${probe.expected}`;
}

/** The same code with a wrong check character. */
function wrongCheck(uscc: string): string {
  const last = uscc.at(-1) ?? '0';
  const other = USCC_CHARSET[(USCC_CHARSET.indexOf(last) + 1) % USCC_CHARSET.length] ?? '1';
  return uscc.slice(0, -1) + other;
}

interface Row {
  uscc: string;
  name: string;
  townCode: string;
  staff: string;
}

/** Fills the downloaded template's data sheet (keys in hidden row 2) from row 3 on. */
async function fillTemplate(template: Buffer, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the template has no data sheet');
  const columnOf = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, col) => columnOf.set(cell.text, col));
  rows.forEach((row, i) => {
    const line = sheet.getRow(FIRST_DATA_ROW + i);
    for (const [key, value] of Object.entries(row)) {
      const col = columnOf.get(key);
      if (col === undefined) throw new Error(`the template has no column ${key}`);
      line.getCell(col).value = value;
    }
    line.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer });
}

it('reports exactly the bad rows of an upload, then imports the fixed file', async () => {
  const journey = await startJourney(browser, 'registry-import');
  const { page, context } = journey;
  const shot = (name: string) => journey.shot(name);
  await login(page, 'officer');
  await page.getByTestId('workbench-welcome').waitFor();
  await page.getByTestId('menu-enterprises').click();
  await page.getByTestId('enterprise-total').waitFor();

  await page.getByTestId('enterprise-import').click();
  await page.getByTestId('import-dialog').waitFor();
  await shot('import-dialog');

  const templateDownload = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  const templatePath = await template.path();
  const templateBytes = fs.readFileSync(templatePath);

  const stamp = Date.now().toString(36);
  const good: Row[] = Array.from({ length: 10 }, (_, i) => ({
    uscc: validUscc(),
    name: `晋江市导入测试${stamp}第${i + 1}号科技有限公司`,
    townCode: '安海镇',
    staff: String(20 + i),
  }));
  // Sheet rows 5 and 9: a wrong check character, and a negative headcount.
  const bad = good.map((row) => ({ ...row }));
  bad[2] = { ...good[2]!, uscc: wrongCheck(good[2]!.uscc) };
  bad[6] = { ...good[6]!, staff: '-3' };

  await upload(page, await fillTemplate(templateBytes, bad), 'enterprises-with-errors.xlsx');
  const report = page.getByTestId('import-report');
  await report.waitFor();
  await expect.poll(() => page.getByTestId('import-rejected').getAttribute('data-bad-rows')).toBe('2');
  const problemRows = await Promise.all(
    (await report.locator('[data-testid^="import-problem-"]').all()).map((row) =>
      row.getAttribute('data-testid'),
    ),
  );
  expect([...new Set(problemRows)]).toEqual(['import-problem-5', 'import-problem-9']);
  await expect.poll(() => report.getByTestId('import-problem-5').textContent()).toContain('统一社会信用代码');
  await expect.poll(() => report.getByTestId('import-problem-9').textContent()).toContain('-3');
  await shot('bad-rows');

  const errorsDownload = page.waitForEvent('download');
  await page.getByTestId('import-download-errors').click();
  expect((await errorsDownload).suggestedFilename()).toMatch(/\.xlsx$/);

  await upload(page, await fillTemplate(templateBytes, good), 'enterprises-fixed.xlsx');
  const success = page.getByTestId('import-success');
  await success.waitFor();
  expect(await success.textContent()).toBe('导入成功：共 10 行，新增 10 条，更新 0 条');
  await shot('imported');

  await page.getByTestId('import-close').click();
  await page.getByTestId('enterprise-search').fill(good[0]!.name);
  await page.getByRole('link', { name: good[0]!.name, exact: true }).waitFor();
  await shot('imported-enterprise-listed');
  await context.close();
});
