/**
 * Who may call which accounts endpoint: anonymous callers get 401 everywhere; user administration is for
 * administrators only (every other role 403, before the input is even looked at); self-service works for
 * every role on the caller's own account only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { roles, type Role } from '@jinke/core/accounts/roles.ts';
import {
  client,
  createUser,
  createTestApp,
  TEST_PASSWORD,
  userClient,
  type Client,
  type TestContext,
} from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
const clients = new Map<Role, Client & { userId: string; username: string }>();
let targetId: string;
let created = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) clients.set(role, await userClient(t, { role, username: `matrix.${role}` }));
  targetId = (await createUser(t.db, { role: 'leader', username: 'matrix.target' })).id;
});
afterAll(() => t.close());

interface AdminEndpoint {
  name: string;
  call(c: Client): Promise<LightMyRequestResponse>;
  /** A body that fails validation, to show that authorisation comes first. */
  callInvalid?(c: Client): Promise<LightMyRequestResponse>;
  ok: number;
}

const adminEndpoints: AdminEndpoint[] = [
  {
    name: 'GET /api/users',
    call: (c) => c.get('/api/users'),
    callInvalid: (c) => c.get('/api/users?page=0'),
    ok: 200,
  },
  {
    name: 'GET /api/users/:id',
    call: (c) => c.get(`/api/users/${targetId}`),
    callInvalid: (c) => c.get('/api/users/x'),
    ok: 200,
  },
  {
    name: 'GET /api/users/:id?reveal=phone',
    call: (c) => c.get(`/api/users/${targetId}?reveal=phone`),
    ok: 200,
  },
  {
    name: 'POST /api/users',
    call: (c) =>
      c.post('/api/users', {
        username: `made${++created}`,
        displayName: '新用户',
        role: 'leader',
        initialPassword: 'Matrix-Pass-2026',
      }),
    callInvalid: (c) => c.post('/api/users', {}),
    ok: 201,
  },
  {
    name: 'PATCH /api/users/:id',
    call: (c) => c.patch(`/api/users/${targetId}`, { displayName: `改名${++created}` }),
    callInvalid: (c) => c.patch(`/api/users/${targetId}`, { role: 'king' }),
    ok: 200,
  },
  {
    name: 'POST /api/users/:id/reset-password',
    call: (c) => c.post(`/api/users/${targetId}/reset-password`, { newPassword: 'Matrix-Reset-2026' }),
    callInvalid: (c) => c.post(`/api/users/${targetId}/reset-password`, {}),
    ok: 200,
  },
  { name: 'POST /api/users/:id/unlock', call: (c) => c.post(`/api/users/${targetId}/unlock`), ok: 200 },
  {
    name: 'POST /api/users/:id/revoke-sessions',
    call: (c) => c.post(`/api/users/${targetId}/revoke-sessions`),
    ok: 200,
  },
];

describe.each(adminEndpoints)('$name', (endpoint) => {
  it('answers 401 when anonymous', async () => {
    const res = await endpoint.call(client(t.app));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it.each(roles.filter((r) => r !== 'admin'))('answers 403 when the caller is %s', async (role) => {
    const res = await endpoint.call(clients.get(role)!);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    if (endpoint.callInvalid) expect((await endpoint.callInvalid(clients.get(role)!)).statusCode).toBe(403);
  });

  it('succeeds when the caller is admin', async () => {
    const res = await endpoint.call(clients.get('admin')!);
    expect(res.statusCode).toBe(endpoint.ok);
    if (endpoint.callInvalid)
      expect((await endpoint.callInvalid(clients.get('admin')!)).statusCode).toBe(400);
  });
});

describe('self-service endpoints', () => {
  it('answer 401 when anonymous', async () => {
    const anon = client(t.app);
    const results = [
      await anon.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Another-Pass-99',
      }),
      await anon.get('/api/account/sessions'),
      await anon.delete('/api/account/sessions/0123456789abcdef'),
    ];
    expect(results.map((r) => r.statusCode)).toEqual([401, 401, 401]);
  });

  it.each(roles)('list and end only the caller’s own sessions when the caller is %s', async (role) => {
    const me = clients.get(role)!;
    const other = clients.get(role === 'admin' ? 'officer' : 'admin')!;
    const mine = (await me.get('/api/account/sessions')).json().items as { id: string; current: boolean }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]!.current).toBe(true);
    const { rows } = await t.db.query<{ id: string }>(
      'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
      [me.userId],
    );
    expect(rows.map((r) => r.id.slice(0, 16))).toEqual([mine[0]!.id]);
    const theirs = (await other.get('/api/account/sessions')).json().items[0].id as string;
    expect((await me.delete(`/api/account/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });

  it.each(roles)('change the caller’s own password when the caller is %s', async (role) => {
    const me = clients.get(role)!;
    const res = await me.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another-Pass-99',
    });
    expect(res.statusCode).toBe(200);
    const { rows } = await t.db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE action = 'account.password_changed' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0]!.entity_id).toBe(me.userId);
  });

  it.each(roles)('end the caller’s own session when the caller is %s', async (role) => {
    const me = clients.get(role)!;
    const mine = (await me.get('/api/account/sessions')).json().items[0].id as string;
    expect((await me.delete(`/api/account/sessions/${mine}`)).statusCode).toBe(200);
    expect((await me.get('/api/account/sessions')).statusCode).toBe(401);
  });
});

describe('after the matrix', () => {
  it('no one but an admin changed a user, and the chain verifies', async () => {
    const { rows } = await t.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_log WHERE action LIKE 'user.%' AND role IS DISTINCT FROM 'admin'",
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const made = await t.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM users WHERE username LIKE 'made%'",
    );
    expect(Number(made.rows[0]!.n)).toBe(1);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
