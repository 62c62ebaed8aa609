/**
 * Indicators over the demo registry (seedRegistry at scale 1, one seeded database for the file): the 2017 figures
 * the registry reproduces equal 晋科〔2018〕11号's, 2018 stands against its targets, and every drill-down's total
 * equals its figure — county-wide and town by town — down to the exported workbook.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResponse, RecordsResponse } from '@jinke/core/indicators/api.contract.ts';
import { systemContext } from '../../platform/context.ts';
import { seedRegistry } from '../../db/seed/registry/index.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { seedIndicatorsDemo } from './indicators.seed.ts';

let t: TestContext;
let leader: Client;
const overviews = new Map<number, OverviewResponse>();

async function overview(year: number): Promise<OverviewResponse> {
  const res = await leader.get(`/api/indicators/overview?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OverviewResponse>();
}

const item = (o: OverviewResponse, id: string) => o.items.find((i) => i.id === id)!;
const figure = (o: OverviewResponse, id: string) => item(o, id).figure?.value;

async function records(id: string, query: string): Promise<RecordsResponse> {
  const res = await leader.get(`/api/indicators/${id}/records?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RecordsResponse>();
}

beforeAll(async () => {
  t = await createTestApp();
  await seedRegistry(t.db, { scale: 1, today: '2026-11-26' });
  await seedIndicatorsDemo({ db: t.db, clock: () => t.clock.now() }, systemContext('test'));
  leader = await userClient(t, { role: 'leader' });
  for (const year of [2017, 2018]) overviews.set(year, await overview(year));
}, 600_000);
afterAll(() => t?.close());

describe('indicators of the demo registry', () => {
  it('reproduces the 2017 figures of the summary', () => {
    const o = overviews.get(2017)!;
    expect(figure(o, 'hnte.new')).toBe('41');
    expect(figure(o, 'platforms.new_key_lab')).toBe('3');
    expect(figure(o, 'platforms.new_eng_center')).toBe('2');
    expect(figure(o, 'platforms.new_rnd_institution')).toBe('2');
    expect(figure(o, 'patents.applications')).toBe('7830');
    expect(figure(o, 'patents.grants')).toBe('5550');
    expect(figure(o, 'patents.valid_invention')).toBe('1435');
    expect(item(o, 'population.resident')).toMatchObject({
      source: 'reported',
      figure: { value: '2091837' },
    });
    // 1435 ÷ 2091837 × 10000, exact, and 6.86 when rounded as the summary rounds it.
    expect(item(o, 'patents.invention_per_10k')).toMatchObject({
      source: 'formula',
      formula: 'patents.valid_invention ÷ population.resident × 10000',
      figure: { value: '14350000/2091837', display: '6.86' },
    });
    expect(o.years).toEqual(expect.arrayContaining([2017, 2018]));
  });

  it('shows 2018 against the targets of 晋科〔2018〕11号', () => {
    const o = overviews.get(2018)!;
    expect(item(o, 'hnte.valid')).toMatchObject({
      figure: { value: '101' },
      target: { value: { value: '100' }, comparison: 'above' },
      progress: { display: '101.0' },
      met: true,
    });
    expect(item(o, 'patents.applications').target?.value.value).toBe('12000');
    expect(item(o, 'patents.grants').target?.value.value).toBe('5500');
    expect(item(o, 'patents.invention_applications').target?.value.value).toBe('1300');
    expect(item(o, 'patents.invention_grants').target?.value.value).toBe('400');
    // No 2018 population is reported: the per-10k figure is missing, never zero, and says why.
    expect(item(o, 'patents.invention_per_10k')).toMatchObject({
      figure: null,
      missing: { reason: 'missing', inputs: ['population.resident'] },
      target: { value: { value: '8' }, comparison: 'above' },
    });
  });

  it('lists exactly the records each figure counts, county-wide and for a town', async () => {
    for (const year of [2017, 2018]) {
      const o = overviews.get(year)!;
      const n = (id: string) => Number(figure(o, id));
      for (const i of o.items.filter((x) => x.drillable)) {
        const body = await records(i.id, `year=${year}&pageSize=5`);
        let expected: number;
        if (i.id.endsWith('_coverage')) {
          const key = i.id.slice('above_scale.'.length, -'_coverage'.length);
          expected = n('above_scale.count') - n(`above_scale.with_${key}`);
        } else if (i.id === 'patents.invention_per_10k') expected = n('patents.valid_invention');
        else expected = n(i.id);
        expect(body.total, `${i.id} ${year}`).toBe(expected);
        expect(body.items.length).toBe(Math.min(5, expected));
        // Towns add up to at most the county (rows without a town count only there).
        const towns = i.towns.reduce((s, x) => s + Number(x.figure?.value ?? 0), 0);
        if (!i.id.endsWith('_coverage') && i.breakdown) expect(towns).toBeLessThanOrEqual(expected);
      }
    }
    const o = overviews.get(2018)!;
    const anhai = item(o, 'patents.applications').towns.find((x) => x.town === '350582101')!;
    const body = await records('patents.applications', 'year=2018&town=350582101&pageSize=1');
    expect(body.total).toBe(Number(anhai.figure?.value));
    expect(body.items[0]).toMatchObject({ kind: 'patent', townCode: '350582101', townName: '安海镇' });
  });

  it('exports the drill-down with one row per record and the total', async () => {
    const res = await leader.get('/api/indicators/hnte.valid/records.xlsx?year=2018');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('indicator-hnte.valid-2018.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('名称');
    expect(sheet.rowCount).toBe(1 + 101 + 1);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计 101');
  });

  it('answers from the stored counts until the registry changes, then recounts (ADR 0010)', async () => {
    const state = async () =>
      (
        await t.db.query<{ version: string; at: string }>(
          'SELECT data_version::text AS version, computed_at::text AS at FROM indicator_count_state WHERE year = 2017',
        )
      ).rows[0]!;
    const before = await state();
    const o = await overview(2017);
    expect(await state()).toEqual(before);
    // A flow's months add up to its figure; a stock has none.
    const applications = item(o, 'patents.applications');
    expect(applications.months).toHaveLength(12);
    expect(applications.months!.reduce((s, n) => s + n, 0)).toBe(7830);
    expect(item(o, 'hnte.valid').months).toBeNull();
    expect(item(o, 'patents.invention_per_10k').months).toBeNull();

    const { rows } = await t.db.query<{ id: string; filed_on: string }>(
      `SELECT id, filed_on::text AS filed_on FROM patents WHERE filed_on BETWEEN '2017-01-01' AND '2017-12-31'
        ORDER BY id LIMIT 1`,
    );
    const moved = rows[0]!;
    await t.db.query(`UPDATE patents SET filed_on = '2016-12-30' WHERE id = $1`, [moved.id]);
    try {
      const after = await overview(2017);
      expect(figure(after, 'patents.applications')).toBe('7829');
      expect(Number((await state()).version)).toBeGreaterThan(Number(before.version));
    } finally {
      await t.db.query('UPDATE patents SET filed_on = $2::date WHERE id = $1', [moved.id, moved.filed_on]);
    }
    expect(figure(await overview(2017), 'patents.applications')).toBe('7830');
  });
});
