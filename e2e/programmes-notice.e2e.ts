/**
 * Journey: the officer opens the decisions of the demo talent-team call (three applications awaiting a decision),
 * approves two with proposed amounts, declines one with a templated reason, and publishes a five-day notice → a
 * browser with nobody signed in opens the public notices, reads the new notice and files an objection against one
 * entry (a wrong phone first, named under its field) → the officer sees the objection and dismisses it with a
 * response. The public page of the demo's finished call shows its confirmed results.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { noticeEndsOn } from '@jinke/core/notices/rules.ts';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const today = chinaDate(new Date());
const CALL = `${today.slice(0, 4)}年度晋江市人才与团队项目`;
const NOTICE = `关于${CALL}拟立项项目的公示`;

it('decides a batch, publishes the notice, takes an anonymous objection and handles it', async () => {
  // 1. The officer decides the call's applications in one batch.
  const officer = await startJourney(browser, 'programmes-notice/officer');
  const page = officer.page;
  await login(page, 'officer');
  await page.getByTestId('menu-programmes').click();
  await page.waitForURL(/\/programmes$/);
  await page.locator('[data-testid^="call-row-"]', { hasText: CALL }).getByTestId('call-decisions').click();
  await page.waitForURL(/\/programmes\/calls\/[0-9a-f-]+\/decisions$/);
  const rows = page.locator('[data-testid^="decision-row-"]');
  await expect.poll(() => rows.count()).toBe(3);
  const names = await page.getByTestId('decision-enterprise').allTextContents();
  await rows.nth(0).getByText('拟立项').click();
  await rows.nth(0).getByTestId('decision-amount').fill('30');
  await rows.nth(1).getByText('拟立项').click();
  await rows.nth(1).getByTestId('decision-amount').fill('20.5');
  await rows.nth(2).getByText('不予立项').click();
  await rows.nth(2).getByTestId('decision-template').click();
  await page.getByTitle('超出资助范围').click();
  await rows.nth(2).getByTestId('decision-reason').fill('团队核心成员不在本市');
  await page.getByTestId('notice-days').fill('5');
  await expect
    .poll(() => page.getByTestId('notice-settings').textContent())
    .toContain(`公示截止日期：${noticeEndsOn(today, 5)}`);
  await officer.shot('decisions');
  await page.getByTestId('decision-submit').click();
  const card = page.locator('[data-testid^="notice-card-"]', { hasText: NOTICE });
  await card.waitFor();
  await expect.poll(() => rows.count()).toBe(0);
  await expect.poll(() => card.getByTestId('entry-status').allTextContents()).toEqual(['公示中', '公示中']);
  expect(await card.getByTestId('notice-window').textContent()).toBe('公示中');
  await officer.shot('notice-published');

  // 2. An anonymous visitor reads the notice and files an objection.
  const visitor = await startJourney(browser, 'programmes-notice/anonymous');
  const pub = visitor.page;
  await pub.goto('/public/notices');
  await pub.getByTestId('public-notices-page').waitFor();
  await pub.getByRole('link', { name: NOTICE }).click();
  await pub.waitForURL(/\/public\/notices\/[0-9a-f-]+$/);
  expect(await pub.getByTestId('public-notice-title').textContent()).toBe(NOTICE);
  expect(await pub.getByTestId('public-notice-period').textContent()).toBe(
    `公示期：${today} ~ ${noticeEndsOn(today, 5)}`,
  );
  const amounts = await pub.locator('[data-testid^="entry-row-"]').allTextContents();
  expect(amounts[0]).toContain('30万元');
  expect(amounts[1]).toContain('20.5万元');
  await visitor.shot('public-notice');
  await pub.getByTestId('objection-entry').click();
  await pub.getByTitle(new RegExp(`^${names[0]!}`)).click();
  await pub.getByTestId('objection-name').fill('王五');
  await pub.getByTestId('objection-phone').fill('12345');
  await pub
    .getByTestId('objection-text')
    .fill('该团队申报的核心成员全职在本市工作的情况与实际不符，请核查。');
  await pub.getByTestId('objection-submit').click();
  await pub.getByText('应为 11 位大陆手机号码').waitFor();
  await visitor.shot('objection-refused');
  await pub.getByTestId('objection-phone').fill('13800138000');
  await pub.getByTestId('objection-submit').click();
  await pub.getByTestId('objection-filed').waitFor();
  await visitor.shot('objection-filed');

  // 3. The officer handles it.
  await page.reload();
  const objection = card.locator('[data-testid^="objection-row-"]');
  await expect.poll(() => objection.count()).toBe(1);
  expect(await objection.textContent()).toContain('王五 13800138000');
  await officer.shot('objection-received');
  await objection.getByTestId('objection-handle-open').click();
  await page.getByTestId('objection-outcome').getByText('异议不成立').click();
  await page
    .getByTestId('objection-response')
    .fill('经核查社保缴纳记录，核心成员均在本市全职工作，异议不成立。');
  await page.getByTestId('objection-handle-ok').click();
  await expect.poll(() => objection.getByTestId('objection-outcome-tag').textContent()).toBe('异议不成立');
  await officer.shot('objection-handled');

  // 4. The public results list the demo's confirmed projects.
  await pub.goto('/public/programme-results');
  await expect.poll(() => pub.locator('[data-testid^="result-row-"]').count()).toBeGreaterThanOrEqual(3);
  await visitor.shot('public-results');
  await officer.context.close();
  await visitor.context.close();
});
