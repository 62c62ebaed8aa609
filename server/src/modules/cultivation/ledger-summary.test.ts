import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntryOf } from '@jinke/core/cultivation/ledger-inputs.ts';
import type { EntryItem, ProjectItem } from '@jinke/core/cultivation/ledger.contract.ts';
import { calibresOf } from '@jinke/core/cultivation/rd-calibres.rules.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { addEntry, createProject, enterpriseUser, insertEnterprise, type LedgerEnterpriseRef } from './ledger.fixtures.ts';

let t: TestContext;
let mine: LedgerEnterpriseRef;
let me: Client;

const URL = '/api/cultivation/ledger/summary';

/**
 * A hand-computed ledger (amounts in 分), software enterprise (I6531, neither manufacturing nor negative list):
 * 2023 — A (own): staff 4,500,000 + 4,500,000, direct inputs 900,000, other 1,100,001, building depreciation 500,000;
 *        B (entrusted, domestic organisation): entrusted 1,000,000, netted subsidy 200,000.
 *   高企: in-house 9,900,000 + 500,000 = 10,400,000; entrusted 80 % = 800,000; other cap ¼ × 11,200,000 = 2,800,000
 *        (not binding) → total 10,400,000 + 1,100,001 + 800,000 = 12,300,001.
 *   加计扣除: five items 9,900,000; other cap 9,900,000 ÷ 9 = 1,100,000 → binds by 1 分; + 800,000 − 200,000
 *        → base 11,600,000; 2023 rate 100 % (2023年第7号) → 11,600,000.
 *   difference 700,001 = building depreciation 500,000 + other costs 1 + subsidy 200,000.
 * 2022 — A: staff 400,000 in May, 1,200,000 in November. Rate 75 % all year, 100 % for Q4 (2022年第28号):
 *   比例法 Q4 = 1,600,000 × 3/12 = 400,000 → 400,000 + 75 % × 1,200,000 = 1,300,000;
 *   actual Q4 = 1,200,000 → 1,200,000 + 75 % × 400,000 = 1,500,000 → the better: 1,500,000.
 */
beforeAll(async () => {
  t = await createTestApp();
  mine = await insertEnterprise(t.db, { industryCode: '6531' });
  me = await enterpriseUser(t, mine);
  const a = await createProject(me, { code: 'A', startsOn: '2022-01-01', endsOn: '2023-12-31' });
  const b = await createProject(me, {
    code: 'B',
    kind: 'entrusted_domestic',
    payeeType: 'organisation',
    startsOn: '2023-01-01',
    endsOn: '2023-12-31',
  });
  await addEntry(me, a.id, '2023-03', 'staff', 4_500_000);
  await addEntry(me, a.id, '2023-09', 'staff', 4_500_000);
  await addEntry(me, a.id, '2023-04', 'direct_inputs', 900_000);
  await addEntry(me, a.id, '2023-05', 'other', 1_100_001);
  await addEntry(me, a.id, '2023-06', 'building_depreciation', 500_000);
  await addEntry(me, b.id, '2023-07', 'entrusted', 1_000_000);
  await addEntry(me, b.id, '2023-08', 'subsidy_netted', 200_000);
  await addEntry(me, a.id, '2022-05', 'staff', 400_000);
  await addEntry(me, a.id, '2022-11', 'staff', 1_200_000);
  await t.db.query(
    'INSERT INTO enterprise_years (enterprise_id, year, rd_fen) VALUES ($1, 2023, 12300001), ($1, 2022, 1500000)',
    [mine.id],
  );
});
afterAll(() => t.close());

describe('the ledger summary', () => {
  it('gives both calibres of a hand-computed year exactly, with a cap that binds by one 分', async () => {
    const res = await me.get(URL);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.enterprise).toMatchObject({ id: mine.id, industryCode: '6531' });
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023]);
    const y2023 = body.years[2];
    expect(y2023).toMatchObject({
      year: 2023,
      entryCount: 7,
      projectCount: 2,
      hnte: { totalFen: 12_300_001, domesticFen: 12_300_001, overseasFen: 0, domesticSharePct: '100' },
      registryRdFen: 12_300_001,
    });
    expect(y2023.calibres.hnte.otherCap).toMatchObject({ actualFen: 1_100_001, capFen: 2_800_000, binding: false });
    expect(y2023.calibres.superDeduction).toMatchObject({
      capMethod: 'pooled',
      fiveItemsFen: 9_900_000,
      otherCap: { actualFen: 1_100_001, capFen: 1_100_000, allowedFen: 1_100_000, reducedByFen: 1, binding: true },
      entrusted: { domesticPaidFen: 1_000_000, domesticCountedFen: 800_000 },
      adjustments: { subsidyNettedFen: 200_000, appliedFen: 200_000, unabsorbedFen: 0 },
      expensedBaseFen: 11_600_000,
      baseFen: 11_600_000,
    });
    expect(y2023.calibres.difference).toMatchObject({ hnteTotalFen: 12_300_001, superBaseFen: 11_600_000, differenceFen: 700_001 });
    expect(
      y2023.calibres.difference.lines.map((l: { id: string; deltaFen: number }) => [l.id, l.deltaFen]).sort(),
    ).toEqual([
      ['adjustments', 200_000],
      ['only-hnte:building_depreciation', 500_000],
      ['other-costs', 1],
    ]);
    expect(y2023.superDeduction).toMatchObject({
      eligible: true,
      ratePct: 100,
      record: { id: 'mof-sat-2023-7-100', document: '财政部 税务总局公告2023年第7号' },
      expensedBaseFen: 11_600_000,
      additionalDeductionFen: 11_600_000,
    });
    expect(y2023.warnings).toEqual([
      expect.objectContaining({ id: 'super-other-cap', amountFen: 1, lineId: 'other-costs' }),
    ]);
  });

  it('takes the better of 比例法 and the actual fourth-quarter costs in 2022, from the ledger’s months', async () => {
    const y2022 = (await me.get(`${URL}?year=2023`)).json().years[1];
    expect(y2022.superDeduction).toMatchObject({
      ratePct: 75,
      record: { id: 'mof-sat-2021-6-75' },
      expensedBaseFen: 1_600_000,
      chosenMethod: 'actual',
      alternatives: [
        { method: 'proportional', periodBaseFen: 400_000, additionalFen: 1_300_000 },
        { method: 'actual', periodBaseFen: 1_200_000, additionalFen: 1_500_000 },
      ],
      additionalDeductionFen: 1_500_000,
    });
    expect(y2022.superDeduction.portions).toEqual([
      expect.objectContaining({ recordId: 'mof-sat-2021-6-75', baseFen: 400_000, additionalFen: 300_000, method: 'annual' }),
      expect.objectContaining({
        recordId: 'mof-sat-most-2022-28-q4-100',
        baseFen: 1_200_000,
        additionalFen: 1_200_000,
        method: 'actual',
        document: '财政部 税务总局 科技部公告2022年第28号',
      }),
    ]);
    expect(y2022.warnings).toEqual([expect.objectContaining({ id: 'registry-rd-differs', amountFen: 100_000 })]);
  });

  it('shows an empty year as zeros and ends the three years at the requested one', async () => {
    const body = (await me.get(`${URL}?year=2022`)).json();
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022]);
    expect(body.years[1]).toMatchObject({ entryCount: 0, hnte: { totalFen: 0 }, superDeduction: { additionalDeductionFen: 0 } });
    expect((await me.get(`${URL}?year=2007`)).statusCode).toBe(400);
  });
});

/** JSON with every array's items in a fixed order: lists follow the order the entries came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

describe('summing in the database', () => {
  it('gives, as served, exactly the calibres the rules give on every entry one by one', async () => {
    const projects: ProjectItem[] = (await me.get('/api/cultivation/ledger/projects')).json().items;
    const entries: EntryItem[] = (await me.get('/api/cultivation/ledger/entries?pageSize=200')).json().items;
    const served = (await me.get(`${URL}?year=2023`)).json().years;
    for (const year of [2022, 2023]) {
      const oneByOne = calibresOf(
        year,
        entries
          .filter((e) => e.month.startsWith(`${year}-`))
          .map((e) => {
            const p = projects.find((x) => x.id === e.projectId)!;
            return ledgerEntryOf({ ...p, projectCode: p.code, category: e.category, nonTaxable: e.nonTaxable, amountFen: BigInt(e.amountFen) });
          }),
      );
      expect(canonical(served.find((y: { year: number }) => y.year === year).calibres)).toBe(canonical(oneByOne));
    }
  });
});

describe('the enterprise’s profile from the registry', () => {
  async function ledgerOf(industryCode: string, year: number, amountFen: number) {
    const e = await insertEnterprise(t.db, { industryCode });
    const c = await enterpriseUser(t, e);
    const p = await createProject(c, { code: 'P', startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
    await addEntry(c, p.id, `${year}-06`, 'staff', amountFen);
    return { e, c };
  }

  it('gives a manufacturer (门类 C) 100 % in 2022 under 2021年第13号', async () => {
    const { c } = await ledgerOf('4190', 2022, 1_000_000);
    const y = (await c.get(URL)).json().years[2];
    expect(y.superDeduction).toMatchObject({
      enterprise: { manufacturing: true },
      record: { id: 'mof-sat-2021-13-manufacturing-100', ratePct: 100 },
      additionalDeductionFen: 1_000_000,
      portions: [expect.objectContaining({ method: 'annual' })],
    });
  });

  it('gives a 科技型中小企业 of the year 100 % in 2022 under 2022年第16号', async () => {
    const { e, c } = await ledgerOf('6531', 2022, 1_000_000);
    await t.db.query(
      `INSERT INTO qualifications (holder_type, holder_id, kind, issued_on, valid_to) VALUES ('enterprise', $1, 'tsme', '2022-04-01', '2022-12-31')`,
      [e.id],
    );
    const y = (await c.get(URL)).json().years[2];
    expect(y.superDeduction).toMatchObject({ enterprise: { tsme: true }, record: { id: 'mof-sat-most-2022-16-tsme-100' }, additionalDeductionFen: 1_000_000 });
  });

  it('gives a negative-list industry no super-deduction, and says why', async () => {
    const { c } = await ledgerOf('5111', 2023, 1_000_000);
    const y = (await c.get(URL)).json().years[2];
    expect(y.superDeduction).toMatchObject({ eligible: false, enterprise: { negativeList: true }, additionalDeductionFen: 0 });
    expect(y.superDeduction.reasons[0].zh).toContain('负面清单');
    expect(y.hnte.totalFen).toBe(1_000_000);
  });
});

describe('who may read the summary', () => {
  it('lets officers and the enterprise’s town read it, and no one else', async () => {
    const other = await insertEnterprise(t.db, { townCode: '350582102' });
    const them = await enterpriseUser(t, other);
    expect((await them.get(`${URL}?enterpriseId=${mine.id}`)).statusCode).toBe(404);
    const officer = await userClient(t, { role: 'officer' });
    expect((await officer.get(`${URL}?enterpriseId=${mine.id}&year=2023`)).json().years[2].hnte.totalFen).toBe(12_300_001);
    expect((await officer.get(URL)).statusCode).toBe(400);
    const town = await userClient(t, { role: 'town', scopeId: '350582101' });
    expect((await town.get(`${URL}?enterpriseId=${mine.id}`)).statusCode).toBe(200);
    expect((await town.get(`${URL}?enterpriseId=${other.id}`)).statusCode).toBe(404);
    for (const role of ['leader', 'expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get(`${URL}?enterpriseId=${mine.id}`)).statusCode).toBe(403);
    }
  });
});
