import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';
import { type EnterpriseRef, createEnterprise, fieldsOf } from './enterprise.fixtures.ts';

let t: TestContext;
let officer: Client;
let e: EnterpriseRef;
let instituteId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  e = await createEnterprise(officer);
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO institutes (name, kind) VALUES ('华侨大学', 'university') RETURNING id",
  );
  instituteId = rows[0]!.id;
});
afterAll(() => t.close());

describe('honours', () => {
  it('records an award with grade and rank among the winning units, lists and removes it', async () => {
    const res = await officer.post(`/api/enterprises/${e.id}/honours`, {
      award: 'china_patent_award',
      grade: 'excellence',
      rankAmongUnits: 1,
      year: 2017,
      projectTitle: '一种拉链头',
    });
    expect(res.statusCode).toBe(201);
    const honour = res.json();
    expect(honour).toMatchObject({
      award: 'china_patent_award',
      grade: 'excellence',
      rankAmongUnits: 1,
      year: 2017,
    });
    expect((await officer.get(`/api/enterprises/${e.id}/honours`)).json().items).toEqual([honour]);
    const { rows } = await t.db.query<{ holder_name: string }>(
      'SELECT holder_name FROM honours WHERE id = $1',
      [honour.id],
    );
    expect(rows[0]!.holder_name).toBe(e.name);
    expect((await officer.delete(`/api/enterprises/${e.id}/honours/${honour.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/enterprises/${e.id}/honours`)).json().items).toEqual([]);
  });

  it('refuses a grade the award does not have and a rank below 1', async () => {
    const res = await officer.post(`/api/enterprises/${e.id}/honours`, {
      award: 'china_patent_award',
      grade: 'first',
      rankAmongUnits: 0,
      year: 2017,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).sort()).toEqual(['grade', 'rankAmongUnits']);
    const grade = await officer.post(`/api/enterprises/${e.id}/honours`, {
      award: 'china_patent_award',
      grade: 'first',
      year: 2017,
    });
    expect(grade.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'grade', rule: 'grade_of_award' }),
    ]);
  });
});

describe('industry–university cooperation', () => {
  it('records an agreement with a registered institute and shows the institute name', async () => {
    const res = await officer.post(`/api/enterprises/${e.id}/cooperation`, {
      instituteId,
      subject: '高性能拉链材料联合研发',
      signedOn: '2017-03-01',
      validTo: '2020-02-29',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      instituteName: '华侨大学',
      signedOn: '2017-03-01',
      validTo: '2020-02-29',
    });
    expect((await officer.get(`/api/enterprises/${e.id}/cooperation`)).json().items).toHaveLength(1);
    expect((await officer.delete(`/api/enterprises/${e.id}/cooperation/${res.json().id}`)).statusCode).toBe(
      200,
    );
  });

  it('names instituteId when the institute is not registered and validTo when it precedes signing', async () => {
    const unknown = await officer.post(`/api/enterprises/${e.id}/cooperation`, {
      instituteId: e.id,
      subject: 'x',
      signedOn: '2017-03-01',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'instituteId', rule: 'institute_unknown' }),
    ]);
    const order = await officer.post(`/api/enterprises/${e.id}/cooperation`, {
      instituteId,
      subject: 'x',
      signedOn: '2017-03-01',
      validTo: '2017-02-28',
    });
    expect(fieldsOf(order.json())).toEqual(['validTo']);
  });
});

describe('industry-chain tags', () => {
  it('adds a tag once (409 the second time), lists and removes it', async () => {
    expect(
      (await officer.post(`/api/enterprises/${e.id}/chain-tags`, { chain: '纺织鞋服', segment: '辅料' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await officer.post(`/api/enterprises/${e.id}/chain-tags`, { chain: '纺织鞋服', segment: '辅料' }))
        .statusCode,
    ).toBe(409);
    await officer.post(`/api/enterprises/${e.id}/chain-tags`, { chain: '纺织鞋服' });
    expect((await officer.get(`/api/enterprises/${e.id}/chain-tags`)).json().items).toEqual([
      { chain: '纺织鞋服', segment: '' },
      { chain: '纺织鞋服', segment: '辅料' },
    ]);
    const q = `chain=${encodeURIComponent('纺织鞋服')}&segment=${encodeURIComponent('辅料')}`;
    expect((await officer.delete(`/api/enterprises/${e.id}/chain-tags?${q}`)).statusCode).toBe(200);
    expect((await officer.delete(`/api/enterprises/${e.id}/chain-tags?${q}`)).statusCode).toBe(404);
  });

  it('has every change in the enterprise history and an intact audit chain', async () => {
    const actions = (await officer.get(`/api/enterprises/${e.id}/history?pageSize=200`))
      .json()
      .items.map((h: { action: string }) => h.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'enterprise.created',
        'enterprise.honour_added',
        'enterprise.honour_removed',
        'enterprise.cooperation_added',
        'enterprise.cooperation_removed',
        'enterprise.chain_tag_added',
        'enterprise.chain_tag_removed',
      ]),
    );
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
