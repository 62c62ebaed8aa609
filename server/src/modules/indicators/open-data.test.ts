/**
 * The public open data (GET /api/public/indicators and .csv) on hand-built registry rows of 2017 and 2018 (two
 * above-scale enterprises in two towns, two HNTE certificates, four patents, a reported 2017 population with a
 * note, a 2018 target): exact county figures of the published indicators only, nothing of towns, targets or notes,
 * the CSV's form and quoting, anonymous and every role alike, and bad input as 400/404, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import {
  csvField,
  OPEN_DATA_CSV_COLUMNS,
  type OpenDataResponse,
} from '@jinke/core/indicators/open-data.contract.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { loadCatalogue } from './catalogue.ts';
import { CATALOGUE } from './catalogue.data.ts';
import { openDataService } from './open-data.service.ts';

const ANHAI = '350582101';
const OTHER = '350582102';
const ROLES = ['admin', 'officer', 'leader', 'town', 'enterprise', 'expert', 'bank', 'provider'] as const;
const NOTE = '统计公报（内部核对稿）';
const TARGET_SOURCE = '草拟目标，未发布';

let t: TestContext;
const c: Partial<Record<Role | 'anonymous', Client>> = {};
const as = (who: Role | 'anonymous') => c[who]!;
let officer = '';
const PUBLISHED = loadCatalogue()
  .ids.filter((id) => loadCatalogue().definitions.get(id)?.published)
  .sort();

async function enterprise(uscc: string, name: string, town: string, years: number[]): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id`,
    [uscc, name, town],
  );
  const id = rows[0]!.id;
  for (const year of years)
    await t.db.query(
      `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, above_scale) VALUES ($1, $2, 3000000000, true)`,
      [id, year],
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

async function hnte(holder: string, certificate: string, issued: string) {
  await t.db.query(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
     VALUES ('enterprise', $1, 'hnte', $2, $3, $3::date + interval '3 years')`,
    [holder, certificate, issued],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await enterprise('91350582MA0000001X', '甲鞋业有限公司', ANHAI, [2017, 2018]);
  const b = await enterprise('91350582MA0000002X', '乙纺织有限公司', OTHER, [2018]);
  await hnte(a, 'GR201735000001', '2017-10-20');
  await hnte(b, 'GR201835000002', '2018-11-01');
  await patent('2015100000011', 'invention', '2015-03-01', '2017-05-02', ANHAI, a);
  await patent('2017200000012', 'utility', '2017-06-01', '2017-12-01', ANHAI, a);
  await patent('2018200000013', 'utility', '2018-02-01', null, OTHER, b);
  await patent('2018300000014', 'design', '2018-03-01', '2018-09-01', OTHER, b);
  for (const role of ROLES)
    c[role] = await userClient(t, { role, ...(role === 'town' ? { scopeId: ANHAI } : {}) });
  c.anonymous = client(t.app);
  // Entered as the dashboard stores them: a reported population with its note and recorder, a target with a town split.
  officer = (c.officer as Client & { userId: string }).userId;
  await t.db.query(
    `INSERT INTO indicator_reported (indicator_id, year, value, note, recorded_by, recorded_at)
     VALUES ('population.resident', 2017, 30000, $1, $2, '2026-11-20T08:00:00Z')`,
    [NOTE, officer],
  );
  for (const [town, value] of [
    ['', '3'],
    [ANHAI, '2'],
    [OTHER, '1'],
  ] as const)
    await t.db.query(
      `INSERT INTO indicator_targets (indicator_id, year, town_code, value, comparison, source, updated_by)
       VALUES ('hnte.valid', 2018, $1, $2, 'above', $3, $4)`,
      [town, value, TARGET_SOURCE, officer],
    );
}, 120_000);
afterAll(() => t?.close());

async function figures(who: Client, query = ''): Promise<OpenDataResponse> {
  const res = await who.get(`/api/public/indicators${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OpenDataResponse>();
}
const item = (o: OpenDataResponse, id: string) => o.items.find((i) => i.id === id)!;

/** A strict RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  return rows;
}

describe('published figures', () => {
  it('answers the latest year by default with the exact county figures of the published indicators', async () => {
    const res = await as('anonymous').get('/api/public/indicators');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const o = res.json<OpenDataResponse>();
    expect(o).toMatchObject({ year: 2018, years: [2017, 2018] });
    expect(o.publisher.zh).toBe('晋江市科技和知识产权局');
    expect(o.licence.zh).toContain('来源：晋江市科技和知识产权局');
    expect(item(o, 'hnte.valid')).toMatchObject({
      value: '2',
      display: '2',
      missing: null,
      asOf: '2018-12-31',
    });
    expect(item(o, 'patents.applications')).toMatchObject({ value: '2', display: '2', period: 'year' });
    expect(item(o, 'patents.grants')).toMatchObject({ value: '1', display: '1' });
    // No 2018 population is reported: the figure is missing, never zero.
    expect(item(o, 'patents.invention_per_10k')).toMatchObject({
      value: null,
      display: null,
      missing: 'missing',
    });
  });

  it('gives 2017 exactly, the per-10k figure as a fraction, with formula, citation and data time', async () => {
    const o = await figures(as('anonymous'), '?year=2017');
    expect(o.year).toBe(2017);
    expect(item(o, 'hnte.valid')).toMatchObject({ value: '1', display: '1' });
    expect(item(o, 'patents.applications')).toMatchObject({ value: '1', display: '1' });
    expect(item(o, 'patents.grants')).toMatchObject({ value: '2', display: '2' });
    const defs = loadCatalogue().definitions;
    expect(item(o, 'patents.invention_per_10k')).toEqual({
      id: 'patents.invention_per_10k',
      name: { zh: '每万人口发明专利拥有量', en: 'Invention patents per 10,000 residents' },
      unit: { zh: '件/万人', en: 'per 10,000' },
      decimals: 2,
      source: 'formula',
      period: 'year-end',
      value: '1/3',
      display: '0.33',
      missing: null,
      asOf: '2017-12-31',
      formula: 'patents.valid_invention ÷ population.resident × 10000',
      citation: defs.get('patents.invention_per_10k')!.citation,
      dataTime: '2026-11-26T02:00:00.000Z',
    });
    expect(item(o, 'patents.grants').formula).toBe('count(patents.grants)');
  });

  it('lists the published indicators only, in the catalogue’s order, with nothing of towns, targets or notes', async () => {
    expect(PUBLISHED).toEqual(
      expect.arrayContaining([
        'hnte.valid',
        'patents.applications',
        'patents.grants',
        'patents.invention_per_10k',
      ]),
    );
    for (const year of [2017, 2018]) {
      const res = await as('anonymous').get(`/api/public/indicators?year=${year}`);
      const o = res.json<OpenDataResponse>();
      expect([...o.items.map((i) => i.id)].sort()).toEqual(PUBLISHED);
      expect(o.items.map((i) => i.id)).toEqual(loadCatalogue().ids.filter((id) => PUBLISHED.includes(id)));
      for (const i of o.items)
        expect(Object.keys(i).sort()).toEqual(
          [
            'asOf',
            'citation',
            'dataTime',
            'decimals',
            'formula',
            'id',
            'missing',
            'name',
            'period',
            'source',
            'unit',
            'value',
            'display',
          ].sort(),
        );
      for (const leak of [
        NOTE,
        TARGET_SOURCE,
        ANHAI,
        OTHER,
        '安海',
        'towns',
        'target',
        'recorded',
        'above_scale.count',
      ])
        expect(res.body, leak).not.toContain(leak);
      const csv = await as('anonymous').get(`/api/public/indicators.csv?year=${year}`);
      for (const leak of [NOTE, TARGET_SOURCE, ANHAI, 'above_scale.count'])
        expect(csv.body, leak).not.toContain(leak);
    }
  });

  it('publishes exactly what the catalogue flags: none when nothing is, one more when one more is', async () => {
    const deps = { db: t.db, clock: () => t.clock.now() };
    const ctx = { actor: null, requestId: 'test', ip: null, locale: 'zh-CN' as const };
    const none = loadCatalogue(
      CATALOGUE.map((e) => ({ ...e, definition: { ...e.definition, published: false } })),
    );
    expect((await openDataService({ ...deps, catalogue: none }).figures(ctx, { year: 2018 })).items).toEqual(
      [],
    );
    const more = loadCatalogue(
      CATALOGUE.map((e) =>
        e.definition.id === 'above_scale.count'
          ? { ...e, definition: { ...e.definition, published: true } }
          : e,
      ),
    );
    const o = await openDataService({ ...deps, catalogue: more }).figures(ctx, { year: 2018 });
    expect(o.items.map((i) => i.id).sort()).toEqual([...PUBLISHED, 'above_scale.count'].sort());
    expect(item(o, 'above_scale.count')).toMatchObject({ value: '2', display: '2' });
  });
});

describe('the CSV download', () => {
  it('is UTF-8 with a BOM, a stable header, RFC 4180 quoting and one row per published indicator', async () => {
    const res = await as('anonymous').get('/api/public/indicators.csv?year=2017');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="jinke-indicators-2017.csv"; filename*=UTF-8''${encodeURIComponent('晋江市科技指标公开数据-2017.csv')}`,
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      'indicator_id,year,name_zh,name_en,value,display,unit_zh,unit_en,decimals,source,period,as_of,missing,formula,citation,data_time',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    // The English name and unit hold commas, so they are quoted.
    expect(text).toContain(
      'patents.invention_per_10k,2017,每万人口发明专利拥有量,"Invention patents per 10,000 residents",1/3,0.33,件/万人,"per 10,000",2,formula,year-end,2017-12-31,,patents.valid_invention ÷ population.resident × 10000,',
    );
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...OPEN_DATA_CSV_COLUMNS]);
    const json = await figures(as('anonymous'), '?year=2017');
    expect(rows.length).toBe(1 + json.items.length);
    rows.slice(1).forEach((row, n) => {
      const i = json.items[n]!;
      const field = (name: string) => row[OPEN_DATA_CSV_COLUMNS.indexOf(name as never)];
      expect([
        field('indicator_id'),
        field('year'),
        field('value'),
        field('display'),
        field('citation'),
      ]).toEqual([i.id, '2017', i.value ?? '', i.display ?? '', i.citation]);
      expect(row.length).toBe(OPEN_DATA_CSV_COLUMNS.length);
    });
    const latest = parseCsv(
      (await as('anonymous').get('/api/public/indicators.csv')).rawPayload.toString('utf8').slice(1),
    );
    expect(latest[1]?.[1]).toBe('2018');
    expect(latest.find((r) => r[0] === 'patents.invention_per_10k')?.slice(4, 6)).toEqual(['', '']);
  });

  it('quotes a field with a comma, a double quote or a line break, doubling the quotes', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(parseCsv(`${['a,b', 'say "hi"', 'two\r\nlines'].map(csvField).join(',')}\r\n`)).toEqual([
      ['a,b', 'say "hi"', 'two\r\nlines'],
    ]);
  });
});

describe('who may call', () => {
  it('answers the anonymous and every signed-in role alike, county-wide (a town officer too)', async () => {
    for (const url of ['/api/public/indicators?year=2018', '/api/public/indicators.csv?year=2018']) {
      const anonymous = await as('anonymous').get(url);
      expect(anonymous.statusCode, url).toBe(200);
      for (const role of ROLES) {
        const res = await as(role).get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(200);
        expect(res.body, `${role} ${url}`).toBe(anonymous.body);
      }
    }
  });
});

describe('bad input', () => {
  it('answers a malformed year with 400 naming the field, in both languages', async () => {
    for (const path of ['/api/public/indicators', '/api/public/indicators.csv'])
      for (const year of ['abc', '1800', '2017.5', '']) {
        const zh = await as('anonymous').get(`${path}?year=${year}`);
        expect(zh.statusCode, `${path} ${year}`).toBe(400);
        expect(zh.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'querystring.year' }] } },
        });
        expect(zh.json<{ error: { message: string } }>().error.message).toMatch(
          /^提交的数据有误: querystring\.year 应(为四位年份，如 2017|在 1980–2100 之间)$/,
        );
        const en = await as('anonymous').get(`${path}?year=${year}`, { 'accept-language': 'en' });
        expect(en.statusCode).toBe(400);
        expect(
          en.json<{ error: { details: { fields: { message: string }[] } } }>().error.details.fields[0]
            ?.message,
        ).toMatch(/^querystring\.year must be (a four-digit year such as 2017|between 1980 and 2100)$/);
      }
  });

  it('answers a year without figures with 404 naming the years there are, in both languages', async () => {
    for (const path of ['/api/public/indicators', '/api/public/indicators.csv']) {
      const zh = await as('anonymous').get(`${path}?year=2030`);
      expect(zh.statusCode).toBe(404);
      expect(zh.headers['cache-control']).not.toBe('public, max-age=300');
      expect(zh.json()).toMatchObject({
        error: { code: 'INDICATOR_NO_DATA', message: '2030 年没有指标数据（有数据的年度：2017–2018）' },
      });
      const en = await as('anonymous').get(`${path}?year=2030`, { 'accept-language': 'en' });
      expect(en.json<{ error: { message: string } }>().error.message).toBe(
        'There are no figures for 2030 (years with figures: 2017–2018)',
      );
    }
  });
});
