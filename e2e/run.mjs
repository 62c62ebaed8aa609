// Browser journeys: starts the built platform on a fresh demo database and a free port, runs the journeys
// in Debian chromium (playwright-core, no browser download), then stops the server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

if (!fs.existsSync('web/dist/index.html')) {
  console.error('e2e: web/dist is missing; run `npm run build` first');
  process.exit(1);
}
const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinke-e2e-'));
const env = { ...process.env, PORT: String(port), JINKE_DATA_DIR: dataDir, JINKE_SKIP_WEB_BUILD: '1' };
delete env.DATABASE_URL;
const server = spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 120_000;
let ready = false;
while (Date.now() < deadline && server.exitCode === null) {
  try {
    const res = await fetch(`${base}/api/health`);
    if (res.ok) {
      ready = true;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 300));
}
let status = 1;
if (!ready) {
  console.error(`e2e: the server did not become ready\n${log}`);
} else {
  const result = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: base },
  });
  status = result.status ?? 1;
}
server.kill('SIGTERM');
await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r()));
if (status !== 0) fs.writeFileSync(path.join('e2e', 'server.log'), log);
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
