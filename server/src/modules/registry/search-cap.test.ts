import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { createTestApp, userClient, type TestContext } from '../../../test/harness.ts';
import type { RequestContext } from '../../platform/context.ts';
import { segmentQuery } from '../../platform/search/index.ts';
import { seedRegistry } from '../../db/seed/registry/index.ts';
import { createEnterprise } from './enterprise.fixtures.ts';
import { enterpriseListService } from './enterprise-list.service.ts';
import { patentsService } from './patents.service.ts';

let t: TestContext;
let officer: Awaited<ReturnType<typeof userClient>>;
let ctx: RequestContext;

const BRAND = '曦澜';
// Name order alone would put 万… first; relevance puts the exact name, then the names starting with the query.
const brandNames = ['曦澜', '曦澜鞋业有限公司', '万曦澜纺织有限公司', '晋江市曦澜包装有限公司'];

beforeAll(async () => {
  t = await createTestApp();
  await seedRegistry(t.db, { scale: 0.05, today: '2026-11-26' });
  officer = await userClient(t, { role: 'officer' });
  for (const name of [...brandNames].reverse()) await createEnterprise(officer, { name });
  const actor: Actor = {
    userId: officer.userId,
    username: officer.username,
    role: 'officer',
    scopeType: null,
    scopeId: null,
    sections: [],
  };
  ctx = { actor, requestId: 'search-cap-test', ip: null, locale: 'zh-CN' };
});
afterAll(() => t.close());

const deps = (countCap: number | null, rankLimit = 1000) => ({
  db: t.db,
  clock: t.clock.now,
  search: { countCap, rankLimit },
});
const page = { page: 1, pageSize: 20 };

/** Every match of `q` among the patents, by the order a broad search promises: newest filing first. */
async function newestPatentMatches(q: string): Promise<string[]> {
  const { rows } = await t.db.query<{ id: string }>(
    `SELECT id FROM patents WHERE search_vector @@ to_tsquery('simple', $1) ORDER BY filed_on DESC, application_no`,
    [segmentQuery(q)],
  );
  return rows.map((r) => r.id);
}

describe('counting the matches of a search up to a cap', () => {
  it('reports totalCapped with the cap as total, and pages newest first, when more patents match than the cap', async () => {
    const all = await newestPatentMatches('装置');
    expect(all.length).toBeGreaterThan(60);
    const capped = patentsService(deps(50));
    const first = await capped.list(ctx, { q: '装置', ...page });
    expect(first).toMatchObject({ total: 50, totalCapped: true });
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 20));
    const third = await capped.list(ctx, { q: '装置', page: 3, pageSize: 20 });
    expect(third.items.map((i) => i.id)).toEqual(all.slice(40, 60));
  });

  it('counts exactly and ranks when the matches fit under the cap', async () => {
    const all = await newestPatentMatches('装置');
    const ranked = await patentsService(deps(all.length)).list(ctx, { q: '装置', ...page });
    expect(ranked).toMatchObject({ total: all.length, totalCapped: false });
    const exact = await patentsService(deps(null)).list(ctx, { q: '装置', ...page });
    expect(exact).toMatchObject({ total: all.length, totalCapped: false });
  });

  it('counts exactly for exports and pages a search past the rank limit newest first', async () => {
    const all = await newestPatentMatches('装置');
    const exported = patentsService(deps(null, 30));
    const second = await exported.list(ctx, { q: '装置', page: 2, pageSize: 20 });
    expect(second).toMatchObject({ total: all.length, totalCapped: false });
    expect(second.items.map((i) => i.id)).toEqual(all.slice(20, 40));
    const firms = await enterpriseListService(deps(null, 2)).list(ctx, { q: BRAND, ...page });
    expect(firms).toMatchObject({ total: 4, totalCapped: false });
    expect(firms.items.map((i) => i.name)).toEqual(brandNames);
  });

  it('puts the exact name, then names starting with the query, first, both when ranked and when capped', async () => {
    const ranked = await enterpriseListService(deps(100)).list(ctx, { q: BRAND, ...page });
    const names = ranked.items.map((i) => i.name);
    // Ranked: exact, prefix, then the others by text rank; capped: exact, prefix, then the others by name.
    expect(names.slice(0, 2)).toEqual(brandNames.slice(0, 2));
    expect(names.slice(2).sort()).toEqual(brandNames.slice(2).sort());
    expect(ranked).toMatchObject({ total: 4, totalCapped: false });
    const capped = await enterpriseListService(deps(2)).list(ctx, { q: BRAND, ...page });
    expect(capped.items.map((i) => i.name)).toEqual(brandNames);
    expect(capped).toMatchObject({ total: 2, totalCapped: true });
    const second = await enterpriseListService(deps(2)).list(ctx, { q: BRAND, page: 2, pageSize: 3 });
    expect(second.items.map((i) => i.name)).toEqual(brandNames.slice(3));
  });

  it('orders a capped enterprise search by name within each tier, the same rows as sorting every match', async () => {
    const { rows } = await t.db.query<{ name: string }>(
      `SELECT name FROM enterprises WHERE search_vector @@ to_tsquery('simple', $1)
        ORDER BY CASE WHEN name = $2 THEN 0 WHEN name LIKE $2 || '%' THEN 1 ELSE 2 END, name USING ~<~, id`,
      [segmentQuery('鞋业'), '鞋业'],
    );
    expect(rows.length).toBeGreaterThan(25);
    const capped = await enterpriseListService(deps(10)).list(ctx, { q: '鞋业', page: 2, pageSize: 10 });
    expect(capped).toMatchObject({ total: 10, totalCapped: true });
    expect(capped.items.map((i) => i.name)).toEqual(rows.slice(10, 20).map((r) => r.name));
  });

  it('answers the HTTP list with totalCapped and keeps totals exact without a text query', async () => {
    const searched = (await officer.get(`/api/enterprises?q=${encodeURIComponent(BRAND)}`)).json();
    expect(searched).toMatchObject({ total: 4, totalCapped: false });
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM enterprises');
    const listed = (await officer.get('/api/enterprises?pageSize=1')).json();
    expect(listed).toMatchObject({ total: Number(rows[0]!.n), totalCapped: false });
    expect(listed.total).toBeGreaterThan(300);
    const patents = (await officer.get('/api/patents?pageSize=1')).json();
    expect(patents.totalCapped).toBe(false);
  });
});
