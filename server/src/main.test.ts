import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, type Config } from './platform/config.ts';
import { demoBanner, displayWidth, formatTable, startServer } from './main.ts';

// Start-up behaviour, on a file-backed PGlite whatever DATABASE_URL says (the SQL is tested elsewhere on both).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const dirs: string[] = [];
function configFor(overrides: Record<string, string> = {}): Config {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-main-'));
  dirs.push(dir);
  return loadConfig({
    JINKE_DATA_DIR: dir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    JINKE_SM4_KEY: '00112233445566778899aabbccddeeff',
    ...overrides,
  });
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const countUsers = async (server: Awaited<ReturnType<typeof startServer>>) =>
  Number((await server.db.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]?.n);

describe('startServer', () => {
  it('serves the API on the configured host, never seeds outside demo mode, and releases the data directory on close', async () => {
    const config = configFor();
    const server = await startServer({ config, serveWeb: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      expect(server.seeded).toBeNull();
      expect(await countUsers(server)).toBe(0);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(path.join(config.dataDir, 'pgdata.lock'))).toBe(false);
    // A second start on the same directory works once the first has closed.
    const again = await startServer({ config, serveWeb: false });
    await again.close();
  });

  it('seeds an empty database in demo mode once, and lists the demo accounts with the password', async () => {
    const config = configFor({ JINKE_DEMO_PASSWORD: 'Demo-Passw0rd!' });
    const first = await startServer({ config, demo: true, demoScale: 0.02, serveWeb: false });
    try {
      expect(first.seeded?.createdUsers).toContain('admin');
      const banner = await demoBanner(first, config);
      expect(banner).toContain(first.url);
      expect(banner).toContain('Demo-Passw0rd!');
      expect(banner).toMatch(/admin\s+系统管理员 Administrator/);
      const login = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: 'Demo-Passw0rd!' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startServer({ config, demo: true, demoScale: 0.02, serveWeb: false });
    try {
      expect(second.seeded).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('refuses a directory another server holds, naming the holder', async () => {
    const config = configFor();
    fs.mkdirSync(config.dataDir, { recursive: true });
    // PID 1 is always alive and never this process.
    fs.writeFileSync(path.join(config.dataDir, 'pgdata.lock'), '1');
    await expect(startServer({ config, serveWeb: false })).rejects.toThrow(
      /is in use by process 1; stop it first/,
    );
  });
});

describe('formatTable', () => {
  it('aligns columns when cells hold Chinese characters', () => {
    expect(displayWidth('系统管理员 Admin')).toBe(16);
    const table = formatTable(
      [
        ['用户名', 'x'],
        ['admin', 'y'],
      ],
      '',
    );
    expect(table).toBe('用户名  x\nadmin   y');
  });
});
