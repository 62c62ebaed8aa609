/**
 * Journey: an officer drafts and opens a call (项目申报) → the demo enterprise applies, finds its form pre-filled
 * from the registry, completes it, attaches a PDF and submits → the officer returns it from the formal-check queue
 * with a reason → the enterprise reads the reason in its timeline, corrects the form and resubmits → the officer
 * passes the formal check, which moves the application to expert review.
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

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const TITLE = '科技计划项目申报（第二批）';
const REASON = '请补充项目实施方案中的经费预算明细';
const today = chinaDate(new Date());
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const phaseOf = (page: Page) => page.getByTestId('application-phase').first().textContent();

it('runs a call from opening to the formal check, with a return for correction', async () => {
  // 1. The officer drafts the call and opens it, which freezes the definition version.
  const officer = await startJourney(browser, 'programmes-apply/officer');
  await login(officer.page, 'officer');
  await officer.page.getByTestId('menu-programmes').click();
  await officer.page.waitForURL(/\/programmes$/);
  await officer.page.getByTestId('call-new').click();
  await officer.page.getByTestId('call-title').fill(TITLE);
  await officer.page.getByTestId('call-opens').fill(today);
  await officer.page.getByTestId('call-closes').fill(inDays(20));
  await officer.shot('new-call');
  await officer.page.getByTestId('call-form-ok').click();
  const callRow = officer.page.locator('[data-testid^="call-row-"]', { hasText: TITLE });
  await callRow.getByTestId('call-open').click();
  await expect.poll(() => callRow.getByTestId('call-status').textContent()).toBe('申报中');
  await expect.poll(() => callRow.textContent()).toContain('v1');
  await officer.shot('call-opened');

  // 2. The enterprise applies: the form arrives pre-filled from the registry.
  const firm = await startJourney(browser, 'programmes-apply/enterprise');
  const page = firm.page;
  await login(page, 'enterprise');
  await page.getByTestId('menu-programmes').click();
  await page.locator('[data-testid^="call-row-"]', { hasText: TITLE }).getByTestId('call-apply').click();
  await page.waitForURL(/\/programmes\/applications\/[0-9a-f-]+$/);
  const applicationUrl = new URL(page.url()).pathname;
  const applicationId = applicationUrl.split('/').pop()!;
  expect(await page.getByTestId('form-field-enterpriseName').inputValue()).not.toBe('');
  expect(await page.getByTestId('form-field-uscc').inputValue()).toMatch(/^[0-9A-Z]{18}$/);
  await page.getByTestId('form-field-projectTitle').fill('智能');
  await page
    .getByTestId('form-field-summary')
    .fill('研发面向运动鞋底的智能成型装备，实现在线检测与工艺参数自适应，提升良品率。');
  await page.getByTestId('form-field-requestedWan').fill('50');
  await page.getByTestId('form-field-level').click();
  await page.getByTitle('晋江市级').click();
  await page.getByTestId('form-field-contactName').fill('张三');
  await page.getByTestId('form-field-contactPhone').fill('0595-85000000');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: '项目实施方案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByTestId('attachment-item').filter({ hasText: '项目实施方案.pdf' }).waitFor();
  await expect.poll(() => page.getByTestId('autosave-state').textContent()).toBe('已自动保存');
  // The title is too short: the server refuses the submission and names the field.
  await page.getByTestId('action-submit').click();
  await page.getByTestId('form-error-projectTitle').waitFor();
  await firm.shot('form-refused');
  await page.getByTestId('form-field-projectTitle').fill('智能鞋底成型装备研发');
  await page.getByTestId('action-submit').click();
  await expect.poll(() => phaseOf(page)).toBe('已提交，形式审查中');
  await firm.shot('submitted');

  // 3. The officer returns it from the formal-check queue with a reason.
  await officer.page.getByText('形式审查', { exact: true }).click();
  const queued = officer.page.getByTestId(`application-row-${applicationId}`);
  await queued.getByTestId('clock-tag').waitFor();
  await officer.shot('queue');
  await queued.getByTestId('queue-return').click();
  await officer.page.getByTestId('reason-input').fill(REASON);
  await officer.page.getByTestId('reason-form-ok').click();
  await queued.waitFor({ state: 'detached' });

  // 4. The enterprise reads the reason, corrects and resubmits.
  await page.goto(applicationUrl);
  await expect.poll(() => phaseOf(page)).toBe('需补正材料');
  await expect.poll(() => page.getByTestId('timeline-reason').textContent()).toBe(REASON);
  await expect.poll(() => page.getByTestId('clock-tag').textContent()).toBe('补正中，暂停计时');
  await firm.shot('returned');
  await page.getByTestId('form-field-requestedWan').fill('45');
  await page.getByTestId('action-resubmit').click();
  await expect.poll(() => phaseOf(page)).toBe('已提交，形式审查中');
  await firm.shot('resubmitted');

  // 5. The officer passes the formal check.
  await officer.page.goto(applicationUrl);
  await officer.page.getByTestId('action-accept').click();
  await expect.poll(() => phaseOf(officer.page)).toBe('专家评审');
  await officer.shot('accepted');
  await page.reload();
  await expect.poll(() => phaseOf(page)).toBe('评审中');
  const steps = await page.getByTestId('timeline-item').allTextContents();
  expect(steps.map((s) => s.split('→')[0]!.trim())).toEqual([
    '创建申报书',
    '提交申报',
    '退回补正',
    '补正后提交',
    '形式审查通过',
  ]);
  await firm.shot('timeline');
  await officer.context.close();
  await firm.context.close();
});
