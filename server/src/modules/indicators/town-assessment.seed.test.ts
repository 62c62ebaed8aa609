/**
 * The demo seed of the town assessment on hand-built 2017 figures: 安海镇 has one valid HNTE and two patent
 * applications, 磁灶镇 one application, nothing else anywhere. The 2018 county targets (晋科〔2018〕11号, from
 * seedIndicatorsDemo) are split by those figures by largest remainder — where the basis is zero in every town, the
 * 22 towns count equally — every split adds up exactly, each is audited, and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '@jinke/core/common/rational.ts';
import { checkTownSplit } from '@jinke/core/indicators/targets.ts';
import type { TownAssessmentResponse } from '@jinke/core/indicators/town-assessment.contract.ts';
import { systemContext } from '../../platform/context.ts';
import { createTestApp, userClient, type TestContext } from '../../../test/harness.ts';
import { listTargets, listTowns } from './indicators.repo.ts';
import { seedIndicatorsDemo } from './indicators.seed.ts';
import { DEFAULT_WEIGHTS_2018, seedTownAssessmentDemo } from './town-assessment.seed.ts';

const ANHAI = '350582101';
const CIZAO = '350582102';
let t: TestContext;
const deps = () => ({ db: t.db, clock: () => t.clock.now() });

async function enterprise(uscc: string, town: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id`,
    [uscc, uscc, town],
  );
  for (const year of [2017, 2018])
    await t.db.query(`INSERT INTO enterprise_years (enterprise_id, year) VALUES ($1, $2)`, [
      rows[0]!.id,
      year,
    ]);
  return rows[0]!.id;
}

async function application(no: string, town: string, holder: string) {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO patents (application_no, type, title, filed_on, legal_status, applicant_kind, town_code, expires_on)
     VALUES ($1, 'utility', $1, '2017-05-01', 'pending', 'enterprise', $2, '2027-05-01') RETURNING id`,
    [no, town],
  );
  await t.db.query(
    `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, 1, 'enterprise', $2, 'x')`,
    [rows[0]!.id, holder],
  );
}

const auditCount = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const a = await enterprise('91350582MA0000001X', ANHAI);
  const b = await enterprise('91350582MA0000002X', CIZAO);
  await t.db.query(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
     VALUES ('enterprise', $1, 'hnte', 'GR201635000001', '2016-10-20', '2019-10-19')`,
    [a],
  );
  await application('2017200000011', ANHAI, a);
  await application('2017200000012', ANHAI, a);
  await application('2017200000021', CIZAO, b);
  await seedIndicatorsDemo(deps(), systemContext('test'));
  await seedTownAssessmentDemo(deps(), systemContext('test'));
}, 300_000);
afterAll(() => t?.close());

describe('the 2018 town split', () => {
  it('splits by the 2017 figures, and evenly by largest remainder where every town had none', async () => {
    const towns = (await listTowns(t.db)).map((x) => x.code);
    expect(towns).toHaveLength(22);
    const targets = await listTargets(t.db, 2018);
    const split = (id: string) =>
      Object.fromEntries(
        targets
          .filter((x) => x.indicator_id === id && x.town_code !== '' && Number(x.value) !== 0)
          .map((x) => [x.town_code, Rational.parse(x.value).toDecimal(6)]),
      );
    // 12000 × 2/3 and × 1/3; 100 valid HNTE all to the one town that had one.
    expect(split('patents.applications')).toEqual({ [ANHAI]: '8000', [CIZAO]: '4000' });
    expect(split('hnte.valid')).toEqual({ [ANHAI]: '100' });
    // 5500 ÷ 22 = 250 each; 1300 ÷ 22 = 59.09: 59 each and the 2 left to the first two towns; 400 ÷ 22 = 18.18:
    // 18 each and 4 left; 3 key labs ÷ 22: the first three towns one each.
    expect(new Set(Object.values(split('patents.grants')))).toEqual(new Set(['250']));
    const inventions = split('patents.invention_applications');
    expect(towns.map((x) => inventions[x])).toEqual([...Array(2).fill('60'), ...Array(20).fill('59')]);
    const grants = split('patents.invention_grants');
    expect(towns.map((x) => grants[x])).toEqual([...Array(4).fill('19'), ...Array(18).fill('18')]);
    expect(split('platforms.new_key_lab')).toEqual({ [towns[0]!]: '1', [towns[1]!]: '1', [towns[2]!]: '1' });
    // No town breakdown: no split.
    expect(
      targets.filter((x) => x.indicator_id === 'patents.invention_per_10k').map((x) => x.town_code),
    ).toEqual(['']);
    for (const id of ['hnte.valid', 'patents.applications', 'patents.grants', 'patents.invention_grants']) {
      const rows = targets.filter((x) => x.indicator_id === id);
      const county = Rational.parse(rows.find((x) => x.town_code === '')!.value);
      const shares = rows
        .filter((x) => x.town_code !== '')
        .map((x) => ({ town: x.town_code, value: Rational.parse(x.value) }));
      expect(shares).toHaveLength(22);
      expect(checkTownSplit(county, shares, towns)).toEqual({ ok: true });
      expect(rows.every((x) => x.source?.startsWith('晋科〔2018〕11号'))).toBe(true);
    }
  });

  it('audits each split like the target-setting service, and the default weights', async () => {
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE action = 'indicators.target_set' AND entity_id = 'patents.applications/2018'
        ORDER BY seq`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]!.changes).toMatchObject({ [ANHAI]: [null, '8000'], [CIZAO]: [null, '4000'] });
    const weights = await t.db.query<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE action = 'indicators.town_weights_set' AND entity_id = '2018'`,
    );
    expect(weights.rows[0]!.changes).toMatchObject({ 'hnte.valid': [null, '30 @ 120%'] });
  });

  it('changes nothing when run again', async () => {
    const before = await auditCount();
    const targets = await listTargets(t.db, 2018);
    await seedTownAssessmentDemo(deps(), systemContext('test'));
    expect(await auditCount()).toBe(before);
    expect(await listTargets(t.db, 2018)).toEqual(targets);
  });

  it('ranks the towns with the default weights', async () => {
    const leader = await userClient(t, { role: 'leader' });
    const res = await leader.get('/api/indicators/town-assessment?year=2018');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<TownAssessmentResponse>();
    expect(a.weights.map((w) => [w.indicator, w.weight])).toEqual(
      DEFAULT_WEIGHTS_2018.map((w) => [w.indicator, w.weight]),
    );
    expect(a.weightSum.value).toBe('100');
    // 安海镇: 1 valid HNTE of 100 × 30 = 0.3; no 2018 patents. Every target of its is above 0, so it is complete.
    expect(a.towns[0]).toMatchObject({
      town: ANHAI,
      rank: 1,
      complete: true,
      score: { value: '3/10', display: '0.30' },
    });
    // 磁灶镇's HNTE target is 0: that indicator cannot be assessed, so the town is incomplete.
    expect(a.towns.find((x) => x.town === CIZAO)).toMatchObject({
      rank: 2,
      complete: false,
      missing: ['hnte.valid'],
    });
  });
});
