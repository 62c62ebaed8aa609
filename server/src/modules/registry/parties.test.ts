import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '@jinke/core/common/ids/uscc.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
let officer: Client;
const ANHAI = '350582101';
const CIZAO = '350582102';
const USCC_A = '91350582MA8RFY385R';
const USCC_B = makeUscc('91350582MA2XYR01K');
const ids = { a: '', b: '', team: '', talent: '', space: '', incubator: '', bank: '', investor: '' };

const idsOf = async (c: Client, url: string) =>
  ((await c.get(url)).json().items as { id: string }[]).map((x) => x.id);

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  for (const [key, uscc, name, town] of [
    ['a', USCC_A, '晋江交发科技有限公司', ANHAI],
    ['b', USCC_B, '福建磁灶陶瓷有限公司', CIZAO],
  ] as const) {
    const { rows } = await t.db.query<{ id: string }>(
      'INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id',
      [uscc, name, town],
    );
    ids[key] = rows[0]!.id;
  }
  const created = async (url: string, body: Record<string, unknown>) => {
    const res = await officer.post(url, body);
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  ids.team = await created('/api/talents', {
    kind: 'team',
    name: '石墨烯鞋材创业团队',
    leaderName: '陈明',
    enterpriseId: ids.a,
    programme: '海峡计划',
    year: 2017,
  });
  ids.talent = await created('/api/talents', {
    kind: 'talent',
    name: '林华',
    enterpriseId: ids.b,
    programme: '创客天使计划',
    year: 2018,
  });
  ids.space = await created('/api/carriers', {
    name: '安海众创空间',
    kind: 'maker_space',
    townCode: ANHAI,
    areaM2: '1200.5',
    tenants: 12,
  });
  ids.incubator = await created('/api/carriers', {
    code: 'JJ-INC-01',
    name: '磁灶陶瓷科技企业孵化器',
    kind: 'incubator',
    townCode: CIZAO,
    operatorUscc: USCC_B,
  });
  ids.bank = await created('/api/banks', { name: '晋江农村商业银行', kind: 'bank' });
  ids.investor = await created('/api/banks', { name: '晋江创业投资有限公司', kind: 'investor' });
});
afterAll(() => t.close());

describe('registering talents, carriers and banks', () => {
  it('numbers carriers and banks, keeps a given code and stores the area exactly', async () => {
    expect((await officer.get(`/api/carriers/${ids.space}`)).json()).toMatchObject({
      code: 'CAR-0001',
      areaM2: '1200.50',
      tenants: 12,
      townName: '安海镇',
    });
    expect((await officer.get(`/api/carriers/${ids.incubator}`)).json()).toMatchObject({
      code: 'JJ-INC-01',
      operatorUscc: USCC_B,
    });
    expect((await officer.get(`/api/banks/${ids.investor}`)).json()).toMatchObject({
      code: 'BNK-0002',
      kind: 'investor',
    });
    expect((await officer.get(`/api/talents/${ids.team}`)).json()).toMatchObject({
      kind: 'team',
      enterpriseName: '晋江交发科技有限公司',
      year: 2017,
    });
  });

  it('answers 400 naming the field on an unknown enterprise, a malformed area or a town outside the county', async () => {
    const talent = await officer.post('/api/talents', {
      kind: 'talent',
      name: '某人',
      enterpriseId: '00000000-0000-4000-8000-000000000000',
    });
    expect(talent.statusCode).toBe(400);
    expect(talent.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'enterpriseId', rule: 'enterprise_unknown' }),
    ]);
    const area = await officer.post('/api/carriers', {
      name: '某空间',
      kind: 'maker_space',
      areaM2: '12.345',
    });
    expect(area.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'areaM2', rule: 'area_format' }),
    ]);
    const town = await officer.post('/api/carriers', {
      name: '某空间',
      kind: 'maker_space',
      townCode: '350582999',
    });
    expect(town.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'townCode', rule: 'town_unknown' }),
    ]);
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM carriers');
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('answers 409 when a carrier or bank code is taken', async () => {
    const res = await officer.post('/api/carriers', { code: 'CAR-0001', name: '重复', kind: 'accelerator' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RECORD_CODE_TAKEN');
    expect(
      (await officer.post('/api/banks', { code: 'BNK-0001', name: '重复', kind: 'bank' })).statusCode,
    ).toBe(409);
  });

  it('updates records and audits only the fields that changed', async () => {
    expect(
      (await officer.patch(`/api/talents/${ids.talent}`, { programme: '海峡计划', year: 2018 })).statusCode,
    ).toBe(200);
    expect(
      (await officer.patch(`/api/banks/${ids.bank}`, { name: '福建晋江农村商业银行' })).json().name,
    ).toBe('福建晋江农村商业银行');
    const { rows } = await t.db.query<{ action: string; changes: Record<string, unknown> }>(
      "SELECT action, changes FROM audit_log WHERE action IN ('talent.updated', 'bank.updated') ORDER BY seq",
    );
    expect(rows).toEqual([
      { action: 'talent.updated', changes: { programme: ['创客天使计划', '海峡计划'] } },
      { action: 'bank.updated', changes: { name: ['晋江农村商业银行', '福建晋江农村商业银行'] } },
    ]);
  });

  it('filters and searches the lists', async () => {
    expect(await idsOf(officer, `/api/carriers?q=${encodeURIComponent('孵化器')}`)).toEqual([ids.incubator]);
    expect(await idsOf(officer, '/api/carriers?kind=maker_space')).toEqual([ids.space]);
    expect(await idsOf(officer, `/api/talents?enterpriseId=${ids.b}`)).toEqual([ids.talent]);
    expect(await idsOf(officer, `/api/talents?q=${encodeURIComponent('陈明')}`)).toEqual([ids.team]);
    expect(await idsOf(officer, '/api/banks?kind=investor')).toEqual([ids.investor]);
    expect(await idsOf(officer, '/api/banks?q=100%25')).toEqual([]);
  });
});

describe('a provider and its carrier', () => {
  it('shows a provider only its own carrier and answers 404 for another', async () => {
    const provider = await userClient(t, { role: 'provider', scopeId: 'CAR-0001' });
    expect(await idsOf(provider, '/api/carriers')).toEqual([ids.space]);
    expect((await provider.get(`/api/carriers/${ids.incubator}`)).statusCode).toBe(404);
    expect((await provider.patch(`/api/carriers/${ids.incubator}`, { tenants: 1 })).statusCode).toBe(404);
  });

  it('lets a provider report its area and tenants, audited, and answers 403 naming any other field', async () => {
    const provider = await userClient(t, { role: 'provider', scopeId: 'CAR-0001' });
    const res = await provider.patch(`/api/carriers/${ids.space}`, { tenants: 15, areaM2: '1300' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tenants: 15, areaM2: '1300.00' });
    const refused = await provider.patch(`/api/carriers/${ids.space}`, {
      tenants: 16,
      name: '改名空间',
      townCode: CIZAO,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'name',
      'townCode',
    ]);
    expect((await officer.get(`/api/carriers/${ids.space}`)).json()).toMatchObject({
      name: '安海众创空间',
      tenants: 15,
    });
    const { rows } = await t.db.query<{ changes: Record<string, unknown>; role: string }>(
      "SELECT changes, role FROM audit_log WHERE action = 'carrier.updated' AND entity_id = $1",
      [ids.space],
    );
    expect(rows).toEqual([
      { role: 'provider', changes: { tenants: [12, 15], areaM2: ['1200.50', '1300.00'] } },
    ]);
  });

  it('answers 403 when a provider tries to add a carrier', async () => {
    const provider = await userClient(t, { role: 'provider', scopeId: 'CAR-0001' });
    expect((await provider.post('/api/carriers', { name: '新空间', kind: 'maker_space' })).statusCode).toBe(
      403,
    );
  });
});

describe('who may read talents, carriers and banks', () => {
  it('answers 401 to anonymous callers on every endpoint', async () => {
    const anon = client(t.app);
    for (const [path, id] of [
      ['talents', ids.team],
      ['carriers', ids.space],
      ['banks', ids.bank],
    ] as const) {
      expect((await anon.get(`/api/${path}`)).statusCode).toBe(401);
      expect((await anon.get(`/api/${path}/${id}`)).statusCode).toBe(401);
      expect((await anon.post(`/api/${path}`, { name: 'x' })).statusCode).toBe(401);
      expect((await anon.patch(`/api/${path}/${id}`, { name: 'x' })).statusCode).toBe(401);
    }
  });

  it('answers 403 to roles outside each directory and to readers who try to write', async () => {
    const expert = await userClient(t, { role: 'expert' });
    for (const path of ['talents', 'carriers', 'banks'])
      expect((await expert.get(`/api/${path}`)).statusCode).toBe(403);
    const bank = await userClient(t, { role: 'bank', scopeId: 'BNK-0001' });
    expect((await bank.get('/api/talents')).statusCode).toBe(403);
    expect((await bank.get(`/api/carriers/${ids.space}`)).statusCode).toBe(403);
    const town = await userClient(t, { role: 'town', scopeId: ANHAI });
    expect((await town.get('/api/banks')).statusCode).toBe(403);
    const enterprise = await userClient(t, { role: 'enterprise', scopeId: USCC_A });
    expect((await enterprise.get(`/api/banks/${ids.bank}`)).statusCode).toBe(403);
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.post('/api/talents', { kind: 'talent', name: 'x' })).statusCode).toBe(403);
    expect((await leader.patch(`/api/carriers/${ids.space}`, { tenants: 1 })).statusCode).toBe(403);
    expect((await leader.patch(`/api/banks/${ids.bank}`, { name: 'x' })).statusCode).toBe(403);
    expect((await bank.patch(`/api/banks/${ids.bank}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('shows a bank only its own record', async () => {
    const bank = await userClient(t, { role: 'bank', scopeId: 'BNK-0001' });
    expect(await idsOf(bank, '/api/banks')).toEqual([ids.bank]);
    expect((await bank.get(`/api/banks/${ids.bank}`)).statusCode).toBe(200);
    expect((await bank.get(`/api/banks/${ids.investor}`)).statusCode).toBe(404);
  });

  it('shows a town the carriers in its town and the talents of its enterprises only', async () => {
    const town = await userClient(t, { role: 'town', scopeId: ANHAI });
    expect(await idsOf(town, '/api/carriers')).toEqual([ids.space]);
    expect((await town.get(`/api/carriers/${ids.incubator}`)).statusCode).toBe(404);
    expect(await idsOf(town, '/api/talents')).toEqual([ids.team]);
    expect((await town.get(`/api/talents/${ids.talent}`)).statusCode).toBe(404);
  });

  it('shows an enterprise every carrier but only its own talents', async () => {
    const enterprise = await userClient(t, { role: 'enterprise', scopeId: USCC_A });
    expect((await enterprise.get('/api/carriers')).json().total).toBe(2);
    expect(await idsOf(enterprise, '/api/talents')).toEqual([ids.team]);
    expect((await enterprise.get(`/api/talents/${ids.talent}`)).statusCode).toBe(404);
  });

  it('lets a leader read everything and an administrator write', async () => {
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get('/api/talents')).json().total).toBe(2);
    expect((await leader.get('/api/carriers')).json().total).toBe(2);
    expect((await leader.get('/api/banks')).json().total).toBe(2);
    const admin = await userClient(t, { role: 'admin' });
    expect(
      (await admin.post('/api/banks', { name: '晋江融资担保有限公司', kind: 'guarantor' })).json().code,
    ).toBe('BNK-0003');
  });

  it('keeps the audit chain verifiable', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
