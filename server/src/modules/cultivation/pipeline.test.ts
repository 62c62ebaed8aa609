/**
 * The candidate pipeline on hand-built registry data (test clock: 2026-11-26, so the 2026 campaign judges the
 * accounting years 2023–2025): exact readiness classes and gap groups, scoping and roles, the snapshot going stale
 * when the registry changes, expiring certificates, the export and the yearly target.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineResponse } from '@jinke/core/cultivation/pipeline.contract.ts';
import type { Database } from '../../platform/db/index.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';

const WAN = 1_000_000; // 分 per 万元
const ANHAI = '350582101';
const OTHER_TOWN = '350582102';

let t: TestContext;
let officer: Client;
let leader: Client;
let town: Client;
let serial = 0;
const ids: Record<string, string> = {};

interface YearSpec {
  year: number;
  revenue: number | null;
  rd: number | null;
  staff?: number;
  tech?: number;
}

/** An enterprise with its yearly figures, inserted directly (the registry's own API is tested elsewhere). */
async function enterprise(
  db: Database,
  key: string,
  spec: {
    town?: string;
    registeredOn: string | null;
    hitech?: string | null;
    industry?: string;
    years: YearSpec[];
  },
): Promise<string> {
  serial++;
  const uscc = `91350582MA${String(serial).padStart(7, '0')}X`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code, registered_on, hitech_field, industry_code)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      uscc,
      `${key}科技有限公司`,
      spec.town ?? ANHAI,
      spec.registeredOn,
      spec.hitech === undefined ? '10801' : spec.hitech,
      spec.industry ?? '3911',
    ],
  );
  const id = rows[0]!.id;
  for (const y of spec.years) {
    await db.query(
      `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, rd_fen, staff, tech_staff, net_assets_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, y.year, y.revenue, y.rd, y.staff ?? 100, y.tech ?? 20, 500 * WAN],
    );
  }
  ids[key] = id;
  return id;
}

/** Three years of 2,000万 sales with `rd` 万 of R&D each year. */
const threeYears = (rd: number, tech = 20): YearSpec[] =>
  [2023, 2024, 2025].map((year) => ({ year, revenue: 2_000 * WAN, rd: rd * WAN, tech }));

async function hnte(db: Database, enterpriseId: string, issuedOn: string, validTo: string, no: string) {
  await db.query(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
     VALUES ('enterprise', $1, 'hnte', $2, $3, $4)`,
    [enterpriseId, no, issuedOn, validTo],
  );
}

async function pipeline(c: Client, query = ''): Promise<PipelineResponse> {
  const res = await c.get(`/api/cultivation/pipeline?year=2026${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PipelineResponse>();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  // 6 % R&D, 20 % tech staff, registered 2015: every criterion the registry decides passes.
  await enterprise(db, '甲', { registeredOn: '2015-05-01', years: threeYears(120) });
  // 4.95 % R&D (5 % needed at 2,000万 sales): one gap, the R&D ratio.
  await enterprise(db, '乙', { registeredOn: '2016-05-01', years: threeYears(99) });
  await enterprise(db, '丙', { town: OTHER_TOWN, registeredOn: '2016-05-01', years: threeYears(60) });
  // 5 % tech staff and 2 % R&D: two gaps.
  await enterprise(db, '丁', { registeredOn: '2012-01-01', years: threeYears(40, 5) });
  // Registered 2025-12-01: less than 365 days, one thin year — far.
  await enterprise(db, '戊', {
    registeredOn: '2025-12-01',
    years: [{ year: 2025, revenue: 100 * WAN, rd: 1 * WAN, tech: 1 }],
  });
  // 2024 missing: incomplete.
  await enterprise(db, '己', {
    registeredOn: '2015-05-01',
    years: threeYears(120).filter((y) => y.year !== 2024),
  });
  // Registered after the campaign day: not in the 2026 pipeline.
  await enterprise(db, '庚', { registeredOn: '2026-12-20', years: [] });
  await hnte(db, ids['甲']!, '2024-03-01', '2027-02-28', 'GR202435000001');
  await hnte(db, ids['乙']!, '2025-12-01', '2028-11-30', 'GR202535000002');
  await hnte(db, ids['丁']!, '2020-01-01', '2022-12-31', 'GR202035000003');

  officer = await userClient(t, { role: 'officer' });
  leader = await userClient(t, { role: 'leader' });
  town = await userClient(t, { role: 'town', scopeId: ANHAI });
});
afterAll(() => t.close());

describe('pipeline readiness', () => {
  it('classifies each enterprise exactly and counts the one-gap enterprises under their gap', async () => {
    const body = await pipeline(officer);
    const byName = Object.fromEntries(body.items.map((i) => [i.name, i]));
    expect(Object.keys(byName).sort()).toEqual(
      ['甲', '乙', '丙', '丁', '戊', '己'].map((k) => `${k}科技有限公司`).sort(),
    );
    expect(byName['甲科技有限公司']?.readiness).toBe('eligible');
    expect(byName['乙科技有限公司']).toMatchObject({
      readiness: 'one_gap',
      rdRatioPct: '4.95',
      rdRequiredPct: 5,
      gaps: [{ id: 'rd-ratio', gap: { zh: '研发费用还差 ¥30,000.00' } }],
    });
    expect(byName['丙科技有限公司']?.gaps.map((g) => g.id)).toEqual(['rd-ratio']);
    expect(byName['丁科技有限公司']).toMatchObject({ readiness: 'two_gaps', techStaffPct: '5' });
    expect(byName['丁科技有限公司']?.gaps.map((g) => g.id)).toEqual(['tech-staff', 'rd-ratio']);
    expect(byName['戊科技有限公司']?.readiness).toBe('far');
    expect(byName['戊科技有限公司']?.gaps.map((g) => g.id)).toEqual([
      'registration',
      'tech-staff',
      'rd-ratio',
    ]);
    expect(byName['己科技有限公司']?.readiness).toBe('incomplete');
    // What the registry cannot hold is unknown, never a gap.
    expect(byName['甲科技有限公司']?.unknowns.map((u) => u.id)).toEqual([
      'core-ip',
      'domestic-rd',
      'hitech-revenue',
      'innovation-score',
      'no-major-incident',
    ]);
    expect(body.summary).toMatchObject({
      eligible: 1,
      oneGap: 2,
      twoGaps: 1,
      far: 1,
      incomplete: 1,
      validHnte: 2,
      expiring: 1,
      scope: 'county',
    });
    expect(body.gaps).toEqual([
      {
        key: 'rd-ratio',
        criteria: ['rd-ratio'],
        count: 2,
        text: { zh: '2 家企业仅差研发费用占比', en: '2 enterprises miss only the R&D ratio' },
      },
      {
        key: 'tech-staff,rd-ratio',
        criteria: ['tech-staff', 'rd-ratio'],
        count: 1,
        text: {
          zh: '1 家企业差科技人员占比、研发费用占比两项',
          en: '1 enterprise misses the tech-staff share and R&D ratio',
        },
      },
    ]);
    expect(body.items.map((i) => i.readiness)).toEqual([
      'eligible',
      'one_gap',
      'one_gap',
      'two_gaps',
      'far',
      'incomplete',
    ]);
    expect(body.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(byName['甲科技有限公司']?.hnteValidTo).toBe('2027-02-28');
  });

  it('lists exactly the enterprises of a gap group when filtered by it, in any order of the ids', async () => {
    const body = await pipeline(officer, '&gaps=rd-ratio');
    expect(body.items.map((i) => i.name).sort()).toEqual(['丙科技有限公司', '乙科技有限公司']);
    expect(body.total).toBe(2);
    const two = await pipeline(officer, '&gaps=rd-ratio,tech-staff');
    expect(two.items.map((i) => i.name)).toEqual(['丁科技有限公司']);
    // The cards keep counting the whole scope.
    expect(body.summary.oneGap).toBe(2);
  });

  it('filters by town, industry and readiness, and pages', async () => {
    expect((await pipeline(officer, `&town=${OTHER_TOWN}`)).items.map((i) => i.name)).toEqual([
      '丙科技有限公司',
    ]);
    expect((await pipeline(officer, '&industry=C')).total).toBe(6);
    expect((await pipeline(officer, '&industry=39')).total).toBe(6);
    expect((await pipeline(officer, '&industry=I')).total).toBe(0);
    expect((await pipeline(officer, '&readiness=far')).items.map((i) => i.name)).toEqual(['戊科技有限公司']);
    const page2 = await pipeline(officer, '&pageSize=4&page=2');
    expect(page2.items.map((i) => i.rank)).toEqual([5, 6]);
    expect(page2.total).toBe(6);
  });

  it('shows a town officer only their town, whatever town they ask for', async () => {
    const own = await pipeline(town);
    expect(own.items.every((i) => i.townCode === ANHAI)).toBe(true);
    expect(own.items).toHaveLength(5);
    expect(own.summary).toMatchObject({ scope: 'town', oneGap: 1, validHnte: 2 });
    expect((await pipeline(town, `&town=${OTHER_TOWN}`)).items).toEqual([]);
  });

  it('counts valid certificates and the target of the chosen year, and defaults to the latest target year', async () => {
    const set = await officer.put('/api/cultivation/pipeline/targets/2018', {
      targetAbove: 100,
      source: '晋科〔2018〕11号',
    });
    expect(set.statusCode, set.body).toBe(200);
    const res = await officer.get('/api/cultivation/pipeline');
    const body = res.json<PipelineResponse>();
    expect(body.campaign).toMatchObject({
      year: 2018,
      asOf: '2018-12-31',
      target: { year: 2018, targetAbove: 100, source: '晋科〔2018〕11号' },
      years: [2018, 2026],
    });
    // On 2018-12-31 nobody held a certificate and nobody had 2015–2017 figures.
    expect(body.summary.validHnte).toBe(0);
    expect(body.items.every((i) => i.readiness === 'incomplete' || i.readiness === 'far')).toBe(true);
    expect((await pipeline(officer)).campaign.target).toBeNull();
  });

  it('lists certificates expiring within twelve months for re-application, with the readiness', async () => {
    const res = await officer.get('/api/cultivation/pipeline/expiring?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      year: 2026,
      asOf: '2026-11-26',
      until: '2027-11-26',
      items: [
        {
          enterpriseId: ids['甲'],
          name: '甲科技有限公司',
          uscc: expect.any(String) as string,
          townName: '安海镇',
          certificateNo: 'GR202435000001',
          issuedOn: '2024-03-01',
          validTo: '2027-02-28',
          daysLeft: 94,
          readiness: 'eligible',
          gaps: [],
        },
      ],
    });
  });
});

describe('pipeline snapshot', () => {
  it('answers from the snapshot flagged stale after a registry change, then from the refreshed one', async () => {
    const before = await pipeline(officer);
    expect(before.snapshot.stale).toBe(false);
    await t.db.query('UPDATE enterprise_years SET rd_fen = $1 WHERE enterprise_id = $2', [
      120 * WAN,
      ids['乙']!,
    ]);
    const stale = await pipeline(officer);
    expect(stale.snapshot.stale).toBe(true);
    expect(stale.items.find((i) => i.name === '乙科技有限公司')?.readiness).toBe('one_gap');
    let fresh = stale;
    for (let i = 0; i < 100 && fresh.snapshot.stale; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      fresh = await pipeline(officer);
    }
    expect(fresh.snapshot.stale).toBe(false);
    expect(fresh.items.find((i) => i.name === '乙科技有限公司')?.readiness).toBe('eligible');
    expect(fresh.summary.eligible).toBe(2);
    const { rows } = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'cultivation.pipeline-refresh' AND status = 'succeeded'",
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('pipeline export', () => {
  it('sends the filtered list and the expiring certificates as a workbook, and audits it', async () => {
    const res = await officer.get('/api/cultivation/pipeline/export.xlsx?year=2026&gaps=tech-staff,rd-ratio');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [list, expiring] = workbook.worksheets;
    expect(list?.name).toBe('2026年度培育库');
    expect(list?.getRow(1).getCell(2).value).toBe('企业名称');
    expect(list?.rowCount).toBe(2);
    expect(list?.getRow(2).getCell(2).value).toBe('丁科技有限公司');
    expect(list?.getRow(2).getCell(6).value).toBe('差两项');
    expect(expiring?.getRow(2).getCell(1).value).toBe('甲科技有限公司');
    const { rows } = await t.db.query<{ changes: { rows: number } }>(
      "SELECT changes FROM audit_log WHERE action = 'cultivation.pipeline_exported' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0]?.changes.rows).toBe(1);
  });
});

describe('pipeline authorisation and input', () => {
  const endpoints = [
    ['GET', '/api/cultivation/pipeline?year=2026'],
    ['GET', '/api/cultivation/pipeline/expiring?year=2026'],
    ['GET', '/api/cultivation/pipeline/export.xlsx?year=2026'],
  ] as const;

  it('refuses enterprise, expert, bank and provider users on every pipeline endpoint', async () => {
    for (const role of ['enterprise', 'expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      for (const [, path] of endpoints) expect((await c.get(path)).statusCode, `${role} ${path}`).toBe(403);
      expect((await c.put('/api/cultivation/pipeline/targets/2026', { targetAbove: 1 })).statusCode).toBe(
        403,
      );
    }
  });

  it('lets the leader and the town officer read but not set targets, and the admin do both', async () => {
    for (const c of [leader, town]) {
      for (const [, path] of endpoints) expect((await c.get(path)).statusCode).toBe(200);
      expect((await c.put('/api/cultivation/pipeline/targets/2026', { targetAbove: 1 })).statusCode).toBe(
        403,
      );
    }
    const admin = await userClient(t, { role: 'admin' });
    expect((await admin.get(endpoints[0][1])).statusCode).toBe(200);
    expect((await admin.put('/api/cultivation/pipeline/targets/2026', { targetAbove: 120 })).statusCode).toBe(
      200,
    );
  });

  it('names the field of bad input with 400 and writes nothing', async () => {
    const cases: [string, string][] = [
      ['/api/cultivation/pipeline?year=2027', 'year'],
      ['/api/cultivation/pipeline?gaps=rd-ratio,typo', 'gaps'],
      ['/api/cultivation/pipeline?readiness=soon', 'readiness'],
      ['/api/cultivation/pipeline?pageSize=500', 'pageSize'],
      ['/api/cultivation/pipeline?industry=C39X', 'industry'],
    ];
    for (const [path, field] of cases) {
      const res = await officer.get(path);
      expect(res.statusCode, path).toBe(400);
      const fields = res.json<{ error: { details: { fields: { field: string }[] } } }>().error.details.fields;
      expect(
        fields.map((f) => f.field.replace(/^querystring\./, '')),
        path,
      ).toContain(field);
    }
    const targets = await t.db.query('SELECT * FROM hnte_targets WHERE year = 2025');
    const bad = await officer.put('/api/cultivation/pipeline/targets/2025', { targetAbove: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('targetAbove');
    expect((await t.db.query('SELECT * FROM hnte_targets WHERE year = 2025')).rows).toEqual(targets.rows);
  });

  it('audits a changed target with its before and after values', async () => {
    await officer.put('/api/cultivation/pipeline/targets/2024', { targetAbove: 90 });
    await officer.put('/api/cultivation/pipeline/targets/2024', { targetAbove: 95, source: '年度要点' });
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'cultivation.target_set' AND entity_id = '2024' ORDER BY seq",
    );
    expect(rows.map((r) => r.changes)).toEqual([
      { targetAbove: [null, 90] },
      { targetAbove: [90, 95], source: [null, '年度要点'] },
    ]);
  });
});
