/**
 * Journey: an officer searches the enterprise registry for 浔兴, opens 福建浔兴拉链科技股份有限公司, looks through its
 * tabs down to its patents, goes back to the filtered list and exports it to Excel.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

const XUNXING = '福建浔兴拉链科技股份有限公司';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

it('finds an enterprise by a word of its name, opens it, sees its patents and exports the filtered list', async () => {
  const journey = await startJourney(browser, 'registry-search');
  const { page, context } = journey;
  const shot = (name: string) => journey.shot(name);
  await login(page, 'officer');
  await page.getByTestId('workbench-welcome').waitFor();

  await page.getByTestId('menu-enterprises').click();
  await page.waitForURL(/\/registry\/enterprises$/);
  await page.getByTestId('enterprise-total').waitFor();
  await shot('enterprise-list');

  await page.getByTestId('enterprise-search').fill('浔兴');
  await page.waitForURL(/q=%E6%B5%94%E5%85%B4/);
  const link = page.getByRole('link', { name: XUNXING, exact: true });
  await link.waitFor();
  await expect.poll(() => page.getByTestId('enterprise-total').textContent()).toMatch(/^共 \d+ 条$/);
  await shot('search-result');

  await link.click();
  await expect.poll(() => page.getByTestId('enterprise-name').textContent()).toBe(XUNXING);
  const tabs = await page.locator('[data-testid^="enterprise-tab-"]').allTextContents();
  expect(tabs).toEqual(['基本信息', '年度数据', '资质', '专利', '荣誉与合作', '变更历史']);
  await page.getByTestId('provenance-name').waitFor();
  await shot('enterprise-profile');

  await page.getByTestId('enterprise-tab-years').click();
  await page.locator('[data-testid^="year-row-"]').first().waitFor();
  await shot('enterprise-years');

  await page.getByTestId('enterprise-tab-qualifications').click();
  await page.locator('[data-testid^="qualification-row-"]').first().waitFor();
  await shot('enterprise-qualifications');

  await page.getByTestId('enterprise-tab-patents').click();
  await page.locator('[data-testid^="patent-row-"]').first().waitFor();
  const patentTotal = (await page.getByTestId('enterprise-patents-total').textContent()) ?? '';
  expect(Number(/共 (\d+) 条/.exec(patentTotal)?.[1] ?? 0)).toBeGreaterThan(0);
  await shot('enterprise-patents');

  await page.getByTestId('enterprise-tab-relations').click();
  await page.getByTestId('chain-tags').waitFor();
  await page.getByTestId('enterprise-tab-history').click();
  await page.locator('[data-testid="enterprise-history"][data-loaded="true"]').waitFor();
  await shot('enterprise-history');

  // Back returns to the list as it was filtered.
  await page.getByTestId('enterprise-back').click();
  await page.waitForURL(/\/registry\/enterprises\?q=%E6%B5%94%E5%85%B4/);
  await link.waitFor();

  const download = page.waitForEvent('download');
  await page.getByTestId('enterprise-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(file.url()).toMatch(/^blob:/);
  await shot('exported');
  await context.close();
});
