/** Journey: the administrator creates a user, who signs in and must change the initial password first. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

it('creates a user who must change the initial password at first sign-in', async () => {
  const admin = await startJourney(browser, 'platform-admin-user/admin');
  await login(admin.page, 'admin');
  await admin.page.getByTestId('menu-users').click();
  await admin.page.getByTestId('users-create').click();
  await admin.page.getByTestId('user-username').fill('chen.e2e');
  await admin.page.getByTestId('user-display-name').fill('陈科员');
  await admin.page.getByTestId('user-role').click();
  await admin.page.locator('.ant-select-item-option').filter({ hasText: '科技局工作人员' }).click();
  await admin.page.getByTestId('user-initial-password').fill('Start-Passw0rd!9');
  await admin.shot('create-dialog');
  await admin.page.getByTestId('user-create-ok').click();
  await admin.page.getByTestId('user-row-chen.e2e').waitFor();
  await admin.shot('user-listed');
  await admin.context.close();

  const user = await startJourney(browser, 'platform-admin-user/new-user');
  await login(user.page, 'chen.e2e', 'Start-Passw0rd!9');
  await user.page.waitForURL(/change-password/);
  await user.page.getByTestId('password-current').fill('Start-Passw0rd!9');
  await user.page.getByTestId('password-new').fill('My-Own-Passw0rd!');
  await user.page.getByTestId('password-confirm').fill('My-Own-Passw0rd!');
  await user.shot('forced-change');
  await user.page.getByTestId('password-submit').click();
  await user.page.getByTestId('workbench-welcome').waitFor();
  await expect.poll(() => user.page.getByTestId('header-user').textContent()).toContain('陈科员');
  await user.shot('workbench');
  await user.context.close();
});
