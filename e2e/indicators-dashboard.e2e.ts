/**
 * Journey: the demo leader opens 指标看板 (2018, the latest year of the demo registry), sees the count of valid
 * HNTE against the target of more than 100, clicks the number to list the enterprises it counts — the list's total
 * is the same number — and exports that list as a workbook. Then the town officer of 安海镇 sees their town only.
 */
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
