// Runs the server integration tests against the PostgreSQL server named by DATABASE_URL.
// Without DATABASE_URL it starts a throw-away server with scripts/pg-temp.sh and stops it afterwards.
import { execFileSync, spawnSync } from 'node:child_process';

let started = null;
if (!process.env.DATABASE_URL) {
  const out = execFileSync('bash', ['scripts/pg-temp.sh', 'start'], { encoding: 'utf8' });
  for (const line of out.trim().split('\n')) {
    const m = /^export (\w+)=(.*)$/.exec(line);
    if (m) process.env[m[1]] = m[2];
  }
  started = process.env.JINKE_PG_DIR;
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'server', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
if (started) execFileSync('bash', ['scripts/pg-temp.sh', 'stop', started]);
process.exit(result.status ?? 1);
