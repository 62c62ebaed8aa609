/**
 * The indicators API on hand-built registry rows (two above-scale enterprises in two towns, one HNTE, one valid
 * invention, one pending utility model): exact figures, who may call each endpoint, town scoping, targets with
 * town splits, reported figures, audit entries, and bad input answered with 4xx naming what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { OverviewResponse, RecordsResponse } from '@jinke/core/indicators/api.contract.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';

const ANHAI = '350582101';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const OTHER = '350582102';
let t: TestContext;
const c: Partial<Record<Role | 'anonymous', Client>> = {};
const as = (role: Role | 'anonymous') => c[role]!;

async function enterprise(uscc: string, name: string, town: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id`,
    [uscc, name, town],
  );
  const id = rows[0]!.id;
  await t.db.query(
    `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, above_scale) VALUES ($1, 2018, 3000000000, true)`,
    [id],
  );
  return id;
}

async function patent(
  no: string,
  type: string,
  filed: string,
  granted: string | null,
  town: string,
  holder: string,
) {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO patents (application_no, type, title, filed_on, granted_on, legal_status, applicant_kind, town_code, expires_on)
     VALUES ($1, $2, $3, $4, $5, $6, 'enterprise', $7, $4::date + interval '20 years') RETURNING id`,
    [no, type, `${no} 鞋底`, filed, granted, granted ? 'granted' : 'pending', town],
  );
  await t.db.query(
    `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, 1, 'enterprise', $2, 'x')`,
    [rows[0]!.id, holder],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await enterprise('91350582MA0000001X', '甲鞋业有限公司', ANHAI);
  const b = await enterprise('91350582MA0000002X', '乙纺织有限公司', OTHER);
  await t.db.query(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
     VALUES ('enterprise', $1, 'hnte', 'GR201735000001', '2017-10-20', '2020-10-19')`,
    [a],
  );
  await patent('2015100000011', 'invention', '2015-03-01', '2018-05-02', ANHAI, a);
  await patent('2018200000012', 'utility', '2018-02-01', null, OTHER, b);
  for (const role of ['admin', 'officer', 'leader', 'enterprise', 'expert', 'bank', 'provider'] as const)
    c[role] = await userClient(t, { role });
  c.town = await userClient(t, { role: 'town', scopeId: ANHAI });
  c.anonymous = client(t.app);
});
afterAll(() => t?.close());

const overview = async (who: Client, query = '?year=2018') => {
  const res = await who.get(`/api/indicators/overview${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OverviewResponse>();
};
const value = (o: OverviewResponse, id: string) => o.items.find((i) => i.id === id)?.figure?.display;

describe('indicator figures', () => {
  it('counts the registry exactly, with coverage shares and the town breakdown', async () => {
    const o = await overview(as('officer'));
    expect(o).toMatchObject({ year: 2018, years: [2018], scope: 'county', scopeTown: null });
    expect(value(o, 'hnte.valid')).toBe('1');
    expect(value(o, 'patents.applications')).toBe('1');
    expect(value(o, 'patents.invention_grants')).toBe('1');
    expect(value(o, 'patents.valid_invention')).toBe('1');
    expect(value(o, 'above_scale.count')).toBe('2');
    expect(o.items.find((i) => i.id === 'above_scale.invention_coverage')?.figure).toEqual({
      value: '50',
      display: '50.0',
    });
    expect(value(o, 'above_scale.cooperation_coverage')).toBe('0.0');
    const towns = o.items.find((i) => i.id === 'patents.applications')!.towns;
    expect(towns.find((x) => x.town === OTHER)?.figure?.value).toBe('1');
    expect(towns.find((x) => x.town === ANHAI)?.figure?.value).toBe('0');
  });

  it('gives a town officer their own town only, and 404 for another town’s records', async () => {
    const o = await overview(as('town'));
    expect(o).toMatchObject({ scope: 'town', scopeTown: ANHAI });
    expect(value(o, 'patents.applications')).toBe('0');
    expect(value(o, 'hnte.valid')).toBe('1');
    expect(o.items.find((i) => i.id === 'hnte.valid')!.towns.map((x) => x.town)).toEqual([ANHAI]);
    const own = await as('town').get('/api/indicators/hnte.valid/records?year=2018');
    expect(own.json<RecordsResponse>()).toMatchObject({ total: 1, town: ANHAI });
    expect(
      (await as('town').get(`/api/indicators/hnte.valid/records?year=2018&town=${OTHER}`)).statusCode,
    ).toBe(404);
    expect(
      (await as('town').get(`/api/indicators/hnte.valid/records.xlsx?year=2018&town=${OTHER}`)).statusCode,
    ).toBe(404);
  });

  it('lists the uncovered enterprises as a coverage’s drill-down', async () => {
    const res = await as('leader').get('/api/indicators/above_scale.invention_coverage/records?year=2018');
    expect(res.json<RecordsResponse>()).toMatchObject({
      total: 1,
      items: [{ kind: 'enterprise', name: '乙纺织有限公司', code: '91350582MA0000002X', townCode: OTHER }],
    });
  });
});

describe('who may call each endpoint', () => {
  const readers = ['admin', 'officer', 'leader', 'town'] as const;
  const refused = ['enterprise', 'expert', 'bank', 'provider'] as const;
  const reads = [
    '/api/indicators/overview?year=2018',
    '/api/indicators/hnte.valid/records?year=2018',
    '/api/indicators/hnte.valid/records.xlsx?year=2018',
  ];

  it('lets the bureau and the town officer read; refuses other roles (403) and the anonymous (401)', async () => {
    for (const url of reads) {
      for (const role of readers) expect((await as(role).get(url)).statusCode, `${role} ${url}`).toBe(200);
      for (const role of refused) expect((await as(role).get(url)).statusCode, `${role} ${url}`).toBe(403);
      expect((await as('anonymous').get(url)).statusCode).toBe(401);
    }
  });

  it('lets only officers and administrators set targets and report figures', async () => {
    const writes: [string, unknown][] = [
      ['/api/indicators/targets/2019/hnte.valid', { value: '120', comparison: 'above' }],
      ['/api/indicators/reported/2018/awards.innovation_units', { value: '70' }],
    ];
    for (const [url, body] of writes) {
      for (const role of ['admin', 'officer'] as const)
        expect((await as(role).put(url, body)).statusCode, `${role} ${url}`).toBe(200);
      for (const role of ['leader', 'town', ...refused] as const)
        expect((await as(role).put(url, body)).statusCode, `${role} ${url}`).toBe(403);
      expect((await as('anonymous').put(url, body)).statusCode).toBe(401);
    }
  });
});

describe('targets and reported figures', () => {
  it('keeps a town split that adds up, shows it per town and audits the change', async () => {
    const res = await as('officer').put('/api/indicators/targets/2018/patents.applications', {
      value: '10',
      towns: [
        { town: ANHAI, value: '6' },
        { town: OTHER, value: '4' },
      ],
      source: '晋科〔2018〕11号',
    });
    expect(res.statusCode, res.body).toBe(200);
    const item = (await overview(as('leader'))).items.find((i) => i.id === 'patents.applications')!;
    expect(item.target).toMatchObject({ value: { value: '10' }, comparison: 'at_least' });
    expect(item.progress?.display).toBe('10.0');
    expect(item.towns.find((x) => x.town === ANHAI)?.target?.value).toBe('6');
    const town = (await overview(as('town'))).items.find((i) => i.id === 'patents.applications')!;
    expect(town.target?.value.value).toBe('6');
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE action = 'indicators.target_set' AND entity_id = 'patents.applications/2018'`,
    );
    expect(rows[0]?.changes).toMatchObject({ county: [null, '10'], [ANHAI]: [null, '6'] });
  });

  it('refuses a split that does not add up with 400 naming the field, in both languages', async () => {
    const body = {
      value: '10',
      towns: [
        { town: ANHAI, value: '6' },
        { town: OTHER, value: '3' },
      ],
    };
    const zh = await as('officer').put('/api/indicators/targets/2018/patents.applications', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'towns', rule: 'split_sum' }] } },
    });
    expect(zh.json<{ error: { message: string } }>().error.message).toContain('还差 1');
    const en = await as('officer').put('/api/indicators/targets/2018/patents.applications', body, {
      'accept-language': 'en',
    });
    expect(
      en.json<{ error: { details: { fields: { message: string }[] } } }>().error.details.fields[0]?.message,
    ).toContain('short of');
    const unknownTown = await as('officer').put('/api/indicators/targets/2018/patents.applications', {
      value: '1',
      towns: [{ town: '350582999', value: '1' }],
    });
    expect(unknownTown.statusCode).toBe(400);
    expect(
      (await as('officer').put('/api/indicators/targets/2018/patents.applications', { value: '-1' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await as('officer').put('/api/indicators/targets/2018/population.resident', {
          value: '1',
          towns: [{ town: ANHAI, value: '1' }],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('keeps a range target ("1—2家") as its lower bound and top, refusing a top below the bound', async () => {
    const url = '/api/indicators/targets/2018/platforms.new_key_lab';
    const below = await as('officer').put(url, { value: '2', upper: '1' });
    expect(below.statusCode).toBe(400);
    expect(below.json()).toMatchObject({
      error: { details: { fields: [{ field: 'upper', rule: 'below_value' }] } },
    });
    const ok = await as('officer').put(url, { value: '1', upper: '2.0' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ value: '1', upper: '2' });
    const item = (await overview(as('leader'))).items.find((i) => i.id === 'platforms.new_key_lab')!;
    expect(item.target).toMatchObject({ value: { display: '1' }, upper: { display: '2' } });
  });

  it('evaluates the per-10k formula once the population is reported, and refuses to report a computed figure', async () => {
    const upload = await as('officer').post('/api/indicators/attachments?fileName=统计公报.pdf', PDF, {
      'content-type': 'application/pdf',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const put = await as('officer').put('/api/indicators/reported/2018/population.resident', {
      value: '20000',
      note: '统计公报',
      attachmentId: upload.json<{ id: string }>().id,
    });
    expect(put.statusCode, put.body).toBe(200);
    const item = (await overview(as('leader'))).items.find((i) => i.id === 'patents.invention_per_10k')!;
    expect(item.figure).toEqual({ value: '1/2', display: '0.50' });
    const computed = await as('officer').put('/api/indicators/reported/2018/hnte.valid', { value: '3' });
    expect(computed.statusCode).toBe(400);
    expect(computed.json()).toMatchObject({
      error: { details: { fields: [{ field: 'id', rule: 'not_reported' }] } },
    });
    const { rows } = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'indicators.reported_set'`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});

describe('bad input', () => {
  it('answers an unknown indicator with 404 in both languages', async () => {
    for (const url of [
      '/api/indicators/nope.x/records?year=2018',
      '/api/indicators/nope.x/records.xlsx?year=2018',
    ]) {
      const zh = await as('leader').get(url);
      expect(zh.statusCode).toBe(404);
      expect(zh.json()).toMatchObject({
        error: { code: 'INDICATOR_NOT_FOUND', message: '没有这个指标：nope.x' },
      });
      const en = await as('leader').get(url, { 'accept-language': 'en' });
      expect(en.json<{ error: { message: string } }>().error.message).toBe('No such indicator: nope.x');
    }
    expect((await as('officer').put('/api/indicators/targets/2018/nope.x', { value: '1' })).statusCode).toBe(
      404,
    );
    expect((await as('officer').put('/api/indicators/reported/2018/nope.x', { value: '1' })).statusCode).toBe(
      404,
    );
  });

  it('answers a year without figures with 404 naming the years there are', async () => {
    const res = await as('leader').get('/api/indicators/overview?year=2030');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      error: { code: 'INDICATOR_NO_DATA', message: '2030 年没有指标数据（有数据的年度：2018–2018）' },
    });
    expect((await as('leader').get('/api/indicators/hnte.valid/records?year=2030')).statusCode).toBe(404);
  });

  it('answers malformed input with 400, never 500', async () => {
    for (const url of [
      '/api/indicators/overview?year=abc',
      '/api/indicators/overview?year=1800',
      '/api/indicators/hnte.valid/records?year=2018&town=abc',
      '/api/indicators/hnte.valid/records?year=2018&town=350582999',
      '/api/indicators/hnte.valid/records?year=2018&page=0',
      '/api/indicators/Bad-Id/records?year=2018',
    ])
      expect((await as('leader').get(url)).statusCode, url).toBe(400);
    expect((await as('leader').get('/api/indicators/population.resident/records?year=2018')).statusCode).toBe(
      404,
    );
    expect(
      (await as('officer').put('/api/indicators/targets/abc/hnte.valid', { value: '1' })).statusCode,
    ).toBe(400);
    expect(
      (await as('officer').put('/api/indicators/targets/2018/hnte.valid', { value: '1e5' })).statusCode,
    ).toBe(400);
  });
});
