import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';
import { EN, createEnterprise, fieldsOf, testUscc } from './enterprise.fixtures.ts';

let t: TestContext;
let officer: Client & { userId: string };
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer', displayName: '王科员' });
  admin = await userClient(t, { role: 'admin' });
});
afterAll(() => t.close());

async function audits(action: string, entityId: string) {
  const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
    'SELECT changes FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY seq',
    [action, entityId],
  );
  return rows.map((r) => r.changes);
}

async function enterpriseCount(): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM enterprises');
  return Number(rows[0]!.n);
}

describe('registering an enterprise', () => {
  it('stores the profile with provenance, the phone encrypted and masked, and audits the creation', async () => {
    const uscc = testUscc(1);
    const res = await officer.post('/api/enterprises', {
      uscc: uscc.toLowerCase(),
      name: '福建晋科示范科技有限公司',
      formerNames: ['晋江示范五金厂'],
      legalRep: '张三',
      registeredOn: '2010-05-18',
      address: '福建省晋江市安海镇成功路 8 号',
      townCode: '350582101',
      industryCode: 'C1951',
      hitechField: '40101',
      staff: 120,
      revenueFen: 312_400_00,
      contactName: '李四',
      contactPhone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      uscc,
      townName: '安海镇',
      industryCode: '1951',
      industryName: '纺织面料鞋制造',
      hitechFieldName: '精品钢材制备技术',
      contactPhone: '138****5678',
      pendingChanges: [],
    });
    expect(e.provenance.name).toMatchObject({ source: 'officer', actorName: '王科员', verified: false });
    expect(e.provenance.contactPhone.source).toBe('officer');
    expect(e.provenance.legalRep).toBeDefined();
    const { rows } = await t.db.query<{ contact_phone_enc: string; search_tokens: string }>(
      'SELECT contact_phone_enc, search_tokens FROM enterprises WHERE id = $1',
      [e.id],
    );
    expect(rows[0]!.contact_phone_enc).toMatch(/^sm4:v1:/);
    expect(rows[0]!.search_tokens.split(' ')).toEqual(expect.arrayContaining(['示范', '五金', '成功']));
    const [created] = await audits('enterprise.created', e.id);
    expect(created).toMatchObject({
      uscc,
      name: '福建晋科示范科技有限公司',
      contactPhone: '***',
      revenueFen: 31240000,
    });
    expect(JSON.stringify(created)).not.toContain('13812345678');
  });

  it('names the broken USCC rule with the expected check character, in Chinese and in English, and writes nothing', async () => {
    const before = await enterpriseCount();
    const good = testUscc(2);
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await officer.post('/api/enterprises', { uscc: wrong, name: '校验码错误公司' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details.fields).toEqual([
      { field: 'uscc', message: `uscc 校验码应为 ${good[17]}`, rule: 'uscc_check_digit' },
    ]);
    const en = await officer.post('/api/enterprises', { uscc: wrong, name: '校验码错误公司' }, EN);
    expect(en.json().error.details.fields[0].message).toBe(`uscc The check character should be ${good[17]}`);
    const short = await officer.post('/api/enterprises', { uscc: '9135058', name: 'x' });
    expect(short.json().error.details.fields[0]).toMatchObject({ field: 'uscc', rule: 'uscc_length' });
    expect(await enterpriseCount()).toBe(before);
  });

  it('answers 409 naming the existing record when the USCC is already registered', async () => {
    const first = await createEnterprise(officer, { name: '先登记的公司' });
    const res = await admin.post('/api/enterprises', { uscc: first.uscc, name: '后登记的公司' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toContain('先登记的公司');
    expect(res.json().error.message).toContain(first.id);
    expect(res.json().error.details).toEqual({
      field: 'uscc',
      existing: { id: first.id, name: '先登记的公司' },
    });
  });

  it('refuses a town outside the county, a 大类 as industry, an unknown high-tech field and a future registration date', async () => {
    const before = await enterpriseCount();
    const res = await officer.post('/api/enterprises', {
      uscc: testUscc(3),
      name: '错误数据公司',
      townCode: '350582999',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'townCode', rule: 'town_unknown' }),
    ]);
    const county = await officer.post('/api/enterprises', {
      uscc: testUscc(3),
      name: '错误数据公司',
      townCode: '350582000',
    });
    expect(fieldsOf(county.json())).toEqual(['townCode']);
    const industry = await officer.post('/api/enterprises', {
      uscc: testUscc(3),
      name: 'x',
      industryCode: '19',
      hitechField: '99',
    });
    expect(industry.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'industryCode', rule: 'industry_not_class' }),
      expect.objectContaining({ field: 'hitechField', rule: 'hitech_field_unknown' }),
    ]);
    const future = await officer.post(
      '/api/enterprises',
      { uscc: testUscc(3), name: 'x', registeredOn: '2026-11-27' },
      EN,
    );
    expect(future.json().error.details.fields[0]).toMatchObject({
      field: 'registeredOn',
      rule: 'date_in_future',
    });
    expect(future.json().error.details.fields[0].message).toContain('later than today (2026-11-26)');
    const negative = await officer.post('/api/enterprises', {
      uscc: testUscc(3),
      name: 'x',
      staff: -1,
      revenueFen: -5,
      extra: 1,
    });
    expect(fieldsOf(negative.json()).sort()).toEqual(['(body)', 'revenueFen', 'staff']);
    expect(await enterpriseCount()).toBe(before);
  });
});

describe('changing an enterprise as an officer', () => {
  it('applies at once, keeps the old name as a former name, refreshes search tokens and audits the diff', async () => {
    const e = await createEnterprise(officer, {
      name: '晋江旧名称有限公司',
      address: '安海镇旧路 1 号',
      contactPhone: '13900001111',
    });
    const res = await officer.patch(`/api/enterprises/${e.id}`, {
      name: '晋江新名称有限公司',
      address: '安海镇新街 2 号',
      contactPhone: '13900002222',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '晋江新名称有限公司',
      formerNames: ['晋江旧名称有限公司'],
      contactPhone: '139****2222',
    });
    expect(res.json().provenance.name).toMatchObject({ source: 'officer' });
    const [entry] = await audits('enterprise.updated', e.id);
    expect(entry).toEqual({
      name: ['晋江旧名称有限公司', '晋江新名称有限公司'],
      formerNames: [[], ['晋江旧名称有限公司']],
      address: ['安海镇旧路 1 号', '安海镇新街 2 号'],
      contactPhone: ['***', '***'],
      source: 'officer',
    });
    const { rows } = await t.db.query<{ search_tokens: string }>(
      'SELECT search_tokens FROM enterprises WHERE id = $1',
      [e.id],
    );
    expect(rows[0]!.search_tokens.split(' ')).toEqual(expect.arrayContaining(['新街', '旧名']));
    expect(rows[0]!.search_tokens.split(' ')).not.toContain('旧路');
  });

  it('writes no audit entry when nothing changes and refuses a USCC held by another enterprise', async () => {
    const a = await createEnterprise(officer, { name: '甲公司' });
    const b = await createEnterprise(officer, { name: '乙公司' });
    expect((await officer.patch(`/api/enterprises/${a.id}`, { name: '甲公司' })).statusCode).toBe(200);
    expect(await audits('enterprise.updated', a.id)).toHaveLength(0);
    const taken = await officer.patch(`/api/enterprises/${a.id}`, { uscc: b.uscc });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.existing).toEqual({ id: b.id, name: '乙公司' });
  });
});

describe('the contact phone', () => {
  it('is revealed to an officer asking reveal=contact, and the read is audited', async () => {
    const e = await createEnterprise(officer, { contactPhone: '0595-85678901' });
    expect((await officer.get(`/api/enterprises/${e.id}`)).json().contactPhone).toBe('059****8901');
    const revealed = await officer.get(`/api/enterprises/${e.id}?reveal=contact`);
    expect(revealed.json().contactPhone).toBe('0595-85678901');
    expect(await audits('personal_data.read', e.id)).toEqual([{ fields: ['contactPhone'] }]);
  });

  it('is not revealed to a leader or to the enterprise itself (403)', async () => {
    const e = await createEnterprise(officer, { contactPhone: '13812345678' });
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get(`/api/enterprises/${e.id}?reveal=contact`)).statusCode).toBe(403);
    const own = await userClient(t, { role: 'enterprise', scopeId: e.uscc });
    expect((await own.get(`/api/enterprises/${e.id}?reveal=contact`)).statusCode).toBe(403);
    expect((await own.get(`/api/enterprises/${e.id}`)).json().contactPhone).toBe('138****5678');
    expect(await audits('personal_data.read', e.id)).toHaveLength(0);
  });
});

describe('verifying a field and the history', () => {
  it('marks a recorded field verified, refuses a field without a value, and lists the audit entries newest first', async () => {
    const e = await createEnterprise(officer, { staff: 50 });
    const res = await officer.post(`/api/enterprises/${e.id}/fields/staff/verify`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      field: 'staff',
      provenance: { source: 'officer', verified: true, verifiedByName: '王科员' },
    });
    expect((await officer.get(`/api/enterprises/${e.id}`)).json().provenance.staff.verified).toBe(true);
    const empty = await officer.post(`/api/enterprises/${e.id}/fields/legalRep/verify`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('FIELD_NOT_RECORDED');
    const unknown = await officer.post(`/api/enterprises/${e.id}/fields/password/verify`);
    expect(unknown.statusCode).toBe(400);
    // A changed value loses its verification.
    await officer.patch(`/api/enterprises/${e.id}`, { staff: 60 });
    expect((await officer.get(`/api/enterprises/${e.id}`)).json().provenance.staff.verified).toBe(false);
    const history = (await officer.get(`/api/enterprises/${e.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'enterprise.updated',
      'enterprise.field_verified',
      'enterprise.created',
    ]);
    expect(history.total).toBe(3);
    expect(history.items[0].changes).toEqual({ staff: [50, 60], source: 'officer' });
    expect(
      (await officer.get(`/api/enterprises/${e.id}/history?pageSize=1&page=3`)).json().items[0].action,
    ).toBe('enterprise.created');
  });

  it('keeps the audit chain intact after all of the above', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});

describe('accounts acting for an enterprise', () => {
  it('may only be created for a registered USCC, and show the enterprise name as their scope', async () => {
    const e = await createEnterprise(officer, { name: '有账号的公司' });
    const base = { displayName: '企业用户', role: 'enterprise', initialPassword: 'Initial-Pass-2026' };
    const unknown = await admin.post('/api/users', {
      ...base,
      username: 'ent.unknown',
      scopeId: testUscc(999),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0]).toMatchObject({ field: 'scopeId', rule: 'scope_unknown' });
    const ok = await admin.post('/api/users', { ...base, username: 'ent.known', scopeId: e.uscc });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().scopeName).toBe('有账号的公司');
  });
});
