/**
 * Authorisation matrix of every enterprise endpoint: anonymous 401, each role allowed or 403, and a record outside
 * the caller's scope 404 (enterprise A reading enterprise B, a town reading another town's enterprise).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { type EnterpriseRef, createEnterprise, testUscc } from './enterprise.fixtures.ts';

type Who = Role | 'anon';
const everyone: Who[] = [
  'anon',
  'admin',
  'officer',
  'leader',
  'town',
  'enterprise',
  'expert',
  'bank',
  'provider',
];

let t: TestContext;
const clients = {} as Record<Who, Client>;
let a: EnterpriseRef;
let b: EnterpriseRef;
let instituteId: string;
let serial = 5000;

beforeAll(async () => {
  t = await createTestApp();
  clients.anon = client(t.app);
  clients.officer = await userClient(t, { role: 'officer' });
  a = await createEnterprise(clients.officer, { townCode: '350582101', name: '甲企业', staff: 10 });
  b = await createEnterprise(clients.officer, { townCode: '350582103', name: '乙企业', staff: 10 });
  for (const role of ['admin', 'leader', 'expert', 'bank', 'provider'] as const)
    clients[role] = await userClient(t, { role });
  clients.town = await userClient(t, { role: 'town', scopeId: '350582101' });
  clients.enterprise = await userClient(t, { role: 'enterprise', scopeId: a.uscc });
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO institutes (name, kind) VALUES ('泉州师范学院', 'university') RETURNING id",
  );
  instituteId = rows[0]!.id;
});
afterAll(() => t.close());

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Endpoint {
  name: string;
  method: Method;
  /** The path for a target enterprise; may create what the call needs (a qualification to change, …). */
  path: (target: EnterpriseRef) => string | Promise<string>;
  body?: () => unknown;
  /** Roles that succeed on enterprise A, and the status they get. */
  ok: Partial<Record<Who, number>>;
}

function send(who: Who, method: Method, path: string, body?: unknown) {
  const c = clients[who];
  if (method === 'get') return c.get(path);
  if (method === 'delete') return c.delete(path);
  return c[method](path, body ?? {});
}

const readers = { admin: 200, officer: 200, leader: 200, town: 200, enterprise: 200 };
const changers = { admin: 200, officer: 200, enterprise: 200 };
const editors = (status: number) => ({ admin: status, officer: status });

async function qualification(target: EnterpriseRef): Promise<string> {
  const res = await clients.officer.post(`/api/enterprises/${target.id}/qualifications`, {
    kind: 'tsme',
    issuedOn: '2026-01-05',
  });
  return res.json<{ id: string }>().id;
}

const endpoints: Endpoint[] = [
  { name: 'GET /api/enterprises/:id', method: 'get', path: (e) => `/api/enterprises/${e.id}`, ok: readers },
  {
    name: 'PATCH /api/enterprises/:id',
    method: 'patch',
    path: (e) => `/api/enterprises/${e.id}`,
    body: () => ({ address: `地址${serial++}` }),
    ok: changers,
  },
  {
    name: 'GET /api/enterprises/:id/years',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/years`,
    ok: readers,
  },
  {
    name: 'PUT /api/enterprises/:id/years/:year',
    method: 'put',
    path: (e) => `/api/enterprises/${e.id}/years/2025`,
    body: () => ({ totalAssetsFen: serial++ }),
    ok: changers,
  },
  {
    name: 'GET /api/enterprises/:id/years/:year',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/years/2025`,
    ok: readers,
  },
  {
    name: 'POST /api/enterprises/:id/fields/:field/verify',
    method: 'post',
    path: (e) => `/api/enterprises/${e.id}/fields/staff/verify`,
    ok: { officer: 200 },
  },
  {
    name: 'GET /api/enterprises/:id/history',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/history`,
    ok: { admin: 200, officer: 200, leader: 200, enterprise: 200 },
  },
  {
    name: 'GET /api/enterprises/:id/qualifications',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/qualifications`,
    ok: readers,
  },
  {
    name: 'POST /api/enterprises/:id/qualifications',
    method: 'post',
    path: (e) => `/api/enterprises/${e.id}/qualifications`,
    body: () => ({ kind: 'hnte', issuedOn: '2024-12-01' }),
    ok: editors(201),
  },
  {
    name: 'PUT /api/enterprises/:id/qualifications/:qualificationId',
    method: 'put',
    path: async (e) => `/api/enterprises/${e.id}/qualifications/${await qualification(e)}`,
    body: () => ({ kind: 'tsme', issuedOn: '2026-02-01' }),
    ok: editors(200),
  },
  {
    name: 'DELETE /api/enterprises/:id/qualifications/:qualificationId',
    method: 'delete',
    path: async (e) => `/api/enterprises/${e.id}/qualifications/${await qualification(e)}`,
    ok: editors(200),
  },
  {
    name: 'GET /api/enterprises/:id/honours',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/honours`,
    ok: readers,
  },
  {
    name: 'POST /api/enterprises/:id/honours',
    method: 'post',
    path: (e) => `/api/enterprises/${e.id}/honours`,
    body: () => ({ award: 'city_sti_award', grade: 'second', year: 2017 }),
    ok: editors(201),
  },
  {
    name: 'DELETE /api/enterprises/:id/honours/:honourId',
    method: 'delete',
    path: async (e) => {
      const res = await clients.officer.post(`/api/enterprises/${e.id}/honours`, {
        award: 'city_sti_award',
        year: 2016,
      });
      return `/api/enterprises/${e.id}/honours/${res.json<{ id: string }>().id}`;
    },
    ok: editors(200),
  },
  {
    name: 'GET /api/enterprises/:id/cooperation',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/cooperation`,
    ok: readers,
  },
  {
    name: 'POST /api/enterprises/:id/cooperation',
    method: 'post',
    path: (e) => `/api/enterprises/${e.id}/cooperation`,
    body: () => ({ instituteId, subject: '联合实验室', signedOn: '2017-01-01' }),
    ok: editors(201),
  },
  {
    name: 'DELETE /api/enterprises/:id/cooperation/:agreementId',
    method: 'delete',
    path: async (e) => {
      const res = await clients.officer.post(`/api/enterprises/${e.id}/cooperation`, {
        instituteId,
        subject: '待删除',
        signedOn: '2017-01-01',
      });
      return `/api/enterprises/${e.id}/cooperation/${res.json<{ id: string }>().id}`;
    },
    ok: editors(200),
  },
  {
    name: 'GET /api/enterprises/:id/chain-tags',
    method: 'get',
    path: (e) => `/api/enterprises/${e.id}/chain-tags`,
    ok: readers,
  },
  {
    name: 'POST /api/enterprises/:id/chain-tags',
    method: 'post',
    path: (e) => `/api/enterprises/${e.id}/chain-tags`,
    body: () => ({ chain: `链${serial++}` }),
    ok: editors(201),
  },
  {
    name: 'DELETE /api/enterprises/:id/chain-tags',
    method: 'delete',
    path: async (e) => {
      const chain = `链${serial++}`;
      await clients.officer.post(`/api/enterprises/${e.id}/chain-tags`, { chain });
      return `/api/enterprises/${e.id}/chain-tags?chain=${encodeURIComponent(chain)}`;
    },
    ok: editors(200),
  },
];

describe('authorisation of each enterprise endpoint', () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.name}: 401 when anonymous, 403 for other roles, 404 out of scope`, async () => {
      // Figures for 2025 exist so that the year can be read.
      await clients.officer.put(`/api/enterprises/${a.id}/years/2025`, { staff: 10 });
      await clients.officer.put(`/api/enterprises/${b.id}/years/2025`, { staff: 10 });
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of everyone) {
        const res = await send(who, endpoint.method, await endpoint.path(a), endpoint.body?.());
        got[who] = res.statusCode;
        want[who] = who === 'anon' ? 401 : (endpoint.ok[who] ?? 403);
      }
      for (const who of ['town', 'enterprise'] as const) {
        if (endpoint.ok[who] === undefined) continue;
        const res = await send(who, endpoint.method, await endpoint.path(b), endpoint.body?.());
        got[`${who} on B`] = res.statusCode;
        want[`${who} on B`] = 404;
      }
      expect(got).toEqual(want);
    });
  }

  it('GET /api/enterprises: 401 anonymous, 403 for experts, banks and providers, scoped lists otherwise', async () => {
    const ids = async (who: Who) => {
      const res = await send(who, 'get', '/api/enterprises?pageSize=200');
      return res.statusCode === 200
        ? res
            .json<{ items: { id: string }[] }>()
            .items.map((i) => i.id)
            .sort()
        : res.statusCode;
    };
    const all = [a.id, b.id].sort();
    expect({
      anon: await ids('anon'),
      admin: await ids('admin'),
      officer: await ids('officer'),
      leader: await ids('leader'),
      town: await ids('town'),
      enterprise: await ids('enterprise'),
      expert: await ids('expert'),
      bank: await ids('bank'),
      provider: await ids('provider'),
    }).toEqual({
      anon: 401,
      admin: all,
      officer: all,
      leader: all,
      town: [a.id],
      enterprise: [a.id],
      expert: 403,
      bank: 403,
      provider: 403,
    });
  });

  it('POST /api/enterprises: officers and administrators only', async () => {
    const got: Record<string, number> = {};
    for (const who of everyone) {
      got[who] = (
        await send(who, 'post', '/api/enterprises', { uscc: testUscc(serial++), name: `新企业${serial}` })
      ).statusCode;
    }
    expect(got).toEqual({
      anon: 401,
      admin: 201,
      officer: 201,
      leader: 403,
      town: 403,
      enterprise: 403,
      expert: 403,
      bank: 403,
      provider: 403,
    });
  });

  it('GET /api/pending-changes and POST /api/pending-changes/:id/decide: officers only', async () => {
    await clients.enterprise.patch(`/api/enterprises/${a.id}`, { staff: 11 });
    const list = await clients.officer.get(`/api/pending-changes?enterpriseId=${a.id}`);
    const [change] = list.json<{ items: { id: string }[] }>().items;
    const got: Record<string, number> = {};
    for (const who of everyone) got[who] = (await send(who, 'get', '/api/pending-changes')).statusCode;
    for (const who of everyone) {
      if (who === 'officer') continue;
      got[`${who} decides`] = (
        await send(who, 'post', `/api/pending-changes/${change!.id}/decide`, { decision: 'verify' })
      ).statusCode;
    }
    got['officer decides'] = (
      await send('officer', 'post', `/api/pending-changes/${change!.id}/decide`, { decision: 'verify' })
    ).statusCode;
    const want: Record<string, number> = {};
    for (const who of everyone) {
      want[who] = who === 'anon' ? 401 : who === 'officer' ? 200 : 403;
      if (who !== 'officer') want[`${who} decides`] = who === 'anon' ? 401 : 403;
    }
    want['officer decides'] = 200;
    expect(got).toEqual(want);
  });
});
