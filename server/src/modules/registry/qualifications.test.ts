import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { type EnterpriseRef, createEnterprise, fieldsOf } from './enterprise.fixtures.ts';

// The test clock reads 2026-11-26T02:00Z, i.e. 2026-11-26 10:00 in China.
let t: TestContext;
let officer: Client;
let e: EnterpriseRef;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  e = await createEnterprise(officer);
});
afterAll(() => t.close());

async function qualificationRows(): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>(
    'SELECT count(*) AS n FROM qualifications WHERE holder_id = $1',
    [e.id],
  );
  return Number(rows[0]!.n);
}

describe('recording qualifications', () => {
  it('derives the 高新技术企业 term from the issue date, 29 February ending on 28 February, and the status from today', async () => {
    const res = await officer.post(`/api/enterprises/${e.id}/qualifications`, {
      kind: 'hnte',
      certificateNo: 'GR202335000123',
      issuedOn: '2024-02-29',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'hnte',
      certificateNo: 'GR202335000123',
      issuedOn: '2024-02-29',
      validTo: '2027-02-28',
      status: 'expiring',
      source: 'officer',
    });
    const tsme = await officer.post(`/api/enterprises/${e.id}/qualifications`, {
      kind: 'tsme',
      issuedOn: '2026-04-15',
    });
    expect(tsme.json()).toMatchObject({ validTo: '2026-12-31', status: 'expiring' });
  });

  it('refuses a stated term that contradicts the rule, or a valid-to before issue, naming validTo, and writes nothing', async () => {
    const before = await qualificationRows();
    const rule = await officer.post(`/api/enterprises/${e.id}/qualifications`, {
      kind: 'hnte',
      issuedOn: '2023-12-12',
      validTo: '2026-12-12',
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.details.fields).toEqual([
      {
        field: 'validTo',
        message: 'validTo 高新技术企业发证日期为 2023-12-12 时有效期至应为 2026-12-11',
        rule: 'valid_to_rule',
      },
    ]);
    const order = await officer.post(`/api/enterprises/${e.id}/qualifications`, {
      kind: 'provincial_key_lab',
      issuedOn: '2023-12-12',
      validTo: '2023-12-11',
    });
    expect(fieldsOf(order.json())).toEqual(['validTo']);
    const kind = await officer.post(`/api/enterprises/${e.id}/qualifications`, {
      kind: 'nobel',
      issuedOn: '2023-12-12',
    });
    expect(fieldsOf(kind.json())).toEqual(['kind']);
    expect(await qualificationRows()).toBe(before);
  });

  it('reports each status at its edge on the day of the request', async () => {
    const cases: [string, string, string][] = [
      ['2026-11-27', '2030-01-01', 'not_yet_valid'],
      ['2026-11-26', '2027-05-27', 'valid'],
      ['2026-11-26', '2027-05-26', 'expiring'],
      ['2020-01-01', '2026-11-26', 'expiring'],
      ['2020-01-01', '2026-11-25', 'expired'],
    ];
    for (const [issuedOn, validTo, status] of cases) {
      const res = await officer.post(`/api/enterprises/${e.id}/qualifications`, {
        kind: 'provincial_eng_center',
        issuedOn,
        validTo,
      });
      expect([issuedOn, validTo, res.json().status]).toEqual([issuedOn, validTo, status]);
    }
  });

  it('changes and removes a qualification, auditing both on the enterprise', async () => {
    const created = (
      await officer.post(`/api/enterprises/${e.id}/qualifications`, {
        kind: 'maker_space',
        issuedOn: '2022-01-01',
      })
    ).json();
    expect(created).toMatchObject({ validTo: null, status: 'valid' });
    const changed = await officer.put(`/api/enterprises/${e.id}/qualifications/${created.id}`, {
      kind: 'incubator',
      issuedOn: '2022-01-01',
      validTo: '2025-12-31',
    });
    expect(changed.json()).toMatchObject({ kind: 'incubator', status: 'expired' });
    expect((await officer.delete(`/api/enterprises/${e.id}/qualifications/${created.id}`)).json()).toEqual({
      ok: true,
    });
    expect((await officer.delete(`/api/enterprises/${e.id}/qualifications/${created.id}`)).statusCode).toBe(
      404,
    );
    const history = (await officer.get(`/api/enterprises/${e.id}/history?pageSize=2`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'enterprise.qualification_removed',
      'enterprise.qualification_updated',
    ]);
    expect(history.items[1].changes).toEqual({
      qualificationId: created.id,
      kind: ['maker_space', 'incubator'],
      validTo: [null, '2025-12-31'],
    });
  });

  it('lets the enterprise read its own qualifications but not record one (403)', async () => {
    const self = await userClient(t, { role: 'enterprise', scopeId: e.uscc });
    const list = await self.get(`/api/enterprises/${e.id}/qualifications`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(
      (await self.post(`/api/enterprises/${e.id}/qualifications`, { kind: 'hnte', issuedOn: '2024-01-01' }))
        .statusCode,
    ).toBe(403);
    const detail = (await self.get(`/api/enterprises/${e.id}`)).json();
    expect(detail.qualifications.find((q: { kind: string }) => q.kind === 'hnte')).toMatchObject({
      status: 'expiring',
      validTo: '2027-02-28',
    });
  });
});
