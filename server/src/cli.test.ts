import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from './platform/db/scratch.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { runCli } from './cli.ts';
import { openDatabase, type Database } from './platform/db/index.ts';

vi.mock('@jinke/core/rules/catalogue.ts', async () => {
  const { defineRule } = await import('@jinke/core/rules/registry.ts');
  return {
    rules: [
      defineRule({
        id: 'test.double',
        title: { zh: '加倍', en: 'Double' },
        citation: '测试规则 第1条',
        input: z.object({ n: z.number().int() }),
        run: ({ n }) => ({ doubled: n * 2 }),
      }),
    ],
  };
});

// Each command opens a file-backed PGlite (initdb on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const serverUrl = process.env.DATABASE_URL;
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jinke.mjs');

/** Where a CLI run points: a PGlite data directory, or a new database on the test PostgreSQL server. */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

const temp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-cli-'));
  temp.push(dir);
  return dir;
}

async function newTarget(): Promise<Target> {
  const dataDir = tempDir();
  const base = {
    JINKE_DATA_DIR: dataDir,
    JINKE_SM4_KEY: '0123456789abcdef0123456789abcdef',
    LOG_LEVEL: 'silent',
  };
  if (!serverUrl) {
    return { env: base, open: () => openDatabase({ dataDir, databaseUrl: null }), drop: async () => {} };
  }
  const scratch = await createScratchDatabase(serverUrl, 'jinke_cli');
  return {
    env: { ...base, DATABASE_URL: scratch.url },
    open: () => openDatabase({ dataDir, databaseUrl: scratch.url }),
    drop: scratch.drop,
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function jinke(
  target: Target | null,
  argv: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([options.stdin ?? '']),
    env: { ...(target?.env ?? {}), ...options.env },
  });
  return { code, stdout, stderr };
}

async function query<T>(target: Target, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await target.open();
  try {
    return (await db.query<T>(sql, params as never[])).rows;
  } finally {
    await db.close();
  }
}

const oneLine = (text: string) => text.trimEnd().split('\n').length === 1;

let main: Target;
beforeAll(async () => {
  main = await newTarget();
  expect((await jinke(main, ['migrate'])).code).toBe(0);
});
const targets: Target[] = [];
afterAll(async () => {
  for (const t of [main, ...targets]) await t.drop();
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

describe('help and mistakes', () => {
  it('prints the commands for help and the usage of one command for --help', async () => {
    const help = await jinke(null, ['help']);
    expect(help.code).toBe(0);
    for (const name of [
      'serve',
      'migrate',
      'seed demo',
      'users add',
      'audit verify',
      'backup',
      'restore',
      'rules run',
    ]) {
      expect(help.stdout).toContain(`jinke ${name}`);
    }
    const add = await jinke(null, ['users', 'add', '--help']);
    expect(add.stdout).toContain('Usage: jinke users add <username> --role ROLE');
    expect(add.stdout).toContain('JINKE_NEW_PASSWORD');
    expect((await jinke(null, ['help', 'users'])).stdout).toContain('jinke users unlock <username>');
  });

  it('answers an unknown command, option or subcommand with one line on stderr and a non-zero exit', async () => {
    for (const argv of [
      ['frobnicate'],
      ['users'],
      ['users', 'delete', 'x'],
      ['audit', 'verify', '--bogus'],
      ['backup'],
    ]) {
      const run = await jinke(null, argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^jinke: /);
      expect(oneLine(run.stderr), run.stderr).toBe(true);
      expect(run.stderr).not.toContain('    at ');
    }
    expect((await jinke(null, ['frobnicate'])).stderr).toBe(
      'jinke: unknown command "frobnicate"; jinke help lists the commands\n',
    );
  });
});

describe('users', () => {
  it('adds a user with the password from the environment, audited with a cli request id and no actor', async () => {
    const run = await jinke(main, ['users', 'add', 'li.ming', '--role', 'officer', '--name', '李明'], {
      env: { JINKE_NEW_PASSWORD: 'Chang3-me-now!' },
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('user li.ming added (officer)');
    const [user] = await query<{ display_name: string; must_change_password: boolean }>(
      main,
      "SELECT * FROM users WHERE username = 'li.ming'",
    );
    expect(user).toMatchObject({ display_name: '李明', must_change_password: true });
    const [entry] = await query<{ actor_id: string | null; request_id: string }>(
      main,
      "SELECT * FROM audit_log WHERE action = 'user.created'",
    );
    expect(entry?.actor_id).toBeNull();
    expect(entry?.request_id).toMatch(/^cli-/);
  });

  it('refuses a missing password, an unknown role, a weak password and a taken username, each in one line', async () => {
    const noPassword = await jinke(main, ['users', 'add', 'wang.wu', '--role', 'officer']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('--password or the environment variable JINKE_NEW_PASSWORD');
    const badRole = await jinke(main, [
      'users',
      'add',
      'wang.wu',
      '--role',
      'king',
      '--password',
      'Chang3-me-now!',
    ]);
    expect(badRole.stderr).toContain('--role must be one of admin, officer');
    const weak = await jinke(main, ['users', 'add', 'wang.wu', '--role', 'officer', '--password', 'short']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^jinke: 密码不符合安全要求/);
    const taken = await jinke(main, [
      'users',
      'add',
      'li.ming',
      '--role',
      'leader',
      '--password',
      'Chang3-me-now!',
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe('jinke: 用户名已被使用 / The username is taken\n');
    for (const run of [noPassword, badRole, weak, taken]) expect(oneLine(run.stderr)).toBe(true);
  });

  it('resets a password and unlocks a locked user', async () => {
    const [before] = await query<{ password_hash: string }>(
      main,
      "SELECT password_hash FROM users WHERE username = 'li.ming'",
    );
    const reset = await jinke(main, ['users', 'reset', 'li.ming', '--password', 'An0ther-Secret!']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('password of li.ming reset');
    await query(
      main,
      "UPDATE users SET locked_until = now() + interval '10 minutes' WHERE username = 'li.ming'",
    );
    const unlock = await jinke(main, ['users', 'unlock', 'li.ming']);
    expect(unlock).toMatchObject({ code: 0, stdout: 'user li.ming unlocked\n' });
    const [after] = await query<{
      password_hash: string;
      locked_until: Date | null;
      must_change_password: boolean;
    }>(
      main,
      "SELECT password_hash, locked_until, must_change_password FROM users WHERE username = 'li.ming'",
    );
    expect(after?.password_hash).not.toBe(before?.password_hash);
    expect(after).toMatchObject({ locked_until: null, must_change_password: true });
    const actions = await query<{ action: string }>(
      main,
      "SELECT action FROM audit_log WHERE request_id LIKE 'cli-users-%' ORDER BY seq",
    );
    // The failed attempts of the previous test wrote nothing.
    expect(actions.map((a) => a.action)).toEqual(['user.created', 'user.password_reset', 'user.unlocked']);
    const missing = await jinke(main, ['users', 'unlock', 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('用户不存在');
  });
});

describe('audit verify', () => {
  it('prints the number of entries and exits 0 when the chain is intact', async () => {
    const [{ n }] = (await query<{ n: string }>(main, 'SELECT count(*) AS n FROM audit_log')) as [
      { n: string },
    ];
    const run = await jinke(main, ['audit', 'verify']);
    expect(run).toEqual({ code: 0, stdout: `audit chain ok: ${n} entries\n`, stderr: '' });
  });

  it('exits 1 naming the sequence number when a row was altered with SQL', async () => {
    await query(main, `UPDATE audit_log SET actor_name = 'someone.else' WHERE seq = 2`);
    const run = await jinke(main, ['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('audit chain broken at seq 2: hash does not match the entry\n');
  });
});

describe('backup and restore', () => {
  let source: Target;
  let file: string;
  beforeAll(async () => {
    source = await newTarget();
    targets.push(source);
    file = path.join(tempDir(), 'jinke.backup.gz');
    expect((await jinke(source, ['seed', 'demo', '--scale', '0.02'])).code).toBe(0);
  });

  it('backs up, restores into a fresh database with the same users, and the chain verifies', async () => {
    const backup = await jinke(source, ['backup', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^backup written to .*jinke\.backup\.gz: \d+ tables, \d+ rows\n$/);
    const target = await newTarget();
    targets.push(target);
    const restore = await jinke(target, ['restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/audit chain ok: \d+ entries/);
    const users = (t: Target) =>
      query<{ username: string; password_hash: string }>(
        t,
        'SELECT username, password_hash FROM users ORDER BY username',
      );
    expect(await users(target)).toEqual(await users(source));
    const verify = await jinke(target, ['audit', 'verify']);
    expect(verify.code).toBe(0);
    const restored = await query<{ action: string; request_id: string }>(
      target,
      "SELECT action, request_id FROM audit_log WHERE action = 'system.restored'",
    );
    expect(restored[0]?.request_id).toMatch(/^cli-restored-/);
  });

  it('refuses to restore over a database with users unless --force', async () => {
    const run = await jinke(source, ['restore', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^jinke: the target database already holds users or audit entries; pass --force/,
    );
    expect((await jinke(source, ['restore', file, '--force'])).code).toBe(0);
  });

  it('refuses a file that is not a backup in one line', async () => {
    const garbage = path.join(tempDir(), 'garbage.gz');
    fs.writeFileSync(garbage, 'not a backup');
    const run = await jinke(source, ['restore', garbage, '--force']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `jinke: ${garbage} is not a jinke backup (not gzip data)\n`,
    });
  });
});

describe('seed and migrate', () => {
  it('seeds the demo accounts once and rejects a bad --scale', async () => {
    const target = await newTarget();
    targets.push(target);
    expect((await jinke(target, ['migrate'])).stdout).toMatch(/^applied \d+ migration\(s\): 0001_/);
    expect((await jinke(target, ['migrate'])).stdout).toBe('database is up to date\n');
    const first = await jinke(target, ['seed', 'demo', '--scale', '0.02']);
    expect(first.stdout).toContain('demo accounts created: admin, officer, leader');
    const second = await jinke(target, ['seed', 'demo', '--scale', '0.02']);
    expect(second.stdout).toContain('none (they exist)');
    const bad = await jinke(target, ['seed', 'demo', '--scale', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jinke: --scale must be a positive number/);
  });
});

describe('rules', () => {
  it('lists id, title and citation', async () => {
    const run = await jinke(null, ['rules', 'list']);
    expect(run).toEqual({ code: 0, stdout: 'test.double\t加倍 Double\t测试规则 第1条\n', stderr: '' });
  });

  it('runs a rule over a JSON array, putting an error in place of an invalid item', async () => {
    const run = await jinke(null, ['rules', 'run', 'test.double'], { stdin: '[{"n":2},{"n":"x"},{"n":5}]' });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out[0]).toEqual({ doubled: 4 });
    expect(out[1].error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'n' }] });
    expect(out[2]).toEqual({ doubled: 10 });
  });

  it('runs a single value, and exits 1 with the error when it is invalid', async () => {
    expect((await jinke(null, ['rules', 'run', 'test.double'], { stdin: '{"n":21}' })).stdout).toBe(
      '{"doubled":42}\n',
    );
    const bad = await jinke(null, ['rules', 'run', 'test.double'], { stdin: '{"m":1}' });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.fields[0].field).toBe('n');
    expect(bad.stderr).toMatch(/^jinke: the input is invalid: n /);
    const notJson = await jinke(null, ['rules', 'run', 'test.double'], { stdin: '{oops' });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^jinke: stdin is not valid JSON/);
    expect((await jinke(null, ['rules', 'run', 'no.such'])).stderr).toMatch(/^jinke: unknown rule "no.such"/);
  });
});

describe.skipIf(Boolean(serverUrl))('PGlite data directory lock', () => {
  it('gives a second process the in-use message and exit 1 while this one holds the directory', async () => {
    const target = await newTarget();
    const db = await target.open();
    try {
      const child = spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
        env: { ...process.env, ...target.env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(
        new RegExp(
          `^jinke: data directory .*pgdata is in use by process ${process.pid}; stop it first \\(数据目录正被进程 ${process.pid} 使用\\)\\n$`,
        ),
      );
    } finally {
      await db.close();
    }
  });
});
