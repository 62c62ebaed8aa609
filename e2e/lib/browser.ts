/** Debian chromium driven by playwright-core; screenshots of each step go to e2e/artifacts/<journey>/. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const DEMO_PASSWORD = process.env.JINKE_DEMO_PASSWORD ?? 'Jinke@2026demo';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Journey {
  context: BrowserContext;
  page: Page;
  shot(name: string): Promise<void>;
}

export async function startJourney(browser: Browser, journey: string, locale = 'zh-CN'): Promise<Journey> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale, viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  const dir = path.join('e2e', 'artifacts', journey);
  fs.mkdirSync(dir, { recursive: true });
  let step = 0;
  return {
    context,
    page,
    async shot(name: string) {
      step++;
      await page.screenshot({ path: path.join(dir, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
    },
  };
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
