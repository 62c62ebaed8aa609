/**
 * Journey: an officer freezes a pool of reviewers for the demo enterprise and sees its SM3 hash, enters the seed the
 * witnesses give and sees the panel with names; then a browser with nobody signed in opens the public verification
 * page, which re-runs the draw from the published record and says "核验一致" with the same pool hash.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

const DEMO_ENTERPRISE = '91350582MA8RFY385R';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

it('draws a panel after publishing the pool hash, and an anonymous visitor verifies it in the browser', async () => {
  const officer = await startJourney(browser, 'draws-public/officer');
  const { page } = officer;
  await login(page, 'officer');
  await page.getByTestId('workbench-welcome').waitFor();
  await page.getByTestId('menu-draws').click();
  await page.getByTestId('draws-table').waitFor();
  await page.getByTestId('draws-new').click();
  await page.getByTestId('draw-create').waitFor();
  await page.getByTestId('draw-title').fill(`高企认定评审专家抽取 ${new Date().toISOString().slice(0, 16)}`);
  await page.getByTestId('draw-subject').fill('2026年度第一批高新技术企业认定');
  // Technical ≥ 60 % only: the journey must not depend on how many financial experts the demo pool holds.
  await page.getByTestId('draw-composition-1-remove').click();
  await page.getByTestId('draw-applicants').fill(DEMO_ENTERPRISE);
  await officer.shot('create-form');
  await page.getByTestId('draw-create-ok').click();
  await page.waitForURL(/\/draws\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1) ?? '';
  const hashText = page.getByTestId('draw-pool-hash');
  await hashText.waitFor();
  const poolHash = /[0-9a-f]{64}/.exec((await hashText.textContent()) ?? '')?.[0] ?? '';
  expect(poolHash).toMatch(/^[0-9a-f]{64}$/);
  await page.getByTestId('draw-funnel').waitFor();
  await officer.shot('pool-frozen-hash-published');

  await page.getByTestId('draw-seed-detail').fill('见证人：纪检监察室、申报企业代表');
  await page.getByTestId('draw-seed').fill('2026-11-26 483920');
  await page.getByTestId('draw-seed-submit').click();
  await page.getByTestId('draw-seed-confirm').click();
  const panel = page.getByTestId('draw-panel');
  await panel.waitFor();
  await expect.poll(() => panel.locator('tbody tr').count()).toBe(7);
  await officer.shot('panel-drawn');
  await officer.context.close();

  const visitor = await startJourney(browser, 'draws-public/anonymous');
  await visitor.page.goto(`/public/draws/${id}`);
  const verdict = visitor.page.getByTestId('public-draw-verdict-text');
  await verdict.waitFor({ timeout: 30_000 });
  expect(await verdict.textContent()).toBe('核验一致 / Matches');
  expect(await visitor.page.getByTestId('public-draw-pool-hash').textContent()).toContain(poolHash);
  expect(await visitor.page.getByTestId('public-draw-seed').textContent()).toBe('2026-11-26 483920');
  await visitor.shot('public-verified');
  await visitor.context.close();
});
