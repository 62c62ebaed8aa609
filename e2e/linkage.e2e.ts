/**
 * Journey: the demo leader opens 挂钩联系 and sees a problem flagged 逾期 among their linked enterprises, records a
 * visit held a month ago with a problem due five days ago (so it is overdue at once), then the officer assigns it,
 * marks it resolved with a resolution, and it is gone from the overdue filter.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000));
const TITLE = `厂房消防验收需要协调（${Date.now() % 100_000}）`;

async function openLinkage(page: Page) {
  await page.getByTestId('menu-linkage').click();
  await page.waitForURL(/\/linkage$/);
  await page.locator('[data-testid^="problem-row-"]').first().waitFor();
}

async function search(page: Page, words: string) {
  const box = page.getByTestId('linkage-filter-q').locator('input');
  await box.fill(words);
  await box.press('Enter');
}

/**
 * Opens an antd select and picks the option with `title`, or the first one, then waits until the select shows it:
 * on a busy machine the first click can land while the list is still loading or animating, so it retries.
 */
async function choose(page: Page, testId: string, title?: string) {
  const select = page.getByTestId(testId);
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    const option = title ? options.and(page.locator(`[title="${title}"]`)) : options.first();
    await option.waitFor();
    const label = (await option.getAttribute('title')) ?? (await option.textContent()) ?? '';
    await option.click();
    const shown = await expect
      .poll(async () => (await select.textContent()) ?? '', { timeout: 3_000 })
      .toContain(label)
      .then(() => true, () => false);
    if (shown || attempt === 3) {
      expect(await select.textContent()).toContain(label);
      return;
    }
    await page.keyboard.press('Escape');
  }
}

/** Presses OK and waits for the dialog to close, failing at once with the dialog's error if the save is refused. */
async function saveDialog(page: Page, testId: string, errorTestId = `${testId}-error`) {
  await page.getByTestId(`${testId}-ok`).click();
  const closed = page
    .getByTestId(testId)
    .waitFor({ state: 'detached' })
    .then(() => '', () => 'the dialog stayed open');
  const refused = page
    .getByTestId(errorTestId)
    .waitFor()
    .then(
      async () => (await page.getByTestId(errorTestId).textContent()) ?? 'error',
      () => 'the dialog stayed open',
    );
  expect(await Promise.race([closed, refused])).toBe('');
}

it('records a visit with an overdue problem, which the officer assigns and resolves', async () => {
  const leader = await startJourney(browser, 'linkage/leader');
  let page = leader.page;
  await login(page, 'leader');
  await page.getByTestId('workbench-welcome').waitFor();
  await openLinkage(page);
  const flagged = page
    .locator('[data-testid^="problem-row-"]')
    .filter({ has: page.getByTestId('problem-overdue') });
  await flagged.first().waitFor();
  expect(await flagged.first().getByTestId('problem-overdue').textContent()).toBe('逾期');
  await leader.shot('overdue-flagged');

  await page.getByTestId('linkage-record-visit').click();
  await page.getByTestId('visit-form').waitFor();
  await choose(page, 'visit-link');
  await page.getByTestId('visit-date').fill(daysAgo(30));
  await page.getByTestId('visit-summary').fill('实地查看新厂房建设，听取企业困难诉求');
  await page.getByTestId('visit-participants').fill('企业总经理、镇科技专干');
  await page.getByTestId('visit-add-problem').click();
  await page.getByTestId('visit-problem-0-title').fill(TITLE);
  await page.getByTestId('visit-problem-0-due').fill(daysAgo(5));
  await page.getByTestId('visit-problem-0-department').fill('综合科');
  await leader.shot('visit-form');
  await saveDialog(page, 'visit-form');

  await search(page, TITLE);
  const mine = page.locator('[data-testid^="problem-row-"]').filter({ hasText: TITLE });
  await mine.waitFor();
  expect(await mine.getByTestId('problem-overdue').textContent()).toBe('逾期');
  expect(await mine.getByTestId('problem-status').textContent()).toBe('待办理');
  await leader.shot('recorded-overdue');
  await leader.context.close();

  const officer = await startJourney(browser, 'linkage/officer');
  page = officer.page;
  await login(page, 'officer');
  await page.getByTestId('workbench-welcome').waitFor();
  await openLinkage(page);
  await search(page, TITLE);
  const row = page.locator('[data-testid^="problem-row-"]').filter({ hasText: TITLE });
  await row.waitFor();
  await page.getByTestId('linkage-filter-overdue').check();
  await row.waitFor();
  await officer.shot('overdue-filter');

  await row.getByTestId('problem-assign-open').click();
  await page.getByTestId('problem-assign').waitFor();
  await choose(page, 'problem-assign-officer', '科技局业务员');
  await saveDialog(page, 'problem-assign');
  await expect.poll(() => row.textContent()).toContain('科技局业务员');
  await officer.shot('assigned');

  await row.getByTestId('problem-status-open').click();
  await page.getByTestId('problem-status-form').waitFor();
  await choose(page, 'problem-status-select', '已解决');
  await page.getByTestId('problem-status-resolution').fill('已协调消防部门现场指导，验收已通过');
  await officer.shot('resolve-form');
  await saveDialog(page, 'problem-status-form', 'problem-status-error');
  // Still filtered to overdue: the resolved problem is gone from the list.
  await row.waitFor({ state: 'detached' });
  await page.getByText('暂无企业诉求').waitFor();
  await officer.shot('gone-from-overdue');

  await page.getByTestId('linkage-filter-overdue').uncheck();
  await row.waitFor();
  // The unfiltered list may first show its cached rows while it refetches: wait for the fresh ones.
  await expect.poll(() => row.getByTestId('problem-status').textContent()).toBe('已解决');
  expect(await row.getByTestId('problem-overdue').count()).toBe(0);
  await officer.shot('resolved');
  await officer.context.close();
});
