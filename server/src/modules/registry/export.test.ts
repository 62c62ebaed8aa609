import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterpriseImportColumns,
  patentImportColumns,
  sheetColumns,
} from '@jinke/core/registry/import.contract.ts';
import {
  client,
  createTestApp,
  testCipher,
  userClient,
  type Client,
  type TestContext,
} from '../../../test/harness.ts';
import { XLSX_CONTENT_TYPE } from '../../platform/xlsx.ts';
import { enterpriseRows, importWorkbook, type FixtureRow } from './import-fixtures.ts';

let ctx: TestContext;
let officer: Client;
const rows = enterpriseRows(30, 51);
/** Rows of 安海镇 (350582101) in the fixture. */
const anhai = rows.filter((r) => r.townCode === '安海镇');

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await userClient(ctx, { role: 'officer' });
  const res = await importInto(officer, 'enterprises', await importWorkbook('enterprises', rows));
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => {
  await ctx.close();
});

function importInto(c: Client, kind: string, body: Buffer) {
  return c.post(`/api/import/${kind}`, body, { 'content-type': XLSX_CONTENT_TYPE });
}

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** Data rows (from row 3) as { key: text }. */
async function exported(c: Client, url: string): Promise<Record<string, string>[]> {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX_CONTENT_TYPE);
  const sheet = await sheetOf(res.rawPayload);
  const keys = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const out: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n < 3) return;
    const values = row.values as unknown[];
    out.push(
      Object.fromEntries(
        keys.map((k, i) => [
          k,
          values[i + 1] === undefined || values[i + 1] === null ? '' : String(values[i + 1]),
        ]),
      ),
    );
  });
  return out;
}

async function snapshot() {
  const { rows: stored } = await ctx.db.query<Record<string, unknown> & { contact_phone_enc: string | null }>(
    `SELECT uscc, name, former_names, legal_rep, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, address, town_code, industry_code,
            hitech_field, staff, revenue_fen, contact_name, contact_phone_enc FROM enterprises ORDER BY uscc`,
  );
  return stored.map(({ contact_phone_enc, ...rest }) => ({
    ...rest,
    phone: contact_phone_enc ? testCipher.decrypt(contact_phone_enc) : null,
  }));
}

describe('GET /api/export/enterprises.xlsx', () => {
  it('writes every enterprise under the import template’s headers and keys, and audits the export', async () => {
    const res = await officer.get('/api/export/enterprises.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = await sheetOf(res.rawPayload);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      enterpriseImportColumns.map((c) => c.header),
    );
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(enterpriseImportColumns.map((c) => c.key));
    expect(sheet.actualRowCount).toBe(32);
    const { rows: audit } = await ctx.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'registry.exported' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit[0]!.changes).toMatchObject({ kind: 'enterprises', rows: 30, personalData: true });
  });

  it('imports its own export back to the same records when the enterprises are removed in between', async () => {
    const before = await snapshot();
    const file = (await officer.get('/api/export/enterprises.xlsx')).rawPayload;
    await ctx.db.query('DELETE FROM field_provenance');
    await ctx.db.query('DELETE FROM enterprises');
    const res = await importInto(officer, 'enterprises', file);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json().summary).toMatchObject({ rows: 30, created: 30 });
    expect(await snapshot()).toEqual(before);
  });

  it('applies the list filters when the query names a town or a text', async () => {
    const byTown = await exported(officer, '/api/export/enterprises.xlsx?town=350582101');
    expect(byTown.map((r) => r.uscc).sort()).toEqual(anhai.map((r) => String(r.uscc)).sort());
    expect(new Set(byTown.map((r) => r.townCode))).toEqual(new Set(['安海镇']));
    const byName = await exported(
      officer,
      `/api/export/enterprises.xlsx?q=${encodeURIComponent(String(rows[4]!.name))}`,
    );
    expect(byName.map((r) => r.uscc)).toContain(rows[4]!.uscc);
    expect((await officer.get('/api/export/enterprises.xlsx?town=12')).statusCode).toBe(400);
  });

  it('limits a town user to its town and an enterprise user to itself, with phones masked', async () => {
    const town = await userClient(ctx, { role: 'town', scopeId: '350582101' });
    const townRows = await exported(town, '/api/export/enterprises.xlsx');
    expect(townRows.map((r) => r.uscc).sort()).toEqual(anhai.map((r) => String(r.uscc)).sort());
    expect(townRows[0]!.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const own = rows[9]!;
    const enterprise = await userClient(ctx, { role: 'enterprise', scopeId: String(own.uscc) });
    const ownRows = await exported(enterprise, '/api/export/enterprises.xlsx');
    expect(ownRows.map((r) => r.uscc)).toEqual([own.uscc]);
  });

  it('refuses anonymous callers (401) and experts, banks and providers (403)', async () => {
    expect((await client(ctx.app).get('/api/export/enterprises.xlsx')).statusCode).toBe(401);
    for (const role of ['expert', 'bank', 'provider'] as const) {
      const c = await userClient(ctx, { role });
      expect((await c.get('/api/export/enterprises.xlsx')).statusCode, role).toBe(403);
      expect((await c.get('/api/export/enterprise-years.xlsx')).statusCode, role).toBe(403);
    }
    const leader = await userClient(ctx, { role: 'leader' });
    expect((await leader.get('/api/export/enterprises.xlsx')).statusCode).toBe(200);
  });
});

describe('other exports', () => {
  it('exports yearly figures, one year when asked, in a file that imports back as updates', async () => {
    const years: FixtureRow[] = rows.slice(0, 3).flatMap((r) => [
      { uscc: r.uscc, year: 2023, revenueFen: '1000.00', staff: 20, techStaff: 4, aboveScale: '否' },
      { uscc: r.uscc, year: 2024, revenueFen: '2000.55', staff: 25, techStaff: 5, aboveScale: '是' },
    ]);
    expect(
      (await importInto(officer, 'enterprise-years', await importWorkbook('enterprise-years', years)))
        .statusCode,
    ).toBe(200);
    const all = await exported(officer, '/api/export/enterprise-years.xlsx');
    expect(all).toHaveLength(6);
    const only2024 = await exported(officer, '/api/export/enterprise-years.xlsx?year=2024');
    expect(only2024.map((r) => [r.year, r.revenueFen, r.aboveScale])).toEqual([
      ['2024', '2000.55', '是'],
      ['2024', '2000.55', '是'],
      ['2024', '2000.55', '是'],
    ]);
    const again = await importInto(
      officer,
      'enterprise-years',
      (await officer.get('/api/export/enterprise-years.xlsx')).rawPayload,
    );
    expect(again.json()).toMatchObject({ summary: { rows: 6, created: 0, updated: 6 } });
  });

  it('exports patents with applicants and the first applicant’s credit code, scoped for towns', async () => {
    const holder = rows.find((r) => r.townCode === '安海镇')!;
    const patents = [
      {
        applicationNo: '201710601862.3',
        title: '一种防滑鞋底',
        filedOn: '2017-07-20',
        applicants: `${holder.name}；张三`,
        firstApplicantUscc: holder.uscc,
      },
    ];
    expect((await importInto(officer, 'patents', await importWorkbook('patents', patents))).statusCode).toBe(
      200,
    );
    const res = await officer.get('/api/export/patents.xlsx');
    const sheet = await sheetOf(res.rawPayload);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(patentImportColumns.map((c) => c.header));
    const [p] = await exported(officer, '/api/export/patents.xlsx');
    expect(p).toMatchObject({
      applicationNo: '201710601862.3',
      type: '发明',
      legalStatus: '审中',
      applicants: `${holder.name}；张三`,
      firstApplicantUscc: holder.uscc,
      townCode: '安海镇',
    });
    const otherTown = await userClient(ctx, { role: 'town', scopeId: '350582102' });
    expect(await exported(otherTown, '/api/export/patents.xlsx')).toEqual([]);
    expect(
      (await (await userClient(ctx, { role: 'expert' })).get('/api/export/patents.xlsx')).statusCode,
    ).toBe(403);
  });

  it('exports experts in clear for officers, and only their own record to an expert', async () => {
    const experts = [
      { code: 'EXP-0001', name: '王五', phone: '13905951234', idCard: '11010519491231002X' },
      { code: 'EXP-0002', name: '赵六' },
    ];
    expect((await importInto(officer, 'experts', await importWorkbook('experts', experts))).statusCode).toBe(
      200,
    );
    const all = await exported(officer, '/api/export/experts.xlsx');
    expect(all.map((r) => [r.code, r.phone, r.idCard, r.available])).toEqual([
      ['EXP-0001', '13905951234', '11010519491231002X', '是'],
      ['EXP-0002', '', '', '是'],
    ]);
    const expert = await userClient(ctx, { role: 'expert', scopeId: 'EXP-0001' });
    expect((await exported(expert, '/api/export/experts.xlsx')).map((r) => r.code)).toEqual(['EXP-0001']);
    expect((await (await userClient(ctx, { role: 'town' })).get('/api/export/experts.xlsx')).statusCode).toBe(
      403,
    );
  });

  it('exports institutes with their kind in Chinese', async () => {
    await ctx.db.query(
      "INSERT INTO institutes (name, kind, town_code) VALUES ('晋江市示例研究院', 'new_rnd_institution', '350582101')",
    );
    const list = await exported(officer, '/api/export/institutes.xlsx');
    expect(list).toEqual([
      { name: '晋江市示例研究院', kind: '新型研发机构', uscc: '', address: '', townCode: '安海镇' },
    ]);
    expect(Object.keys(list[0]!)).toEqual(sheetColumns.institutes.map((c) => c.key));
    expect((await client(ctx.app).get('/api/export/institutes.xlsx')).statusCode).toBe(401);
  });
});
