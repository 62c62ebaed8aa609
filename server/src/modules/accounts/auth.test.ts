import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, createUser, signIn, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('returns the user with a CSRF token and sets an HttpOnly cookie when the password is right', async () => {
    const u = await createUser(t.db, { role: 'officer', username: 'li.officer' });
    const res = await client(t.app).post('/api/auth/login', { username: 'LI.Officer', password: u.password });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ username: 'li.officer', role: 'officer', mustChangePassword: false });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'jinke_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('answers 401 in the envelope when the password is wrong', async () => {
    await createUser(t.db, { role: 'leader', username: 'wang' });
    const res = await client(t.app).post('/api/auth/login', { username: 'wang', password: 'nope-nope-nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    expect(res.json().error.requestId).toBeTruthy();
  });

  it('names the missing fields in Chinese, and in English with Accept-Language: en', async () => {
    const zh = await client(t.app).post('/api/auth/login', {});
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['username', 'password']);
    expect(zh.json().error.message).toContain('username 为必填项');
    const en = await client(t.app).post('/api/auth/login', {}, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error.message).toContain('username is required');
  });

  it('locks the account after five failures, even for the right password, for 15 minutes', async () => {
    const u = await createUser(t.db, { role: 'expert', username: 'zhao' });
    const anon = client(t.app);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await anon.post('/api/auth/login', { username: 'zhao', password: 'Wrong-Pass-1' })).json().error.code);
    expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED']);
    const locked = await anon.post('/api/auth/login', { username: 'zhao', password: u.password });
    expect(locked.statusCode).toBe(423);
    t.clock.advance(15 * 60 * 1000);
    expect((await anon.post('/api/auth/login', { username: 'zhao', password: u.password })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('rejects a write without the CSRF header and accepts it with the header', async () => {
    const u = await createUser(t.db, { role: 'officer' });
    const c = await signIn(t.app, u.username);
    const bare = client(t.app, { cookie: c.cookie, csrf: null });
    expect((await bare.post('/api/auth/logout')).json().error.code).toBe('CSRF_REJECTED');
    const foreign = await c.post('/api/auth/logout', {}, { origin: 'https://evil.example' });
    expect(foreign.json().error.code).toBe('CSRF_REJECTED');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session idle for 30 minutes', async () => {
    const u = await createUser(t.db, { role: 'bank' });
    const c = await signIn(t.app, u.username);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(30 * 60 * 1000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after 12 hours even when it is used', async () => {
    const u = await createUser(t.db, { role: 'provider' });
    const c = await signIn(t.app, u.username);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60 * 1000);
      statuses.push((await c.get('/api/auth/me')).statusCode);
    }
    // 24 × 29 min = 11 h 36 min is still inside; 25 × 29 min = 12 h 5 min is past the absolute limit.
    expect(statuses.slice(0, 24).every((s) => s === 200)).toBe(true);
    expect(statuses[24]).toBe(401);
  });

  it('only lets a user with an initial password change it, read /me and sign out', async () => {
    const u = await createUser(t.db, { role: 'admin', mustChangePassword: true });
    const c = await signIn(t.app, u.username);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Chosen-Pass-2026' })).statusCode).toBe(200);
    expect((await c.get('/api/users')).statusCode).toBe(200);
  });

  it('writes sign-in and sign-out into a chain that verifies', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
    const { rows } = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'auth.%'");
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['auth.login', 'auth.logout', 'auth.login_failed', 'auth.locked']));
  });
});

describe('platform', () => {
  it('reports health with the database kind', async () => {
    const res = await client(t.app).get('/api/health');
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite', version: expect.any(String) });
  });
  it('answers unknown API routes with a 404 envelope', async () => {
    const res = await client(t.app).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
  it('sends the security headers and the request id on every response, errors included', async () => {
    for (const url of ['/api/health', '/api/nothing-here']) {
      const res = await client(t.app).get(url);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
  it('serves the OpenAPI document', async () => {
    const res = await client(t.app).get('/api/openapi.json');
    expect(res.json().paths['/api/auth/login']).toBeDefined();
  });
});
