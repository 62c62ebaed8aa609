/**
 * Journey: the demo expert (EXP-0001, on the drawn panel of the demo call in expert review, whose window is open)
 * opens 评审任务, declares no conflict on the first application, scores the four default categories with comments
 * and submits; the other members' scores then appear as 专家A, 专家B, 专家C without names. The officer opens the
 * call's review from 项目申报 and reads the progress, the results ranked by the trimmed mean, and the calibration.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const CALL = `${chinaDate(new Date()).slice(0, 4)}年度晋江市重大科技专项（第一批）`;
const SCORES = { innovation: '8', market: '7', foundation: '9', benefit: '6' };

it('lets the expert declare, score and submit, then the officer reads results and calibration', async () => {
  // 1. The expert's tasks: four applications of the demo call, window open.
  const expert = await startJourney(browser, 'programmes-review/expert');
  const page = expert.page;
  await login(page, 'expert');
  await page.getByTestId('menu-reviews').click();
  await page.waitForURL(/\/reviews$/);
  const rows = page.locator('[data-testid^="task-row-"]', { hasText: CALL });
  await expect.poll(() => rows.count()).toBe(4);
  await expect.poll(() => rows.first().getByTestId('review-status').textContent()).toBe('待声明');
  await expert.shot('tasks');

  // 2. The declaration comes before the application opens.
  await rows.first().getByTestId('task-open').click();
  await page.waitForURL(/\/reviews\/applications\/[0-9a-f-]+$/);
  await page.getByTestId('declaration').waitFor();
  await expert.shot('declaration');
  await page.getByTestId('declare-none').click();
  await page.getByTestId('review-application').waitFor();

  // 3. Scores and comments; the weighted total follows live: 8×3 + 7×2.5 + 9×2.5 + 6×2 = 76.
  for (const [id, score] of Object.entries(SCORES)) {
    await page.getByTestId(`score-${id}`).fill(score);
    await page.getByTestId(`comment-${id}`).fill('论证充分，技术路线清晰，实施条件具备。');
  }
  await expect.poll(() => page.getByTestId('weighted-total').textContent()).toBe('加权总分: 76');
  await expert.shot('scored');
  await page.getByTestId('review-submit').click();
  await page.getByTestId('review-submit-ok').click();

  // 4. After submitting: the others' scores, anonymised.
  const others = page.getByTestId('review-others');
  await others.waitFor();
  await expect.poll(() => others.textContent()).toContain('专家C');
  const text = (await others.textContent()) ?? '';
  expect(text).toContain('专家A');
  expect(text).not.toMatch(/EXP-\d{4}/);
  await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('已提交');
  await expert.shot('submitted-others');

  // 5. The officer: the call's review — progress, ranked results, calibration with the experts' names.
  const officer = await startJourney(browser, 'programmes-review/officer');
  const o = officer.page;
  await login(o, 'officer');
  await o.getByTestId('menu-programmes').click();
  await o.waitForURL(/\/programmes$/);
  await o.locator('[data-testid^="call-row-"]', { hasText: CALL }).getByTestId('call-review').click();
  await o.waitForURL(/\/programmes\/calls\/[0-9a-f-]+\/review$/);
  await o.getByTestId('round-panel').waitFor();
  await officer.shot('setup');
  await o.getByText('评审进度', { exact: true }).click();
  await o.getByTestId('progress-table').waitFor();
  await officer.shot('progress');
  await o.getByText('评审结果', { exact: true }).click();
  await o.getByTestId('results-table').waitFor();
  await expect.poll(() => o.getByTestId('result-rank').first().textContent()).toBe('1');
  await expect.poll(() => o.getByTestId('result-value').count()).toBe(4);
  await officer.shot('results');
  await o.getByText('尺度校准', { exact: true }).click();
  await o.getByTestId('calibration-table').waitFor();
  await expect.poll(() => o.getByTestId('calibration-table').textContent()).toContain('EXP-0001');
  await officer.shot('calibration');
});
