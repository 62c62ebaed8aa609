import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { EN, type EnterpriseRef, createEnterprise, fieldsOf } from './enterprise.fixtures.ts';

let t: TestContext;
let officer: Client;
let e: EnterpriseRef;

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  e = await createEnterprise(officer);
});
afterAll(() => t.close());

async function yearRows(): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>(
    'SELECT count(*) AS n FROM enterprise_years WHERE enterprise_id = $1',
    [e.id],
  );
  return Number(rows[0]!.n);
}

describe('recording yearly figures as an officer', () => {
  it('creates the year, keeps figures left out and clears one sent as null, and audits each figure', async () => {
    const first = await officer.put(`/api/enterprises/${e.id}/years/2023`, {
      revenueFen: 1_000_00,
      rdFen: 50_00,
      staff: 20,
      techStaff: 5,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      year: 2023,
      recorded: true,
      revenueFen: 100000,
      rdFen: 5000,
      staff: 20,
      techStaff: 5,
      aboveScale: false,
      pendingChanges: [],
    });
    expect(first.json().provenance['years.2023.revenueFen'].source).toBe('officer');
    const second = await officer.put(`/api/enterprises/${e.id}/years/2023`, {
      rdFen: null,
      aboveScale: true,
    });
    expect(second.json()).toMatchObject({ revenueFen: 100000, rdFen: null, staff: 20, aboveScale: true });
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'enterprise.year_updated' AND entity_id = $1 ORDER BY seq",
      [e.id],
    );
    expect(rows[1]!.changes).toEqual({
      'years.2023.rdFen': [5000, null],
      'years.2023.aboveScale': [false, true],
      source: 'officer',
    });
  });

  it('lists the years newest first and answers 404 for a year without figures', async () => {
    await officer.put(`/api/enterprises/${e.id}/years/2024`, { staff: 25 });
    const list = (await officer.get(`/api/enterprises/${e.id}/years`)).json();
    expect(list.items.map((y: { year: number }) => y.year)).toEqual([2024, 2023]);
    expect((await officer.get(`/api/enterprises/${e.id}/years/2019`)).statusCode).toBe(404);
    expect((await officer.get(`/api/enterprises/${e.id}/years/1979`)).statusCode).toBe(400);
  });
});

describe('refusing inconsistent figures', () => {
  it('names both techStaff and staff in Chinese and in English when tech staff exceed staff, and writes nothing', async () => {
    const before = await yearRows();
    const zh = await officer.put(`/api/enterprises/${e.id}/years/2022`, { staff: 10, techStaff: 11 });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details.fields).toEqual([
      {
        field: 'techStaff',
        message: 'techStaff 不能大于职工总数 staff（10）',
        rule: 'tech_staff_exceeds_staff',
      },
      {
        field: 'staff',
        message: 'staff 不能小于科技人员数 techStaff（11）',
        rule: 'tech_staff_exceeds_staff',
      },
    ]);
    const en = await officer.put(`/api/enterprises/${e.id}/years/2022`, { staff: 10, techStaff: 11 }, EN);
    expect(en.json().error.details.fields[0].message).toBe('techStaff cannot exceed total staff, staff (10)');
    expect(await yearRows()).toBe(before);
  });

  it('checks the figures against those already recorded for the year', async () => {
    // 2023 has 20 staff recorded.
    const res = await officer.put(`/api/enterprises/${e.id}/years/2023`, { techStaff: 21 });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['techStaff', 'staff']);
  });

  it('refuses negative money and counts but accepts negative net assets, and refuses net assets above total assets', async () => {
    const negative = await officer.put(`/api/enterprises/${e.id}/years/2022`, {
      revenueFen: -1,
      rdFen: -2,
      staff: -3,
      totalAssetsFen: -4,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.fields).toEqual([
      expect.objectContaining({
        field: 'revenueFen',
        rule: 'money_negative',
        message: 'revenueFen 金额不能为负数',
      }),
      expect.objectContaining({ field: 'rdFen', rule: 'money_negative' }),
      expect.objectContaining({ field: 'staff', rule: 'count_negative' }),
      expect.objectContaining({ field: 'totalAssetsFen', rule: 'money_negative' }),
    ]);
    const insolvent = await officer.put(`/api/enterprises/${e.id}/years/2022`, {
      netAssetsFen: -500_00,
      totalAssetsFen: 1_000_00,
    });
    expect(insolvent.statusCode).toBe(200);
    expect(insolvent.json().netAssetsFen).toBe(-50000);
    const over = await officer.put(`/api/enterprises/${e.id}/years/2022`, { netAssetsFen: 2_000_00 });
    expect(over.statusCode).toBe(400);
    expect(fieldsOf(over.json())).toEqual(['netAssetsFen', 'totalAssetsFen']);
  });

  it('refuses a year after the current one, naming the year, and accepts the current year', async () => {
    const future = await officer.put(`/api/enterprises/${e.id}/years/2027`, { staff: 1 }, EN);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields).toEqual([
      { field: 'year', message: 'year cannot be after the current year (2026)', rule: 'year_in_future' },
    ]);
    expect((await officer.put(`/api/enterprises/${e.id}/years/2026`, { staff: 1 })).statusCode).toBe(200);
  });

  it('refuses unknown fields and money with fractions of a 分', async () => {
    const res = await officer.put(`/api/enterprises/${e.id}/years/2021`, { revenueFen: 1.5, profit: 3 });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).sort()).toEqual(['(body)', 'revenueFen']);
  });
});
