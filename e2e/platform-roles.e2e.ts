/** Journey: every demo role signs in and sees exactly its menu. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

// The menus each role must see, in order (web/src/app/menu.ts is the source these are checked against).
const expectedMenus: Record<string, string[]> = {
  admin: ['home', 'enterprises', 'patents', 'experts', 'institutes', 'parties', 'pipeline', 'indicators', 'townAssessment', 'training', 'draws', 'programmes', 'funds', 'linkage', 'users', 'audit', 'account'],
  officer: ['home', 'enterprises', 'patents', 'experts', 'institutes', 'parties', 'pipeline', 'indicators', 'townAssessment', 'training', 'draws', 'programmes', 'funds', 'linkage', 'account'],
  leader: ['home', 'enterprises', 'patents', 'institutes', 'parties', 'pipeline', 'indicators', 'townAssessment', 'draws', 'programmes', 'funds', 'linkage', 'account'],
  town: ['home', 'enterprises', 'pipeline', 'indicators', 'townAssessment', 'linkage', 'account'],
  enterprise: ['home', 'myEnterprise', 'hnteAssessment', 'rdLedger', 'training', 'programmes', 'linkage', 'account'],
  expert: ['home', 'myExpert', 'reviews', 'account'],
  bank: ['home', 'myBank', 'account'],
  provider: ['home', 'myCarrier', 'account'],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('each demo role', () => {
  for (const [role, menu] of Object.entries(expectedMenus)) {
    it(`signs in as ${role} and sees its menu`, async () => {
      const j = await startJourney(browser, `platform-roles/${role}`);
      await login(j.page, role);
      await j.page.getByTestId('menu').waitFor();
      await j.page.getByTestId('workbench-welcome').waitFor();
      const keys = await j.page
        .locator('[data-testid^="menu-"]')
        .evaluateAll((els: Element[]): string[] => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^menu-/, '')));
      expect(keys).toEqual(menu);
      await j.shot('workbench');
      await j.page.getByTestId('logout').click();
      await j.page.getByTestId('login-username').waitFor();
      await j.context.close();
    });
  }
});
