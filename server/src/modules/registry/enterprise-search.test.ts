import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { type EnterpriseRef, createEnterprise } from './enterprise.fixtures.ts';

let t: TestContext;
let officer: Client;
let xunxing: EnterpriseRef;
let shoes: EnterpriseRef;
let leather: EnterpriseRef;
let graphene: EnterpriseRef;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  xunxing = await createEnterprise(officer, {
    name: '福建浔兴拉链科技股份有限公司',
    formerNames: ['深沪精密五金有限公司'],
    address: '福建省晋江市深沪镇乌漏沟东工业区',
    townCode: '350582105',
    industryCode: '4119',
    registeredOn: '1995-03-10',
    revenueFen: 2_000_000_000_00,
  });
  shoes = await createEnterprise(officer, {
    name: '晋江运动鞋业有限公司',
    address: '福建省晋江市陈埭镇鞋都路 1 号',
    townCode: '350582103',
    industryCode: '1954',
    hitechField: '40101',
    registeredOn: '2005-06-01',
    revenueFen: 500_000_000_00,
  });
  leather = await createEnterprise(officer, {
    name: '晋江皮鞋制造有限公司',
    townCode: '350582103',
    industryCode: '1952',
    registeredOn: '2012-01-01',
  });
  graphene = await createEnterprise(officer, {
    name: '福建海峡石墨烯材料有限公司',
    townCode: '350582101',
    industryCode: '3399',
    hitechField: '402',
    revenueFen: 10_000_000_00,
  });
});
afterAll(() => t.close());

async function names(query: string, client: Client = officer): Promise<string[]> {
  const res = await client.get(`/api/enterprises?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { name: string }[] }>().items.map((i) => i.name);
}

describe('searching enterprises in Chinese', () => {
  it('finds 福建浔兴拉链科技股份有限公司 by 浔兴, by 拉链 and by a former name', async () => {
    expect(await names(`q=${encodeURIComponent('浔兴')}`)).toEqual([xunxing.name]);
    expect(await names(`q=${encodeURIComponent('拉链')}`)).toEqual([xunxing.name]);
    expect(await names(`q=${encodeURIComponent('精密五金')}`)).toEqual([xunxing.name]);
    expect(await names(`q=${encodeURIComponent('乌漏沟')}`)).toEqual([xunxing.name]);
  });

  it('returns an empty page, not an error, for a query of punctuation only', async () => {
    const res = await officer.get(`/api/enterprises?q=${encodeURIComponent('？！、——「」')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 });
  });

  it('ranks by relevance when searching, and matches every word of the query', async () => {
    expect(await names(`q=${encodeURIComponent('晋江 鞋')}`)).toEqual(
      expect.arrayContaining([shoes.name, leather.name]),
    );
    expect(await names(`q=${encodeURIComponent('运动鞋 陈埭')}`)).toEqual([shoes.name]);
    expect(await names(`q=${encodeURIComponent('石墨烯 拉链')}`)).toEqual([]);
  });
});

describe('filtering the list', () => {
  it('filters by town and by industry, a 大类 or 门类 selecting its 小类', async () => {
    expect(await names('town=350582103&sort=name')).toEqual([leather.name, shoes.name].sort());
    expect((await names('industry=19')).sort()).toEqual([leather.name, shoes.name].sort());
    expect(await names('industry=1954')).toEqual([shoes.name]);
    expect((await names('industry=C')).sort()).toEqual(
      [xunxing.name, shoes.name, leather.name, graphene.name].sort(),
    );
    expect(await names('industry=A')).toEqual([]);
    expect((await officer.get('/api/enterprises?industry=1%25')).statusCode).toBe(400);
  });

  it('filters by high-tech field, a field selecting everything catalogued under it', async () => {
    expect((await names('hitechField=40')).sort()).toEqual([shoes.name, graphene.name].sort());
    expect(await names('hitechField=401')).toEqual([shoes.name]);
    expect(await names('hitechField=10')).toEqual([]);
  });

  it('filters by a qualification in force today, not one expired or not yet valid', async () => {
    // Today is 2026-11-26 in the test clock.
    await officer.post(`/api/enterprises/${xunxing.id}/qualifications`, {
      kind: 'hnte',
      issuedOn: '2023-11-27',
    });
    await officer.post(`/api/enterprises/${shoes.id}/qualifications`, {
      kind: 'hnte',
      issuedOn: '2023-11-26',
    });
    await officer.post(`/api/enterprises/${leather.id}/qualifications`, {
      kind: 'hnte',
      issuedOn: '2026-11-27',
    });
    expect(await names('qualification=hnte')).toEqual([xunxing.name]);
    const item = (await officer.get(`/api/enterprises?qualification=hnte`)).json().items[0];
    expect(item.qualifications).toEqual([{ kind: 'hnte', status: 'expiring', validTo: '2026-11-26' }]);
  });

  it('filters by the 规上 flag of a given year or of each enterprise latest year', async () => {
    await officer.put(`/api/enterprises/${xunxing.id}/years/2024`, { aboveScale: true });
    await officer.put(`/api/enterprises/${xunxing.id}/years/2025`, { aboveScale: true });
    await officer.put(`/api/enterprises/${shoes.id}/years/2024`, { aboveScale: true });
    await officer.put(`/api/enterprises/${shoes.id}/years/2025`, { aboveScale: false });
    expect((await names('aboveScale=true&year=2024')).sort()).toEqual([xunxing.name, shoes.name].sort());
    expect(await names('aboveScale=true&year=2025')).toEqual([xunxing.name]);
    expect(await names('aboveScale=true')).toEqual([xunxing.name]);
    expect((await names('aboveScale=false')).sort()).toEqual(
      [shoes.name, leather.name, graphene.name].sort(),
    );
  });

  it('filters by industry chain', async () => {
    await officer.post(`/api/enterprises/${shoes.id}/chain-tags`, { chain: '鞋服', segment: '成品' });
    await officer.post(`/api/enterprises/${xunxing.id}/chain-tags`, { chain: '鞋服', segment: '辅料' });
    expect((await names(`chain=${encodeURIComponent('鞋服')}`)).sort()).toEqual(
      [xunxing.name, shoes.name].sort(),
    );
  });
});

describe('sorting and paging', () => {
  it('sorts by revenue and registration date, nulls last, and pages with the total', async () => {
    expect(await names('sort=revenue')).toEqual([xunxing.name, shoes.name, graphene.name, leather.name]);
    expect(await names('sort=registeredOn&order=desc')).toEqual([
      leather.name,
      shoes.name,
      xunxing.name,
      graphene.name,
    ]);
    const page1 = (await officer.get('/api/enterprises?sort=revenue&pageSize=3')).json();
    const page2 = (await officer.get('/api/enterprises?sort=revenue&pageSize=3&page=2')).json();
    expect([page1.total, page2.total]).toEqual([4, 4]);
    expect(page1.items).toHaveLength(3);
    expect(page2.items.map((i: { name: string }) => i.name)).toEqual([leather.name]);
    expect(page1.items[0]).toMatchObject({
      townName: '深沪镇',
      industryCode: '4119',
      industryName: '其他日用杂品制造',
      revenueFen: 200000000000,
    });
  });

  it('counts only what a town user may see', async () => {
    const town = await userClient(t, { role: 'town', scopeId: '350582103' });
    const res = (await town.get('/api/enterprises?sort=name')).json();
    expect(res.total).toBe(2);
    expect(await names(`q=${encodeURIComponent('浔兴')}`, town)).toEqual([]);
  });
});

describe('the day after', () => {
  it('moves a qualification from in force to expired and another from not yet valid to in force', async () => {
    t.clock.advance(24 * 3600 * 1000);
    // Sessions idle out over a day, so sign in afresh.
    const later = await userClient(t, { role: 'officer' });
    expect(await names('qualification=hnte', later)).toEqual([leather.name]);
  });
});
