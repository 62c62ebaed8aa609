/**
 * Journey: each role opens the registry pages its menu offers and sees its data — the bureau the lists and a
 * patent, an expert and an institute; a town its town's enterprises; an enterprise, an expert, a provider and a bank
 * their own record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

async function signIn(journeyName: string, username: string) {
  const journey = await startJourney(browser, journeyName);
  await login(journey.page, username);
  await journey.page.getByTestId('workbench-welcome').waitFor();
  return { page: journey.page, context: journey.context, shot: (name: string) => journey.shot(name) };
}

/** No page may show a failed request. */
async function expectNoErrors(page: Page): Promise<void> {
  expect(await page.locator('.ant-alert-error').count()).toBe(0);
}

it('lets an officer browse patents, experts, institutes, carriers, talents and banks', async () => {
  const { page, context, shot } = await signIn('registry-roles/officer', 'officer');

  await page.getByTestId('menu-patents').click();
  await page.getByTestId('patent-total').waitFor();
  const allPatents = await page.getByTestId('patent-total').textContent();
  await page.getByTestId('patent-search').fill('鞋底');
  await page.waitForURL(/q=/);
  await expect.poll(() => page.getByTestId('patent-total').textContent()).not.toBe(allPatents);
  await expect
    .poll(() => page.locator('[data-testid^="patent-link-"]').first().textContent())
    .toContain('鞋');
  const firstPatent = page.locator('[data-testid^="patent-link-"]').first();
  await firstPatent.waitFor();
  await shot('patents');
  await firstPatent.click();
  await page.getByTestId('patent-details').waitFor();
  await shot('patent-detail');

  await page.getByTestId('menu-experts').click();
  const firstExpert = page.locator('[data-testid^="expert-link-"]').first();
  await firstExpert.waitFor();
  await shot('experts');
  await firstExpert.click();
  await page.getByTestId('expert-details').waitFor();
  await shot('expert-detail');

  await page.getByTestId('menu-institutes').click();
  await page.locator('[data-testid^="institute-row-"]').first().waitFor();
  await shot('institutes');

  await page.getByTestId('menu-parties').click();
  await page.locator('[data-testid^="carrier-row-"]').first().waitFor();
  await page.getByTestId('parties-tab-talents').click();
  await page.getByTestId('parties-tab-banks').click();
  await page.locator('[data-testid^="bank-row-"]').first().waitFor();
  await shot('banks');
  await expectNoErrors(page);
  await context.close();
});

it('limits a town officer to the enterprises of the town', async () => {
  const { page, context, shot } = await signIn('registry-roles/town', 'town');
  await page.getByTestId('menu-enterprises').click();
  await page.getByTestId('enterprise-total').waitFor();
  const towns = await page.locator('[data-testid^="enterprise-row-"] td:nth-child(3)').allTextContents();
  expect(towns.length).toBeGreaterThan(0);
  expect(new Set(towns)).toEqual(new Set(['安海镇']));
  await shot('town-enterprises');
  await expectNoErrors(page);
  await context.close();
});

it('opens 我的企业 for the enterprise account', async () => {
  const { page, context, shot } = await signIn('registry-roles/enterprise', 'enterprise');
  await page.getByTestId('menu-myEnterprise').click();
  await expect.poll(() => page.getByTestId('enterprise-name').textContent()).toBe('晋江交发科技有限公司');
  await page.getByTestId('enterprise-edit-open').click();
  await page.getByTestId('edit-needs-verification-name').waitFor();
  await shot('my-enterprise-edit');
  await page.getByTestId('enterprise-edit-cancel').click();
  await expectNoErrors(page);
  await context.close();
});

it('opens their own record for an expert, a provider and a bank', async () => {
  for (const [username, entry, marker] of [
    ['expert', 'menu-myExpert', 'expert-details'],
    ['provider', 'menu-myCarrier', 'carrier-details'],
    ['bank', 'menu-myBank', 'bank-details'],
  ] as const) {
    const { page, context, shot } = await signIn(`registry-roles/${username}`, username);
    await page.getByTestId(entry).click();
    await page.getByTestId(marker).waitFor();
    await shot('own-record');
    await expectNoErrors(page);
    await context.close();
  }
});
