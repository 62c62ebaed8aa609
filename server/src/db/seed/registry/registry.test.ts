import { validatePatentApplicationNumber } from '@jinke/core/common/ids/patent-number.ts';
import { validateUscc } from '@jinke/core/common/ids/uscc.ts';
import { gradesOfAward, honourItem } from '@jinke/core/registry/enterprise-relations.contract.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../platform/audit.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDb, type TestDb } from '../../../../test/harness.ts';
import { DEMO_ENTERPRISE_USCC } from './enterprises.ts';
import { seedRegistry, type RegistrySeedResult } from './index.ts';

const TODAY = '2026-11-26';
let t: TestDb;
let db: Database;
let result: RegistrySeedResult;

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query<T>(sql, params as never);
  return rows[0] as T;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await one<{ n: string }>(sql, params)).n);
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  result = await seedRegistry(db, { scale: 1, today: TODAY });
}, 300_000);

afterAll(async () => {
  await t?.drop();
});

describe('seedRegistry at scale 1', () => {
  it('reproduces the 2017 patent figures: 7,830 applications, 5,550 grants, 1,435 valid inventions at year end', async () => {
    expect(result.seeded).toBe(true);
    expect(
      await count(`SELECT count(*) AS n FROM patents WHERE filed_on BETWEEN '2017-01-01' AND '2017-12-31'`),
    ).toBe(7830);
    expect(
      await count(`SELECT count(*) AS n FROM patents WHERE granted_on BETWEEN '2017-01-01' AND '2017-12-31'`),
    ).toBe(5550);
    const valid = `SELECT count(*) AS n FROM patents
      WHERE type = 'invention' AND granted_on <= $1 AND (lapsed_on IS NULL OR lapsed_on > $1)
        AND filed_on + interval '20 years' > $1 AND legal_status NOT IN ('rejected', 'withdrawn')`;
    expect(await count(valid, ['2017-12-31'])).toBe(1435);
    // 2018 is a year of activity towards the targets (12,000 applications, 400 invention grants).
    expect(
      await count(`SELECT count(*) AS n FROM patents WHERE filed_on BETWEEN '2018-01-01' AND '2018-12-31'`),
    ).toBeGreaterThan(8000);
    expect(await count(valid, ['2018-12-31'])).toBeGreaterThan(1435);
  });

  it('mixes patent types and applicants plausibly for Jinjiang and links enterprise applicants by id', async () => {
    const mix = await one<{ design: string; utility: string; invention: string }>(
      `SELECT count(*) FILTER (WHERE type = 'design') AS design, count(*) FILTER (WHERE type = 'utility') AS utility,
              count(*) FILTER (WHERE type = 'invention') AS invention
         FROM patents WHERE filed_on BETWEEN '2017-01-01' AND '2017-12-31'`,
    );
    expect(Number(mix.design)).toBeGreaterThan(Number(mix.utility));
    expect(Number(mix.utility)).toBeGreaterThan(Number(mix.invention));
    expect(
      await count(
        `SELECT count(*) AS n FROM patents p WHERE NOT EXISTS (SELECT 1 FROM patent_applicants a WHERE a.patent_id = p.id AND a.position = 1)`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM patents p JOIN patent_applicants a ON a.patent_id = p.id AND a.position = 1
        WHERE (p.applicant_kind = 'enterprise') <> (a.holder_type = 'enterprise' AND a.holder_id IS NOT NULL)`),
    ).toBe(0);
    const kinds = await one<{ e: string; i: string }>(
      `SELECT count(*) FILTER (WHERE applicant_kind = 'enterprise') AS e, count(*) FILTER (WHERE applicant_kind = 'individual') AS i FROM patents`,
    );
    expect(Number(kinds.e)).toBeGreaterThan(1.5 * Number(kinds.i));
    expect(
      await count(`SELECT count(*) AS n FROM patents WHERE type = 'design' AND cardinality(ipc_codes) > 0`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM patents WHERE type <> 'design' AND cardinality(ipc_codes) = 0`),
    ).toBe(0);
  });

  it('writes only valid, unique USCCs and patent application numbers', async () => {
    const { rows: usccs } = await db.query<{ uscc: string }>('SELECT uscc FROM enterprises');
    expect(usccs.length).toBe(8000);
    const badUscc = usccs.filter(({ uscc }) => {
      const r = validateUscc(uscc, { strictOrgCode: true });
      return !r.ok || r.divisionCode !== '350582';
    });
    expect(badUscc).toEqual([]);
    const { rows: numbers } = await db.query<{ application_no: string; type: string; year: number }>(
      'SELECT application_no, type, extract(year FROM filed_on)::int AS year FROM patents',
    );
    expect(numbers.length).toBeGreaterThan(30_000);
    const badNumbers = numbers.filter(({ application_no, type, year }) => {
      const r = validatePatentApplicationNumber(application_no);
      return !r.ok || r.type !== type || r.year !== year;
    });
    expect(badNumbers).toEqual([]);
  });

  it('issues the 2017 qualifications of the summary and keeps about 80 valid high-tech enterprises at the end of 2017', async () => {
    const { rows } = await db.query<{ kind: string; n: string }>(
      `SELECT kind, count(*) AS n FROM qualifications WHERE issued_on BETWEEN '2017-01-01' AND '2017-12-31' GROUP BY kind`,
    );
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    expect(byKind).toMatchObject({
      hnte: 41,
      provincial_tech_enterprise: 41,
      little_giant_pool: 88,
      provincial_key_lab: 3,
      provincial_eng_center: 2,
      new_rnd_institution: 2,
      maker_space: 3,
    });
    const validHnte = await count(
      `SELECT count(DISTINCT holder_id) AS n FROM qualifications WHERE kind = 'hnte' AND issued_on <= '2017-12-31' AND valid_to >= '2017-12-31'`,
    );
    expect(validHnte).toBeGreaterThanOrEqual(70);
    expect(validHnte).toBeLessThanOrEqual(95);
    expect(
      await count(
        `SELECT count(*) AS n FROM qualifications WHERE kind = 'hnte' AND valid_to <> issued_on + interval '3 years' - interval '1 day'`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM qualifications WHERE kind = 'maker_space'`)).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM qualifications WHERE kind = 'incubator'`)).toBe(1);
    const expiring = await count(
      `SELECT count(*) AS n FROM qualifications WHERE valid_to > $1::date AND valid_to <= $1::date + interval '6 months'`,
      [TODAY],
    );
    expect(expiring).toBeGreaterThanOrEqual(5);
  });

  it('records the 2017 honours of the summary with ranks among the winning units', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM honours WHERE year = 2017 AND award = 'china_patent_award' AND grade = 'excellence' AND holder_type = 'enterprise'`,
      ),
    ).toBe(2);
    const { rows } = await db.query<{ grade: string; n: string }>(
      `SELECT grade, count(*) AS n FROM honours WHERE year = 2017 AND award = 'city_sti_award' GROUP BY grade`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.grade, Number(r.n)]))).toEqual({
      enterprise_innovation: 1,
      major_contribution: 1,
      entrepreneurship: 2,
      first: 1,
      second: 3,
      third: 8,
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM honours WHERE year = 2017 AND holder_type <> 'person' AND rank_among_units IS NULL`,
      ),
    ).toBe(0);
  });

  it('records every honour in the vocabulary the API serves (award and a grade of that award)', async () => {
    const { rows } = await db.query<{ award: string; grade: string | null }>(
      'SELECT DISTINCT award, grade FROM honours ORDER BY award, grade',
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      const item = { id: 'x', award: r.award, grade: r.grade, rankAmongUnits: 1, year: 2017, projectTitle: null };
      expect(honourItem.safeParse(item).success, `${r.award}/${r.grade}`).toBe(true);
      const grades: readonly string[] = gradesOfAward[r.award as keyof typeof gradesOfAward];
      expect(r.grade === null || grades.includes(r.grade), `${r.award}/${r.grade}`).toBe(true);
    }
  });

  it('has the named enterprises, platforms and the records the demo accounts act for', async () => {
    for (const name of [
      '福建浔兴拉链科技股份有限公司',
      '泉州华祥纸业有限公司',
      '晋江市钫淦新材料科技有限公司',
      '泉州瑞思蚂蚁电子商务有限公司',
    ]) {
      expect(await count('SELECT count(*) AS n FROM enterprises WHERE name = $1', [name]), name).toBe(1);
    }
    expect(
      await one('SELECT town_code, industry_code FROM enterprises WHERE name = $1', [
        '福建浔兴拉链科技股份有限公司',
      ]),
    ).toEqual({ town_code: '350582105', industry_code: '4190' });
    for (const name of [
      '福建海峡石墨烯产业技术研究院',
      '哈工大福建产业化基地',
      '福建农林大学晋江研究院',
      '省农科院晋江研发中心',
    ]) {
      expect(await count('SELECT count(*) AS n FROM institutes WHERE name = $1', [name]), name).toBe(1);
    }
    expect(
      await one('SELECT kind FROM institutes WHERE name = $1', ['福建海峡石墨烯产业技术研究院']),
    ).toEqual({ kind: 'new_rnd_institution' });
    expect(await count('SELECT count(*) AS n FROM institutes')).toBe(236);
    expect(await count('SELECT count(*) AS n FROM experts')).toBe(3783);

    const demo = await one<{ id: string; name: string; town_code: string }>(
      'SELECT id, name, town_code FROM enterprises WHERE uscc = $1',
      [DEMO_ENTERPRISE_USCC],
    );
    expect(demo).toMatchObject({ name: '晋江交发科技有限公司', town_code: '350582101' });
    expect(
      await count('SELECT count(*) AS n FROM enterprise_years WHERE enterprise_id = $1', [demo.id]),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        `SELECT count(*) AS n FROM patent_applicants WHERE holder_type = 'enterprise' AND holder_id = $1`,
        [demo.id],
      ),
    ).toBeGreaterThanOrEqual(8);
    expect(
      await count(
        `SELECT count(*) AS n FROM qualifications WHERE holder_id = $1 AND valid_to > $2::date AND valid_to <= $2::date + interval '6 months'`,
        [demo.id, TODAY],
      ),
    ).toBe(1);
    expect(await one('SELECT title FROM experts WHERE code = $1', ['EXP-0001'])).toEqual({ title: '教授' });
    expect(await one('SELECT kind FROM banks WHERE code = $1', ['BANK-0001'])).toEqual({ kind: 'bank' });
    expect(await one('SELECT kind FROM carriers WHERE code = $1', ['PRV-0001'])).toEqual({
      kind: 'maker_space',
    });
  });

  it('spreads enterprises over the towns with about 1,400 above-scale firms and consistent yearly figures', async () => {
    expect(await count(`SELECT count(DISTINCT town_code) AS n FROM enterprises`)).toBe(22);
    const above = await count(`SELECT count(*) AS n FROM enterprise_years WHERE year = 2017 AND above_scale`);
    expect(above).toBeGreaterThan(1100);
    expect(above).toBeLessThan(1700);
    expect(
      await count(`SELECT count(*) AS n FROM enterprise_years WHERE rd_fen > revenue_fen OR tech_staff > staff OR net_assets_fen > total_assets_fen
        OR above_scale <> (revenue_fen >= 2000000000)`),
    ).toBe(0);
    const shoes = await count(
      `SELECT count(*) AS n FROM enterprises WHERE left(industry_code, 2) IN ('18', '19')`,
    );
    expect(shoes / 8000).toBeGreaterThan(0.25);
    expect(
      await count(
        `SELECT count(*) AS n FROM chain_tags WHERE chain = '集成电路' AND segment IN ('设计', '制造', '封测', '材料', '装备')`,
      ),
    ).toBeGreaterThan(0);
  });

  it('finds seeded records by full-text search and restores the indexes and keys it set aside', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM enterprises WHERE search_vector @@ to_tsquery('simple', '浔兴')`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(`SELECT count(*) AS n FROM patents WHERE search_vector @@ to_tsquery('simple', '鞋底')`),
    ).toBeGreaterThan(0);
    const indexes = await db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename IN ('patents', 'enterprises')`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['patents_search_idx', 'enterprises_search_idx', 'enterprises_name_trgm_idx']),
    );
    expect(
      await count(
        `SELECT count(*) AS n FROM pg_constraint WHERE conname = 'patent_applicants_patent_id_fkey'`,
      ),
    ).toBe(1);
  });

  it('writes one audit entry with the counts and leaves a seeded registry alone when run again', async () => {
    const audit = await one<{ changes: { counts: Record<string, number> } }>(
      `SELECT changes FROM audit_log WHERE action = 'demo.seeded'`,
    );
    expect(audit.changes.counts).toMatchObject({ enterprises: 8000, institutes: 236, experts: 3783 });
    expect((await verifyChain(db)).ok).toBe(true);
    const again = await seedRegistry(db, { scale: 1, today: TODAY });
    expect(again.seeded).toBe(false);
    expect(await count('SELECT count(*) AS n FROM enterprises')).toBe(8000);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'demo.seeded'`)).toBe(1);
  });
});
