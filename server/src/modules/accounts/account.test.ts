import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, createUser, signIn, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';
import { IDLE_TIMEOUT_MS, SESSION_COOKIE } from './sessions.ts';

let t: TestContext;
const EN = { 'accept-language': 'en-US,en;q=0.9' };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('changing one’s own password', () => {
  it('names the failed rules of the new password in Chinese and in English and changes nothing', async () => {
    const u = await createUser(t.db, { role: 'officer', username: 'policy.user' });
    const c = await signIn(t.app, u.username);
    const zh = await c.post('/api/auth/password', { currentPassword: u.password, newPassword: 'abcdefghij' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.code).toBe('PASSWORD_POLICY');
    expect(zh.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'newPassword', rule: 'too_few_classes' }),
    ]);
    expect(zh.json().error.message).toBe(
      '密码不符合安全要求：密码须包含大写字母、小写字母、数字、符号中的至少三类',
    );
    const en = await c.post(
      '/api/auth/password',
      { currentPassword: u.password, newPassword: 'Ab1-policy.user' },
      EN,
    );
    expect(en.json().error.message).toBe(
      'The password does not meet the policy: must not contain the username',
    );
    expect(en.json().error.details.fields[0]).toMatchObject({
      field: 'newPassword',
      rule: 'contains_username',
    });
    const missing = await c.post('/api/auth/password', { currentPassword: u.password }, EN);
    expect(missing.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'newPassword',
    ]);
    expect(missing.json().error.message).toContain('newPassword is required');
    expect(
      (await client(t.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a wrong current password and a new password equal to the current one', async () => {
    const u = await createUser(t.db, { role: 'leader' });
    const c = await signIn(t.app, u.username);
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'Not-The-Pass-1',
      newPassword: 'Brand-New-Pass-1',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'PASSWORD_WRONG',
      details: { fields: [{ field: 'currentPassword' }] },
    });
    const same = await c.post('/api/auth/password', { currentPassword: u.password, newPassword: u.password });
    expect(same.json().error).toMatchObject({
      code: 'PASSWORD_REUSED',
      details: { fields: [{ field: 'newPassword' }] },
    });
  });

  it('changes the password, clears the forced change, keeps this session and ends the others', async () => {
    const u = await createUser(t.db, { role: 'town', mustChangePassword: true });
    const other = await signIn(t.app, u.username);
    const c = await signIn(t.app, u.username);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const res = await c.post('/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'Fresh-Secret-77',
    });
    expect(res.statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    const { rows } = await t.db.query<{ password_changed_at: Date | null }>(
      'SELECT password_changed_at FROM users WHERE id = $1',
      [u.id],
    );
    expect(new Date(rows[0]!.password_changed_at!).toISOString()).toBe(t.clock.now().toISOString());
    expect(
      (await client(t.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(401);
    expect(
      (await client(t.app).post('/api/auth/login', { username: u.username, password: 'Fresh-Secret-77' }))
        .statusCode,
    ).toBe(200);
    const audit = await t.db.query<{ changes: unknown; actor_id: string }>(
      "SELECT changes, actor_id FROM audit_log WHERE action = 'account.password_changed' AND entity_id = $1",
      [u.id],
    );
    expect(audit.rows).toEqual([{ changes: { revokedSessions: 1 }, actor_id: u.id }]);
  });
});

describe('one’s own sessions', () => {
  it('lists the live sessions with public ids that are not the stored keys, marking the current one', async () => {
    const u = await createUser(t.db, { role: 'expert' });
    await signIn(t.app, u.username);
    const c = await signIn(t.app, u.username);
    const items = (await c.get('/api/account/sessions')).json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [u.id]);
    for (const s of items) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(rows.map((r) => r.id)).not.toContain(s.id);
      expect(rows.some((r) => r.id.startsWith(s.id))).toBe(true);
    }
  });

  it('ends another of one’s sessions, which then stops working and leaves the list', async () => {
    const u = await createUser(t.db, { role: 'bank' });
    const phone = await signIn(t.app, u.username);
    const desk = await signIn(t.app, u.username);
    const target = (
      (await desk.get('/api/account/sessions')).json().items as { id: string; current: boolean }[]
    ).find((s) => !s.current)!;
    const res = await desk.delete(`/api/account/sessions/${target.id}`);
    expect(res.statusCode).toBe(200);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await desk.get('/api/account/sessions')).json().items).toHaveLength(1);
    expect((await desk.delete(`/api/account/sessions/${target.id}`)).statusCode).toBe(404);
    const audit = await t.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'account.session_revoked' AND entity_id = $1",
      [target.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('answers 404 for another user’s session and leaves it alive', async () => {
    const mine = await signIn(t.app, (await createUser(t.db, { role: 'officer' })).username);
    const theirs = await signIn(t.app, (await createUser(t.db, { role: 'officer' })).username);
    const theirId = (await theirs.get('/api/account/sessions')).json().items[0].id as string;
    const res = await mine.delete(`/api/account/sessions/${theirId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await theirs.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('signs out and clears the cookie when the current session is ended', async () => {
    const c = await signIn(t.app, (await createUser(t.db, { role: 'provider' })).username);
    const current = (await c.get('/api/account/sessions')).json().items[0].id as string;
    const res = await c.delete(`/api/account/sessions/${current}`);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((k) => k.name === SESSION_COOKIE)?.value).toBe('');
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers 400 naming the id when it is not a public session id (e.g. the stored key)', async () => {
    const u = await createUser(t.db, { role: 'leader' });
    const c = await signIn(t.app, u.username);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [u.id]);
    const res = await c.delete(`/api/account/sessions/${rows[0]!.id}`, EN);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'params.id', rule: 'session_id' });
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('leaves sessions idle past the timeout out of the list', async () => {
    const u = await createUser(t.db, { role: 'enterprise' });
    await signIn(t.app, u.username);
    t.clock.advance(IDLE_TIMEOUT_MS - 60_000);
    const c = await signIn(t.app, u.username);
    t.clock.advance(2 * 60_000);
    const items = (await c.get('/api/account/sessions')).json().items as { current: boolean }[];
    expect(items).toEqual([expect.objectContaining({ current: true })]);
  });
});

describe('the audit chain', () => {
  it('verifies after the self-service changes', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
