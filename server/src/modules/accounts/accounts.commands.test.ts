import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, signIn, testCipher, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  DEMO_ACCOUNTS,
  addUser,
  ensureDemoUsers,
  resetUserPassword,
  unlockUser,
  type AccountsDeps,
} from './index.ts';

let t: TestContext;
let deps: AccountsDeps;
const DEMO_PASSWORD = 'Jinke@2026demo';

beforeAll(async () => {
  t = await createTestApp();
  deps = { db: t.db, cipher: testCipher, clock: t.clock.now };
  // Scoped accounts act for registered records: the demo enterprise, expert, bank and carrier must exist first.
  await t.db.query("INSERT INTO enterprises (uscc, name) VALUES ('91350582MA8RFY385R', '晋江交发科技有限公司')");
  await t.db.query("INSERT INTO experts (code, name) VALUES ('EXP-0001', '演示专家')");
  await t.db.query("INSERT INTO banks (code, name, kind) VALUES ('BANK-0001', '演示银行', 'bank')");
  await t.db.query(
    "INSERT INTO carriers (code, name, kind) VALUES ('PRV-0001', '演示众创空间', 'maker_space')",
  );
});
afterAll(() => t.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('demo accounts', () => {
  it('creates one account per role with its scope, no forced change, audited with no actor', async () => {
    const created = await ensureDemoUsers(deps, systemContext('seed'), DEMO_PASSWORD);
    expect(created).toEqual([
      'admin',
      'officer',
      'leader',
      'town',
      'enterprise',
      'expert',
      'bank',
      'provider',
    ]);
    const { rows } = await t.db.query<{
      username: string;
      role: string;
      scope_id: string | null;
      sections: string[];
      must_change_password: boolean;
      display_name: string;
    }>(
      'SELECT username, role, scope_id, sections, must_change_password, display_name FROM users ORDER BY username',
    );
    expect(rows.every((r) => r.username === r.role && !r.must_change_password)).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.username, r.scope_id]))).toEqual({
      admin: null,
      officer: null,
      leader: null,
      town: '350582101',
      enterprise: '91350582MA8RFY385R',
      expert: 'EXP-0001',
      bank: 'BANK-0001',
      provider: 'PRV-0001',
    });
    expect(rows.find((r) => r.username === 'officer')?.sections).toEqual([
      'hitech',
      'transfer',
      'ip',
      'general',
    ]);
    expect(rows.find((r) => r.username === 'enterprise')?.display_name).toBe('晋江交发科技有限公司');
    const audit = await t.db.query<{ actor_id: string | null }>(
      "SELECT actor_id FROM audit_log WHERE action = 'user.created'",
    );
    expect(audit.rows).toHaveLength(DEMO_ACCOUNTS.length);
    expect(audit.rows.every((r) => r.actor_id === null)).toBe(true);
  });

  it('signs the town account in straight away, acting for 安海镇', async () => {
    const c = await signIn(t.app, 'town', DEMO_PASSWORD);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({
      role: 'town',
      scopeName: '安海镇',
      mustChangePassword: false,
    });
  });

  it('creates nothing and changes nothing when run again', async () => {
    const before = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    expect(await ensureDemoUsers(deps, systemContext('seed'), 'Other-Pass-2026')).toEqual([]);
    const after = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect(
      (await client(t.app).post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
});

describe('command-line functions', () => {
  it('adds a user with the API’s validation and a forced change by default', async () => {
    const user = await addUser(deps, systemContext('user-add'), {
      username: 'CLI.User',
      displayName: '命令行用户',
      role: 'officer',
      sections: ['ip'],
      initialPassword: 'Cli-Initial-2026',
    });
    expect(user).toMatchObject({ username: 'cli.user', mustChangePassword: true, sections: ['ip'] });
    const invalid = await rejection(
      addUser(
        deps,
        { ...systemContext('user-add'), locale: 'en-US' },
        { username: 'x', displayName: '', role: 'officer', initialPassword: 'x' },
      ),
    );
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect((invalid.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      'username',
      'displayName',
    ]);
    expect(invalid.messageFor('zh-CN')).toContain('username 须为 2–32 位字母、数字或 . _ -');
    expect(
      (
        await rejection(
          addUser(deps, systemContext(), {
            username: 'admin',
            displayName: 'x',
            role: 'admin',
            initialPassword: 'Cli-Initial-2026',
          }),
        )
      ).code,
    ).toBe('USERNAME_TAKEN');
  });

  it('resets a password by username (any case), forcing a change at the next sign-in', async () => {
    await resetUserPassword(deps, systemContext('reset'), 'LEADER', 'Cli-Reset-2026x');
    const res = await client(t.app).post('/api/auth/login', {
      username: 'leader',
      password: 'Cli-Reset-2026x',
    });
    expect(res.json().mustChangePassword).toBe(true);
    expect((await rejection(resetUserPassword(deps, systemContext('reset'), 'leader', 'weak'))).code).toBe(
      'PASSWORD_POLICY',
    );
    expect(
      (await rejection(resetUserPassword(deps, systemContext('reset'), 'nobody', 'Cli-Reset-2026x'))).code,
    ).toBe('NOT_FOUND');
  });

  it('unlocks a locked account by username', async () => {
    const anon = client(t.app);
    for (let i = 0; i < 5; i++)
      await anon.post('/api/auth/login', { username: 'bank', password: 'Wrong-Pass-1' });
    expect(
      (await anon.post('/api/auth/login', { username: 'bank', password: DEMO_PASSWORD })).statusCode,
    ).toBe(423);
    expect((await unlockUser(deps, systemContext('unlock'), 'bank')).locked).toBe(false);
    expect(
      (await anon.post('/api/auth/login', { username: 'bank', password: DEMO_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('leaves a chain that verifies', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
