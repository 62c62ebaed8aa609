/**
 * Start-up: open the configured database, bring it up to date, build the app and listen. `jinke serve` starts
 * it plainly; `npm start` starts it in demo mode, which seeds an empty database with the demo data first.
 * Run directly (`node --import tsx server/src/main.ts`) it serves like `jinke serve`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { roleLabels } from '@jinke/core/accounts/roles.ts';
import type { DemoSeedResult } from './db/seed/demo.ts';
import { prepareDatabase } from './db/prepare.ts';
import { loadConfig, type Config } from './platform/config.ts';
import { systemContext } from './platform/context.ts';
import { loadOrCreateKey, PersonalDataCipher } from './platform/crypto.ts';
import { openDatabase, type Database } from './platform/db/index.ts';

export interface StartOptions {
  config: Config;
  /** Demo mode: a database without users gets the demo data before the server listens. */
  demo?: boolean;
  /** Volume of the demo data (1 = the shipped demo). */
  demoScale?: number;
  /** Told before slow steps (seeding the demo data), so a person knows what is happening. */
  onProgress?: (message: string) => void;
  /** Serve the built web app (default on). */
  serveWeb?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: Database;
  /** What demo mode seeded on this start; null when it seeded nothing. */
  seeded: DemoSeedResult | null;
  /** Stops listening, then closes the database (releasing the PGlite lock). Safe to call twice. */
  close(): Promise<void>;
}

export function cipherFor(config: Config): PersonalDataCipher {
  return new PersonalDataCipher(loadOrCreateKey(config.sm4KeyHex, config.dataDir));
}

/** Where the data lives, for people: the PostgreSQL URL without its password, or the PGlite directory. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite ${path.join(config.dataDir, 'pgdata')}`;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  // The app's modules load while the database starts (PGlite compiles its WebAssembly meanwhile).
  const loading = Promise.all([import('./app.ts'), options.demo ? import('./db/seed/demo.ts') : null]);
  loading.catch(() => {}); // Awaited below; a failure to open the database must not leave it unhandled.
  const db = await openDatabase(config);
  let app: FastifyInstance | null = null;
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      try {
        await app?.close();
      } finally {
        await db.close();
      }
    })();
    return closing;
  };
  try {
    await prepareDatabase(db);
    const cipher = cipherFor(config);
    const clock = () => new Date();
    const [{ buildApp }, demo] = await loading;
    let seeded: DemoSeedResult | null = null;
    if (demo && (await demo.hasNoUsers(db))) {
      options.onProgress?.('首次启动，正在生成演示数据… / First start: generating the demo data…');
      seeded = await demo.seedDemo({ db, cipher, clock }, systemContext('demo-seed'), {
        password: config.demoPassword,
        scale: options.demoScale ?? 1,
      });
    }
    app = await buildApp({ config, db, cipher, clock, serveWeb: options.serveWeb ?? true });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const host =
      config.host === '0.0.0.0' || config.host === '::'
        ? 'localhost'
        : config.host.includes(':')
          ? `[${config.host}]`
          : config.host;
    return { url: `http://${host}:${port}`, app, db, seeded, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/**
 * Resolves with the signal once SIGINT or SIGTERM has closed the server cleanly. A second signal while closing
 * exits at once (the PGlite lock left behind is taken over at the next start, as its process is gone).
 */
export function closeOnSignals(
  server: Pick<RunningServer, 'close'>,
  onSignal: (signal: NodeJS.Signals) => void = () => {},
): Promise<NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    let received: NodeJS.Signals | null = null;
    const handler = (signal: NodeJS.Signals) => {
      if (received) process.exit(130);
      received = signal;
      onSignal(signal);
      server.close().then(
        () => {
          process.off('SIGINT', handler);
          process.off('SIGTERM', handler);
          resolve(signal);
        },
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** A plain text table with columns aligned for CJK text. */
export function formatTable(rows: string[][], indent = '  '): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  return rows
    .map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]! + 2))).join(''))
    .join('\n');
}

/** The demo start banner: the URL, then the demo accounts present in the database and their password. */
export async function demoBanner(server: RunningServer, config: Config): Promise<string> {
  const { DEMO_ACCOUNTS } = await import('./db/seed/demo.ts');
  const { rows } = await server.db.query<{ username: string }>(
    'SELECT username FROM users WHERE username = ANY($1)',
    [DEMO_ACCOUNTS.map((a) => a.username)],
  );
  const present = new Set(rows.map((r) => r.username));
  const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.username));
  const lines = [
    '',
    `  晋科 Jinke 已启动 / is running:  ${server.url}`,
    `  数据 Data: ${describeDatabase(config)}`,
    `  接口文档 API docs: ${server.url}/api/docs`,
  ];
  if (server.seeded?.createdUsers.length)
    lines.push(`  已创建演示数据 Demo data created (${server.seeded.createdUsers.length} 个账号 accounts)`);
  if (accounts.length) {
    lines.push(
      '',
      `  演示账号 Demo accounts — 密码 password: ${config.demoPassword}`,
      '',
      formatTable([
        ['用户名 Username', '角色 Role', '名称 Name'],
        ...accounts.map((a) => [
          a.username,
          `${roleLabels[a.role].zh} ${roleLabels[a.role].en}`,
          a.displayName,
        ]),
      ]),
      '',
      '  （演示用途，请勿用于生产环境 — for demonstration only, not for production）',
    );
  } else {
    lines.push(
      '',
      '  此数据库已有用户，未创建演示账号 / This database already has users; no demo accounts were created.',
    );
  }
  lines.push('  按 Ctrl+C 停止 / Press Ctrl+C to stop', '');
  return lines.join('\n');
}

/** `npm start`: demo mode with the banner; resolves with the exit code once stopped. */
export async function runDemo(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const config = loadConfig(env);
    const scale = Number(env.JINKE_DEMO_SCALE ?? 1);
    if (!Number.isFinite(scale) || scale <= 0)
      throw new Error(`JINKE_DEMO_SCALE must be a positive number, got "${env.JINKE_DEMO_SCALE}"`);
    const server = await startServer({
      config,
      demo: true,
      demoScale: scale,
      onProgress: (message) => process.stdout.write(`  ${message}\n`),
    });
    process.stdout.write(`${await demoBanner(server, config)}\n`);
    await closeOnSignals(server, () => process.stdout.write('\n  正在停止… Stopping…\n'));
    return 0;
  } catch (error) {
    const { reportFailure } = await import('./cli.ts');
    return reportFailure(error, { stderr: process.stderr, env });
  }
}

async function serveFromCommandLine(): Promise<void> {
  const { runCli, processIo } = await import('./cli.ts');
  process.exitCode = await runCli(['serve', ...process.argv.slice(2)], processIo());
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await serveFromCommandLine();
}
