/**
 * Background jobs over the `jobs` table, run by an in-process worker (ADR 0004). The server keeps no state of its
 * own: a job is a row, so it outlives the process that queued it. A worker claims the oldest queued job of a kind
 * it handles with `FOR UPDATE SKIP LOCKED` (two workers never take the same row), runs its handler, and records
 * progress, the result or the error. A job left `running` by a process that died is queued again when the worker
 * starts. `GET /api/jobs/:id` lets the job's creator (or an administrator) follow its progress bar.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { jobIdParams, jobItem, type JobItem } from '@jinke/core/common/jobs.contract.ts';
import type { Database, Executor } from './db/index.ts';
import { AppError } from './errors.ts';
import { contextOf, requireActor } from './http.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** What a failed job records: an application error's code, both messages and details. */
export interface JobError {
  code: string;
  zh: string;
  en: string;
  details: unknown;
}

export interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  total: number | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  input: Record<string, unknown>;
  result: unknown;
  error: JobError | null;
}

export interface JobContext {
  job: JobRecord;
  /** Records progress without waiting; updates are coalesced, so calling it for every row is cheap. */
  progress: (done: number, total?: number | null) => void;
}

export type JobHandler = (input: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;

interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  total: number | null;
  created_by: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  input: Record<string, unknown>;
  result: unknown;
  error: JobError | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toRecord(r: JobRow): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: r.progress,
    total: r.total,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    input: r.input,
    result: r.result,
    error: r.error,
  };
}

/** An error as a job records it; anything but an application error is an internal one (details are logged). */
export function jobErrorOf(error: unknown): JobError {
  if (error instanceof AppError)
    return {
      code: error.code,
      zh: error.messageFor('zh-CN'),
      en: error.messageFor('en-US'),
      details: error.details,
    };
  const internal = new AppError('INTERNAL');
  return {
    code: internal.code,
    zh: internal.messageFor('zh-CN'),
    en: internal.messageFor('en-US'),
    details: null,
  };
}

const COLUMNS =
  'id, kind, status, progress, total, created_by, created_at, started_at, finished_at, input, result, error';
const PROGRESS_INTERVAL_MS = 250;

export interface JobQueueOptions {
  db: Database;
  clock: () => Date;
  /** How often an idle worker looks for queued jobs queued by other processes (its own wake it at once). */
  pollMs?: number;
  log?: (message: string, error: unknown) => void;
}

export class JobQueue {
  private readonly handlers = new Map<string, { run: JobHandler; transientInput: readonly string[] }>();
  private readonly db: Database;
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly log: (message: string, error: unknown) => void;
  private loop: Promise<void> | null = null;
  private active = false;
  /** Apps sharing this queue (one per database) that started it; the worker stops when the last one stops. */
  private starters = 0;
  private wake: (() => void) | null = null;

  constructor(options: JobQueueOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.pollMs = options.pollMs ?? 2000;
    this.log = options.log ?? (() => {});
  }

  /** `transientInput` names input keys (an uploaded file) dropped from the row once the job has finished. */
  register(kind: string, run: JobHandler, options: { transientInput?: readonly string[] } = {}): void {
    this.handlers.set(kind, { run, transientInput: options.transientInput ?? [] });
  }

  async enqueue(kind: string, input: Record<string, unknown>, actor: Actor | null): Promise<JobRecord> {
    if (!this.handlers.has(kind)) throw new Error(`no job handler for "${kind}"`);
    const { rows } = await this.db.query<JobRow>(
      `INSERT INTO jobs (kind, status, created_by, created_at, input) VALUES ($1, 'queued', $2, $3, $4::jsonb) RETURNING ${COLUMNS}`,
      [kind, actor?.userId ?? null, this.clock(), JSON.stringify(input)],
    );
    this.wake?.();
    return toRecord(rows[0]!);
  }

  async get(id: string, ex: Executor = this.db): Promise<JobRecord | null> {
    const { rows } = await ex.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * Runs `fn` now in this request, recorded as a job of `kind` (so its result and errors can be fetched later
   * like a queued job's). A thrown error is recorded and thrown again.
   */
  async runInline<T>(
    kind: string,
    input: Record<string, unknown>,
    actor: Actor | null,
    fn: (ctx: JobContext) => Promise<T>,
  ): Promise<{ job: JobRecord; value: T }> {
    const { rows } = await this.db.query<JobRow>(
      `INSERT INTO jobs (kind, status, created_by, created_at, started_at, input) VALUES ($1, 'running', $2, $3, $3, $4::jsonb) RETURNING ${COLUMNS}`,
      [kind, actor?.userId ?? null, this.clock(), JSON.stringify(input)],
    );
    const job = toRecord(rows[0]!);
    const outcome = await this.execute(job, (_, ctx) => fn(ctx), []);
    if (!outcome.ok) throw outcome.error;
    return { job: (await this.get(job.id))!, value: outcome.value as T };
  }

  /** Claims the oldest queued job this worker has a handler for; null when there is none. */
  async claim(): Promise<JobRecord | null> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return null;
    const { rows } = await this.db.query<JobRow>(
      `UPDATE jobs SET status = 'running', started_at = $1, progress = 0
        WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind = ANY($2::text[])
                     ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING ${COLUMNS}`,
      [this.clock(), kinds],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Claims and runs one job; false when none was waiting. */
  async runNext(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    const handler = this.handlers.get(job.kind)!;
    await this.execute(job, handler.run, handler.transientInput);
    return true;
  }

  /** Runs queued jobs until none is left (tests and the command line). */
  async drain(): Promise<number> {
    let n = 0;
    while (await this.runNext()) n++;
    return n;
  }

  /**
   * Jobs left `running` by a process that stopped mid-way go back to the queue. With one server process this is
   * every running job at start-up; several instances need a lease instead (ADR 0004).
   */
  async recover(): Promise<number> {
    const kinds = [...this.handlers.keys()];
    const { rowCount } = await this.db.query(
      "UPDATE jobs SET status = 'queued', started_at = NULL, progress = 0 WHERE status = 'running' AND kind = ANY($1::text[])",
      [kinds],
    );
    return rowCount;
  }

  /** Re-queues interrupted jobs, then runs queued jobs one at a time until `stop`. */
  start(): void {
    this.starters++;
    if (this.loop) return;
    this.active = true;
    this.loop = (async () => {
      try {
        const recovered = await this.recover();
        if (recovered > 0) this.log(`re-queued ${recovered} interrupted job(s)`, null);
      } catch (error) {
        this.log('job recovery failed', error);
      }
      while (this.active) {
        let worked = false;
        try {
          worked = await this.runNext();
        } catch (error) {
          this.log('job worker error', error);
        }
        if (!worked && this.active) await this.idle();
      }
    })();
  }

  /** Stops taking jobs and waits for the one running to finish. */
  async stop(): Promise<void> {
    this.starters = Math.max(0, this.starters - 1);
    if (this.starters > 0) return;
    this.active = false;
    this.wake?.();
    const loop = this.loop;
    this.loop = null;
    await loop;
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private async execute(
    job: JobRecord,
    run: JobHandler,
    transientInput: readonly string[],
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
    const reporter = this.progressReporter(job.id);
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await run(job.input, { job, progress: reporter.report }) };
    } catch (error) {
      outcome = { ok: false, error };
      if (!(error instanceof AppError) || error.status >= 500)
        this.log(`job ${job.id} (${job.kind}) failed`, error);
    }
    await reporter.settle();
    const drop = transientInput.length > 0 ? transientInput : null;
    if (outcome.ok) {
      await this.db.query(
        `UPDATE jobs SET status = 'succeeded', finished_at = $2, result = $3::jsonb, error = NULL,
           progress = COALESCE(total, progress), input = CASE WHEN $4::text[] IS NULL THEN input ELSE input - $4::text[] END
         WHERE id = $1`,
        [job.id, this.clock(), JSON.stringify(outcome.value ?? null), drop],
      );
    } else {
      await this.db.query(
        `UPDATE jobs SET status = 'failed', finished_at = $2, error = $3::jsonb,
           input = CASE WHEN $4::text[] IS NULL THEN input ELSE input - $4::text[] END
         WHERE id = $1`,
        [job.id, this.clock(), JSON.stringify(jobErrorOf(outcome.error)), drop],
      );
    }
    return outcome;
  }

  /**
   * Progress writes go out one at a time, at most every 250 ms, carrying the latest numbers. They are never awaited
   * by the handler: on PGlite a write waits for the handler's own transaction to end, which must not block it.
   */
  private progressReporter(id: string) {
    let latest: { done: number; total: number | null | undefined } | null = null;
    let inflight: Promise<void> | null = null;
    let lastSent = 0;
    const send = async () => {
      while (latest) {
        const v = latest;
        latest = null;
        lastSent = Date.now();
        await this.db.query(
          "UPDATE jobs SET progress = $2, total = CASE WHEN $4 THEN $3::integer ELSE total END WHERE id = $1 AND status = 'running'",
          [id, v.done, v.total ?? null, v.total !== undefined],
        );
      }
    };
    return {
      report: (done: number, total?: number | null) => {
        latest = { done, total };
        if (inflight || Date.now() - lastSent < PROGRESS_INTERVAL_MS) return;
        inflight = send()
          .catch((error: unknown) => this.log(`progress of job ${id} not recorded`, error))
          .finally(() => {
            inflight = null;
          });
      },
      settle: async () => {
        while (inflight) await inflight;
        if (latest)
          await send().catch((error: unknown) => this.log(`progress of job ${id} not recorded`, error));
      },
    };
  }
}

const queues = new WeakMap<Database, JobQueue>();

/** The one queue (and worker) of this process for `db`, shared by every module that has jobs. */
export function jobQueueFor(db: Database, clock: () => Date, log?: JobQueueOptions['log']): JobQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new JobQueue({ db, clock, ...(log ? { log } : {}) });
    queues.set(db, queue);
  }
  return queue;
}

/** The job as its owner sees it, the error message in their language. */
export function jobView(job: JobRecord, locale: 'zh-CN' | 'en-US'): JobItem {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    total: job.total,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    result: job.result,
    error: job.error ? { ...job.error, message: locale === 'en-US' ? job.error.en : job.error.zh } : null,
  };
}

/** A job its creator or an administrator may read; anyone else is told it does not exist. */
export async function visibleJob(queue: JobQueue, actor: Actor, id: string): Promise<JobRecord> {
  const job = await queue.get(id);
  if (!job || (job.createdBy !== actor.userId && actor.role !== 'admin')) {
    throw new AppError('NOT_FOUND', { userMessage: { zh: '任务不存在', en: 'No such job' } });
  }
  return job;
}

/** `GET /api/jobs/:id`, and the worker's start and stop with the app. */
export function jobRoutes(app: FastifyInstance, queue: JobQueue): void {
  app.addHook('onReady', async () => queue.start());
  app.addHook('onClose', async () => queue.stop());
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/jobs/:id',
    {
      onRequest: async (request) => {
        requireActor(request);
      },
      schema: {
        tags: ['jobs'],
        summary: '后台任务进度 Progress of a background job',
        description: 'Only the user who started the job, or an administrator, may read it.',
        params: jobIdParams,
        response: { 200: jobItem },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return jobView(await visibleJob(queue, actor, request.params.id), contextOf(request).locale);
    },
  );
}
