import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertImportColumns, type ImportRowsInvalidDetails } from '@jinke/core/registry/import.contract.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { XLSX_CONTENT_TYPE } from '../../platform/xlsx.ts';
import { enterpriseRows, importWorkbook } from './import-fixtures.ts';

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await userClient(ctx, { role: 'officer' });
});
afterAll(async () => {
  await ctx.close();
});

const upload = (c: Client, kind: string, body: Buffer) =>
  c.post(`/api/import/${kind}`, body, { 'content-type': XLSX_CONTENT_TYPE });

describe('other kinds', () => {
  it('upserts yearly figures by credit code and year, and refuses tech staff above staff and unknown codes', async () => {
    const [e] = enterpriseRows(1, 31);
    await upload(officer, 'enterprises', await importWorkbook('enterprises', [e!]));
    const years = [
      {
        uscc: e!.uscc,
        name: e!.name,
        year: 2024,
        revenueFen: '1000.50',
        staff: 10,
        techStaff: 12,
        aboveScale: '是',
      },
      { uscc: enterpriseRows(1, 32)[0]!.uscc, year: 2024 },
      { uscc: e!.uscc, year: 2025, revenueFen: '312.4万元', staff: 10, techStaff: 3 },
    ];
    const bad = await upload(officer, 'enterprise-years', await importWorkbook('enterprise-years', years));
    const details = bad.json<{ error: { details: ImportRowsInvalidDetails } }>().error.details;
    expect(details.badRows.map((b) => [b.row, b.problems.map((p) => p.key)])).toEqual([
      [3, ['techStaff', 'staff']],
      [4, ['uscc']],
    ]);
    expect(details.badRows[0]!.problems[0]!.zh).toBe('不能大于职工人数（10）');
    const good = await upload(
      officer,
      'enterprise-years',
      await importWorkbook('enterprise-years', [{ ...years[0]!, techStaff: 4 }, years[2]!]),
    );
    expect(good.json()).toMatchObject({ status: 'succeeded', summary: { created: 2, updated: 0 } });
    const again = await upload(
      officer,
      'enterprise-years',
      await importWorkbook('enterprise-years', [{ ...years[0]!, techStaff: 5 }]),
    );
    expect(again.json()).toMatchObject({ summary: { created: 0, updated: 1 } });
    const { rows } = await ctx.db.query<{
      year: number;
      revenue_fen: string;
      tech_staff: number;
      above_scale: boolean;
    }>(
      'SELECT y.year, y.revenue_fen, y.tech_staff, y.above_scale FROM enterprise_years y JOIN enterprises e ON e.id = y.enterprise_id WHERE e.uscc = $1 ORDER BY year',
      [e!.uscc],
    );
    expect(rows).toEqual([
      { year: 2024, revenue_fen: '100050', tech_staff: 5, above_scale: true },
      { year: 2025, revenue_fen: '312400000', tech_staff: 3, above_scale: false },
    ]);
  });

  it('creates experts with assigned codes and encrypted personal data, and names a bad identity number', async () => {
    const experts = [
      {
        code: 'EXP-0007',
        name: '王五',
        fields: '40301；80101',
        ipcClasses: 'A43B',
        phone: '13905951234',
        idCard: '11010519491231002X',
        available: '否',
      },
      { name: '赵六', idCard: '110105194912310021' },
    ];
    const bad = await upload(officer, 'experts', await importWorkbook('experts', experts));
    const problem = bad.json<{ error: { details: ImportRowsInvalidDetails } }>().error.details.badRows[0]!;
    expect(problem).toMatchObject({
      row: 4,
      problems: [{ column: '身份证号码', rule: 'id_card_check_digit' }],
    });
    const good = await upload(
      officer,
      'experts',
      await importWorkbook('experts', [experts[0]!, { name: '赵六' }]),
    );
    expect(good.json()).toMatchObject({ status: 'succeeded', summary: { created: 2 } });
    const { rows } = await ctx.db.query<{
      code: string;
      fields: string[];
      phone_enc: string | null;
      available: boolean;
    }>('SELECT code, fields, phone_enc, available FROM experts ORDER BY code');
    expect(rows.map((r) => r.code)).toEqual(['EXP-0007', 'EXP-0008']);
    expect(rows[0]).toMatchObject({ fields: ['40301', '80101'], available: false });
    expect(rows[0]!.phone_enc).toMatch(/^sm4:/);
    expect(expertImportColumns.map((c) => c.key)).toContain('idCard');
  });

  it('creates patents with applicants linked to registry enterprises, and refuses a bad number and an unknown IPC symbol', async () => {
    const [e] = enterpriseRows(1, 41);
    await upload(officer, 'enterprises', await importWorkbook('enterprises', [e!]));
    const patents = [
      {
        applicationNo: '201710601862.3',
        title: '一种防滑鞋底',
        ipcCodes: 'A43B 13/04',
        filedOn: '2017-07-20',
        grantedOn: '2019-03-15',
        applicants: `${e!.name}；张三`,
        townCode: null,
      },
      { applicationNo: '201710601862.4', title: '一种鞋', filedOn: '2017-07-20', applicants: '张三' },
      {
        applicationNo: '201720601862.9',
        title: '一种鞋垫',
        ipcCodes: 'Z99Z 1/00',
        filedOn: '2017-07-20',
        applicants: '张三',
      },
    ];
    const bad = await upload(officer, 'patents', await importWorkbook('patents', patents));
    const details = bad.json<{ error: { details: ImportRowsInvalidDetails } }>().error.details;
    expect(details.badRows.map((b) => [b.row, b.problems.map((p) => p.key)])).toEqual([
      [4, ['applicationNo']],
      [5, ['ipcCodes']],
    ]);
    const good = await upload(officer, 'patents', await importWorkbook('patents', [patents[0]!]));
    expect(good.json()).toMatchObject({ status: 'succeeded', summary: { created: 1 } });
    const { rows } = await ctx.db.query<{
      type: string;
      legal_status: string;
      town_code: string;
      holder_type: string;
      holder_id: string | null;
      name: string;
    }>(
      `SELECT p.type, p.legal_status, p.town_code, a.holder_type, a.holder_id, a.name FROM patents p
         JOIN patent_applicants a ON a.patent_id = p.id ORDER BY a.position`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      type: 'invention',
      legal_status: 'granted',
      town_code: '350582101',
      holder_type: 'enterprise',
      name: e!.name,
    });
    expect(rows[0]!.holder_id).not.toBeNull();
    expect(rows[1]).toMatchObject({ holder_type: 'person', holder_id: null, name: '张三' });
  });
});
