import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AUDIT_XLSX_HEADERS } from './audit.export.ts';

let t: TestContext;
let admin: Client;
let leader: Client;
let officer: Client;
let enterprise: Client;

const system = (requestId: string): RequestContext => ({ actor: null, requestId, ip: null, locale: 'zh-CN' });
const asUser = (username: string): RequestContext => ({
  actor: {
    userId: `id-${username}`,
    username,
    role: 'officer',
    scopeType: null,
    scopeId: null,
    sections: [],
  },
  requestId: `req-${username}`,
  ip: '10.0.0.9',
  locale: 'zh-CN',
});

/** Writes entries dated on the given day and time (UTC). */
async function record(
  ctx: RequestContext,
  action: string,
  entityType: string,
  entityId: string | null,
  at: string,
) {
  await t.db.transaction((tx) =>
    writeAudit(tx, ctx, { action, entityType, entityId, changes: { note: [null, action] } }, new Date(at)),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await userClient(t, { role: 'admin', username: 'audit.admin' });
  leader = await userClient(t, { role: 'leader', username: 'audit.leader' });
  officer = await userClient(t, { role: 'officer', username: 'audit.officer' });
  enterprise = await userClient(t, { role: 'enterprise', username: 'audit.ent' });
  await record(asUser('zhang.san'), 'programme.created', 'programme', 'p-1', '2026-03-01T02:00:00Z');
  await record(asUser('zhang.san'), 'programme.updated', 'programme', 'p-1', '2026-03-02T02:00:00Z');
  await record(asUser('li.si'), 'programme.created', 'programme', 'p-2', '2026-03-03T15:30:00Z');
  await record(asUser('li.si'), 'patent.created', 'patent', 'ZL202610000001.1', '2026-03-04T02:00:00Z');
  await record(system('cli-seed-1'), 'system.seeded', 'database', null, '2026-03-05T02:00:00Z');
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('answers 401 when anonymous, 403 for an officer or an enterprise, 200 for the admin and a leader', async () => {
    expect((await client(t.app).get('/api/audit')).statusCode).toBe(401);
    expect((await officer.get('/api/audit')).json().error.code).toBe('FORBIDDEN');
    expect((await enterprise.get('/api/audit')).statusCode).toBe(403);
    expect((await admin.get('/api/audit')).statusCode).toBe(200);
    expect((await leader.get('/api/audit')).statusCode).toBe(200);
  });

  it('lists newest first with the total and pages when pageSize is small', async () => {
    const all = (await admin.get('/api/audit?pageSize=200')).json();
    const seqs = all.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(all.total).toBe(all.items.length);
    const page2 = (await admin.get('/api/audit?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: expect.any(Number) });
    expect(page2.items.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(2, 4));
  });

  it('filters by action prefix, entity type and id, and actor', async () => {
    const byPrefix = (await admin.get('/api/audit?action=programme.')).json();
    expect(byPrefix.items.map((e: { entityId: string }) => e.entityId)).toEqual(['p-2', 'p-1', 'p-1']);
    expect(byPrefix.total).toBe(3);
    const exact = (
      await admin.get('/api/audit?action=programme.created&entityType=programme&entityId=p-1')
    ).json();
    expect(exact.items).toHaveLength(1);
    expect(exact.items[0]).toMatchObject({
      action: 'programme.created',
      actorName: 'zhang.san',
      ip: '10.0.0.9',
    });
    const byActor = (await admin.get('/api/audit?actor=LI.SI')).json();
    expect(byActor.items.map((e: { action: string }) => e.action)).toEqual([
      'patent.created',
      'programme.created',
    ]);
    const patents = (await admin.get('/api/audit?entityType=patent')).json();
    expect(patents.items.map((e: { entityId: string }) => e.entityId)).toEqual(['ZL202610000001.1']);
  });

  it('filters by time, reading dates in China time and date-times as given', async () => {
    // 2026-03-03T15:30Z is 23:30 on 3 March in Beijing: inside the day 03-03, outside 03-04.
    const day = (await admin.get('/api/audit?from=2026-03-03&to=2026-03-03')).json();
    expect(day.items.map((e: { entityId: string }) => e.entityId)).toEqual(['p-2']);
    const range = (
      await admin.get(
        `/api/audit?from=${encodeURIComponent('2026-03-02T00:00:00Z')}&to=${encodeURIComponent('2026-03-04T02:00:00Z')}`,
      )
    ).json();
    // `to` as a date-time is exclusive: the patent entry at exactly 03-04T02:00Z is left out.
    expect(range.items.map((e: { action: string }) => e.action)).toEqual([
      'programme.created',
      'programme.updated',
    ]);
  });

  it('answers 400 naming the field when to is before from or pageSize is too large, and nothing is listed', async () => {
    const res = await admin.get('/api/audit?from=2026-03-05&to=2026-03-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'querystring.to',
    ]);
    expect(res.json().error.message).toContain('结束时间须晚于开始时间');
    const big = await admin.get('/api/audit?pageSize=1000');
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details.fields[0].field).toBe('querystring.pageSize');
    expect((await admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });
});

describe('GET /api/audit/export.xlsx', () => {
  it('answers 401 when anonymous, 403 for an officer, 200 for a leader', async () => {
    expect((await client(t.app).get('/api/audit/export.xlsx')).statusCode).toBe(401);
    expect((await officer.get('/api/audit/export.xlsx')).statusCode).toBe(403);
    expect((await leader.get('/api/audit/export.xlsx')).statusCode).toBe(200);
  });

  it('exports the filtered entries newest first with Chinese headers, readable by exceljs, and records the export', async () => {
    const res = await admin.get('/api/audit/export.xlsx?action=programme.');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="audit-\d{12}\.xlsx"; filename\*=UTF-8''/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志');
    expect(sheet).toBeDefined();
    const rows = sheet!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual(AUDIT_XLSX_HEADERS);
    expect(rows[0]!.slice(1, 3)).toEqual(['序号', '时间（北京时间）']);
    const body = rows.slice(1);
    expect(body.map((r) => r[8])).toEqual(['p-2', 'p-1', 'p-1']);
    // 2026-03-03T15:30Z is 23:30 Beijing time; the role is written in Chinese; an empty scope is an empty cell.
    expect(body[0]!.slice(2, 7)).toEqual([
      '2026-03-03 23:30:00',
      'li.si',
      '科技局工作人员',
      undefined,
      'programme.created',
    ]);
    const exported = (await admin.get('/api/audit?action=audit.exported')).json();
    expect(exported.items[0]).toMatchObject({
      actorName: 'audit.admin',
      changes: { filters: { action: 'programme.' }, rows: 3 },
    });
  });

  it('answers 400 naming the field when the filters are invalid', async () => {
    const res = await admin.get('/api/audit/export.xlsx?from=2026-13-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('querystring.from');
  });
});

describe('POST /api/audit/verify', () => {
  it('answers 401 when anonymous and 403 for a leader or an officer', async () => {
    expect((await client(t.app).post('/api/audit/verify')).statusCode).toBe(401);
    expect((await leader.post('/api/audit/verify')).statusCode).toBe(403);
    expect((await officer.post('/api/audit/verify')).statusCode).toBe(403);
  });

  it('reports ok with the number of entries when the chain is intact, and records the verification', async () => {
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    const res = await admin.post('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, entries: Number(rows[0]!.n) });
    const last = (await admin.get('/api/audit?pageSize=1')).json().items[0];
    expect(last).toMatchObject({ action: 'audit.verified', actorName: 'audit.admin', changes: { ok: true } });
  });

  it('names the altered entry when a row was changed with SQL', async () => {
    const { rows } = await t.db.query<{ seq: string }>("SELECT seq FROM audit_log WHERE entity_id = 'p-2'");
    const seq = Number(rows[0]!.seq);
    await t.db.query(`UPDATE audit_log SET changes = '{"note":[null,"nothing happened"]}' WHERE seq = $1`, [
      seq,
    ]);
    const res = await admin.post('/api/audit/verify');
    expect(res.json()).toEqual({
      ok: false,
      entries: seq - 1,
      brokenAt: seq,
      reason: 'hash does not match the entry',
    });
  });
});

describe('OpenAPI', () => {
  it('documents the three endpoints with the list filters as query parameters', async () => {
    const doc = (await client(t.app).get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/audit', '/api/audit/export.xlsx', '/api/audit/verify']),
    );
    const names = doc.paths['/api/audit'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['action', 'entityType', 'entityId', 'actor', 'from', 'to', 'page', 'pageSize']),
    );
  });
});

describe('export limit', () => {
  it('refuses with AUDIT_EXPORT_TOO_LARGE when more than 100,000 entries match, before sending a file', async () => {
    await t.db.query(
      `INSERT INTO audit_log (seq, occurred_at, action, entity_type, prev_hash, hash)
       SELECT 1000000 + g, now(), 'bulk.row', 'bulk', '', '' FROM generate_series(1, 100001) AS g`,
    );
    await t.db.query('UPDATE audit_head SET seq = 1100001 WHERE id = 1');
    const res = await admin.get('/api/audit/export.xlsx?action=bulk.');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'AUDIT_EXPORT_TOO_LARGE',
      details: { count: 100001, max: 100000 },
    });
  });
});
