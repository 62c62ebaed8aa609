import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterpriseImportColumns,
  type ImportRowsInvalidDetails,
} from '@jinke/core/registry/import.contract.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';
import { XLSX_CONTENT_TYPE } from '../../platform/xlsx.ts';
import { enterpriseRows, importWorkbook, type FixtureRow } from './import-fixtures.ts';

let ctx: TestContext;
let officer: Client & { userId: string };

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await userClient(ctx, { role: 'officer' });
});
afterAll(async () => {
  await ctx.close();
});

const upload = (c: Client, kind: string, body: Buffer | string, type = XLSX_CONTENT_TYPE) =>
  c.post(`/api/import/${kind}?fileName=test.xlsx`, body, { 'content-type': type });

async function count(table: string): Promise<number> {
  const { rows } = await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]!.n);
}

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function rowTexts(sheet: ExcelJS.Worksheet, n: number): string[] {
  const values = sheet.getRow(n).values as unknown[];
  return values
    .slice(1)
    .map((v) =>
      v === null || v === undefined
        ? ''
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v as string | number),
    );
}

describe('import templates', () => {
  it('gives officers a workbook with Chinese headers, the hidden key row and a 说明 sheet when they ask for a template', async () => {
    const res = await officer.get('/api/import/templates/enterprises.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_CONTENT_TYPE);
    const workbook = await readWorkbook(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['企业', '说明']);
    const data = workbook.worksheets[0]!;
    expect(rowTexts(data, 1)).toEqual(enterpriseImportColumns.map((c) => c.header));
    expect(rowTexts(data, 1)[0]).toBe('统一社会信用代码*');
    expect(rowTexts(data, 2)).toEqual(enterpriseImportColumns.map((c) => c.key));
    expect(data.getRow(2).hidden).toBe(true);
    expect(data.getColumn(1).width).toBeGreaterThanOrEqual(20);
    const help = workbook.getWorksheet('说明')!;
    const text = JSON.stringify(help.getSheetValues());
    expect(text).toContain('校验码');
    expect(text).toContain('安海镇');
    expect(text).toContain('350582101');
    for (const kind of ['experts', 'patents', 'enterprise-years']) {
      expect((await officer.get(`/api/import/templates/${kind}.xlsx`)).statusCode).toBe(200);
    }
    expect((await officer.get('/api/import/templates/institutes.xlsx')).statusCode).toBe(400);
  });

  it('accepts its own template back: an empty template is refused as IMPORT_EMPTY, not as a wrong template', async () => {
    const template = (await officer.get('/api/import/templates/experts.xlsx')).rawPayload;
    const res = await upload(officer, 'experts', template);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_EMPTY');
  });
});

describe('POST /api/import/enterprises', () => {
  const rows = enterpriseRows(1000, 11);
  const broken: FixtureRow[] = rows.map((r) => ({ ...r }));
  // Data rows start at worksheet row 3 (row 1 headers, row 2 the hidden keys): index i is row i + 3.
  const uscc = rows[7]!.uscc;
  broken[7] = { ...rows[7]!, uscc: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0') };
  broken[499] = { ...rows[499]!, townCode: '火星镇' };
  broken[900] = { ...rows[900]!, uscc: rows[2]!.uscc };

  it('reports exactly the three bad rows with their columns and reasons and writes nothing when a 1,000-row file has them', async () => {
    const before = await count('enterprises');
    const res = await upload(officer, 'enterprises', await importWorkbook('enterprises', broken));
    expect(res.statusCode).toBe(400);
    const error = res.json<{ error: { code: string; message: string; details: ImportRowsInvalidDetails } }>()
      .error;
    expect(error.code).toBe('IMPORT_ROWS_INVALID');
    expect(error.details.rows).toBe(1000);
    expect(error.details.badRowCount).toBe(3);
    expect(error.details.badRows.map((b) => [b.row, b.problems.map((p) => p.column)])).toEqual([
      [10, ['统一社会信用代码*']],
      [502, ['所在镇（街道）']],
      [903, ['统一社会信用代码*']],
    ]);
    const [checkDigit, town, duplicate] = error.details.badRows;
    expect(checkDigit!.problems[0]).toMatchObject({
      rule: 'uscc_check_digit',
      zh: `校验码应为 ${uscc[17]}`,
      value: broken[7]!.uscc,
    });
    expect(town!.problems[0]).toMatchObject({ rule: 'town_unknown', value: '火星镇' });
    expect(duplicate!.problems[0]).toMatchObject({
      rule: 'duplicate_in_file',
      zh: '与第 5 行重复',
      en: 'repeats row 5',
    });
    expect(await count('enterprises')).toBe(before);
    expect(await count('field_provenance')).toBe(0);

    const errors = await officer.get(error.details.errorsUrl!);
    expect(errors.statusCode).toBe(200);
    const sheet = (await readWorkbook(errors.rawPayload)).worksheets[0]!;
    expect(rowTexts(sheet, 1)[0]).toBe('原行号');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toBe(10);
    expect(sheet.getRow(2).getCell(enterpriseImportColumns.length + 2).text).toContain(
      `校验码应为 ${uscc[17]}`,
    );
    expect(sheet.getRow(3).getCell(8).text).toBe('火星镇');

    const job = await officer.get(`/api/jobs/${error.details.jobId}`);
    expect(job.json()).toMatchObject({ status: 'failed', error: { code: 'IMPORT_ROWS_INVALID' } });
  });

  it('writes all 1,000 rows with provenance and search tokens, and one audit entry, when the fixed file is imported', async () => {
    const auditBefore = await count('audit_log');
    const res = await upload(officer, 'enterprises', await importWorkbook('enterprises', rows));
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      jobId: string;
      status: string;
      summary: { rows: number; created: number; fileSm3: string };
    }>();
    expect(body).toMatchObject({
      status: 'succeeded',
      summary: { kind: 'enterprises', rows: 1000, created: 1000, updated: 0 },
    });
    expect(await count('enterprises')).toBe(1000);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const { rows: audit } = await ctx.db.query<{
      action: string;
      entity_id: string;
      changes: Record<string, unknown>;
    }>('SELECT action, entity_id, changes FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(audit[0]).toMatchObject({
      action: 'registry.imported',
      entity_id: body.jobId,
      changes: { kind: 'enterprises', rows: 1000, fileSm3: body.summary.fileSm3 },
    });
    expect(body.summary.fileSm3).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true });

    const { rows: stored } = await ctx.db.query<{
      town_code: string;
      industry_code: string;
      revenue_fen: string;
      contact_phone_enc: string;
      search_tokens: string;
    }>(
      'SELECT town_code, industry_code, revenue_fen, contact_phone_enc, search_tokens FROM enterprises WHERE uscc = $1',
      [rows[1]!.uscc],
    );
    expect(stored[0]).toMatchObject({
      town_code: '350582103',
      industry_code: '1781',
      revenue_fen: '10003701',
    });
    expect(stored[0]!.contact_phone_enc).toMatch(/^sm4:/);
    expect(stored[0]!.search_tokens).toContain('科技');
    const { rows: prov } = await ctx.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM field_provenance WHERE source = 'import' AND field = 'uscc'",
    );
    expect(Number(prov[0]!.n)).toBe(1000);
    const found = await officer.get(`/api/enterprises?q=${encodeURIComponent(String(rows[5]!.name))}`);
    expect(found.json<{ items: { uscc: string }[] }>().items.map((i) => i.uscc)).toContain(rows[5]!.uscc);
  });

  it('names the enterprise that holds a credit code already registered when a file repeats it', async () => {
    const res = await upload(
      officer,
      'enterprises',
      await importWorkbook('enterprises', [rows[0]!, ...enterpriseRows(1, 12)]),
    );
    expect(res.statusCode).toBe(400);
    const details = res.json<{ error: { details: ImportRowsInvalidDetails } }>().error.details;
    expect(details.badRows).toHaveLength(1);
    expect(details.badRows[0]).toMatchObject({
      row: 3,
      problems: [{ key: 'uscc', rule: 'uscc_registered' }],
    });
    expect(details.badRows[0]!.problems[0]!.zh).toContain(String(rows[0]!.name));
  });
});

describe('refused files', () => {
  const expectRefused = async (body: Buffer | string, code: string, type?: string) => {
    const before = await count('enterprises');
    const res = await upload(officer, 'enterprises', body, type);
    expect(res.json().error.code).toBe(code);
    expect(await count('enterprises')).toBe(before);
    return res;
  };

  it('answers IMPORT_EMPTY when the file has headers but no rows, or no rows at all', async () => {
    expect((await expectRefused(await importWorkbook('enterprises', []), 'IMPORT_EMPTY')).statusCode).toBe(
      400,
    );
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    await expectRefused(Buffer.from(await empty.xlsx.writeBuffer()), 'IMPORT_EMPTY');
  });

  it('answers IMPORT_FILE_INVALID when the body is garbage, a CSV renamed .xlsx, a damaged zip or not a file', async () => {
    await expectRefused(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42, 0x42, 0x42]), 'IMPORT_FILE_INVALID');
    await expectRefused(
      Buffer.from('统一社会信用代码,企业名称\n91350582MA8RFY385R,示例\n', 'utf8'),
      'IMPORT_FILE_INVALID',
    );
    const good = await importWorkbook('enterprises', enterpriseRows(3, 13));
    await expectRefused(good.subarray(0, Math.floor(good.length / 2)), 'IMPORT_FILE_INVALID');
    const json = await officer.post('/api/import/enterprises', { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('IMPORT_FILE_INVALID');
  });

  it('answers WRONG_TEMPLATE naming the template it is when another kind’s template is uploaded', async () => {
    const res = await expectRefused(await importWorkbook('experts', [{ name: '王五' }]), 'WRONG_TEMPLATE');
    expect(res.json().error.details).toMatchObject({ kind: 'enterprises', looksLike: 'experts' });
    expect(res.json().error.message).toContain('专家');
    const other = await expectRefused(
      await importWorkbook('enterprises', [], { headers: ['名称', '地址'] }),
      'WRONG_TEMPLATE',
    );
    expect(other.json().error.details.unknown).toEqual(['名称', '地址']);
    expect(other.json().error.details.missing).toContain('统一社会信用代码*');
  });

  it('accepts a file without the hidden key row, by its Chinese headers alone', async () => {
    const res = await upload(
      officer,
      'enterprises',
      await importWorkbook('enterprises', enterpriseRows(2, 14), { keyRow: false }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().summary.created).toBe(2);
  });

  it('answers 413 PAYLOAD_TOO_LARGE when the body is over 30 MB', async () => {
    const before = await count('enterprises');
    const res = await upload(officer, 'enterprises', Buffer.alloc(31 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count('enterprises')).toBe(before);
  });
});

describe('authorisation', () => {
  it('refuses anonymous callers (401) and every role but officer and administrator (403) on templates and uploads', async () => {
    const file = await importWorkbook('enterprises', enterpriseRows(1, 15));
    const anonymous = client(ctx.app);
    expect((await anonymous.get('/api/import/templates/enterprises.xlsx')).statusCode).toBe(401);
    expect((await upload(anonymous, 'enterprises', file)).statusCode).toBe(401);
    for (const role of ['leader', 'town', 'enterprise', 'expert', 'bank', 'provider'] as const) {
      const c = await userClient(ctx, { role });
      expect((await c.get('/api/import/templates/enterprises.xlsx')).statusCode, role).toBe(403);
      expect((await upload(c, 'enterprises', file)).statusCode, role).toBe(403);
    }
    const admin = await userClient(ctx, { role: 'admin' });
    expect((await upload(admin, 'enterprises', file)).statusCode).toBe(200);
  });

  it('shows an import’s errors workbook only to the user who ran it and administrators', async () => {
    const bad = enterpriseRows(2, 16).map((r) => ({ ...r, staff: -1 }));
    const res = await upload(officer, 'enterprises', await importWorkbook('enterprises', bad));
    const url = res.json<{ error: { details: ImportRowsInvalidDetails } }>().error.details.errorsUrl!;
    expect((await client(ctx.app).get(url)).statusCode).toBe(401);
    expect((await (await userClient(ctx, { role: 'officer' })).get(url)).statusCode).toBe(404);
    expect((await (await userClient(ctx, { role: 'admin' })).get(url)).statusCode).toBe(200);
    const ok = await upload(
      officer,
      'enterprises',
      await importWorkbook('enterprises', enterpriseRows(1, 17)),
    );
    expect((await officer.get(`/api/import/jobs/${ok.json().jobId}/errors.xlsx`)).statusCode).toBe(409);
  });
});

describe('large files', () => {
  it('answers 202 with a job whose progress the client follows, then writes every row, when a file has over 2,000 rows', async () => {
    const rows = enterpriseRows(2100, 21);
    const res = await upload(officer, 'enterprises', await importWorkbook('enterprises', rows));
    expect(res.statusCode).toBe(202);
    const { jobId, status } = res.json<{ jobId: string; status: string }>();
    expect(status).toBe('queued');
    let job: { status: string; progress: number; total: number | null; result: { created: number } } | null =
      null;
    for (let i = 0; i < 600; i++) {
      job = (await officer.get(`/api/jobs/${jobId}`)).json();
      if (job!.status === 'succeeded' || job!.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: 4200,
      total: 4200,
      result: { kind: 'enterprises', rows: 2100, created: 2100 },
    });
    const { rows: input } = await ctx.db.query<{ input: Record<string, unknown> }>(
      'SELECT input FROM jobs WHERE id = $1',
      [jobId],
    );
    expect(input[0]!.input.file).toBeUndefined();
    const { rows: found } = await ctx.db.query('SELECT 1 FROM enterprises WHERE uscc = $1', [
      rows[2099]!.uscc,
    ]);
    expect(found).toHaveLength(1);
  });
});
