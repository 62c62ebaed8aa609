import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  createTestApp,
  createUser,
  signIn,
  userClient,
  type Client,
  type TestContext,
} from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
let admin: Client & { userId: string; username: string };
const EN = { 'accept-language': 'en-US,en;q=0.9' };
const GOOD = 'Initial-Pass-2026';

beforeAll(async () => {
  t = await createTestApp();
  // Enterprise accounts act for a registered enterprise: the demo one must exist first.
  await t.db.query("INSERT INTO enterprises (uscc, name) VALUES ('91350582MA8RFY385R', '晋江交发科技有限公司')");
  admin = await userClient(t, { role: 'admin', username: 'root.admin' });
});
afterAll(() => t.close());

async function audits(action: string, entityId?: string) {
  const { rows } = await t.db.query<{
    changes: Record<string, unknown>;
    actor_name: string | null;
    entity_id: string;
  }>(
    'SELECT changes, actor_name, entity_id FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2) ORDER BY seq',
    [action, entityId ?? null],
  );
  return rows;
}

async function userCount(): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM users');
  return Number(rows[0]!.n);
}

function fields(body: { error: { details: { fields: { field: string }[] } } }): string[] {
  return body.error.details.fields.map((f) => f.field);
}

describe('creating users', () => {
  it('creates a user who must change the initial password, phone encrypted at rest and masked in the answer', async () => {
    const res = await admin.post('/api/users', {
      username: 'Chen.Town',
      displayName: '陈专干',
      role: 'town',
      scopeId: '350582101',
      phone: '13812345678',
      initialPassword: GOOD,
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'chen.town',
      role: 'town',
      scopeType: 'town',
      scopeId: '350582101',
      scopeName: '安海镇',
      phone: '138****5678',
      mustChangePassword: true,
      locked: false,
      disabled: false,
    });
    const { rows } = await t.db.query<{ phone_enc: string }>('SELECT phone_enc FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(rows[0]!.phone_enc).toMatch(/^sm4:v1:/);
    expect(rows[0]!.phone_enc).not.toContain('5678');
    const [entry] = await audits('user.created', user.id);
    expect(entry?.changes).toMatchObject({
      username: 'chen.town',
      role: 'town',
      scopeId: '350582101',
      phone: '***',
      changeAtNextLogin: true,
    });
    expect(JSON.stringify(entry)).not.toMatch(/13812345678|argon2|Initial-Pass/);
  });

  it('refuses an initial password that fails the policy, naming the field in Chinese and in English, and writes nothing', async () => {
    const before = await userCount();
    const body = { username: 'weak.pw', displayName: '弱密码', role: 'leader', initialPassword: 'short1' };
    const zh = await admin.post('/api/users', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.code).toBe('PASSWORD_POLICY');
    expect(fields(zh.json())).toEqual(['initialPassword', 'initialPassword']);
    expect(zh.json().error.message).toContain('密码至少 10 个字符');
    const en = await admin.post('/api/users', body, EN);
    expect(en.json().error.message).toContain('at least 10 characters');
    expect(en.json().error.details.fields[0].message).toContain('initialPassword');
    const withName = await admin.post('/api/users', { ...body, initialPassword: 'Weak.Pw-2026-x' });
    expect(withName.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'initialPassword', rule: 'contains_username' }),
    ]);
    expect(await userCount()).toBe(before);
  });

  it('names a malformed username and phone in both languages', async () => {
    const body = { username: '-x', displayName: 'x', role: 'leader', phone: '12345', initialPassword: GOOD };
    const zh = await admin.post('/api/users', body);
    expect(zh.statusCode).toBe(400);
    expect(fields(zh.json())).toEqual(['username', 'phone']);
    expect(zh.json().error.message).toContain('username 须为 2–32 位字母、数字或 . _ -');
    expect(zh.json().error.message).toContain('phone 应为 11 位大陆手机号码');
    const en = await admin.post('/api/users', body, EN);
    expect(en.json().error.message).toContain('phone must be an 11-digit mainland mobile number');
  });

  it('answers 409 USERNAME_TAKEN when the name exists in another letter case', async () => {
    await createUser(t.db, { role: 'officer', username: 'taken.name' });
    const res = await admin.post('/api/users', {
      username: 'Taken.Name',
      displayName: 'x',
      role: 'officer',
      initialPassword: GOOD,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('refuses a town scope that is not a town, street or zone of the county', async () => {
    const before = await userCount();
    const res = await admin.post('/api/users', {
      username: 'ghost.town',
      displayName: 'x',
      role: 'town',
      scopeId: '350582999',
      initialPassword: GOOD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'SCOPE_INVALID',
      details: { fields: [{ field: 'scopeId', rule: 'scope_unknown' }] },
    });
    const county = await admin.post('/api/users', {
      username: 'ghost.town',
      displayName: 'x',
      role: 'town',
      scopeId: '350582',
      initialPassword: GOOD,
    });
    expect(county.json().error.details.fields[0].rule).toBe('scope_shape');
    expect(await userCount()).toBe(before);
  });

  it.each([
    {
      role: 'expert',
      table: 'experts',
      code: 'EXP-0042',
      zh: '不是专家库中的专家编号',
      en: 'is not the code of an expert in the registry',
    },
    {
      role: 'bank',
      table: 'banks',
      code: 'BANK-0042',
      zh: '不是主体库中的银行或投资机构编号',
      en: 'is not the code of a bank or investor in the registry',
    },
    {
      role: 'provider',
      table: 'carriers',
      code: 'PRV-0042',
      zh: '不是主体库中的载体或服务机构编号',
      en: 'is not the code of a carrier or service provider in the registry',
    },
  ])(
    'refuses the scope of a new $role account when $table has no such code, and accepts a registered one',
    async (c) => {
      const before = await userCount();
      const body = {
        username: `${c.role}.ghost`,
        displayName: 'x',
        role: c.role,
        scopeId: c.code,
        initialPassword: GOOD,
      };
      const zh = await admin.post('/api/users', body);
      expect(zh.statusCode).toBe(400);
      expect(zh.json().error).toMatchObject({
        code: 'SCOPE_INVALID',
        details: { fields: [{ field: 'scopeId', rule: 'scope_unknown' }] },
      });
      expect(zh.json().error.message).toContain(`scopeId ${c.zh}`);
      const en = await admin.post('/api/users', body, EN);
      expect(en.statusCode).toBe(400);
      expect(en.json().error.message).toContain(`scopeId ${c.en}`);
      expect(await userCount()).toBe(before);

      const columns = {
        experts: "INSERT INTO experts (code, name) VALUES ($1, '登记专家')",
        banks: "INSERT INTO banks (code, name, kind) VALUES ($1, '登记银行', 'bank')",
        carriers: "INSERT INTO carriers (code, name, kind) VALUES ($1, '登记众创空间', 'maker_space')",
      }[c.table]!;
      await t.db.query(columns, [c.code]);
      const ok = await admin.post('/api/users', body);
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ role: c.role, scopeId: c.code });
      // Changing an account to an unknown record is refused the same way.
      const moved = await admin.patch(`/api/users/${ok.json().id}`, { scopeId: `${c.code}9` });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().error.details.fields[0]).toMatchObject({ field: 'scopeId', rule: 'scope_unknown' });
    },
  );

  it('demands a scope for scoped roles, forbids one for bureau-wide roles and checks the USCC shape', async () => {
    const base = { displayName: 'x', initialPassword: GOOD };
    const missing = await admin.post('/api/users', { ...base, username: 'ent.a', role: 'enterprise' });
    expect(missing.json().error.details.fields[0]).toMatchObject({
      field: 'scopeId',
      rule: 'scope_required',
    });
    const extra = await admin.post('/api/users', {
      ...base,
      username: 'off.a',
      role: 'officer',
      scopeId: '350582101',
    });
    expect(extra.json().error.details.fields[0]).toMatchObject({
      field: 'scopeId',
      rule: 'scope_not_allowed',
    });
    const badUscc = await admin.post(
      '/api/users',
      { ...base, username: 'ent.b', role: 'enterprise', scopeId: '91350582MA8RFY38OO' },
      EN,
    );
    expect(badUscc.json().error.message).toContain('unified social credit code');
    const lower = await admin.post('/api/users', {
      ...base,
      username: 'ent.c',
      role: 'enterprise',
      scopeId: '91350582ma8rfy385r',
    });
    expect(lower.statusCode).toBe(201);
    expect(lower.json().scopeId).toBe('91350582MA8RFY385R');
    const sections = await admin.post('/api/users', {
      ...base,
      username: 'lead.a',
      role: 'leader',
      sections: ['ip'],
    });
    expect(sections.json().error).toMatchObject({
      code: 'SECTIONS_INVALID',
      details: { fields: [{ field: 'sections' }] },
    });
    const officer = await admin.post('/api/users', {
      ...base,
      username: 'off.b',
      role: 'officer',
      sections: ['ip', 'hitech', 'ip'],
    });
    expect(officer.json().sections).toEqual(['hitech', 'ip']);
  });
});

describe('listing and reading users', () => {
  it('searches username and display name, filters by role, pages and counts', async () => {
    for (let i = 1; i <= 3; i++)
      await createUser(t.db, { role: 'expert', username: `pager${i}`, displayName: `分页专家${i}` });
    const byName = (await admin.get('/api/users?q=分页专家')).json();
    expect(byName.total).toBe(3);
    const page = (await admin.get('/api/users?q=pager&pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((u: { username: string }) => u.username)).toEqual(['pager3']);
    const experts = (await admin.get('/api/users?role=expert&pageSize=200')).json();
    expect(experts.items.every((u: { role: string }) => u.role === 'expert')).toBe(true);
    expect(experts.total).toBeGreaterThanOrEqual(3);
    // A wildcard typed by the user matches itself only.
    expect((await admin.get('/api/users?q=%25')).json().total).toBe(0);
    expect((await admin.get('/api/users?role=nobody')).statusCode).toBe(400);
  });

  it('answers 404 for an unknown id and 400 naming the id when it is not a UUID', async () => {
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await admin.get('/api/users/42');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(['params.id']);
  });

  it('shows the phone masked, and in clear only when revealed, auditing the reveal as a personal-data read', async () => {
    const created = (
      await admin.post('/api/users', {
        username: 'phone.user',
        displayName: '电话',
        role: 'leader',
        phone: '13900001111',
        initialPassword: GOOD,
      })
    ).json();
    const masked = await admin.get(`/api/users/${created.id}`);
    expect(masked.json().phone).toBe('139****1111');
    expect(await audits('personal_data.read', created.id)).toHaveLength(0);
    const revealed = await admin.get(`/api/users/${created.id}?reveal=phone`);
    expect(revealed.json().phone).toBe('13900001111');
    const reads = await audits('personal_data.read', created.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor_name: 'root.admin', changes: { fields: ['phone'] } });
    const list = (await admin.get('/api/users?q=phone.user')).json();
    expect(list.items[0].phone).toBe('139****1111');
  });
});

describe('changing users', () => {
  it('changes role, scope, sections and phone, auditing the diff with phone markers only', async () => {
    const created = (
      await admin.post('/api/users', {
        username: 'mover',
        displayName: '调动',
        role: 'town',
        scopeId: '350582101',
        phone: '13700000001',
        initialPassword: GOOD,
      })
    ).json();
    const res = await admin.patch(`/api/users/${created.id}`, {
      role: 'officer',
      sections: ['transfer'],
      phone: '13700000002',
      displayName: '调动后',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'officer',
      scopeType: null,
      scopeId: null,
      sections: ['transfer'],
      phone: '137****0002',
      displayName: '调动后',
    });
    const [entry] = await audits('user.updated', created.id);
    expect(entry?.changes).toEqual({
      displayName: ['调动', '调动后'],
      role: ['town', 'officer'],
      scopeType: ['town', null],
      scopeId: ['350582101', null],
      sections: [[], ['transfer']],
      phone: ['***', '***'],
    });
    const back = await admin.patch(`/api/users/${created.id}`, { role: 'enterprise' });
    expect(back.json().error.details.fields[0]).toMatchObject({ field: 'scopeId', rule: 'scope_required' });
    const cleared = await admin.patch(`/api/users/${created.id}`, { phone: null });
    expect(cleared.json().phone).toBeNull();
    expect((await audits('user.updated', created.id))[1]?.changes).toEqual({ phone: ['***', null] });
  });

  it('writes no audit entry when nothing changes', async () => {
    const u = await createUser(t.db, { role: 'leader', displayName: '不变' });
    expect((await admin.patch(`/api/users/${u.id}`, { displayName: '不变' })).statusCode).toBe(200);
    expect(await audits('user.updated', u.id)).toHaveLength(0);
  });

  it('refuses with SELF_LOCKOUT when an admin disables or demotes themself', async () => {
    for (const body of [{ disabled: true }, { role: 'officer' }]) {
      const res = await admin.patch(`/api/users/${admin.userId}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('SELF_LOCKOUT');
    }
    expect((await admin.get('/api/auth/me')).json().role).toBe('admin');
    expect((await admin.patch(`/api/users/${admin.userId}`, { displayName: '管理员甲' })).statusCode).toBe(
      200,
    );
  });

  it('ends the sessions of a disabled user, who then cannot sign in until re-enabled', async () => {
    const u = await createUser(t.db, { role: 'bank' });
    const c = await signIn(t.app, u.username);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${u.id}`, { disabled: true });
    expect(res.json().disabled).toBe(true);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const { rows } = await t.db.query<{ revoked_reason: string }>(
      'SELECT revoked_reason FROM sessions WHERE user_id = $1',
      [u.id],
    );
    expect(rows.map((r) => r.revoked_reason)).toEqual(['account disabled']);
    const refused = await client(t.app).post('/api/auth/login', {
      username: u.username,
      password: u.password,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await audits('user.updated', u.id))[0]?.changes).toEqual({
      disabled: [false, true],
      revokedSessions: 1,
    });
    await admin.patch(`/api/users/${u.id}`, { disabled: false });
    expect(
      (await client(t.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(200);
  });
});

describe('passwords, lockouts and sessions of others', () => {
  it('lets an admin lift a lockout so the user signs in at once', async () => {
    const u = await createUser(t.db, { role: 'provider' });
    const anon = client(t.app);
    for (let i = 0; i < 5; i++)
      await anon.post('/api/auth/login', { username: u.username, password: 'Wrong-Pass-1' });
    expect(
      (await anon.post('/api/auth/login', { username: u.username, password: u.password })).statusCode,
    ).toBe(423);
    expect((await admin.get(`/api/users/${u.id}`)).json()).toMatchObject({
      locked: true,
      lockedUntil: expect.any(String),
    });
    const res = await admin.post(`/api/users/${u.id}/unlock`);
    expect(res.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect(
      (await anon.post('/api/auth/login', { username: u.username, password: u.password })).statusCode,
    ).toBe(200);
    const [entry] = await audits('user.unlocked', u.id);
    expect(entry?.changes).toMatchObject({ username: u.username, lockedUntil: [expect.any(String), null] });
  });

  it('resets a password so that old sessions die and the user must change it at the next sign-in', async () => {
    const u = await createUser(t.db, { role: 'enterprise' });
    const old = await signIn(t.app, u.username);
    const weak = await admin.post(`/api/users/${u.id}/reset-password`, { newPassword: 'abc' });
    expect(weak.json().error).toMatchObject({
      code: 'PASSWORD_POLICY',
      details: { fields: [{ field: 'newPassword' }, { field: 'newPassword' }] },
    });
    const res = await admin.post(`/api/users/${u.id}/reset-password`, { newPassword: 'Reset-Pass-2026' });
    expect(res.statusCode).toBe(200);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await client(t.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(401);
    const fresh = await signIn(t.app, u.username, 'Reset-Pass-2026');
    expect((await fresh.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await fresh.get('/api/account/sessions')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await fresh.post('/api/auth/password', {
      currentPassword: 'Reset-Pass-2026',
      newPassword: 'Own-Choice-2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await fresh.get('/api/account/sessions')).statusCode).toBe(200);
    expect((await fresh.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    const [entry] = await audits('user.password_reset', u.id);
    expect(entry?.changes).toEqual({ username: u.username, changeAtNextLogin: true, revokedSessions: 1 });
  });

  it('ends every session of a user on request and says how many', async () => {
    const u = await createUser(t.db, { role: 'expert' });
    const a = await signIn(t.app, u.username);
    const b = await signIn(t.app, u.username);
    const res = await admin.post(`/api/users/${u.id}/revoke-sessions`);
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await audits('user.sessions_revoked', u.id))[0]?.changes).toEqual({
      username: u.username,
      revoked: 2,
    });
  });
});

describe('the audit chain', () => {
  it('verifies after all of the above and holds no password hash or phone number', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
    const { rows } = await t.db.query<{ text: string }>('SELECT changes::text AS text FROM audit_log');
    const all = rows.map((r) => r.text).join('\n');
    expect(all).not.toMatch(/argon2|1[3-9]\d{9}|Pass-2026/);
    const { rows: actions } = await t.db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log');
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'user.created',
        'user.updated',
        'user.password_reset',
        'user.unlocked',
        'user.sessions_revoked',
        'personal_data.read',
      ]),
    );
  });
});
