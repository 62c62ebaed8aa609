/**
 * Expert draws end to end on a real database: avoidance read from registry data (employer, partner institute,
 * declared relation, co-application by name, an institute applicant's staff), overrides, the stored result equal to
 * `runDraw` over the stored pool, a public record that verifies (and fails on tampering), declines, load limits and
 * the audit entries. Test clock: 2026-11-26 in Jinjiang, so the three-year window starts on 2023-11-26.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawDetail, PublicDraw } from '@jinke/core/draws/draws-api.contract.ts';
import type { FrozenPool } from '@jinke/core/draws/draw.contract.ts';
import { replaceMember, runDraw } from '@jinke/core/draws/draw.ts';
import { parsePoolText, poolHash } from '@jinke/core/draws/pool.ts';
import { checkPublishedDraw } from '@jinke/core/draws/published.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { assignDemoPanelKinds } from './index.ts';
import {
  drawUscc,
  expertCode,
  hnteDraw,
  insertEnterprise,
  insertExpert,
  insertInstitute,
  insertPatent,
  insertPool,
} from './draws.fixtures.ts';

let t: TestContext;
let officer: Client;
const A = drawUscc(10);
const B = drawUscc(11);
const NAMES: Record<number, string> = {};

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE entity_type = 'draw' AND entity_id = $1 ORDER BY seq",
    [entityId],
  );
  return rows.map((r) => r.action);
}

/** The stored pool, read back from its canonical text (migration 0016). */
async function storedPool(id: string): Promise<FrozenPool> {
  const { rows } = await t.db.query<{ pool_text: string }>('SELECT pool_text FROM draws WHERE id = $1', [id]);
  return parsePoolText(rows[0]!.pool_text)!;
}

async function freeze(body: Record<string, unknown>): Promise<DrawDetail> {
  const res = await officer.post('/api/draws', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DrawDetail>();
}

async function seed(id: string, value: string): Promise<DrawDetail> {
  const res = await officer.post(`/api/draws/${id}/seed`, { seed: value, seedSource: '见证人现场输入' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DrawDetail>();
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer', displayName: '科技局业务员' });
  const aId = await insertEnterprise(t.db, A, '晋江甲鞋业有限公司');
  const bId = await insertInstitute(t.db, '晋江乙鞋服研究院', B);
  const partner = await insertInstitute(t.db, '泉州丙材料研究所', null);
  await t.db.query(
    "INSERT INTO cooperation_agreements (enterprise_id, institute_id, subject, signed_on) VALUES ($1, $2, '鞋材联合研发', '2024-03-01')",
    [aId, partner],
  );
  await insertPool(t.db, 30);
  const special = [
    { n: 101, name: '甲公司工程师', employerUscc: A },
    { n: 102, name: '丙所研究员', instituteId: partner },
    { n: 103, name: '甲公司股东', relations: [{ kind: 'shareholder', uscc: A, name: '晋江甲鞋业有限公司' }] },
    {
      n: 104,
      name: '甲公司老员工',
      relations: [{ kind: 'former_employer', uscc: A, name: '晋江甲鞋业有限公司', until: '2020-01-01' }],
    },
    { n: 105, name: '陈志远' },
    { n: 106, name: '林海' },
    { n: 107, name: '乙院教授', instituteId: bId, employerUscc: B },
  ];
  for (const x of special) {
    NAMES[x.n] = x.name;
    await insertExpert(t.db, { code: expertCode(x.n), ...x });
  }
  await insertPatent(t.db, 'CN202410000001.1', '2024-05-01', [
    { holderType: 'enterprise', holderId: aId, name: '晋江甲鞋业有限公司' },
    { holderType: 'person', holderId: null, name: '陈志远' },
  ]);
  await insertPatent(t.db, 'CN202210000001.1', '2022-01-01', [
    { holderType: 'enterprise', holderId: aId, name: '晋江甲鞋业有限公司' },
    { holderType: 'person', holderId: null, name: '林海' },
  ]);
});
afterAll(() => t.close());

describe('avoidance from registry data', () => {
  let frozen: DrawDetail;
  beforeAll(async () => {
    frozen = await freeze(hnteDraw([A, B]));
  });

  it('excludes each tied expert with the rule, the reason and the names', () => {
    const byCode = new Map(frozen.excluded.map((e) => [e.code, e]));
    expect(byCode.get(expertCode(101))).toMatchObject({
      rule: 'own-staff',
      uscc: A,
      name: '甲公司工程师',
      applicantName: '晋江甲鞋业有限公司',
      zh: `系申报单位 ${A} 或其合作单位的人员`,
    });
    expect(byCode.get(expertCode(102))).toMatchObject({ rule: 'own-staff', uscc: A, name: '丙所研究员' });
    expect(byCode.get(expertCode(103))).toMatchObject({ rule: 'declared-relation', uscc: A });
    expect(byCode.get(expertCode(105))).toMatchObject({
      rule: 'co-application',
      uscc: A,
      name: '陈志远',
      zh: `近三年与申报单位 ${A} 共同申请专利（2024-05-01）`,
    });
    expect(byCode.get(expertCode(107))).toMatchObject({
      rule: 'own-staff',
      uscc: B,
      applicantName: '晋江乙鞋服研究院',
    });
    expect(frozen.excluded.map((e) => e.code).sort()).toEqual([101, 102, 103, 105, 107].map(expertCode));
  });

  it('keeps an expert whose relation ended more than three years ago, or whose co-application is older', async () => {
    const pool = await storedPool(frozen.id);
    const codes = pool.eligible.map((e) => e.code);
    expect(codes).toContain(expertCode(104));
    expect(codes).toContain(expertCode(106));
    expect(frozen.poolSize).toBe(32);
    expect(frozen.funnel).toEqual([
      { stage: 'candidates', remaining: 37 },
      { stage: 'available', remaining: 37 },
      { stage: 'field', remaining: 37 },
      { stage: 'load', remaining: 37 },
      { stage: 'avoidance', remaining: 32 },
    ]);
  });

  it('lists the applicants with their partner institutes and co-applicants', () => {
    expect(frozen.applicants).toEqual([
      {
        uscc: A,
        name: '晋江甲鞋业有限公司',
        institutes: [{ id: expect.any(String) as string, name: '泉州丙材料研究所' }],
        coApplicants: [{ code: expertCode(105), date: '2024-05-01' }],
      },
      {
        uscc: B,
        name: '晋江乙鞋服研究院',
        institutes: [{ id: expect.any(String) as string, name: '晋江乙鞋服研究院' }],
        coApplicants: [],
      },
    ]);
  });

  it('reinstates an overridden expert, keeping the reason with the draw and in the public record', async () => {
    const overridden = await freeze(
      hnteDraw([A, B], { overrides: [{ code: expertCode(105), reason: '同名不同人，经核实非同一人' }] }),
    );
    expect(overridden.overridden).toEqual([
      {
        code: expertCode(105),
        name: '陈志远',
        reason: '同名不同人，经核实非同一人',
        rules: ['co-application'],
      },
    ]);
    expect((await storedPool(overridden.id)).eligible.map((e) => e.code)).toContain(expertCode(105));
    const record = (await client(t.app).get(`/api/public/draws/${overridden.id}`)).json<PublicDraw>();
    expect(record.overridden).toEqual([
      { code: expertCode(105), reason: '同名不同人，经核实非同一人', rules: ['co-application'] },
    ]);
  });
});

describe('the stored draw', () => {
  let frozen: DrawDetail;
  let drawn: DrawDetail;
  beforeAll(async () => {
    frozen = await freeze(hnteDraw([A]));
    drawn = await seed(frozen.id, '  2026-11-26 见证人 483920 ');
  });

  it('publishes the hash of the stored pool before the seed', async () => {
    const pool = await storedPool(frozen.id);
    expect(frozen.status).toBe('frozen');
    expect(frozen.poolHash).toBe(poolHash(pool));
    const record = (await client(t.app).get(`/api/public/draws/${frozen.id}`)).json<PublicDraw>();
    expect(record.poolHash).toBe(frozen.poolHash);
    expect(record.pool).toEqual(pool);
  });

  it('equals runDraw over the stored pool with the normalised seed', async () => {
    const outcome = runDraw(await storedPool(frozen.id), '2026-11-26 见证人 483920');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(drawn.seed).toBe('2026-11-26 见证人 483920');
    expect(drawn.seedSource).toBe('见证人现场输入');
    expect(drawn.key).toBe(outcome.key);
    expect(drawn.panel.map((p) => p.code)).toEqual(outcome.panel);
    expect(drawn.alternates.map((p) => p.code)).toEqual(outcome.alternates);
    expect(drawn.panel.filter((p) => p.kind === 'financial').length).toBeGreaterThanOrEqual(1);
    expect(drawn.panel.filter((p) => p.kind === 'technical').length).toBeGreaterThanOrEqual(5);
    expect(drawn.panel.every((p) => p.name !== null)).toBe(true);
  });

  it('publishes a record with codes only that verifies, and fails on a changed panel', async () => {
    const res = await client(t.app).get(`/api/public/draws/${frozen.id}`);
    const record = res.json<PublicDraw>();
    expect(checkPublishedDraw(record)).toMatchObject({ stage: 'drawn', matches: true, differs: [] });
    expect(res.body).not.toMatch(/专家\d+号/);
    for (const name of Object.values(NAMES)) expect(res.body).not.toContain(name);
    expect(res.body).not.toContain(A);
    const reversed = [...record.panel!].reverse();
    expect(checkPublishedDraw({ ...record, panel: reversed, currentPanel: reversed }).differs).toEqual([
      'panel',
    ]);
    expect(checkPublishedDraw({ ...record, seed: '483921' }).differs).toEqual(['panel', 'alternates']);
    expect(checkPublishedDraw({ ...record, poolHash: '0'.repeat(64) }).differs).toEqual(['poolHash']);
  });

  it('seats the first fitting alternate on a decline, records who and why, and still verifies', async () => {
    const pool = await storedPool(frozen.id);
    const leaving = drawn.currentPanel[2]!.code;
    const expected = replaceMember(
      pool,
      {
        panel: drawn.currentPanel.map((p) => p.code),
        alternates: drawn.currentAlternates.map((p) => p.code),
      },
      leaving,
    );
    const res = await officer.post(`/api/draws/${frozen.id}/decline`, {
      code: leaving,
      reason: '本人因病无法参加评审',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<DrawDetail>();
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    expect(after.currentPanel.map((p) => p.code)).toEqual(expected.panel);
    expect(after.currentPanel[2]!.code).toBe(expected.replacement);
    expect(after.panel.map((p) => p.code)).toEqual(drawn.panel.map((p) => p.code));
    expect(after.events).toEqual([
      expect.objectContaining({
        seq: 1,
        kind: 'declined',
        code: leaving,
        replacement: expected.replacement,
        reason: '本人因病无法参加评审',
        actorName: '科技局业务员',
      }),
    ]);
    const publicRes = await client(t.app).get(`/api/public/draws/${frozen.id}`);
    const record = publicRes.json<PublicDraw>();
    expect(record.declines).toHaveLength(1);
    expect(publicRes.body).not.toContain('因病');
    expect(checkPublishedDraw(record).matches).toBe(true);
    expect(checkPublishedDraw({ ...record, currentPanel: drawn.panel.map((p) => p.code) }).differs).toEqual([
      'current',
    ]);
    expect(await auditActions(frozen.id)).toEqual(['draw.frozen', 'draw.drawn', 'draw.member_replaced']);
  });

  it('counts seats on drawn panels as load, so a load limit of 1 leaves those experts out', async () => {
    const seated = (await officer.get(`/api/draws/${frozen.id}`))
      .json<DrawDetail>()
      .currentPanel.map((p) => p.code);
    const { rows } = await t.db.query<{ code: string; n: number }>(
      `SELECT s.code, count(*)::int AS n FROM draws d CROSS JOIN LATERAL jsonb_array_elements_text(d.current_panel) AS s(code)
       WHERE d.status = 'drawn' GROUP BY s.code`,
    );
    const loaded = rows.map((r) => r.code);
    expect(loaded).toEqual(expect.arrayContaining(seated));
    const limited = await freeze(hnteDraw([A], { spec: { panelSize: 5, maxLoad: 1 } }));
    const pool = await storedPool(limited.id);
    for (const code of loaded) expect(pool.eligible.map((e) => e.code)).not.toContain(code);
    expect(limited.funnel.find((s) => s.stage === 'load')!.remaining).toBe(37 - loaded.length);
  });
});

describe('demo panel kinds', () => {
  it('makes every sixth seeded expert financial once, and leaves kinds alone afterwards', async () => {
    await t.db.query("UPDATE experts SET panel_kind = 'technical'");
    expect(await assignDemoPanelKinds(t.db)).toBe(6);
    const { rows } = await t.db.query<{ code: string }>(
      "SELECT code FROM experts WHERE panel_kind = 'financial' ORDER BY code",
    );
    expect(rows.map((r) => r.code)).toEqual([6, 12, 18, 24, 30, 102].map(expertCode));
    expect(await assignDemoPanelKinds(t.db)).toBe(0);
  });
});
