/**
 * Journey: the demo leader opens 指标看板 (2018, the latest year of the demo registry), sees the count of valid
 * HNTE against the target of more than 100, clicks the number to list the enterprises it counts — the list's total
 * is the same number — and exports that list as a workbook. Then the town officer of 安海镇 sees their town only.
 * An officer then reads 2017's R&D intensity with the statistics bureau's document, reports 2018's with a PDF
 * attached, reads the patent filings month by month as a table, and generates the 2017 summary document.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const numberIn = (text: string | null) => Number(/(\d+)/.exec(text ?? '')?.[1]);

it('shows the indicators against their targets, drills down to the same total and exports it', async () => {
  const leader = await startJourney(browser, 'indicators-dashboard/leader');
  const page = leader.page;
  await login(page, 'leader');
  await page.getByTestId('workbench-welcome').waitFor();

  await page.getByTestId('menu-indicators').click();
  await page.waitForURL(/\/indicators$/);
  const value = page.getByTestId('indicator-value-hnte.valid');
  await value.waitFor();
  await expect.poll(() => page.getByTestId('indicator-target-hnte.valid').textContent()).toBe('突破 100');
  const count = Number(await value.textContent());
  expect(count).toBeGreaterThan(100);
  await expect.poll(() => page.getByTestId('indicator-progress-hnte.valid').textContent()).toMatch(/%$/);
  await page.getByTestId('indicator-chart').locator('svg').first().waitFor();
  await leader.shot('dashboard');

  await value.click();
  await page.waitForURL(/\/indicators\/hnte\.valid\?year=2018$/);
  await expect
    .poll(async () => numberIn(await page.getByTestId('indicator-records-total').textContent()))
    .toBe(count);
  await page.locator('[data-testid^="indicator-record-"]').first().waitFor();
  await leader.shot('drill-down');

  const download = page.waitForEvent('download');
  await page.getByTestId('indicator-records-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await leader.shot('exported');

  await page.getByTestId('indicator-records-back').click();
  await page.waitForURL(/\/indicators\?year=2018$/);
  await page.getByTestId('indicator-value-patents.applications').waitFor();
  await page.getByTestId('indicator-row-patents.applications').locator('td').first().click();
  await page.waitForURL(/indicator=patents\.applications/);
  await page.getByText('分镇（街道）：专利申请量').waitFor();
  await leader.shot('patents-by-town');
  await leader.context.close();

  const town = await startJourney(browser, 'indicators-dashboard/town');
  await login(town.page, 'town');
  await town.page.getByTestId('menu-indicators').click();
  await town.page.waitForURL(/\/indicators$/);
  await town.page.getByText('仅显示本镇（街道）数据：安海镇').waitFor();
  const own = town.page.getByTestId('indicator-value-hnte.valid');
  await own.waitFor();
  expect(Number(await own.textContent())).toBeLessThan(count);
  await town.shot('town-dashboard');
  await town.context.close();
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

it('reports a figure with its document, shows the monthly trend and writes the annual summary', async () => {
  const officer = await startJourney(browser, 'indicators-dashboard/officer');
  const page = officer.page;
  await login(page, 'officer');
  await page.getByTestId('workbench-welcome').waitFor();
  await page.goto('/indicators?year=2017&indicator=rnd.gdp_ratio');
  await expect.poll(() => page.getByTestId('indicator-value-rnd.gdp_ratio').textContent()).toBe('2.65');
  await expect
    .poll(() => page.getByTestId('indicator-reported-source').textContent())
    .toContain('填报单位：市统计局');
  const seeded = page.waitForEvent('download');
  await page.getByTestId('indicator-attachment-download').click();
  expect((await seeded).suggestedFilename()).toBe('市统计局2017年数据.xlsx');
  await officer.shot('reported-with-document');

  await page.goto('/indicators?year=2018&indicator=rnd.gdp_ratio');
  await page.getByTestId('indicator-report-open').click();
  await page.getByTestId('indicator-report-value').fill('2.71');
  // Without the document the server refuses, naming what is missing.
  await page.getByTestId('indicator-report-form-ok').click();
  await page.getByText('必须附上市统计局出具的证明材料').first().waitFor();
  await page
    .getByTestId('indicator-report-file')
    .setInputFiles({ name: '2018年统计公报.pdf', mimeType: 'application/pdf', buffer: PDF });
  await officer.shot('report-form');
  await page.getByTestId('indicator-report-form-ok').click();
  await expect.poll(() => page.getByTestId('indicator-value-rnd.gdp_ratio').textContent()).toBe('2.71');
  await expect
    .poll(() => page.getByTestId('indicator-attachment-download').textContent())
    .toContain('2018年统计公报.pdf');
  const attached = page.waitForEvent('download');
  await page.getByTestId('indicator-attachment-download').click();
  const pdf = await attached;
  expect(readFileSync(await pdf.path()).equals(PDF)).toBe(true);
  await officer.shot('reported-2018');

  await page.goto('/indicators?year=2017&indicator=patents.applications');
  await page.getByTestId('indicator-trend-chart').locator('svg').first().waitFor();
  await page.getByTestId('indicator-trend-view').getByText('表格').click();
  const rows = page.getByTestId('indicator-trend-table').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(12);
  // December's running total is the year's figure.
  await expect.poll(() => rows.nth(11).locator('td').nth(2).textContent()).toBe('7830');
  await officer.shot('monthly-trend');

  const report = page.waitForEvent('download');
  await page.getByTestId('indicators-annual-report').click();
  expect((await report).suggestedFilename()).toContain('2017年工作总结.docx');
  await officer.shot('annual-summary');
  await officer.context.close();
});
