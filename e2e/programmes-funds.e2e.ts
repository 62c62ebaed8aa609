/**
 * Journey: the officer opens last year's approved science-plan application (seeded, 立项 30 days ago) → sees the
 * amount computed from the standard line by line (60万 asked → 20万 × 100% + 40万 × 50% = 40万) → awards it and
 * adjusts it to 38万 with a reason → signs the agreement → records the first instalment of 20万 (协议 → 拨付) →
 * a second of 20万 is refused because only 18万 is left → the 资金监管 page shows the call's budget use. Then the
 * demo enterprise reports mid-term on its funded project and applies for acceptance; the officer passes it and the
 * project closes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const PROJECT = '纺织面料数字化印染工艺研究';

it('awards, adjusts and pays an approved project in instalments, refusing more than the award', async () => {
  const officer = await startJourney(browser, 'programmes-funds/officer');
  const { page } = officer;
  await login(page, 'officer');
  await page.getByTestId('menu-programmes').click();
  await page.waitForURL(/\/programmes$/);
  await page.getByRole('tab', { name: '全部申报书' }).click();
  await page.getByTestId('applications-search').locator('input').fill(PROJECT);
  await page.getByTestId('applications-search').locator('input').press('Enter');
  const row = page.locator('[data-testid^="application-row-"]', { hasText: '立项' }).first();
  await row.getByTestId('application-view').click();
  await page.waitForURL(/\/programmes\/applications\//);

  // 1. The computed amount, line by line, under the standard in force on the day of 立项.
  const section = page.getByTestId('funds-section');
  await expect
    .poll(() => section.getByTestId('funds-line').allTextContents())
    .toEqual([
      '申请资金 ¥0.00–¥200,000.00 部分 × 100% = ¥200,000.00',
      '申请资金 ¥200,000.00–¥600,000.00 部分 × 50% = ¥200,000.00',
    ]);
  expect(await section.getByTestId('funds-proposed').textContent()).toBe('¥400,000.00（40万元）');
  await officer.shot('computed');

  // 2. Award it, then adjust it to 38万 with a reason.
  await section.getByTestId('funds-award').click();
  await expect.poll(() => section.getByTestId('funds-approved').textContent()).toBe('¥400,000.00（40万元）');
  await section.getByTestId('funds-adjust').click();
  await page.getByTestId('funds-amount').fill('38万元');
  await page.getByTestId('funds-text').fill('专家评审建议核减设备购置费 2 万元');
  await officer.shot('adjust-dialog');
  await page.getByTestId('funds-form-ok').click();
  await expect.poll(() => section.getByTestId('funds-approved').textContent()).toBe('¥380,000.00（38万元）');
  expect(await section.getByTestId('funds-adjustment-reason').textContent()).toContain('核减设备购置费');
  await officer.shot('adjusted');

  // 3. Sign the agreement, then record the first instalment: the application moves to 资金拨付.
  await page.getByTestId('action-sign').click();
  await expect.poll(() => page.getByTestId('application-phase').first().textContent()).toBe('签订协议');
  await section.getByTestId('funds-disburse').click();
  await page.getByTestId('funds-amount').fill('200000');
  await page.getByTestId('funds-voucher').fill('JJKJ-E2E-0001');
  await officer.shot('first-instalment');
  await page.getByTestId('funds-form-ok').click();
  await expect.poll(() => page.getByTestId('application-phase').first().textContent()).toBe('资金拨付');
  await expect.poll(() => section.getByTestId('funds-instalment-1').textContent()).toContain('JJKJ-E2E-0001');

  // 4. A second instalment beyond the approved amount is refused, naming what is left; nothing is recorded.
  await section.getByTestId('funds-disburse').click();
  await page.getByTestId('funds-amount').fill('20万元');
  await page.getByTestId('funds-voucher').fill('JJKJ-E2E-0002');
  await page.getByTestId('funds-form-ok').click();
  await expect
    .poll(() => page.getByTestId('funds-form-error').textContent())
    .toBe(
      '累计拨付将超过核定金额：核定 38万元（¥380,000.00），已拨付 20万元（¥200,000.00），本次最多 18万元（¥180,000.00）',
    );
  await officer.shot('second-refused');
  await page.getByTestId('funds-form-cancel').click();
  expect(await section.getByTestId('funds-instalment-2').count()).toBe(0);
  expect(await section.getByTestId('funds-totals').textContent()).toBe(
    '已拨付 ¥200,000.00，已追回 ¥0.00，实际拨付 ¥200,000.00，待拨付 ¥180,000.00',
  );

  // 5. The supervision page: the flags and the call's budget use (two awards: 25万 seeded + 38万).
  await page.getByTestId('menu-funds').click();
  await page.waitForURL(/\/funds\/supervision$/);
  const budget = page.locator('[data-testid^="budget-row-"]', { hasText: '资金拨付' });
  await expect.poll(() => budget.textContent()).toContain('63万元');
  await officer.shot('supervision');
});

it('takes the demo enterprise’s funded project through the mid-term report and acceptance to closing', async () => {
  // 1. The enterprise reports mid-term and applies for acceptance on its funded project (seeded: 15万 paid).
  const firm = await startJourney(browser, 'programmes-funds/enterprise');
  await login(firm.page, 'enterprise');
  await firm.page.getByTestId('menu-programmes').click();
  await firm.page.getByRole('tab', { name: '我的申报' }).click();
  const search = firm.page.getByTestId('applications-search').locator('input');
  await search.fill('运动鞋底智能成型装备研发');
  await search.press('Enter');
  // The search matched the project title; the row shows the call.
  const mine = firm.page.locator('[data-testid^="application-row-"]', { hasText: '科技计划项目（资金拨付）' });
  await expect.poll(() => mine.count()).toBe(1);
  await mine.getByTestId('application-view').click();
  await firm.page.waitForURL(/\/programmes\/applications\//);
  const applicationUrl = new URL(firm.page.url()).pathname;
  const phase = (p: typeof firm.page) => p.getByTestId('application-phase').first().textContent();
  await expect.poll(() => phase(firm.page)).toBe('资金拨付中');
  await firm.page.getByTestId('action-midterm').click();
  await expect.poll(() => phase(firm.page)).toBe('中期检查');
  await firm.page.getByTestId('action-apply_acceptance').click();
  await expect.poll(() => phase(firm.page)).toBe('验收中');
  await firm.shot('acceptance-applied');

  // 2. The officer records the acceptance as passed, which closes the project through the workflow.
  const officer = await startJourney(browser, 'programmes-funds/acceptance');
  await login(officer.page, 'officer');
  await officer.page.goto(applicationUrl);
  await expect.poll(() => phase(officer.page)).toBe('验收');
  await officer.page.getByTestId('funds-acceptance').click();
  await officer.page.getByTestId('funds-text').fill('项目完成合同约定的研发任务和考核指标，资金使用规范，同意通过验收。');
  await officer.shot('acceptance-form');
  await officer.page.getByTestId('funds-form-ok').click();
  await expect.poll(() => phase(officer.page)).toBe('结项');
  await expect
    .poll(() => officer.page.getByTestId('funds-acceptance-record').first().textContent())
    .toContain('通过');
  await officer.shot('closed');

  // 3. The enterprise's timeline ends with the acceptance and the closing, in public names.
  await firm.page.reload();
  await expect.poll(() => phase(firm.page)).toBe('已结项');
  const steps = await firm.page.getByTestId('timeline-item').allTextContents();
  expect(steps.slice(-3).map((s) => s.split('→')[0]!.trim())).toEqual([
    '提交中期报告',
    '申请验收',
    '验收通过，结项',
  ]);
  await firm.shot('timeline-closed');
  await firm.context.close();
  await officer.context.close();
});
