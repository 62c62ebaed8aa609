import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import {
  EN,
  addEntry,
  countRows,
  createProject,
  enterpriseUser,
  insertEnterprise,
  type LedgerEnterpriseRef,
} from './ledger.fixtures.ts';

let t: TestContext;
let mine: LedgerEnterpriseRef;
let other: LedgerEnterpriseRef;
let me: Client;
let them: Client;
let own: { id: string };
let entrusted: { id: string };
let theirs: { id: string };

const URL = '/api/cultivation/ledger/entries';

beforeAll(async () => {
  t = await createTestApp();
  mine = await insertEnterprise(t.db);
  other = await insertEnterprise(t.db, { townCode: '350582102' });
  me = await enterpriseUser(t, mine);
  them = await enterpriseUser(t, other);
  own = await createProject(me, { code: 'OWN', startsOn: '2023-03-15', endsOn: '2024-02-10' });
  entrusted = await createProject(me, {
    code: 'ENT',
    kind: 'entrusted_domestic',
    payeeType: 'organisation',
    startsOn: '2023-01-01',
    endsOn: null,
  });
  theirs = await createProject(them, { code: 'THEIRS' });
});
afterAll(() => t.close());

describe('recording entries', () => {
  it('records an entry in the project’s first and last month and audits it', async () => {
    const res = await me.post(URL, {
      projectId: own.id,
      month: '2023-03',
      category: 'staff',
      amountFen: 9_000_000,
      voucherNo: '记-2023-03-018',
      note: '',
    });
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      projectCode: 'OWN',
      month: '2023-03',
      category: 'staff',
      amountFen: 9_000_000,
      nonTaxable: false,
      voucherNo: '记-2023-03-018',
      note: null,
    });
    expect((await me.post(URL, { projectId: own.id, month: '2024-02', category: 'other', amountFen: 1 })).statusCode).toBe(201);
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'ledger.entry_created' AND entity_id = $1",
      [entry.id],
    );
    expect(rows[0]!.changes).toMatchObject({ enterpriseId: mine.id, projectCode: [null, 'OWN'], amountFen: [null, 9_000_000] });
  });

  it('refuses a negative amount, a month outside the project and an unknown category, naming each field, and writes nothing', async () => {
    const before = await countRows(t.db, 'rd_ledger_entries', mine.id);
    const negative = await me.post(URL, { projectId: own.id, month: '2023-05', category: 'staff', amountFen: -100 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'amountFen', rule: 'money_negative', message: 'amountFen 金额不能为负数' }),
    ]);
    const early = await me.post(URL, { projectId: own.id, month: '2023-02', category: 'staff', amountFen: 100 }, EN);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields).toEqual([
      {
        field: 'month',
        rule: 'month_outside_project',
        message: 'month is outside the months of project OWN (2023-03 – 2024-02)',
      },
    ]);
    const late = await me.post(URL, { projectId: own.id, month: '2024-03', category: 'staff', amountFen: 100 });
    expect(late.json().error.details.fields[0].field).toBe('month');
    const unknown = await me.post(URL, { projectId: own.id, month: '2023-05', category: 'lunch', amountFen: 100 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('category');
    const badMonth = await me.post(URL, { projectId: own.id, month: '2023-13', category: 'staff', amountFen: 100 });
    expect(badMonth.json().error.details.fields).toEqual([expect.objectContaining({ field: 'month', rule: 'month_format' })]);
    expect(await countRows(t.db, 'rd_ledger_entries', mine.id)).toBe(before);
  });

  it('keeps entrusted amounts in entrusted projects and refuses the fiscal-funds flag on a subsidy', async () => {
    const inHouse = await me.post(URL, { projectId: entrusted.id, month: '2023-05', category: 'staff', amountFen: 100 });
    expect(inHouse.json().error.details.fields).toEqual([expect.objectContaining({ field: 'category', rule: 'category_not_for_kind' })]);
    const misplaced = await me.post(URL, { projectId: own.id, month: '2023-05', category: 'entrusted', amountFen: 100 });
    expect(misplaced.json().error.details.fields).toEqual([expect.objectContaining({ field: 'category', rule: 'category_not_for_kind' })]);
    const flagged = await me.post(URL, { projectId: own.id, month: '2023-05', category: 'subsidy_netted', amountFen: 100, nonTaxable: true });
    expect(flagged.json().error.details.fields).toEqual([expect.objectContaining({ field: 'nonTaxable', rule: 'flag_on_adjustment' })]);
    expect((await me.post(URL, { projectId: entrusted.id, month: '2023-05', category: 'entrusted', amountFen: 100 })).statusCode).toBe(201);
  });

  it('changes an entry within the same rules and audits the difference', async () => {
    const e = await addEntry(me, own.id, '2023-06', 'direct_inputs', 500);
    const moved = await me.patch(`${URL}/${e.id}`, { month: '2023-07', amountFen: 501 });
    expect(moved.json()).toMatchObject({ month: '2023-07', amountFen: 501, category: 'direct_inputs' });
    const outside = await me.patch(`${URL}/${e.id}`, { projectId: entrusted.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0]).toMatchObject({ field: 'category' });
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'ledger.entry_updated' AND entity_id = $1",
      [e.id],
    );
    expect(rows.map((r) => r.changes)).toEqual([{ month: ['2023-06', '2023-07'], amountFen: [500, 501] }]);
    expect((await me.delete(`${URL}/${e.id}`)).statusCode).toBe(200);
    expect((await me.get(`${URL}/${e.id}`)).statusCode).toBe(404);
  });
});

describe('listing entries', () => {
  let lister: Client;
  let project: { id: string };
  beforeAll(async () => {
    const e = await insertEnterprise(t.db);
    lister = await enterpriseUser(t, e);
    project = await createProject(lister, { code: 'L', startsOn: '2022-01-01', endsOn: '2024-12-31' });
    const other = await createProject(lister, { code: 'M', startsOn: '2022-01-01', endsOn: '2024-12-31' });
    for (let i = 0; i < 12; i++) await addEntry(lister, project.id, `2023-${String(i + 1).padStart(2, '0')}`, i % 2 ? 'staff' : 'other', 100 + i);
    await addEntry(lister, other.id, '2022-12', 'staff', 1_000);
    await addEntry(lister, other.id, '2023-05', 'design', 7);
  });

  it('pages in month order and sums every page', async () => {
    const page = (await lister.get(`${URL}?year=2023&pageSize=5&page=2`)).json();
    expect(page).toMatchObject({ total: 13, page: 2, pageSize: 5, sumFen: 100 * 12 + 66 + 7 });
    expect(page.items.map((e: { month: string; projectCode: string }) => `${e.month} ${e.projectCode}`)).toEqual([
      '2023-05 M',
      '2023-06 L',
      '2023-07 L',
      '2023-08 L',
      '2023-09 L',
    ]);
  });

  it('filters by project, month and category', async () => {
    expect((await lister.get(`${URL}?projectId=${project.id}&category=staff`)).json()).toMatchObject({ total: 6, sumFen: 6 * 100 + 1 + 3 + 5 + 7 + 9 + 11 });
    expect((await lister.get(`${URL}?month=2023-05`)).json().total).toBe(2);
    expect((await lister.get(`${URL}?year=2022`)).json()).toMatchObject({ total: 1, sumFen: 1_000 });
    expect((await lister.get(`${URL}?year=2022&month=2023-05`)).json().total).toBe(0);
    expect((await lister.get(`${URL}?category=lunch`)).statusCode).toBe(400);
    expect((await lister.get(`${URL}?pageSize=201`)).statusCode).toBe(400);
  });
});

describe('who may see and keep entries', () => {
  let theirEntry: { id: string };
  beforeAll(async () => {
    theirEntry = await addEntry(them, theirs.id, '2023-01', 'staff', 100);
  });

  it('answers 404 for another enterprise’s entries and projects and leaves them unchanged', async () => {
    expect((await me.get(`${URL}/${theirEntry.id}`)).statusCode).toBe(404);
    expect((await me.patch(`${URL}/${theirEntry.id}`, { amountFen: 1 })).statusCode).toBe(404);
    expect((await me.delete(`${URL}/${theirEntry.id}`)).statusCode).toBe(404);
    expect((await me.post(URL, { projectId: theirs.id, month: '2023-02', category: 'staff', amountFen: 1 })).statusCode).toBe(404);
    expect((await me.get(`${URL}?enterpriseId=${other.id}`)).statusCode).toBe(404);
    expect((await me.get(`${URL}?projectId=${theirs.id}`)).json().total).toBe(0);
    expect((await them.get(`${URL}/${theirEntry.id}`)).json().amountFen).toBe(100);
    expect(await countRows(t.db, 'rd_ledger_entries', other.id)).toBe(1);
  });

  it('lets officers read but not write, towns read their own town, and refuses other roles', async () => {
    const officer = await userClient(t, { role: 'officer' });
    expect((await officer.get(`${URL}?enterpriseId=${other.id}`)).json().total).toBe(1);
    expect((await officer.get(`${URL}/${theirEntry.id}`)).statusCode).toBe(200);
    expect((await officer.post(URL, { projectId: theirs.id, month: '2023-02', category: 'staff', amountFen: 1 })).statusCode).toBe(403);
    expect((await officer.patch(`${URL}/${theirEntry.id}`, { amountFen: 1 })).statusCode).toBe(403);
    expect((await officer.delete(`${URL}/${theirEntry.id}`)).statusCode).toBe(403);
    const town = await userClient(t, { role: 'town', scopeId: '350582102' });
    expect((await town.get(`${URL}/${theirEntry.id}`)).statusCode).toBe(200);
    expect((await town.get(`${URL}?enterpriseId=${mine.id}`)).statusCode).toBe(404);
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get(`${URL}?enterpriseId=${other.id}`)).statusCode).toBe(403);
    expect((await leader.get(`${URL}/${theirEntry.id}`)).statusCode).toBe(403);
  });
});
