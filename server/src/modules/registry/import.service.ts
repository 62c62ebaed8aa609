/**
 * Spreadsheet imports into the registry. Every row is checked first (the file streamed, so memory stays flat):
 * when any row is wrong nothing is written and every wrong row comes back with its row number, column, value and
 * reasons (and as a workbook). Otherwise all rows are written in one transaction, many rows per statement, with
 * one audit entry for the whole import (`registry.imported`: kind, rows, the file's SM3 digest). A file of up to
 * 2,000 rows is imported during the request; a larger one becomes a background job the client follows.
 */
import {
  IMPORT_MAX_REPORTED_ROWS,
  type ImportAccepted,
  type ImportBadRow,
  type ImportKind,
  type ImportProblem,
  type ImportRowsInvalidDetails,
  type ImportSummary,
  importRowsInvalidDetails,
  rowProblems,
} from '@jinke/core/registry/import.contract.ts';
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { chinaDate } from '@jinke/core/registry/qualifications.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type PersonalDataCipher, sm3Hex } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { type JobQueue, visibleJob } from '../../platform/jobs.ts';
import { enterpriseYearImport } from './import-enterprise-years.ts';
import { enterpriseImport } from './import-enterprises.ts';
import { expertImport } from './import-experts.ts';
import { patentImport } from './import-patents.ts';
import { readImportRows } from './import-reader.ts';
import { type CheckedRow, type ImportKindSpec, addProblems } from './import-shared.ts';
import { errorsWorkbook, templateWorkbook } from './import-templates.ts';

export const IMPORT_JOB = 'registry.import';
/** Files with at most this many data rows are imported during the request. */
export const INLINE_MAX_ROWS = 2000;
const CHECK_BATCH = 500;
const WRITE_BATCH = 1000;

export interface ImportDeps {
  db: Database;
  cipher: PersonalDataCipher;
  clock: () => Date;
}

export interface ImportOptions {
  jobId: string | null;
  fileName?: string | null;
  progress?: (done: number, total?: number | null) => void;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export const errorsUrlOf = (jobId: string) => `/api/import/jobs/${jobId}/errors.xlsx`;

/** Checks every row of `data`, then writes them all in one transaction, or throws `IMPORT_ROWS_INVALID`. */
export async function importFile(
  deps: ImportDeps,
  ctx: RequestContext,
  kind: ImportKind,
  data: Buffer,
  options: ImportOptions,
): Promise<ImportSummary> {
  switch (kind) {
    case 'enterprises':
      return runImport(deps, ctx, enterpriseImport, data, options);
    case 'enterprise-years':
      return runImport(deps, ctx, enterpriseYearImport, data, options);
    case 'experts':
      return runImport(deps, ctx, expertImport, data, options);
    case 'patents':
      return runImport(deps, ctx, patentImport, data, options);
  }
}

async function runImport<T>(
  deps: ImportDeps,
  ctx: RequestContext,
  spec: ImportKindSpec<T>,
  data: Buffer,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { db, cipher, clock } = deps;
  const progress = options.progress ?? (() => {});
  const fileSm3 = sm3Hex(data);
  const now = clock();
  const importer = await spec.open(db, {
    actorId: ctx.actor?.userId ?? null,
    now,
    today: chinaDate(now),
    cipher,
  });

  // Pass 1: check every row; keep the bad ones (up to the reporting limit) and count them all.
  let rows = 0;
  let badRowCount = 0;
  const badRows = new Map<number, ImportBadRow>();
  const markBad = (row: number, values: ImportBadRow['values'], problems: ImportProblem[]) => {
    const known = badRows.get(row);
    if (known) known.problems.push(...problems);
    else {
      badRowCount++;
      if (badRows.size < IMPORT_MAX_REPORTED_ROWS) badRows.set(row, { row, values, problems });
    }
  };
  let pending: CheckedRow<T>[] = [];
  const checkPending = async () => {
    const found = new Map<number, ImportProblem[]>();
    for (const [row, problems] of await importer.checkStored(db, pending)) addProblems(found, row, problems);
    for (const r of pending) {
      const problems = found.get(r.row);
      if (problems) markBad(r.row, r.values, problems);
    }
    pending = [];
  };
  for await (const r of readImportRows(data, spec.kind)) {
    rows++;
    const parsed = spec.schema.safeParse(r.values);
    const problems = parsed.success
      ? importer.checkRow({ row: r.row, value: parsed.data, values: r.values })
      : rowProblems(parsed.error.issues, spec.columns, r.values);
    if (problems.length > 0) markBad(r.row, r.values, problems);
    else if (parsed.success) pending.push({ row: r.row, value: parsed.data, values: r.values });
    if (pending.length >= CHECK_BATCH) await checkPending();
    progress(rows, null);
  }
  await checkPending();
  if (rows === 0) throw new AppError('IMPORT_EMPTY');
  if (badRowCount > 0)
    throw rowsInvalid(
      spec.kind,
      options.jobId,
      rows,
      badRowCount,
      [...badRows.values()].sort((a, b) => a.row - b.row),
    );

  // Pass 2: every row is good; write them all or nothing.
  progress(rows, rows * 2);
  try {
    return await db.transaction(async (tx) => {
      let created = 0;
      let updated = 0;
      let written = 0;
      let batch: T[] = [];
      // One batch is written while the next is read and parsed: the database and this process work at once.
      let writing: Promise<void> = Promise.resolve();
      const settled = () => writing;
      const flush = async () => {
        await settled();
        const rowsOfBatch = batch;
        batch = [];
        if (rowsOfBatch.length === 0) return;
        writing = importer.write(tx, rowsOfBatch).then((n) => {
          created += n.created;
          updated += n.updated;
          written += rowsOfBatch.length;
          progress(rows + written, rows * 2);
        });
        // Observed at the next flush; a failure while reading must not surface as an unhandled rejection.
        writing.catch(() => {});
      };
      for await (const r of readImportRows(data, spec.kind)) {
        batch.push(spec.schema.parse(r.values));
        if (batch.length >= WRITE_BATCH) await flush();
      }
      await flush();
      await settled();
      const summary: ImportSummary = { kind: spec.kind, rows, created, updated, fileSm3 };
      await writeAudit(
        tx,
        ctx,
        {
          action: 'registry.imported',
          entityType: 'import',
          entityId: options.jobId,
          changes: { ...summary, fileName: options.fileName ?? null },
        },
        now,
      );
      return summary;
    });
  } catch (error) {
    // A record registered by someone else between the check and the write.
    if (isUniqueViolation(error)) throw new AppError('IMPORT_CONFLICT', { cause: error });
    throw error;
  }
}

function rowsInvalid(
  kind: ImportKind,
  jobId: string | null,
  rows: number,
  badRowCount: number,
  badRows: ImportBadRow[],
): AppError {
  const details: ImportRowsInvalidDetails = {
    jobId,
    kind,
    rows,
    badRowCount,
    truncated: badRowCount > badRows.length,
    badRows,
    errorsUrl: jobId ? errorsUrlOf(jobId) : null,
  };
  const first = badRows
    .slice(0, 3)
    .map((b) => ({
      zh: `第 ${b.row} 行 ${b.problems[0]?.column ?? ''}${b.problems[0]?.zh ?? ''}`,
      en: `row ${b.row} ${b.problems[0]?.column ?? ''} ${b.problems[0]?.en ?? ''}`,
    }));
  const more = badRowCount > first.length ? { zh: ' 等', en: ' and more' } : { zh: '', en: '' };
  return new AppError('IMPORT_ROWS_INVALID', {
    userMessage: {
      zh: `共 ${rows} 行，其中 ${badRowCount} 行有错，未导入任何数据：${first.map((f) => f.zh).join('；')}${more.zh}`,
      en: `${badRowCount} of ${rows} rows are invalid; nothing was imported: ${first.map((f) => f.en).join('; ')}${more.en}`,
    },
    details,
  });
}

/** The request context a queued import acts in: its creator's, recorded with the job. */
function jobContext(actor: Actor | null, jobId: string): RequestContext {
  return { actor, requestId: `job-${jobId}`, ip: null, locale: 'zh-CN' };
}

export function importService(deps: ImportDeps & { jobs: JobQueue }) {
  const { db, jobs } = deps;

  jobs.register(
    IMPORT_JOB,
    async (input, job) => {
      const kind = input.kind as ImportKind;
      const data = Buffer.from(String(input.file), 'base64');
      const actor = (input.actor ?? null) as Actor | null;
      return importFile(deps, jobContext(actor, job.job.id), kind, data, {
        jobId: job.job.id,
        fileName: typeof input.fileName === 'string' ? input.fileName : null,
        progress: job.progress,
      });
    },
    { transientInput: ['file'] },
  );

  /** Imports a small file at once; queues a larger one. File-level problems are refused here, before any job. */
  async function start(
    ctx: RequestContext,
    kind: ImportKind,
    data: Buffer,
    fileName: string | null,
  ): Promise<ImportAccepted> {
    const actor = ctx.actor;
    let count = 0;
    for await (const row of readImportRows(data, kind)) {
      void row;
      if (++count > INLINE_MAX_ROWS) break;
    }
    if (count === 0) throw new AppError('IMPORT_EMPTY');
    const recorded = { kind, fileName, fileSm3: sm3Hex(data), actor };
    if (count > INLINE_MAX_ROWS) {
      const job = await jobs.enqueue(IMPORT_JOB, { ...recorded, file: data.toString('base64') }, actor);
      return { jobId: job.id, status: 'queued', summary: null };
    }
    const { job, value } = await jobs.runInline(IMPORT_JOB, recorded, actor, (jobCtx) =>
      importFile(deps, ctx, kind, data, { jobId: jobCtx.job.id, fileName, progress: jobCtx.progress }),
    );
    return { jobId: job.id, status: 'succeeded', summary: value };
  }

  /** The bad rows of a rejected import as a workbook, for the user who ran it (or an administrator). */
  async function errorsFile(actor: Actor, jobId: string): Promise<{ kind: ImportKind; body: Buffer }> {
    const job = await visibleJob(jobs, actor, jobId);
    if (job.kind !== IMPORT_JOB)
      throw new AppError('NOT_FOUND', { userMessage: { zh: '导入任务不存在', en: 'No such import' } });
    const parsed =
      job.error?.code === 'IMPORT_ROWS_INVALID'
        ? importRowsInvalidDetails.safeParse(job.error.details)
        : null;
    if (!parsed?.success) throw new AppError('IMPORT_NO_ERRORS');
    return { kind: parsed.data.kind, body: await errorsWorkbook(parsed.data.kind, parsed.data) };
  }

  async function template(kind: ImportKind): Promise<Buffer> {
    const { rows } = await db.query<{ code: string; name: string }>(
      "SELECT code, name FROM divisions WHERE kind IN ('street', 'town', 'zone') ORDER BY sort_order, code",
    );
    return templateWorkbook(kind, rows);
  }

  return { start, errorsFile, template };
}
