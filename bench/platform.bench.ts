/**
 * Platform foundation numbers (on PostgreSQL):
 * - GET /api/health and GET /api/auth/me throughput against a bare Fastify route in the same process and run;
 * - `npm start` ready time on an existing data directory and on a first run, against a bare `node` start.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { PersonalDataCipher } from '../server/src/platform/crypto.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { hashPassword } from '../server/src/modules/accounts/passwords.ts';
import { printResults, withScratchPostgres, type BenchResult } from './lib.ts';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);

async function load(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: 20, duration: DURATION_S, headers });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses`);
  return result.requests.average;
}

async function throughput(): Promise<BenchResult[]> {
  return withScratchPostgres('jinke_bench_platform', async (db) => {
    await prepareDatabase(db);
    const password = 'Bench-Passw0rd!';
    await db.query(
      `INSERT INTO users (username, display_name, password_hash, role, must_change_password) VALUES ('bench', 'bench', $1, 'officer', false)`,
      [await hashPassword(password)],
    );
    const config = { ...loadConfig({}), logLevel: 'silent' };
    const app = await buildApp({
      db,
      config,
      cipher: new PersonalDataCipher(Buffer.alloc(16, 1)),
      clock: () => new Date(),
      serveWeb: false,
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify({ logger: false });
    bare.get('/bare', async () => ({ status: 'ok' }));
    const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';

    const bareRps = await load(`${bareAddress}/bare`);
    const healthRps = await load(`${address}/api/health`);
    const meRps = await load(`${address}/api/auth/me`, { cookie });
    await app.close();
    await bare.close();
    const baseline = { name: 'bare Fastify route', value: bareRps };
    return [
      {
        name: 'GET /api/health (PostgreSQL)',
        value: healthRps,
        unit: 'req/s',
        baseline,
        target: '≥ 0.50 × baseline',
        ok: healthRps >= 0.5 * bareRps,
      },
      {
        name: 'GET /api/auth/me (PostgreSQL)',
        value: meRps,
        unit: 'req/s',
        baseline,
        target: '≥ 0.50 × baseline',
        ok: meRps >= 0.5 * bareRps,
      },
    ];
  });
}

/** Milliseconds from spawn until GET /api/health answers. */
async function timeToReady(command: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not yet listening
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

async function startup(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-bench-start-'));
  const port = 18000 + Math.floor(Math.random() * 1000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    JINKE_DATA_DIR: dataDir,
    JINKE_SKIP_WEB_BUILD: '1',
  };
  delete env.DATABASE_URL;
  try {
    const t0 = performance.now();
    await new Promise((resolve) =>
      spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }).once('exit', resolve),
    );
    const bareNode = performance.now() - t0;
    const first = await timeToReady([process.execPath, 'scripts/start.mjs'], env, port);
    const again = await timeToReady([process.execPath, 'scripts/start.mjs'], env, port);
    const baseline = { name: 'bare node start', value: bareNode };
    return [
      {
        name: 'npm start, first run (migrate + seed)',
        value: first / 1000,
        unit: 's',
        baseline: { ...baseline, value: bareNode / 1000 },
        target: '≤ 60 s',
        ok: first <= 60_000,
      },
      {
        name: 'npm start, existing data directory',
        value: again / 1000,
        unit: 's',
        baseline: { ...baseline, value: bareNode / 1000 },
        target: '≤ 5 s',
        ok: again <= 5_000,
      },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<void> {
  printResults('Platform: API throughput on PostgreSQL', await throughput());
  printResults('Platform: start-up', await startup());
}
