/**
 * Journey: the demo leader opens 镇街考核 and sees the 2018 ranking of the 22 towns scored on the seeded targets and
 * weights, opens a town's sheet and downloads it as a workbook; the officer raises the weight of patent
 * applications and the ranking changes; the town officer of 安海镇 sees their own town's sheet and rank only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** The towns of the ranking table, top to bottom. */
async function order(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="town-assessment-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('town-assessment-row-', ''));
}

async function openAssessment(page: Page): Promise<void> {
  await page.getByTestId('menu-townAssessment').click();
  await page.waitForURL(/\/indicators\/town-assessment$/);
}

it('ranks the towns, downloads a town’s sheet, re-ranks on a new weight and shows a town officer their own', async () => {
  const leader = await startJourney(browser, 'town-assessment/leader');
  await login(leader.page, 'leader');
  await leader.page.getByTestId('workbench-welcome').waitFor();
  await openAssessment(leader.page);
  const page = leader.page;
  await page.getByTestId('town-assessment-rank-350582101').waitFor();
  await expect.poll(() => order(page).then((o) => o.length)).toBe(22);
  expect(await page.getByTestId('town-assessment-year').textContent()).toContain('2018');
  expect(await page.getByTestId('town-assessment-weights').textContent()).toContain('权重合计 100.00 分');
  await page.getByTestId('indicator-chart').locator('svg').first().waitFor();
  const before = await order(page);
  const first = before[0]!;
  expect(await page.getByTestId(`town-assessment-rank-${first}`).textContent()).toBe('1');
  expect(await page.getByTestId('town-assessment-weights-open').count()).toBe(0);
  await leader.shot('ranking');

  await page.getByTestId(`town-assessment-row-${first}`).locator('td').nth(1).click();
  await page.waitForURL(new RegExp(`town=${first}`));
  await expect
    .poll(() => page.getByTestId('town-assessment-sheet-rank').textContent())
    .toBe('第 1 名 / 共 22 个镇（街道）');
  await leader.shot('town-sheet');
  const download = page.waitForEvent('download');
  await page.getByTestId('town-assessment-sheet').getByTestId(`town-assessment-download-${first}`).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^2018年.+科技创新考核得分表\.xlsx$/);
  await leader.shot('downloaded');
  await leader.context.close();

  const officer = await startJourney(browser, 'town-assessment/officer');
  await login(officer.page, 'officer');
  await officer.page.getByTestId('workbench-welcome').waitFor();
  await openAssessment(officer.page);
  const op = officer.page;
  await op.getByTestId(`town-assessment-rank-${first}`).waitFor();
  await op.getByTestId('town-assessment-weights-open').click();
  const weight = op.getByTestId('town-weight-value-1');
  await weight.waitFor();
  expect(await weight.inputValue()).toBe('20');
  await weight.fill('200');
  await officer.shot('weights-dialog');
  await op.getByTestId('town-weights-form-ok').click();
  await op.getByText('权重已保存，排名已更新').waitFor();
  await expect.poll(() => order(op).then((o) => o[0])).not.toBe(first);
  expect(await op.getByTestId('town-assessment-weights').textContent()).toContain('权重合计 280.00 分');
  await officer.shot('re-ranked');
  await officer.context.close();

  const town = await startJourney(browser, 'town-assessment/town');
  await login(town.page, 'town');
  await town.page.getByTestId('workbench-welcome').waitFor();
  await openAssessment(town.page);
  await town.page.getByText('仅显示本镇（街道）的得分与排名：安海镇').waitFor();
  await expect
    .poll(() => town.page.getByTestId('town-assessment-sheet-rank').textContent())
    .toMatch(/^第 \d+ 名 \/ 共 22 个镇（街道）$/);
  expect(await town.page.getByTestId('town-assessment-sheet').textContent()).toContain('安海镇');
  expect(await town.page.locator('[data-testid^="town-assessment-row-"]').count()).toBe(0);
  await town.shot('own-town');
  await town.context.close();
});
