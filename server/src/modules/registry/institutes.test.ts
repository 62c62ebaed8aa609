import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '@jinke/core/common/ids/uscc.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
let officer: Client;
const ANHAI = '350582101';
const QINGYANG = '350582001';
const ids = { graphene: '', university: '' };

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  const a = await officer.post('/api/institutes', {
    name: '福建海峡石墨烯产业技术研究院',
    kind: 'new_rnd_institution',
    uscc: makeUscc('12350582488000123').toLowerCase(),
    address: '晋江市安海镇石墨烯产业园',
    townCode: ANHAI,
  });
  expect(a.statusCode).toBe(201);
  ids.graphene = a.json().id;
  const b = await officer.post('/api/institutes', {
    name: '泉州职业技术大学',
    kind: 'university',
    townCode: QINGYANG,
  });
  expect(b.statusCode).toBe(201);
  ids.university = b.json().id;
});
afterAll(() => t.close());

describe('institutes and platforms', () => {
  it('finds institutes by words of their name, even words the dictionary does not know', async () => {
    const res = (await officer.get(`/api/institutes?q=${encodeURIComponent('石墨烯')}`)).json();
    expect(res).toMatchObject({
      total: 1,
      items: [
        {
          id: ids.graphene,
          townName: '安海镇',
          kind: 'new_rnd_institution',
          uscc: makeUscc('12350582488000123'),
        },
      ],
    });
    expect(
      (await officer.get(`/api/institutes?q=${encodeURIComponent('职业技术')}`)).json().items[0].id,
    ).toBe(ids.university);
    expect((await officer.get('/api/institutes?kind=university')).json().total).toBe(1);
    expect(
      (await officer.get(`/api/institutes?town=${ANHAI}`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([ids.graphene]);
  });

  it('answers 409 naming the existing institute when the name is registered already', async () => {
    const res = await officer.post('/api/institutes', { name: '泉州职业技术大学', kind: 'university' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INSTITUTE_DUPLICATE',
      details: { existingId: ids.university, field: 'name' },
    });
  });

  it('answers 400 naming the field on a bad credit code or a town outside the county', async () => {
    const uscc = await officer.post('/api/institutes', {
      name: '某研究所',
      kind: 'research_institute',
      uscc: '12350582MB0000000A',
    });
    expect(uscc.statusCode).toBe(400);
    expect(uscc.json().error.details.fields[0]).toMatchObject({ field: 'uscc' });
    const town = await officer.post('/api/institutes', {
      name: '某研究所',
      kind: 'research_institute',
      townCode: '350582999',
    });
    expect(town.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'townCode', rule: 'town_unknown' }),
    ]);
  });

  it('updates an institute, re-indexes it and audits the difference', async () => {
    const res = await officer.patch(`/api/institutes/${ids.university}`, {
      name: '泉州职业技术大学晋江校区',
      address: '晋江市青阳街道',
    });
    expect(res.statusCode).toBe(200);
    expect((await officer.get(`/api/institutes?q=${encodeURIComponent('校区')}`)).json().total).toBe(1);
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'institute.updated' AND entity_id = $1",
      [ids.university],
    );
    expect(rows).toEqual([
      {
        changes: {
          name: ['泉州职业技术大学', '泉州职业技术大学晋江校区'],
          address: [null, '晋江市青阳街道'],
        },
      },
    ]);
  });
});

describe('who may read and change institutes', () => {
  it('answers 401 to anonymous callers on every endpoint', async () => {
    const anon = client(t.app);
    expect((await anon.get('/api/institutes')).statusCode).toBe(401);
    expect((await anon.get(`/api/institutes/${ids.graphene}`)).statusCode).toBe(401);
    expect((await anon.post('/api/institutes', { name: 'x', kind: 'platform' })).statusCode).toBe(401);
    expect((await anon.patch(`/api/institutes/${ids.graphene}`, { name: 'x' })).statusCode).toBe(401);
  });

  it('answers 403 to experts, banks and providers, and to readers who try to write', async () => {
    for (const role of ['expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/institutes')).statusCode).toBe(403);
      expect((await c.get(`/api/institutes/${ids.graphene}`)).statusCode).toBe(403);
    }
    for (const role of ['leader', 'town', 'enterprise'] as const) {
      const c = await userClient(t, { role });
      expect((await c.post('/api/institutes', { name: '新平台', kind: 'platform' })).statusCode).toBe(403);
      expect((await c.patch(`/api/institutes/${ids.graphene}`, { name: '改名' })).statusCode).toBe(403);
    }
  });

  it('shows a town only the institutes in its town and answers 404 for others', async () => {
    const anhai = await userClient(t, { role: 'town', scopeId: ANHAI });
    expect((await anhai.get('/api/institutes')).json().items.map((i: { id: string }) => i.id)).toEqual([
      ids.graphene,
    ]);
    expect((await anhai.get(`/api/institutes/${ids.university}`)).statusCode).toBe(404);
  });

  it('lets enterprises and leaders read the whole directory and an administrator write', async () => {
    const enterprise = await userClient(t, { role: 'enterprise' });
    expect((await enterprise.get('/api/institutes')).json().total).toBe(2);
    expect((await enterprise.get(`/api/institutes/${ids.university}`)).statusCode).toBe(200);
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get('/api/institutes')).json().total).toBe(2);
    const admin = await userClient(t, { role: 'admin' });
    expect(
      (await admin.post('/api/institutes', { name: '晋江市鞋服产业创新平台', kind: 'platform' })).statusCode,
    ).toBe(201);
  });

  it('keeps the audit chain verifiable', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
