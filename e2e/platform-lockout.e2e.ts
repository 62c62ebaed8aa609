/** Journey: five wrong passwords lock an account; the right password is then refused too. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession } from './lib/api.ts';
import { launch, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

it('locks the account after five wrong passwords', async () => {
  const admin = await apiSession('admin');
  await admin.post('/api/users', {
    username: 'lockout.e2e',
    displayName: '锁定测试',
    role: 'officer',
    initialPassword: 'Initial-Passw0rd!',
  });
  const j = await startJourney(browser, 'platform-lockout');
  await j.page.goto('/login');
  for (let i = 1; i <= 5; i++) {
    await j.page.getByTestId('login-username').fill('lockout.e2e');
    await j.page.getByTestId('login-password').fill(`Wrong-Passw0rd-${i}`);
    await j.page.getByTestId('login-submit').click();
    const error = j.page.getByTestId('login-error');
    await expect.poll(async () => (await error.textContent()) ?? '', { timeout: 15_000 }).toMatch(i < 5 ? /用户名或密码错误/ : /锁定/);
    await j.shot(`attempt-${i}`);
  }
  await j.page.getByTestId('login-password').fill('Initial-Passw0rd!');
  await j.page.getByTestId('login-submit').click();
  await expect.poll(async () => (await j.page.getByTestId('login-error').textContent()) ?? '').toMatch(/锁定/);
  await j.shot('locked-even-with-right-password');
  await j.context.close();
});
