/**
 * A PostgreSQL connection the server closes while it sits idle in the pool (a restart, an administrator, a database
 * dropped at shutdown) must not end the process: the pool discards it and the next query opens a new one. Runs
 * under `npm run test:pg` only (it needs a server).
 */
import { describe, expect, it } from 'vitest';
import { openPostgres } from './postgres.ts';
import { createScratchDatabase } from './scratch.ts';

const serverUrl = process.env.DATABASE_URL;

describe.runIf(Boolean(serverUrl))('PostgreSQL pool', () => {
  it('survives its idle connection being terminated by the server, and reconnects', async () => {
    const scratch = await createScratchDatabase(serverUrl!, 'jinke_pool');
    const db = await openPostgres(scratch.url, 1);
    const admin = await openPostgres(serverUrl!, 1);
    try {
      const first = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const pid = first.rows[0]!.pid;
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      // Let the termination reach the idle client (it arrives as an 'error' event, not a rejected query).
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await db.close();
      await admin.close();
      await scratch.drop();
    }
  });
});
