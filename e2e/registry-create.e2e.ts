/**
 * Journey: an officer registers an enterprise. A credit code with a corrupted check character is refused under the
 * field with the character it should have; the right code registers the enterprise and opens its record. Registering
 * the same code again names the enterprise that holds it, and its link opens that record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { USCC_CHARSET, generateUscc } from '@jinke/core/common/ids/uscc.ts';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** The same code with another character of the set in the check position. */
function corrupted(uscc: string): string {
  const last = uscc.at(-1) ?? '0';
  const other = USCC_CHARSET[(USCC_CHARSET.indexOf(last) + 1) % USCC_CHARSET.length] ?? '1';
  return uscc.slice(0, -1) + other;
}

async function openCreateForm(page: Page): Promise<void> {
  await page.getByTestId('menu-enterprises').click();
  await page.getByTestId('enterprise-total').waitFor();
  await page.getByTestId('enterprise-create-open').click();
  await page.getByTestId('enterprise-create').waitFor();
}

it('registers an enterprise after a corrupted credit code is refused, and reaches it again from the duplicate-code conflict', async () => {
  const journey = await startJourney(browser, 'registry-create');
  const { page, context } = journey;
  const shot = (name: string) => journey.shot(name);
  await login(page, 'officer');
  await page.getByTestId('workbench-welcome').waitFor();

  const uscc = generateUscc(Math.random);
  const name = `晋江市浔光新材料科技有限公司${uscc.slice(10, 14)}`;

  await openCreateForm(page);
  await page.getByTestId('enterprise-create-name').fill(name);
  await page.getByTestId('enterprise-create-uscc').fill(corrupted(uscc));
  await page.getByTestId('enterprise-create-legal-rep').fill('林志强');
  await page.getByTestId('enterprise-create-staff').fill('86');
  await page.getByTestId('enterprise-create-revenue').fill('3,250.5');
  await page.getByTestId('enterprise-create-ok').click();
  const checkError = page.locator('.ant-form-item-explain-error', {
    hasText: `校验码应为 ${uscc.at(-1) ?? ''}`,
  });
  await checkError.waitFor();
  await shot('check-character-refused');

  await page.getByTestId('enterprise-create-uscc').fill(uscc);
  await checkError.waitFor({ state: 'detached' });
  await page.getByTestId('enterprise-create-ok').click();
  await page.waitForURL(/\/registry\/enterprises\/[0-9a-f-]{36}$/);
  const created = page.url();
  await expect.poll(() => page.getByTestId('enterprise-name').textContent()).toBe(name);
  await expect.poll(() => page.getByTestId('profile-uscc').textContent()).toContain(uscc);
  await shot('registered');

  // The same code again: the conflict names the enterprise and links to it.
  await openCreateForm(page);
  await page.getByTestId('enterprise-create-name').fill(`${name}（重复）`);
  await page.getByTestId('enterprise-create-uscc').fill(uscc);
  await page.getByTestId('enterprise-create-ok').click();
  const conflict = page.getByTestId('enterprise-create-conflict');
  await conflict.waitFor();
  expect(await conflict.textContent()).toContain(name);
  await shot('duplicate-code-named');

  await page.getByTestId('enterprise-create-conflict-link').click();
  await page.waitForURL(created);
  await expect.poll(() => page.getByTestId('enterprise-name').textContent()).toBe(name);
  expect(await page.locator('.ant-alert-error').count()).toBe(0);
  await shot('existing-record-opened');
  await context.close();
});
