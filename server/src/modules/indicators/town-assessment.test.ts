/**
 * The town assessment API on hand-built rows: 安海镇 has one valid HNTE and three 2018 patent applications, 磁灶镇
 * one application; their 2018 targets are split by hand (HNTE 1 and 2, applications 2 and 4), the other towns
 * have none. Scores are computed by hand in each test. Also: who may call each endpoint, a town officer's own
 * row and sheet only, weights validated field by field in both languages, audit entries, and the workbook.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type {
  TownAssessmentResponse,
  WeightsResponse,
} from '@jinke/core/indicators/town-assessment.contract.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';

const ANHAI = '350582101';
const CIZAO = '350582102';
let t: TestContext;
let townCount = 0;
const c: Partial<Record<Role | 'anonymous', Client>> = {};
const as = (role: Role | 'anonymous') => c[role]!;
const readers = ['admin', 'officer', 'leader', 'town'] as const;
const refused = ['enterprise', 'expert', 'bank', 'provider'] as const;

async function enterprise(uscc: string, town: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id`,
    [uscc, `${uscc} 企业`, town],
  );
  await t.db.query(
    `INSERT INTO enterprise_years (enterprise_id, year, above_scale) VALUES ($1, 2018, true)`,
    [rows[0]!.id],
  );
  return rows[0]!.id;
}

async function application(no: string, town: string, holder: string) {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO patents (application_no, type, title, filed_on, legal_status, applicant_kind, town_code, expires_on)
     VALUES ($1, 'utility', $1, '2018-03-01', 'pending', 'enterprise', $2, '2028-03-01') RETURNING id`,
    [no, town],
  );
  await t.db.query(
    `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, 1, 'enterprise', $2, 'x')`,
    [rows[0]!.id, holder],
  );
}

const putWeights = (who: Client, weights: unknown, headers?: Record<string, string>) =>
  who.put('/api/indicators/town-assessment/weights?year=2018', { weights }, headers);

async function assessment(who: Client): Promise<TownAssessmentResponse> {
  const res = await who.get('/api/indicators/town-assessment?year=2018');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TownAssessmentResponse>();
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await enterprise('91350582MA0000001X', ANHAI);
  const b = await enterprise('91350582MA0000002X', CIZAO);
  await t.db.query(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
     VALUES ('enterprise', $1, 'hnte', 'GR201735000001', '2017-10-20', '2020-10-19')`,
    [a],
  );
  for (const no of ['2018200000011', '2018200000012', '2018200000013']) await application(no, ANHAI, a);
  await application('2018200000021', CIZAO, b);
  townCount = (
    await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM divisions WHERE kind <> 'county'`)
  ).rows[0]!.n;
  for (const role of ['admin', 'officer', 'leader', 'enterprise', 'expert', 'bank', 'provider'] as const)
    c[role] = await userClient(t, { role, displayName: `${role} 用户` });
  c.town = await userClient(t, { role: 'town', scopeId: ANHAI });
  c.anonymous = client(t.app);
  for (const [id, total, anhai, cizao] of [
    ['hnte.valid', '3', '1', '2'],
    ['patents.applications', '6', '2', '4'],
  ] as const) {
    const res = await as('officer').put(`/api/indicators/targets/2018/${id}`, {
      value: total,
      towns: [
        { town: ANHAI, value: anhai },
        { town: CIZAO, value: cizao },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => t?.close());

describe('scores and ranks', () => {
  it('has no weights before any are set, and every town shares rank 1 at 0', async () => {
    const a = await assessment(as('leader'));
    expect(a).toMatchObject({ year: 2018, weights: [], setBy: null, scope: 'county', townCount });
    expect(a.towns).toHaveLength(townCount);
    expect(new Set(a.towns.map((x) => x.rank))).toEqual(new Set([1]));
  });

  it('scores achievement × weight, capped at 120 %, and ranks incomplete towns last with 0', async () => {
    const res = await putWeights(as('officer'), [
      { indicator: 'hnte.valid', weight: 30 },
      { indicator: 'patents.applications', weight: 20 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<WeightsResponse>()).toMatchObject({
      year: 2018,
      setBy: 'officer 用户',
      weights: [
        { indicator: 'hnte.valid', weight: 30, capPercent: 120, name: { zh: '有效高新技术企业' } },
        { indicator: 'patents.applications', weight: 20, capPercent: 120 },
      ],
    });
    const a = await assessment(as('leader'));
    expect(a.weightSum).toEqual({ value: '50', display: '50.00' });
    const [first, second, third] = a.towns;
    // 安海镇: HNTE 1 ÷ 1 = 100 % → 30; applications 3 ÷ 2 = 150 %, capped at 120 % → 24; total 54.
    expect(first).toMatchObject({
      town: ANHAI,
      townName: '安海镇',
      rank: 1,
      complete: true,
      missing: [],
      score: { value: '54', display: '54.00' },
      parts: [
        {
          indicator: 'hnte.valid',
          actual: { value: '1' },
          target: { value: '1' },
          achievement: { value: '100', display: '100.0' },
          weight: 30,
          points: { value: '30', display: '30.00' },
        },
        {
          indicator: 'patents.applications',
          actual: { value: '3' },
          target: { value: '2' },
          achievement: { value: '120', display: '120.0' },
          weight: 20,
          points: { value: '24', display: '24.00' },
        },
      ],
    });
    // 磁灶镇: HNTE 0 ÷ 2 = 0; applications 1 ÷ 4 = 25 % → 5.
    expect(second).toMatchObject({
      town: CIZAO,
      rank: 2,
      complete: true,
      score: { value: '5', display: '5.00' },
      parts: [{ achievement: { value: '0' } }, { achievement: { value: '25' }, points: { value: '5' } }],
    });
    // The other towns have no targets: 0, incomplete, sharing rank 3.
    expect(third).toMatchObject({
      rank: 3,
      complete: false,
      missing: ['hnte.valid', 'patents.applications'],
      score: { value: '0' },
      parts: [{ actual: { value: '0' }, target: null, achievement: null, points: { value: '0' } }, {}],
    });
    expect(a.towns.slice(2).every((x) => x.rank === 3 && !x.complete)).toBe(true);
  });

  it('takes a decimal weight and a cap of its own exactly, and audits the change', async () => {
    const res = await putWeights(as('admin'), [
      { indicator: 'patents.applications', weight: 12.5, capPercent: 150 },
      { indicator: 'hnte.valid', weight: 30 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const a = await assessment(as('officer'));
    // 安海镇: 150 % × 12.5 = 18.75, + 30 = 48.75; 磁灶镇: 25 % × 12.5 = 3.125 (shown 3.13).
    expect(a.towns[0]).toMatchObject({ town: ANHAI, score: { value: '195/4', display: '48.75' } });
    expect(a.towns[1]).toMatchObject({ town: CIZAO, score: { value: '25/8', display: '3.13' } });
    expect(a.towns[0]!.parts.map((p) => p.indicator)).toEqual(['patents.applications', 'hnte.valid']);
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE action = 'indicators.town_weights_set' AND entity_id = '2018'
        ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]?.changes).toEqual({
      'patents.applications': ['20 @ 120%', '12.5 @ 150%'],
      order: ['hnte.valid,patents.applications', 'patents.applications,hnte.valid'],
    });
  });

  it('gives a town officer their own row and rank only', async () => {
    const a = await assessment(as('town'));
    expect(a).toMatchObject({ scope: 'town', scopeTown: ANHAI, townCount });
    expect(a.towns.map((x) => [x.town, x.rank])).toEqual([[ANHAI, 1]]);
  });
});

describe('a town’s sheet', () => {
  async function sheetOf(who: Client, town: string) {
    const res = await who.get(`/api/indicators/town-assessment/${town}.xlsx?year=2018`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`town-assessment-2018-${town}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    return (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
  }

  it('lists each indicator’s actual, target, achievement, weight, cap and points, the total and the rank', async () => {
    const rows = await sheetOf(as('leader'), ANHAI);
    expect(rows[0]?.[0]).toBe('2018 年 安海镇 科技创新考核得分表');
    expect(rows[1]).toEqual([
      '序号',
      '指标',
      '单位',
      '实际值',
      '目标值',
      '完成率（%）',
      '权重',
      '封顶（%）',
      '得分',
    ]);
    expect(rows[2]).toEqual([1, '专利申请量', '件', 3, 2, 150, 12.5, 150, 18.75]);
    expect(rows[3]).toEqual([2, '有效高新技术企业', '家', 1, 1, 100, 30, 120, 30]);
    expect(rows[4]).toEqual([
      undefined,
      '总分',
      undefined,
      undefined,
      undefined,
      undefined,
      42.5,
      undefined,
      48.75,
    ]);
    expect(rows[5]).toEqual([undefined, '排名', `第 1 名 / 共 ${townCount} 个镇（街道）`]);
    expect(rows[6]).toEqual([undefined, '数据完整性', '完整']);
    const { rows: audit } = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'indicators.town_assessment_exported' AND entity_id = $1`,
      [`2018/${ANHAI}`],
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('marks a town without targets incomplete, naming what is missing', async () => {
    const other = (await assessment(as('leader'))).towns[2]!.town;
    const rows = await sheetOf(as('officer'), other);
    expect(rows[2]?.slice(3, 6)).toEqual([0, '—', '缺数据']);
    expect(rows[6]?.[2]).toBe('不完整：专利申请量、有效高新技术企业 缺少实际值或目标值，按 0 分计');
  });

  it('lets a town officer fetch their own town only; another town or an unknown one is 404', async () => {
    await sheetOf(as('town'), ANHAI);
    expect((await as('town').get(`/api/indicators/town-assessment/${CIZAO}.xlsx?year=2018`)).statusCode).toBe(
      404,
    );
    expect(
      (await as('leader').get('/api/indicators/town-assessment/350582999.xlsx?year=2018')).statusCode,
    ).toBe(404);
  });
});

describe('who may call each endpoint', () => {
  it('lets the bureau and the town officer read; refuses other roles (403) and the anonymous (401)', async () => {
    for (const url of [
      '/api/indicators/town-assessment?year=2018',
      `/api/indicators/town-assessment/${ANHAI}.xlsx?year=2018`,
    ]) {
      for (const role of readers) expect((await as(role).get(url)).statusCode, `${role} ${url}`).toBe(200);
      for (const role of refused) expect((await as(role).get(url)).statusCode, `${role} ${url}`).toBe(403);
      expect((await as('anonymous').get(url)).statusCode).toBe(401);
    }
  });

  it('lets only officers and administrators set the weights', async () => {
    const weights = [
      { indicator: 'hnte.valid', weight: 30 },
      { indicator: 'patents.applications', weight: 20 },
    ];
    for (const role of ['admin', 'officer'] as const)
      expect((await putWeights(as(role), weights)).statusCode, role).toBe(200);
    for (const role of ['leader', 'town', ...refused] as const)
      expect((await putWeights(as(role), weights)).statusCode, role).toBe(403);
    expect((await putWeights(as('anonymous'), weights)).statusCode).toBe(401);
  });
});

describe('bad weights', () => {
  type Failure = {
    error: {
      code: string;
      message: string;
      details: { fields: { field: string; message: string; rule?: string }[] };
    };
  };
  async function refusedWith(weights: unknown, field: string, zh: string, en: string) {
    const res = await putWeights(as('officer'), weights);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<Failure>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.fields[0]?.field).toBe(field);
    expect(body.error.details.fields[0]?.message).toContain(zh);
    const english = (await putWeights(as('officer'), weights, { 'accept-language': 'en' })).json<Failure>();
    expect(english.error.details.fields[0]?.message).toContain(en);
  }

  it('names the field of each bad entry in both languages and changes nothing', async () => {
    const before = await assessment(as('leader'));
    await refusedWith(
      [{ indicator: 'nope.x', weight: 1 }],
      'weights.0.indicator',
      '不是已知的指标',
      'is not a known indicator',
    );
    await refusedWith(
      [
        { indicator: 'hnte.valid', weight: 1 },
        { indicator: 'population.resident', weight: 1 },
      ],
      'weights.1.indicator',
      '不分镇街统计',
      'has no town breakdown',
    );
    await refusedWith(
      [{ indicator: 'hnte.valid', weight: 0 }],
      'weights.0.weight',
      '应为大于 0',
      'greater than 0',
    );
    await refusedWith(
      [{ indicator: 'hnte.valid', weight: -5 }],
      'weights.0.weight',
      '应为大于 0',
      'greater than 0',
    );
    await refusedWith(
      [{ indicator: 'hnte.valid', weight: 'abc' }],
      'weights.0.weight',
      '应为大于 0',
      'greater than 0',
    );
    await refusedWith([{ indicator: 'hnte.valid' }], 'weights.0.weight', '应为大于 0', 'greater than 0');
    await refusedWith(
      [
        { indicator: 'hnte.valid', weight: 1 },
        { indicator: 'hnte.valid', weight: 2 },
      ],
      'weights.1.indicator',
      'hnte.valid 重复',
      'hnte.valid is listed twice',
    );
    await refusedWith([], 'weights', '至少需要 1 项', 'needs at least 1 items');
    expect((await assessment(as('leader'))).weights).toEqual(before.weights);
  });

  it('answers a missing or malformed year and a malformed town with 400, a year without figures with 404', async () => {
    const weights = [{ indicator: 'hnte.valid', weight: 1 }];
    expect((await as('officer').put('/api/indicators/town-assessment/weights', { weights })).statusCode).toBe(
      400,
    );
    expect(
      (await as('officer').put('/api/indicators/town-assessment/weights?year=abc', { weights })).statusCode,
    ).toBe(400);
    expect((await as('leader').get('/api/indicators/town-assessment?year=1800')).statusCode).toBe(400);
    expect((await as('leader').get('/api/indicators/town-assessment/abc.xlsx?year=2018')).statusCode).toBe(
      400,
    );
    const none = await as('leader').get('/api/indicators/town-assessment?year=2030');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ error: { code: 'INDICATOR_NO_DATA' } });
  });
});
