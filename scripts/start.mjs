#!/usr/bin/env node
/**
 * `npm start`: the platform in demo mode. Builds the web app when its build is missing or older than its
 * sources, then starts the server in this process (TypeScript through tsx). An empty database gets the demo
 * data; the URL and the demo accounts are printed. Ctrl+C stops it cleanly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const say = (line) => process.stdout.write(`${line}\n`);

/** The newest modification time among the files under `dir` (0 when it does not exist). */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function buildWebIfStale() {
  const scripts = JSON.parse(fs.readFileSync(path.join(web, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.build) {
    say('  网页端尚无构建脚本，跳过构建 / The web app has no build script yet; skipping the build.');
    return;
  }
  const built = mtime(path.join(web, 'dist', 'index.html'));
  const sources = Math.max(
    newest(path.join(web, 'src')),
    newest(path.join(web, 'public')),
    ...['index.html', 'vite.config.ts', 'package.json'].map((f) => mtime(path.join(web, f))),
  );
  if (built && built >= sources) return;
  if (!fs.existsSync(path.join(web, 'index.html'))) {
    say('  网页端尚无入口 index.html，跳过构建 / The web app has no index.html yet; skipping the build.');
    return;
  }
  say(
    built
      ? '  网页端源码有更新，正在构建… / Web sources changed; building…'
      : '  正在构建网页端… / Building the web app…',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say(
      '  网页端构建失败，仅启动接口服务 / The web build failed; starting the API only (see the errors above).',
    );
  }
}

// Journeys and benchmarks start a web app that was built beforehand.
if (process.env.JINKE_SKIP_WEB_BUILD !== '1') buildWebIfStale();

const { register } = await import('tsx/esm/api');
register();
const { runDemo } = await import('../server/src/main.ts');
process.exitCode = await runDemo();
