/**
 * Self-assessment endpoints: who may call each one (enterprise A, a town, bureau roles, roles without access), saving
 * with the server's own result, bad input named by field with nothing written, and the audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import {
  eligibleHnteInput,
  putYear,
  registerEnterprise,
  type TestEnterprise,
} from './assessments.fixtures.ts';

type Who = Exclude<Role, 'town'> | 'townA' | 'townB' | 'enterpriseA' | 'enterpriseB';

let t: TestContext;
const c = {} as Record<Who, Client & { username: string }>;
let a: TestEnterprise;
let b: TestEnterprise;
let savedA: string;
let savedB: string;

const EN = { 'accept-language': 'en-US' };

async function rows(): Promise<number> {
  const { rows: r } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM cultivation_assessments');
  return Number(r[0]!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  c.officer = await userClient(t, { role: 'officer' });
  a = await registerEnterprise(c.officer, { townCode: '350582101', registeredOn: '2015-01-01' });
  b = await registerEnterprise(c.officer, { townCode: '350582103', registeredOn: '2016-01-01' });
  await putYear(c.officer, a.id, 2025, {
    revenueFen: 5_000_000_000,
    rdFen: 300_000_000,
    staff: 100,
    techStaff: 20,
  });
  for (const role of ['admin', 'leader', 'expert', 'bank', 'provider'] as const)
    c[role] = await userClient(t, { role });
  c.townA = await userClient(t, { role: 'town', scopeId: '350582101' });
  c.townB = await userClient(t, { role: 'town', scopeId: '350582103' });
  c.enterpriseA = await userClient(t, { role: 'enterprise', scopeId: a.uscc });
  c.enterpriseB = await userClient(t, { role: 'enterprise', scopeId: b.uscc });
  c.enterprise = c.enterpriseA;
  const first = await c.enterpriseA.post('/api/cultivation/assessments', {
    kind: 'hnte',
    input: eligibleHnteInput(),
  });
  expect(first.statusCode).toBe(201);
  savedA = first.json().id;
  const second = await c.officer.post('/api/cultivation/assessments', {
    kind: 'hnte',
    enterpriseId: b.id,
    input: eligibleHnteInput(),
  });
  expect(second.statusCode).toBe(201);
  savedB = second.json().id;
});
afterAll(() => t.close());

describe('who may prefill', () => {
  it('gives an enterprise user its own draft and 404 for another enterprise', async () => {
    const own = await c.enterpriseA.get('/api/cultivation/assessments/prefill?kind=hnte');
    expect(own.statusCode).toBe(200);
    expect(own.json().enterprise.id).toBe(a.id);
    expect(own.json().input.staff).toEqual({ techStaff: 20, totalStaff: 100 });
    expect(
      (await c.enterpriseA.get(`/api/cultivation/assessments/prefill?kind=hnte&enterpriseId=${b.id}`))
        .statusCode,
    ).toBe(404);
  });

  it('lets a town see its own town’s enterprise only, and bureau roles any', async () => {
    expect(
      (await c.townA.get(`/api/cultivation/assessments/prefill?kind=tsme&enterpriseId=${a.id}`)).statusCode,
    ).toBe(200);
    expect(
      (await c.townA.get(`/api/cultivation/assessments/prefill?kind=tsme&enterpriseId=${b.id}`)).statusCode,
    ).toBe(404);
    for (const who of ['officer', 'leader', 'admin'] as const)
      expect(
        (await c[who].get(`/api/cultivation/assessments/prefill?kind=hnte&enterpriseId=${b.id}`)).statusCode,
      ).toBe(200);
  });

  it('refuses experts, banks and providers with 403, and asks a bureau user to name the enterprise', async () => {
    for (const who of ['expert', 'bank', 'provider'] as const)
      expect((await c[who].get('/api/cultivation/assessments/prefill?kind=hnte')).statusCode).toBe(403);
    const res = await c.officer.get('/api/cultivation/assessments/prefill?kind=hnte');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ASSESSMENT_ENTERPRISE_REQUIRED');
  });

  it('refuses an assessment date in the future, naming it', async () => {
    const res = await c.enterpriseA.get(
      '/api/cultivation/assessments/prefill?kind=hnte&assessmentDate=2026-12-01',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({
      field: 'assessmentDate',
      rule: 'future_date',
    });
  });
});

describe('who may save', () => {
  it('lets an enterprise save for itself only (404 for another) and refuses leaders, towns, experts, banks, providers', async () => {
    const before = await rows();
    const other = await c.enterpriseA.post('/api/cultivation/assessments', {
      kind: 'hnte',
      enterpriseId: b.id,
      input: eligibleHnteInput(),
    });
    expect(other.statusCode).toBe(404);
    for (const who of ['leader', 'townA', 'expert', 'bank', 'provider'] as const) {
      const res = await c[who].post('/api/cultivation/assessments', {
        kind: 'hnte',
        enterpriseId: a.id,
        input: {},
      });
      expect(res.statusCode, who).toBe(403);
    }
    expect(await rows()).toBe(before);
  });

  it('lets an admin save for any enterprise', async () => {
    const res = await c.admin.post('/api/cultivation/assessments', {
      kind: 'tsme',
      enterpriseId: b.id,
      input: { assessmentDate: '2026-11-01' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'tsme',
      enterpriseId: b.id,
      verdict: 'undecided',
      ruleVersion: '国科发政〔2017〕115号 r1',
    });
  });
});

describe('saving an assessment', () => {
  it('recomputes the result on the server, ignoring a result sent by the client, and audits the save', async () => {
    const input = { ...eligibleHnteInput(), staff: { techStaff: 5, totalStaff: 120 } };
    const res = await c.enterpriseA.post('/api/cultivation/assessments', {
      kind: 'hnte',
      input,
      result: { eligible: true },
      verdict: 'pass',
    });
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      enterpriseId: a.id,
      kind: 'hnte',
      assessmentDate: '2026-11-20',
      ruleId: 'cultivation.hnte-assessment',
      ruleVersion: '国科发火〔2016〕32号+195号 r1',
      verdict: 'fail',
      failures: ['tech-staff'],
      scoreTotal: 78,
    });
    expect(saved.input).toEqual(input);
    const staff = saved.result.criteria.find((x: { id: string }) => x.id === 'tech-staff');
    expect(staff.gap.zh).toBe('科技人员还需 7 人（职工总数不变时）；如新招聘科技人员，需 8 人');
    const { rows: audit } = await t.db.query<{ changes: Record<string, unknown>; actor_name: string }>(
      "SELECT changes, actor_name FROM audit_log WHERE action = 'cultivation.assessment_saved' AND entity_id = $1",
      [saved.id],
    );
    expect(audit[0]?.actor_name).toBe(c.enterpriseA.username);
    expect(audit[0]?.changes).toMatchObject({
      verdict: [null, 'fail'],
      failures: [null, ['tech-staff']],
      enterpriseId: [null, a.id],
    });
  });

  it('answers 400 naming both staff fields when tech staff exceed staff, and writes nothing', async () => {
    const before = await rows();
    const res = await c.enterpriseA.post(
      '/api/cultivation/assessments',
      { kind: 'hnte', input: { ...eligibleHnteInput(), staff: { techStaff: 130, totalStaff: 120 } } },
      EN,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        field: 'input.staff.techStaff',
        message: 'input.staff.techStaff (tech staff) exceeds the total staff staff.totalStaff',
        rule: 'tech_exceeds_total',
      },
    ]);
    expect(await rows()).toBe(before);
  });

  it('answers 400 for an assessment date after today and for an unknown kind', async () => {
    const future = await c.enterpriseA.post('/api/cultivation/assessments', {
      kind: 'hnte',
      input: { ...eligibleHnteInput(), assessmentDate: '2026-12-24' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0]).toMatchObject({
      field: 'input.assessmentDate',
      rule: 'future_date',
    });
    const kind = await c.enterpriseA.post('/api/cultivation/assessments', { kind: 'cit', input: {} });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.fields[0].field).toBe('kind');
  });

  it('saves an input with a missing year and says in the result which year is missing', async () => {
    const input = eligibleHnteInput();
    const years = (input.years as { year: number }[]).filter((y) => y.year !== 2024);
    const score = { ...(input.score as Record<string, unknown>), growth: {} };
    const res = await c.enterpriseA.post('/api/cultivation/assessments', {
      kind: 'hnte',
      input: { ...input, years, score },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().verdict).toBe('undecided');
    const rd = res.json().result.criteria.find((x: { id: string }) => x.id === 'rd-ratio');
    expect(rd.pass).toBeNull();
    expect(rd.actual.zh).toBe('缺少 2024 年度数据（years[year=2024].salesFen、years[year=2024].rdFen）');
  });
});

describe('who may read', () => {
  it('lists an enterprise’s own assessments only, and 404 when it names another enterprise', async () => {
    const own = (await c.enterpriseA.get('/api/cultivation/assessments')).json();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i: { enterpriseId: string }) => i.enterpriseId === a.id)).toBe(true);
    expect((await c.enterpriseA.get(`/api/cultivation/assessments?enterpriseId=${b.id}`)).statusCode).toBe(
      404,
    );
  });

  it('lists a town’s enterprises only, and 404 for an enterprise of another town', async () => {
    const list = (await c.townB.get('/api/cultivation/assessments')).json();
    expect(list.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual(
      list.items.map(() => b.id),
    );
    expect(list.total).toBeGreaterThan(0);
    expect((await c.townB.get(`/api/cultivation/assessments?enterpriseId=${a.id}`)).statusCode).toBe(404);
  });

  it('lets officers and leaders list any enterprise, filtered by enterprise and kind', async () => {
    const res = await c.leader.get(`/api/cultivation/assessments?enterpriseId=${b.id}&kind=hnte`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([savedB]);
  });

  it('answers 404 to an enterprise or town reading another’s assessment or report, and 403 to experts and banks', async () => {
    for (const path of [
      `/api/cultivation/assessments/${savedB}`,
      `/api/cultivation/assessments/${savedB}/report.docx`,
    ]) {
      expect((await c.enterpriseA.get(path)).statusCode).toBe(404);
      expect((await c.townA.get(path)).statusCode).toBe(404);
      expect((await c.expert.get(path)).statusCode).toBe(403);
      expect((await c.bank.get(path)).statusCode).toBe(403);
      expect((await c.officer.get(path)).statusCode).toBe(200);
      expect((await c.townB.get(path)).statusCode).toBe(200);
      expect((await c.enterpriseB.get(path)).statusCode).toBe(200);
    }
    for (const who of ['expert', 'bank', 'provider'] as const)
      expect((await c[who].get('/api/cultivation/assessments')).statusCode).toBe(403);
  });

  it('returns one assessment with the input and the server’s result', async () => {
    const res = await c.enterpriseA.get(`/api/cultivation/assessments/${savedA}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: savedA, verdict: 'pass', scoreTotal: 78, enterpriseName: a.name });
    expect(res.json().result.eligible).toBe(true);
  });
});
