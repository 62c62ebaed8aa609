/**
 * Shared pieces of the benchmarks. Every benchmark measures a baseline in the same run and prints ratios,
 * because the machines are noisy; none of these numbers is asserted by a test.
 */
import { execFileSync } from 'node:child_process';
import { buildApp } from '../server/src/app.ts';
import { hashPassword } from '../server/src/modules/accounts/passwords.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { PersonalDataCipher } from '../server/src/platform/crypto.ts';
import type { Database } from '../server/src/platform/db/index.ts';
import { openPostgres } from '../server/src/platform/db/postgres.ts';
import { createScratchDatabase } from '../server/src/platform/db/scratch.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** What the issue asks for, e.g. '≥ 50 % of baseline' or '≤ 5 s'. */
  target?: string;
  ok?: boolean;
}

export function printResults(title: string, results: BenchResult[]): void {
  console.log(`\n## ${title}`);
  for (const r of results) {
    const ratio = r.baseline
      ? `  ratio ${(r.value / r.baseline.value).toFixed(2)} × ${r.baseline.name} (${fmt(r.baseline.value)} ${r.unit})`
      : '';
    const verdict = r.ok === undefined ? '' : r.ok ? '  ✔' : '  ✘';
    console.log(
      `- ${r.name}: ${fmt(r.value)} ${r.unit}${ratio}${r.target ? `  target ${r.target}` : ''}${verdict}`,
    );
  }
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(2);
}

/** DATABASE_URL if set, else a throw-away server from scripts/pg-temp.sh (stopped by the returned function). */
export function ensurePostgres(): { url: string; stop: () => void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const out = execFileSync('bash', ['scripts/pg-temp.sh', 'start'], { encoding: 'utf8' });
  const vars = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => /^export (\w+)=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  const dir = vars.JINKE_PG_DIR!;
  return { url: vars.DATABASE_URL!, stop: () => execFileSync('bash', ['scripts/pg-temp.sh', 'stop', dir]) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/**
 * Runs `fn` on a fresh database of the PostgreSQL server (DATABASE_URL or a throw-away one), then closes and
 * drops it and stops a server it started.
 */
export async function withScratchPostgres<T>(prefix: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const server = ensurePostgres();
  try {
    const scratch = await createScratchDatabase(server.url, prefix);
    const db = await openPostgres(scratch.url);
    try {
      return await fn(db);
    } finally {
      await db.close();
      await scratch.drop();
    }
  } finally {
    server.stop();
  }
}

/**
 * The server built in-process on `db` with one signed-in user of `role` (created here): `headers` carry its session
 * cookie and CSRF token for `app.inject`, so requests are timed server-side without a socket.
 */
export async function signedInApp(db: Database, role: string) {
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, must_change_password)
     VALUES ('bench', 'bench', $1, $2, false)`,
    [await hashPassword('Bench-Passw0rd!'), role],
  );
  const app = await buildApp({
    db,
    config: { ...loadConfig({}), logLevel: 'silent' },
    cipher: new PersonalDataCipher(Buffer.alloc(16, 1)),
    clock: () => new Date(),
    serveWeb: false,
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench', password: 'Bench-Passw0rd!' },
  });
  const headers = {
    cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
  };
  return { app, headers };
}
