/**
 * Who may use expert draws, and what bad input gets: officers and administrators freeze, seed and record declines,
 * the leader reads, every other role is refused (403), anonymous callers get 401 except on the public record;
 * a refused or invalid request writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { DrawDetail, PublicDraw } from '@jinke/core/draws/draws-api.contract.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { drawUscc, hnteDraw, insertEnterprise, insertPool } from './draws.fixtures.ts';

let t: TestContext;
let officer: Client;
let admin: Client;
let leader: Client;
const others: Partial<Record<Role, Client>> = {};
const APPLICANT = drawUscc(1);
let drawn: DrawDetail;

const errorOf = (res: { json: <T>() => T }) =>
  res.json<{ error: { code: string; message: string; details: unknown } }>().error;

async function count(table: 'draws' | 'draw_events'): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

async function frozenDraw(by: Client = officer): Promise<DrawDetail> {
  const res = await by.post('/api/draws', hnteDraw([APPLICANT]));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DrawDetail>();
}

beforeAll(async () => {
  t = await createTestApp();
  await insertEnterprise(t.db, APPLICANT, '晋江测试鞋业有限公司');
  await insertPool(t.db, 30);
  officer = await userClient(t, { role: 'officer' });
  admin = await userClient(t, { role: 'admin' });
  leader = await userClient(t, { role: 'leader' });
  for (const role of ['town', 'enterprise', 'expert', 'bank', 'provider'] as const)
    others[role] = await userClient(t, { role });
  const frozen = await frozenDraw();
  const res = await officer.post(`/api/draws/${frozen.id}/seed`, {
    seed: '483920',
    seedSource: '见证人现场输入',
  });
  expect(res.statusCode, res.body).toBe(200);
  drawn = res.json<DrawDetail>();
});
afterAll(() => t.close());

describe('draw authorisation', () => {
  it('lets an officer and an administrator freeze, seed and record a decline', async () => {
    for (const runner of [officer, admin]) {
      const frozen = await frozenDraw(runner);
      expect(frozen.status).toBe('frozen');
      const seeded = await runner.post(`/api/draws/${frozen.id}/seed`, {
        seed: 'x',
        seedSource: '见证人现场输入',
      });
      expect(seeded.statusCode, seeded.body).toBe(200);
      const member = seeded.json<DrawDetail>().currentPanel[0]!.code;
      const declined = await runner.post(`/api/draws/${frozen.id}/decline`, {
        code: member,
        reason: '出差无法参加',
      });
      expect(declined.statusCode, declined.body).toBe(200);
    }
  });

  it('lets the leader list and read draws but not freeze, seed or decline', async () => {
    expect((await leader.get('/api/draws')).statusCode).toBe(200);
    expect((await leader.get(`/api/draws/${drawn.id}`)).statusCode).toBe(200);
    const before = await count('draws');
    expect((await leader.post('/api/draws', hnteDraw([APPLICANT]))).statusCode).toBe(403);
    expect(await count('draws')).toBe(before);
    expect(
      (await leader.post(`/api/draws/${drawn.id}/seed`, { seed: '1', seedSource: '见证人' })).statusCode,
    ).toBe(403);
    const member = drawn.currentPanel[0]!.code;
    expect(
      (await leader.post(`/api/draws/${drawn.id}/decline`, { code: member, reason: '出差' })).statusCode,
    ).toBe(403);
  });

  it.each(['town', 'enterprise', 'expert', 'bank', 'provider'] as const)(
    'refuses every draw endpoint with 403 when the caller is a %s user',
    async (role) => {
      const c = others[role]!;
      const before = await count('draws');
      expect((await c.get('/api/draws')).statusCode).toBe(403);
      expect((await c.get(`/api/draws/${drawn.id}`)).statusCode).toBe(403);
      expect((await c.post('/api/draws', hnteDraw([APPLICANT]))).statusCode).toBe(403);
      expect(
        (await c.post(`/api/draws/${drawn.id}/seed`, { seed: '1', seedSource: '见证人' })).statusCode,
      ).toBe(403);
      expect(
        (await c.post(`/api/draws/${drawn.id}/decline`, { code: 'EXP-0001', reason: '出差' })).statusCode,
      ).toBe(403);
      expect(await count('draws')).toBe(before);
    },
  );

  it('answers 401 to anonymous callers on every endpoint but the public record', async () => {
    const anon = client(t.app);
    expect((await anon.get('/api/draws')).statusCode).toBe(401);
    expect((await anon.get(`/api/draws/${drawn.id}`)).statusCode).toBe(401);
    expect((await anon.post('/api/draws', hnteDraw([APPLICANT]))).statusCode).toBe(401);
    expect(
      (await anon.post(`/api/draws/${drawn.id}/seed`, { seed: '1', seedSource: '见证人' })).statusCode,
    ).toBe(401);
    expect(
      (await anon.post(`/api/draws/${drawn.id}/decline`, { code: 'EXP-0001', reason: '出差' })).statusCode,
    ).toBe(401);
    const open = await anon.get(`/api/public/draws/${drawn.id}`);
    expect(open.statusCode).toBe(200);
    expect(open.json<PublicDraw>().poolHash).toBe(drawn.poolHash);
  });

  it('answers the public record to signed-in users of any role too', async () => {
    expect((await others.enterprise!.get(`/api/public/draws/${drawn.id}`)).statusCode).toBe(200);
  });

  it('answers 404 when the draw does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await officer.get(`/api/draws/${missing}`)).statusCode).toBe(404);
    expect((await client(t.app).get(`/api/public/draws/${missing}`)).statusCode).toBe(404);
    expect(
      (await officer.post(`/api/draws/${missing}/seed`, { seed: '1', seedSource: '见证人' })).statusCode,
    ).toBe(404);
  });
});

describe('draw bad input', () => {
  it('refuses with 400 naming the constraint when the panel is bigger than the pool, and writes nothing', async () => {
    const before = await count('draws');
    const res = await officer.post(
      '/api/draws',
      hnteDraw([APPLICANT], {
        spec: { panelSize: 40, alternates: 0, composition: [] },
      }),
    );
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('DRAW_POOL_TOO_SMALL');
    expect(error.message).toBe('经“专家库”筛选后仅剩 30 名专家，少于专家组所需 40 名');
    expect(error.details).toMatchObject({ constraint: 'candidates' });
    expect(await count('draws')).toBe(before);
  });

  it('names the field match when it is the field filter that empties the pool', async () => {
    const res = await officer.post(
      '/api/draws',
      hnteDraw([APPLICANT], { spec: { panelSize: 5, fields: ['10201'] } }),
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toBe(
      'after the field match only 0 experts remain, fewer than the panel of 5',
    );
  });

  it('names the composition when the pool has too few experts of a kind', async () => {
    const res = await officer.post(
      '/api/draws',
      hnteDraw([APPLICANT], {
        spec: { panelSize: 7, composition: [{ kind: 'financial', min: 7 }] },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details).toMatchObject({ constraint: 'composition:financial' });
    expect(errorOf(res).message).toBe('符合条件的“financial”类专家仅 6 名，组成要求至少 7 名');
  });

  it('refuses an applicant credit code that is not in the registry, naming the field', async () => {
    const before = await count('draws');
    const res = await officer.post('/api/draws', hnteDraw([APPLICANT, drawUscc(2)]));
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toMatchObject({ fields: [{ field: 'applicants.1', rule: 'applicant_unknown' }] });
    expect(await count('draws')).toBe(before);
  });

  it('refuses a malformed body with the fields named', async () => {
    const res = await officer.post('/api/draws', {
      ...hnteDraw(['91350582MA8RFY385X']),
      spec: { panelSize: 0, composition: [{ kind: 'astrologer', min: 1 }], ipcPrefixes: ['XYZ'] },
    });
    expect(res.statusCode).toBe(400);
    const fields = errorOf(res) as unknown as { details: { fields: { field: string }[] } };
    expect(fields.details.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining([
        'spec.panelSize',
        'spec.composition.0.kind',
        'spec.ipcPrefixes.0',
        'applicants.0',
      ]),
    );
  });

  it('refuses minimums that add up to more than the panel', async () => {
    const res = await officer.post(
      '/api/draws',
      hnteDraw([APPLICANT], {
        spec: {
          panelSize: 3,
          composition: [
            { kind: 'technical', min: 3 },
            { kind: 'financial', min: 1 },
          ],
        },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details).toMatchObject({
      fields: [{ field: 'spec.composition', rule: 'composition_total' }],
    });
  });

  it('refuses an override of an expert no avoidance rule excluded', async () => {
    const res = await officer.post(
      '/api/draws',
      hnteDraw([APPLICANT], { overrides: [{ code: 'EXP-0001', reason: '同名不同人' }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details).toMatchObject({
      fields: [{ field: 'overrides.0.code', rule: 'override_not_applicable' }],
    });
  });

  it('refuses a second seed with 409 and keeps the first result', async () => {
    const before = drawn.panel.map((p) => p.code);
    const res = await officer.post(`/api/draws/${drawn.id}/seed`, {
      seed: 'another',
      seedSource: '见证人现场输入',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('DRAW_ALREADY_SEEDED');
    const after = (await officer.get(`/api/draws/${drawn.id}`)).json<DrawDetail>();
    expect(after.seed).toBe('483920');
    expect(after.panel.map((p) => p.code)).toEqual(before);
  });

  it('refuses an empty seed or a missing seed source with the field named', async () => {
    const frozen = await frozenDraw();
    const res = await officer.post(`/api/draws/${frozen.id}/seed`, { seed: '   ', seedSource: '' });
    expect(res.statusCode).toBe(400);
    const fields = (errorOf(res).details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['seed', 'seedSource']));
    expect((await officer.get(`/api/draws/${frozen.id}`)).json<DrawDetail>().status).toBe('frozen');
  });

  it('refuses the decline of an expert who is not on the panel with 400, writing nothing', async () => {
    const outsider = drawn.currentAlternates[0]!.code;
    const before = await count('draw_events');
    const res = await officer.post(`/api/draws/${drawn.id}/decline`, {
      code: outsider,
      reason: '出差无法参加',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('DRAW_NOT_MEMBER');
    expect(errorOf(res).message).toBe(`${outsider} 不在专家组中`);
    expect(await count('draw_events')).toBe(before);
  });

  it('refuses a decline before the draw with 409', async () => {
    const frozen = await frozenDraw();
    const res = await officer.post(`/api/draws/${frozen.id}/decline`, {
      code: 'EXP-0001',
      reason: '出差无法参加',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('DRAW_NOT_DRAWN');
  });
});
