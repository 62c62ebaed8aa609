import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  createTestApp,
  createUser,
  signIn,
  userClient,
  type TestContext,
} from '../../test/harness.ts';
import { AppError } from './errors.ts';
import { JobQueue, jobQueueFor } from './jobs.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function jobRow(id: string) {
  const { rows } = await ctx.db.query<{
    status: string;
    progress: number;
    total: number | null;
    input: Record<string, unknown>;
    result: unknown;
    error: unknown;
  }>('SELECT status, progress, total, input, result, error FROM jobs WHERE id = $1', [id]);
  return rows[0]!;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('job queue', () => {
  it('runs a queued job to success with its result and drops transient input when the worker claims it', async () => {
    const queue = new JobQueue({ db: ctx.db, clock: () => new Date() });
    queue.register(
      'test.sum',
      async (input, job) => {
        job.progress(1, 2);
        return { sum: (input.a as number) + (input.b as number) };
      },
      { transientInput: ['secret'] },
    );
    const job = await queue.enqueue('test.sum', { a: 2, b: 3, secret: 'x' }, null);
    expect(job.status).toBe('queued');
    expect(await queue.runNext()).toBe(true);
    const row = await jobRow(job.id);
    expect(row).toMatchObject({
      status: 'succeeded',
      result: { sum: 5 },
      error: null,
      progress: 2,
      total: 2,
    });
    expect(row.input).toEqual({ a: 2, b: 3 });
    expect(await queue.runNext()).toBe(false);
  });

  it('records the code and both messages when the handler throws an application error, and INTERNAL for anything else', async () => {
    const queue = new JobQueue({ db: ctx.db, clock: () => new Date() });
    queue.register('test.fail', async (input) => {
      if (input.app)
        throw new AppError('CONFLICT', { userMessage: { zh: '冲突', en: 'clash' }, details: { n: 1 } });
      throw new Error('boom');
    });
    const a = await queue.enqueue('test.fail', { app: true }, null);
    const b = await queue.enqueue('test.fail', { app: false }, null);
    expect(await queue.drain()).toBe(2);
    expect((await jobRow(a.id)).error).toEqual({
      code: 'CONFLICT',
      zh: '冲突',
      en: 'clash',
      details: { n: 1 },
    });
    expect(await jobRow(b.id)).toMatchObject({
      status: 'failed',
      error: { code: 'INTERNAL', details: null },
    });
  });

  it('hands each queued job to one claimer only, oldest first, and only kinds it handles', async () => {
    const one = new JobQueue({ db: ctx.db, clock: () => new Date() });
    const two = new JobQueue({ db: ctx.db, clock: () => new Date() });
    const other = new JobQueue({ db: ctx.db, clock: () => new Date() });
    for (const q of [one, two]) q.register('test.claim', async () => null);
    other.register('test.other', async () => null);
    const first = await one.enqueue('test.claim', { n: 1 }, null);
    const second = await one.enqueue('test.claim', { n: 2 }, null);
    const [a, b] = await Promise.all([one.claim(), two.claim()]);
    expect([a?.id, b?.id].sort()).toEqual([first.id, second.id].sort());
    expect(await other.claim()).toBeNull();
    expect(await one.claim()).toBeNull();
  });

  it('queues a job left running by a dead process again and runs it when a worker starts', async () => {
    const { rows } = await ctx.db.query<{ id: string }>(
      "INSERT INTO jobs (kind, status, started_at, progress, input) VALUES ('test.restart', 'running', now(), 40, '{\"n\": 7}') RETURNING id",
    );
    const id = rows[0]!.id;
    const queue = new JobQueue({ db: ctx.db, clock: () => new Date(), pollMs: 50 });
    queue.register('test.restart', async (input) => ({ doubled: (input.n as number) * 2 }));
    queue.start();
    try {
      const row = await until(
        () => jobRow(id),
        (r) => r.status === 'succeeded',
      );
      expect(row.result).toEqual({ doubled: 14 });
    } finally {
      await queue.stop();
    }
  });

  it('records an inline run as a job and throws its error after recording it', async () => {
    const queue = new JobQueue({ db: ctx.db, clock: () => new Date() });
    const ok = await queue.runInline('test.inline', { a: 1 }, null, async (job) => {
      job.progress(3, 3);
      return 'done';
    });
    expect(ok.value).toBe('done');
    expect(ok.job).toMatchObject({ status: 'succeeded', result: 'done', progress: 3, total: 3 });
    const failing = queue.runInline('test.inline', {}, null, async () => {
      throw new AppError('IMPORT_EMPTY');
    });
    await expect(failing).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    const { rows } = await ctx.db.query<{ status: string; error: { code: string } }>(
      "SELECT status, error FROM jobs WHERE kind = 'test.inline' AND status = 'failed'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.error.code).toBe('IMPORT_EMPTY');
  });
});

describe('GET /api/jobs/:id', () => {
  it('shows the running job’s progress to its creator and an administrator, 404 to others and 401 to anonymous', async () => {
    const queue = jobQueueFor(ctx.db, () => ctx.clock.now());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    queue.register('test.progress', async (_input, job) => {
      job.progress(5, 10);
      await gate;
      return { ok: true };
    });
    const officer = await userClient(ctx, { role: 'officer' });
    const job = await queue.enqueue(
      'test.progress',
      {},
      {
        userId: officer.userId,
        username: officer.username,
        role: 'officer',
        scopeType: null,
        scopeId: null,
        sections: [],
      },
    );
    try {
      // The app's own worker (started with the app) picks the job up.
      const running = await until(
        () => officer.get(`/api/jobs/${job.id}`),
        (res) => res.statusCode === 200 && res.json<{ progress: number }>().progress === 5,
      );
      expect(running.json()).toMatchObject({
        id: job.id,
        kind: 'test.progress',
        status: 'running',
        progress: 5,
        total: 10,
      });

      const admin = await userClient(ctx, { role: 'admin' });
      expect((await admin.get(`/api/jobs/${job.id}`)).statusCode).toBe(200);
      const otherOfficer = await userClient(ctx, { role: 'officer' });
      expect((await otherOfficer.get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
      const user = await createUser(ctx.db, { role: 'town' });
      expect((await (await signIn(ctx.app, user.username)).get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
      expect((await client(ctx.app).get(`/api/jobs/${job.id}`)).statusCode).toBe(401);
      expect((await client(ctx.app).get('/api/jobs/not-a-uuid')).statusCode).toBe(401);
    } finally {
      release();
    }
    const done = await until(
      () => officer.get(`/api/jobs/${job.id}`),
      (res) => res.json<{ status: string }>().status === 'succeeded',
    );
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      progress: 10,
      total: 10,
      result: { ok: true },
      error: null,
    });
  });
});
