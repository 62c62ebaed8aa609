import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetColumns } from '@jinke/core/registry/import.contract.ts';
import {
  client,
  createTestApp,
  testCipher,
  userClient,
  type Client,
  type TestContext,
} from '../../../test/harness.ts';
import { XLSX_CONTENT_TYPE } from '../../platform/xlsx.ts';
import { testUscc } from './enterprise.fixtures.ts';
import { exportCommand } from './export.commands.ts';

let t: TestContext;
let officer: Client;
const ANHAI = '350582101';
const CIZAO = '350582102';
const anhaiFirm = { uscc: testUscc(7001), name: '晋江安海示例鞋业有限公司' };
const cizaoFirm = { uscc: testUscc(7002), name: '晋江磁灶示例陶瓷有限公司' };
let anhaiFirmId: string;

async function insert(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(`${sql} RETURNING id`, params as never);
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  const firm = 'INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3)';
  anhaiFirmId = await insert(firm, [anhaiFirm.uscc, anhaiFirm.name, ANHAI]);
  const cizaoFirmId = await insert(firm, [cizaoFirm.uscc, cizaoFirm.name, CIZAO]);
  const talent =
    'INSERT INTO talents (kind, name, leader_name, enterprise_id, programme, year, field) VALUES ($1, $2, $3, $4, $5, $6, $7)';
  await insert(talent, [
    'team',
    '石墨烯鞋材创业团队',
    '陈某',
    anhaiFirmId,
    '泉州市高层次人才团队',
    2017,
    '新材料',
  ]);
  await insert(talent, ['talent', '林某', null, cizaoFirmId, '晋江市优秀人才', 2018, '陶瓷']);
  await insert(talent, ['talent', '黄某', null, null, '晋江市优秀人才', 2017, null]);
  const carrier =
    'INSERT INTO carriers (code, name, kind, operator_uscc, town_code, area_m2, tenants) VALUES ($1, $2, $3, $4, $5, $6, $7)';
  await insert(carrier, [
    'PRV-0001',
    '安海示例众创空间',
    'maker_space',
    anhaiFirm.uscc,
    ANHAI,
    '3200.50',
    42,
  ]);
  await insert(carrier, ['PRV-0002', '磁灶示例孵化器', 'incubator', null, CIZAO, null, null]);
  const bank = 'INSERT INTO banks (code, name, kind, uscc) VALUES ($1, $2, $3, $4)';
  await insert(bank, ['BANK-0001', '示例银行晋江支行', 'bank', null]);
  await insert(bank, ['BANK-0002', '示例创投基金', 'investor', testUscc(7003)]);
});
afterAll(() => t.close());

async function rowsOf(
  data: Buffer | string,
): Promise<{ headers: string[]; keys: string[]; rows: Record<string, unknown>[] }> {
  const workbook = new ExcelJS.Workbook();
  if (typeof data === 'string') await workbook.xlsx.readFile(data);
  else await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const keys = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n < 3) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(keys.map((k, i) => [k, values[i + 1] ?? null])));
  });
  return { headers, keys, rows };
}

async function exported(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX_CONTENT_TYPE);
  return rowsOf(res.rawPayload);
}

async function lastExportAudit() {
  const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
    "SELECT changes FROM audit_log WHERE action = 'registry.exported' ORDER BY seq DESC LIMIT 1",
  );
  return rows[0]?.changes;
}

describe('GET /api/export/talents.xlsx', () => {
  it('writes every talent and team with its kind in Chinese and its enterprise, and audits the export', async () => {
    const file = await exported(officer, '/api/export/talents.xlsx');
    expect(file.headers).toEqual(sheetColumns.talents.map((c) => c.header));
    expect(file.keys).toEqual(sheetColumns.talents.map((c) => c.key));
    expect(file.rows).toEqual([
      {
        kind: '人才',
        name: '林某',
        leaderName: null,
        enterprise: cizaoFirm.name,
        enterpriseUscc: cizaoFirm.uscc,
        programme: '晋江市优秀人才',
        year: 2018,
        field: '陶瓷',
      },
      {
        kind: '创业团队',
        name: '石墨烯鞋材创业团队',
        leaderName: '陈某',
        enterprise: anhaiFirm.name,
        enterpriseUscc: anhaiFirm.uscc,
        programme: '泉州市高层次人才团队',
        year: 2017,
        field: '新材料',
      },
      {
        kind: '人才',
        name: '黄某',
        leaderName: null,
        enterprise: null,
        enterpriseUscc: null,
        programme: '晋江市优秀人才',
        year: 2017,
        field: null,
      },
    ]);
    expect(await lastExportAudit()).toMatchObject({ kind: 'talents', rows: 3, personalData: false });
  });

  it('applies the list filters: kind, year, enterprise and text', async () => {
    const names = async (query: string) =>
      (await exported(officer, `/api/export/talents.xlsx?${query}`)).rows.map((r) => r.name);
    expect(await names('kind=team')).toEqual(['石墨烯鞋材创业团队']);
    expect(await names('year=2017')).toEqual(['石墨烯鞋材创业团队', '黄某']);
    expect(await names(`enterpriseId=${anhaiFirmId}`)).toEqual(['石墨烯鞋材创业团队']);
    expect(await names(`q=${encodeURIComponent('优秀人才')}`)).toEqual(['林某', '黄某']);
    expect(await lastExportAudit()).toMatchObject({ kind: 'talents', filters: { q: '优秀人才' }, rows: 2 });
    const bad = await officer.get('/api/export/talents.xlsx?kind=robot');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('querystring.kind');
  });

  it('limits a town user to its enterprises’ talents and an enterprise user to its own; refuses others', async () => {
    const town = await userClient(t, { role: 'town', scopeId: CIZAO });
    expect((await exported(town, '/api/export/talents.xlsx')).rows.map((r) => r.name)).toEqual(['林某']);
    const firm = await userClient(t, { role: 'enterprise', scopeId: anhaiFirm.uscc });
    expect((await exported(firm, '/api/export/talents.xlsx')).rows.map((r) => r.name)).toEqual([
      '石墨烯鞋材创业团队',
    ]);
    expect((await client(t.app).get('/api/export/talents.xlsx')).statusCode).toBe(401);
    for (const role of ['expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/export/talents.xlsx')).statusCode, role).toBe(403);
    }
    const leader = await userClient(t, { role: 'leader' });
    expect((await exported(leader, '/api/export/talents.xlsx')).rows).toHaveLength(3);
  });
});

describe('GET /api/export/carriers.xlsx', () => {
  it('writes carriers with kind, town, area and tenants; filters by kind, town and text', async () => {
    const file = await exported(officer, '/api/export/carriers.xlsx');
    expect(file.keys).toEqual(sheetColumns.carriers.map((c) => c.key));
    expect(file.rows).toEqual([
      {
        code: 'PRV-0001',
        name: '安海示例众创空间',
        kind: '众创空间',
        operatorUscc: anhaiFirm.uscc,
        townCode: '安海镇',
        areaM2: 3200.5,
        tenants: 42,
      },
      {
        code: 'PRV-0002',
        name: '磁灶示例孵化器',
        kind: '科技企业孵化器',
        operatorUscc: null,
        townCode: '磁灶镇',
        areaM2: null,
        tenants: null,
      },
    ]);
    const codes = async (query: string) =>
      (await exported(officer, `/api/export/carriers.xlsx?${query}`)).rows.map((r) => r.code);
    expect(await codes('kind=incubator')).toEqual(['PRV-0002']);
    expect(await codes(`town=${ANHAI}`)).toEqual(['PRV-0001']);
    expect(await codes(`q=${encodeURIComponent('孵化器')}`)).toEqual(['PRV-0002']);
    expect(await lastExportAudit()).toMatchObject({ kind: 'carriers', rows: 1 });
    expect((await officer.get('/api/export/carriers.xlsx?town=12')).statusCode).toBe(400);
  });

  it('gives a town its carriers, an enterprise the directory, a provider its own carrier; refuses banks', async () => {
    const codes = async (c: Client) =>
      (await exported(c, '/api/export/carriers.xlsx')).rows.map((r) => r.code);
    expect(await codes(await userClient(t, { role: 'town', scopeId: CIZAO }))).toEqual(['PRV-0002']);
    expect(await codes(await userClient(t, { role: 'enterprise', scopeId: cizaoFirm.uscc }))).toEqual([
      'PRV-0001',
      'PRV-0002',
    ]);
    expect(await codes(await userClient(t, { role: 'provider', scopeId: 'PRV-0001' }))).toEqual(['PRV-0001']);
    expect((await client(t.app).get('/api/export/carriers.xlsx')).statusCode).toBe(401);
    for (const role of ['expert', 'bank'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/export/carriers.xlsx')).statusCode, role).toBe(403);
    }
  });
});

describe('GET /api/export/banks.xlsx', () => {
  it('writes banks and investors with their kind in Chinese, filtered by kind', async () => {
    const file = await exported(officer, '/api/export/banks.xlsx');
    expect(file.keys).toEqual(sheetColumns.banks.map((c) => c.key));
    expect(file.rows).toEqual([
      { code: 'BANK-0001', name: '示例银行晋江支行', kind: '银行', uscc: null },
      { code: 'BANK-0002', name: '示例创投基金', kind: '投资机构', uscc: testUscc(7003) },
    ]);
    const investors = await exported(officer, '/api/export/banks.xlsx?kind=investor');
    expect(investors.rows.map((r) => r.code)).toEqual(['BANK-0002']);
    expect(await lastExportAudit()).toMatchObject({ kind: 'banks', filters: { kind: 'investor' }, rows: 1 });
  });

  it('gives a bank only its own record and refuses towns, enterprises, experts and providers', async () => {
    const bank = await userClient(t, { role: 'bank', scopeId: 'BANK-0002' });
    expect((await exported(bank, '/api/export/banks.xlsx')).rows.map((r) => r.code)).toEqual(['BANK-0002']);
    expect((await client(t.app).get('/api/export/banks.xlsx')).statusCode).toBe(401);
    for (const role of ['town', 'enterprise', 'expert', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/export/banks.xlsx')).statusCode, role).toBe(403);
    }
  });
});

describe('jinke export talents | carriers | banks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-export-parties-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const deps = () => ({ db: t.db, cipher: testCipher, clock: t.clock.now });

  it('writes the filtered rows to a file, audited as the system’s export', async () => {
    const file = path.join(dir, 'talents.xlsx');
    expect(await exportCommand(deps(), 'talents', file, { kind: 'team' })).toBe(1);
    expect((await rowsOf(file)).rows.map((r) => r.name)).toEqual(['石墨烯鞋材创业团队']);
    expect(await lastExportAudit()).toMatchObject({ kind: 'talents', filters: { kind: 'team' }, rows: 1 });
    const carriers = path.join(dir, 'carriers.xlsx');
    expect(await exportCommand(deps(), 'carriers', carriers, { town: CIZAO })).toBe(1);
    const banks = path.join(dir, 'banks.xlsx');
    expect(await exportCommand(deps(), 'banks', banks, {})).toBe(2);
    expect((await rowsOf(banks)).rows.map((r) => r.code)).toEqual(['BANK-0001', 'BANK-0002']);
    await expect(exportCommand(deps(), 'banks', banks, { kind: 'robot' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
