/**
 * Journey: a visitor who is not signed in follows the sign-in page's link to 指标公开数据, sees the published figures
 * of the latest year of the demo registry (2018), switches to 2017 and sees the figures of 晋科〔2018〕11号 (7830
 * applications, 5550 grants, 6.86 invention patents per 10,000 residents), downloads the year's CSV and checks its
 * content, then reads the page in English.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, startJourney } from './lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

it('shows the published indicators to an anonymous visitor, year by year, and downloads them as CSV', async () => {
  const visitor = await startJourney(browser, 'indicators-open-data/anonymous');
  const page = visitor.page;
  await page.goto('/login');
  await page.getByTestId('login-open-data').click();
  await page.waitForURL(/\/public\/indicators$/);
  const hnte = page.getByTestId('open-data-value-hnte.valid');
  await hnte.waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('open-data-heading').textContent()).toBe('2018 年 · 科技指标公开数据');
  expect(Number(await hnte.textContent())).toBeGreaterThan(100);
  // No 2018 population is reported: the per-10k figure is not available, never zero.
  expect(await page.getByTestId('open-data-value-patents.invention_per_10k').textContent()).toBe('暂无数据');
  await page.getByTestId('open-data-chart-hnte.valid').locator('svg').first().waitFor();
  await visitor.shot('latest-year');

  await page.getByTestId('open-data-year').click();
  await page.getByTitle('2017 年').click();
  await page.waitForURL(/\/public\/indicators\?year=2017$/);
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  await expect
    .poll(() => page.getByTestId('open-data-heading').textContent())
    .toBe('2017 年 · 科技指标公开数据');
  expect(await page.getByTestId('open-data-value-patents.applications').textContent()).toBe('7830');
  expect(await page.getByTestId('open-data-value-patents.grants').textContent()).toBe('5550');
  expect(await page.getByTestId('open-data-value-patents.invention_per_10k').textContent()).toBe('6.86');
  expect(await page.getByTestId('open-data-row-patents.invention_per_10k').textContent()).toContain(
    'patents.valid_invention ÷ population.resident × 10000',
  );
  await visitor.shot('year-2017');

  const download = page.waitForEvent('download');
  await page.getByTestId('open-data-download-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('晋江市科技指标公开数据-2017.csv');
  const bytes = fs.readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'indicator_id,year,name_zh,name_en,value,display,unit_zh,unit_en,decimals,source,period,as_of,missing,formula,citation,data_time',
  );
  expect(lines.find((l) => l.startsWith('patents.applications,'))).toMatch(
    /^patents\.applications,2017,专利申请量,[^,]*,7830,7830,件,/,
  );
  expect(lines.find((l) => l.startsWith('patents.grants,'))).toContain(',5550,5550,');
  expect(lines.find((l) => l.startsWith('patents.invention_per_10k,'))).toContain(
    ',"Invention patents per 10,000 residents",14350000/2091837,6.86,件/万人,"per 10,000",2,formula,year-end,2017-12-31,,',
  );
  expect(lines.some((l) => l.startsWith('population.resident,'))).toBe(false);
  await visitor.shot('csv-downloaded');

  await page.getByTestId('lang-en').click();
  await expect
    .poll(() => page.getByTestId('open-data-heading').textContent())
    .toBe('2017 · Open data: science and technology indicators');
  await visitor.shot('english');
  await visitor.context.close();
});
