import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import {
  EN,
  addEntry,
  countRows,
  createProject,
  enterpriseUser,
  insertEnterprise,
  project,
  type LedgerEnterpriseRef,
} from './ledger.fixtures.ts';

let t: TestContext;
let mine: LedgerEnterpriseRef;
let other: LedgerEnterpriseRef;
let me: Client;
let them: Client;
let officer: Client;

const URL = '/api/cultivation/ledger/projects';

beforeAll(async () => {
  t = await createTestApp();
  mine = await insertEnterprise(t.db, { townCode: '350582101' });
  other = await insertEnterprise(t.db, { townCode: '350582102' });
  me = await enterpriseUser(t, mine);
  them = await enterpriseUser(t, other);
  officer = await userClient(t, { role: 'officer' });
});
afterAll(() => t.close());

async function auditOf(action: string, entityId: string) {
  const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
    'SELECT changes FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY seq',
    [action, entityId],
  );
  return rows.map((r) => r.changes);
}

describe('R&D projects of an enterprise user', () => {
  it('creates a project for its own enterprise, lists it with its entries’ figures and audits it', async () => {
    const res = await me.post(URL, project({ code: 'RD-A', contractor: '' }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      enterpriseId: mine.id,
      code: 'RD-A',
      kind: 'own',
      startsOn: '2022-01-01',
      endsOn: '2023-12-31',
      capitalised: false,
      payeeType: null,
      contractor: null,
      entryCount: 0,
      totalFen: 0,
      firstMonth: null,
    });
    await addEntry(me, created.id, '2022-03', 'staff', 12_345);
    await addEntry(me, created.id, '2023-11', 'other', 5);
    const list = (await me.get(URL)).json();
    expect(list.enterprise).toEqual({ id: mine.id, uscc: mine.uscc, name: mine.name });
    expect(list.items).toEqual([
      expect.objectContaining({ code: 'RD-A', entryCount: 2, totalFen: 12_350, firstMonth: '2022-03', lastMonth: '2023-11' }),
    ]);
    expect(await auditOf('ledger.project_created', created.id)).toEqual([
      expect.objectContaining({ enterpriseId: mine.id, code: [null, 'RD-A'], kind: [null, 'own'] }),
    ]);
  });

  it('refuses a code the enterprise already uses (409) but lets another enterprise use it', async () => {
    await createProject(me, { code: 'RD-DUP' });
    const again = await me.post(URL, project({ code: 'RD-DUP' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'LEDGER_PROJECT_CODE_TAKEN', details: { field: 'code' } });
    expect((await them.post(URL, project({ code: 'RD-DUP' }))).statusCode).toBe(201);
  });

  it('names the field of every problem and writes nothing', async () => {
    const before = await countRows(t.db, 'rd_projects', mine.id);
    const res = await me.post(URL, project({ code: 'E-1', kind: 'entrusted_overseas', endsOn: '2021-12-31' }), EN);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'endsOn',
      'payeeType',
      'contractRegistered',
    ]);
    const blank = await me.post(URL, { ...project(), code: 'has space', startsOn: '2023-02-30' });
    expect(blank.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['code', 'startsOn']);
    expect(await countRows(t.db, 'rd_projects', mine.id)).toBe(before);
  });

  it('changes a project, audits the difference, and refuses dates that would leave entries outside', async () => {
    const p = await createProject(me, { code: 'RD-EDIT', startsOn: '2023-01-01', endsOn: '2023-12-31' });
    await addEntry(me, p.id, '2023-06', 'staff', 100);
    const renamed = await me.patch(`${URL}/${p.id}`, { name: '新名称', capitalised: true });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '新名称', capitalised: true, entryCount: 1 });
    expect(await auditOf('ledger.project_updated', p.id)).toEqual([
      { name: ['智能交通信号控制系统研发', '新名称'], capitalised: [false, true] },
    ]);
    const shrink = await me.patch(`${URL}/${p.id}`, { endsOn: '2023-05-31' });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'endsOn', rule: 'entries_outside' }),
    ]);
    const entrusted = await me.patch(`${URL}/${p.id}`, { kind: 'entrusted_domestic', payeeType: 'organisation' });
    expect(entrusted.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'kind', rule: 'entries_wrong_category' }),
    ]);
    expect((await me.get(`${URL}/${p.id}`)).json()).toMatchObject({ endsOn: '2023-12-31', kind: 'own' });
  });

  it('deletes a project with its entries and records how many', async () => {
    const p = await createProject(me, { code: 'RD-DEL' });
    await addEntry(me, p.id, '2023-01', 'staff', 700);
    await addEntry(me, p.id, '2023-02', 'staff', 300);
    const res = await me.delete(`${URL}/${p.id}`);
    expect(res.statusCode).toBe(200);
    expect((await me.get(`${URL}/${p.id}`)).statusCode).toBe(404);
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM rd_ledger_entries WHERE project_id = $1', [p.id]);
    expect(rows[0]!.n).toBe('0');
    expect(await auditOf('ledger.project_deleted', p.id)).toEqual([
      expect.objectContaining({ code: ['RD-DEL', null], entries: [2, 0], totalFen: [1000, 0] }),
    ]);
  });
});

describe('who may see and keep projects', () => {
  let theirs: { id: string };
  beforeAll(async () => {
    theirs = await createProject(them, { code: 'THEIRS' });
  });

  it('answers 404 for another enterprise’s project, to read, change or delete, and leaves it unchanged', async () => {
    expect((await me.get(`${URL}/${theirs.id}`)).statusCode).toBe(404);
    expect((await me.patch(`${URL}/${theirs.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await me.delete(`${URL}/${theirs.id}`)).statusCode).toBe(404);
    expect((await me.get(`${URL}?enterpriseId=${other.id}`)).statusCode).toBe(404);
    expect((await them.get(`${URL}/${theirs.id}`)).json().name).toBe('智能交通信号控制系统研发');
  });

  it('lets an officer and an administrator read any enterprise’s projects but not write them', async () => {
    const admin = await userClient(t, { role: 'admin' });
    for (const reader of [officer, admin]) {
      expect((await reader.get(`${URL}?enterpriseId=${other.id}`)).json().items.map((p: { code: string }) => p.code)).toContain(
        'THEIRS',
      );
      expect((await reader.get(`${URL}/${theirs.id}`)).statusCode).toBe(200);
      expect((await reader.post(URL, { ...project({ code: 'BUREAU' }), enterpriseId: other.id })).statusCode).toBe(403);
      expect((await reader.patch(`${URL}/${theirs.id}`, { name: 'x' })).statusCode).toBe(403);
      expect((await reader.delete(`${URL}/${theirs.id}`)).statusCode).toBe(403);
    }
  });

  it('asks the bureau which enterprise it means', async () => {
    const res = await officer.get(URL);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'enterpriseId', rule: 'required' })]);
  });

  it('lets a town read its own town’s enterprises only', async () => {
    const town = await userClient(t, { role: 'town', scopeId: '350582101' });
    expect((await town.get(`${URL}?enterpriseId=${mine.id}`)).statusCode).toBe(200);
    expect((await town.get(`${URL}?enterpriseId=${other.id}`)).statusCode).toBe(404);
    expect((await town.get(`${URL}/${theirs.id}`)).statusCode).toBe(404);
    expect((await town.post(URL, { ...project({ code: 'TOWN' }), enterpriseId: mine.id })).statusCode).toBe(403);
  });

  it('refuses other roles with 403', async () => {
    for (const role of ['leader', 'expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get(`${URL}?enterpriseId=${mine.id}`)).statusCode).toBe(403);
      expect((await c.get(`${URL}/${theirs.id}`)).statusCode).toBe(403);
    }
  });

  it('answers 404 to an enterprise account whose enterprise is not registered', async () => {
    const stray = await userClient(t, { role: 'enterprise', scopeId: '91350582MA2YQ1XK6P' });
    expect((await stray.get(URL)).statusCode).toBe(404);
  });
});
