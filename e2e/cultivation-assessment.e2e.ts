/**
 * Journey: the demo enterprise (晋江交发科技有限公司) opens 高企自评, sees its registry figures prefilled for an
 * assessment as of 31 March 2019 (the demo registry's years end in 2018), fills what the registry lacks, watches the
 * verdict update live, saves the assessment and downloads its health-check report (体检报告, a Word document).
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, startJourney } from './lib/browser.ts';

const DEMO = '晋江交发科技有限公司';
const YEARS = [2016, 2017, 2018];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

async function valueOf(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).inputValue();
}

/** Scores a computed item at the top of the band its data gives ("按数据为 C 档（5–6 分）"); none without a band. */
async function scoreComputed(page: Page, testId: string, rowId = testId): Promise<void> {
  const hint = (await page.getByTestId(`${rowId}-row`).textContent()) ?? '';
  const top = /按数据为 [A-F] 档（(\d+)–(\d+) 分）/.exec(hint)?.[2];
  if (top !== undefined) await page.getByTestId(testId).fill(top);
}

it('prefills the demo enterprise, takes the missing figures, shows the live verdict, saves and downloads the report', async () => {
  const journey = await startJourney(browser, 'cultivation-assessment');
  const { page, context } = journey;
  const shot = (name: string) => journey.shot(name);
  await login(page, 'enterprise');
  await page.getByTestId('menu-hnteAssessment').click();
  await page.waitForURL(/\/cultivation\/assessment$/);
  await expect.poll(() => page.getByTestId('assessment-enterprise').textContent()).toBe(DEMO);
  await shot('opened');

  // The demo registry holds 2016–2018: assess as of 31 March 2019, the registry prefills again.
  await page.getByTestId('assessment-date').fill('2019-03-31');
  await expect.poll(() => valueOf(page, 'hnte-year-2018-salesFen')).not.toBe('');
  for (const year of YEARS) {
    expect(await valueOf(page, `hnte-year-${year}-salesFen`)).toMatch(/^\d+(\.\d+)?$/);
    expect(await valueOf(page, `hnte-year-${year}-rdFen`)).toMatch(/^\d+(\.\d+)?$/);
    expect(await page.getByTestId(`hnte-year-${year}-domesticRdFen-cell`).getAttribute('data-missing')).toBe(
      'true',
    );
  }
  expect(await valueOf(page, 'hnte-totalStaff')).toMatch(/^\d+$/);
  await page.getByTestId('assessment-missing').waitFor();
  await expect
    .poll(() => page.getByTestId('assessment-verdict').getAttribute('data-state'))
    .toBe('undecided');
  await shot('prefilled-with-missing-highlighted');

  // What the registry does not hold: the yes/no conditions, domestic R&D, hi-tech revenue, software copyrights
  // (class Ⅱ) and the self-scored items.
  await page.getByTestId('hnte-hasCoreIpOwnership-yes').click();
  await page.getByTestId('hnte-majorIncidentWithinYear-no').click();
  for (const year of YEARS)
    await page
      .getByTestId(`hnte-year-${year}-domesticRdFen`)
      .fill(await valueOf(page, `hnte-year-${year}-rdFen`));
  const sales2018 = Number(await valueOf(page, 'hnte-year-2018-salesFen'));
  await page.getByTestId('hnte-year-2018-totalRevenueFen').fill(String(sales2018));
  await page.getByTestId('hnte-year-2018-hiTechRevenueFen').fill(String(Math.floor(sales2018 * 0.8)));
  await expect
    .poll(() => page.getByTestId('criterion-rd-ratio-status').getAttribute('data-pass'))
    .toBe('true');
  await page.getByTestId('hnte-countII').fill('6');
  // The IP-count band follows from the class Ⅰ and Ⅱ counts (the registry's invention patents): score its top.
  await scoreComputed(page, 'hnte-countPoints', 'hnte-count');
  for (const [item, band, points] of [
    ['advanced', 'B', '6'],
    ['coreSupport', 'B', '6'],
    ['acquisition', 'A', '5'],
  ] as const) {
    await page.getByTestId(`hnte-${item}-band-${band}`).click();
    await page.getByTestId(`hnte-${item}-points`).fill(points);
  }
  await page.getByTestId('hnte-standards-band-B').click();
  await page.getByTestId('hnte-conversions').fill('15');
  await page.getByTestId('hnte-conversionYears').fill('3');
  await page.getByTestId('hnte-transformationPoints').fill('25');
  for (const [item, points] of [
    ['system', '5'],
    ['institution', '4'],
    ['transformation', '3'],
    ['talent', '3'],
  ] as const)
    await page.getByTestId(`hnte-mgmt-${item}`).fill(points);
  await scoreComputed(page, 'hnte-netAssetsPoints');
  await scoreComputed(page, 'hnte-salesPoints');
  await expect.poll(() => page.getByTestId('assessment-verdict').getAttribute('data-state')).toBe('pass');
  expect(await page.getByTestId('assessment-verdict').textContent()).toBe('符合高新技术企业认定条件');
  await shot('live-verdict');

  // A gap shows at once: too few tech staff, with the persons still needed.
  const staff = await valueOf(page, 'hnte-techStaff');
  await page.getByTestId('hnte-techStaff').fill('1');
  await expect
    .poll(() => page.getByTestId('criterion-tech-staff-status').getAttribute('data-pass'))
    .toBe('false');
  expect(await page.getByTestId('criterion-tech-staff-gap').textContent()).toMatch(/科技人员还需 \d+ 人/);
  await shot('live-gap');
  await page.getByTestId('hnte-techStaff').fill(staff);
  await expect.poll(() => page.getByTestId('assessment-verdict').getAttribute('data-state')).toBe('pass');

  const before = await page.locator('[data-testid^="assessment-row-"]').count();
  await page.getByTestId('assessment-save').click();
  await expect.poll(() => page.locator('[data-testid^="assessment-row-"]').count()).toBe(before + 1);
  const row = page.locator('[data-testid^="assessment-row-"]').first();
  expect(await row.textContent()).toContain('符合');
  await shot('saved');

  const download = page.waitForEvent('download');
  await row.locator('[data-testid^="assessment-download-"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^高企体检报告-晋江交发科技有限公司-2019-03-31\.docx$/);
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.length).toBeGreaterThan(8_000);
  expect(bytes.length).toBeLessThan(2_000_000);
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain('体检');
  expect(xml).toContain('符合高新技术企业认定条件');
  expect(xml).toContain('十二个月培育计划');
  await shot('report-downloaded');
  await context.close();
});
