/**
 * The cultivation files from the command line: `jinke pipeline export`, `jinke ledger export|import` and
 * `jinke assessment report`. Each goes through the service the API uses and writes the same file; the command acts
 * as the system: `COMMAND_LINE_READER` (bureau-wide) chooses what is seen, while changes and audit entries carry no
 * actor and the command line's request id (`cli-…`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { PipelineExportQuery } from '@jinke/core/cultivation/pipeline.contract.ts';
import {
  type LedgerImportInvalidDetails,
  type LedgerImportSummary,
  ledgerImportInvalidDetails,
} from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { COMMAND_LINE_READER, systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { jobQueueFor } from '../../platform/jobs.ts';
import { assessmentsService } from './assessments.service.ts';
import { renderHealthReport, reportFileNames } from './health-report.docx.ts';
import { ledgerExportService } from './ledger-export.service.ts';
import { ledgerImportService } from './ledger-import.service.ts';
import { type LedgerEnterpriseRow, findLedgerEnterpriseByUscc } from './ledger.repo.ts';
import { writePipelineWorkbook } from './pipeline.export.ts';
import { PIPELINE_REFRESH_JOB, pipelineService } from './pipeline.service.ts';

export interface CommandDeps {
  db: Database;
  clock: () => Date;
}

/** Streams `write` into `file`; a failed write leaves no partial file behind. */
async function writeToFile<T>(file: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const out = fs.createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  try {
    const result = await write(out);
    await closed;
    return result;
  } catch (error) {
    closed.catch(() => undefined);
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** The registered enterprise with this credit code, or a 404 naming the code. */
async function enterpriseByUscc(db: Database, uscc: string): Promise<LedgerEnterpriseRow> {
  const found = await findLedgerEnterpriseByUscc(db, uscc);
  if (found) return found;
  throw new AppError('NOT_FOUND', {
    userMessage: {
      zh: `主体库中没有统一社会信用代码为 ${uscc} 的企业`,
      en: `No enterprise with the credit code ${uscc} is registered`,
    },
    details: { uscc },
  });
}

/** `jinke pipeline export`: the workbook of GET /api/cultivation/pipeline/export.xlsx, audited as the system's. */
export async function pipelineExportCommand(
  deps: CommandDeps,
  query: PipelineExportQuery,
  file: string,
): Promise<{ year: number; rows: number; expiring: number }> {
  const jobs = jobQueueFor(deps.db, deps.clock);
  const service = pipelineService({ ...deps, jobs });
  jobs.register(PIPELINE_REFRESH_JOB, (input) => service.refreshJob(input));
  const ctx = systemContext('pipeline-export');
  // The API answers a stale snapshot at once and refreshes it in the background; a command has time, and no worker
  // runs after it, so it brings the snapshot up to date first (nothing to do when it is fresh).
  const campaign = await service.campaign(ctx.locale, query.year);
  await service.refreshJob({ year: campaign.year });
  const data = await service.exportRows(ctx, query, COMMAND_LINE_READER);
  await writeToFile(file, (out) => writePipelineWorkbook(data, out));
  return { year: data.campaign.year, rows: data.items.length, expiring: data.expiring.length };
}

/** `jinke ledger export`: the enterprise's ledger in the template's form (GET …/ledger/export.xlsx), audited. */
export async function ledgerExportCommand(
  deps: CommandDeps,
  uscc: string,
  file: string,
  year: number | undefined,
): Promise<{ enterprise: LedgerEnterpriseRow; entries: number }> {
  const enterprise = await enterpriseByUscc(deps.db, uscc);
  const plan = await ledgerExportService(deps).start(
    systemContext('ledger-export'),
    { enterpriseId: enterprise.id, year },
    COMMAND_LINE_READER,
  );
  const entries = await writeToFile(file, (out) => plan.write(out));
  return { enterprise, entries };
}

export type LedgerImportCommandResult =
  | { ok: true; enterprise: LedgerEnterpriseRow; summary: LedgerImportSummary }
  | { ok: false; details: LedgerImportInvalidDetails };

/**
 * `jinke ledger import`: the checks and the one-transaction write of POST …/ledger/import. Bad rows come back
 * (nothing written); a file that is no ledger workbook throws the API's error.
 */
export async function ledgerImportCommand(
  deps: CommandDeps,
  uscc: string,
  file: string,
): Promise<LedgerImportCommandResult> {
  const enterprise = await enterpriseByUscc(deps.db, uscc);
  const data = fs.readFileSync(file);
  try {
    const summary = await ledgerImportService(deps).importFile(systemContext('ledger-import'), data, {
      enterpriseId: enterprise.id,
      fileName: path.basename(file),
      reader: COMMAND_LINE_READER,
    });
    return { ok: true, enterprise, summary };
  } catch (error) {
    if (error instanceof AppError && error.code === 'LEDGER_IMPORT_ROWS_INVALID') {
      const details = ledgerImportInvalidDetails.safeParse(error.details);
      if (details.success) return { ok: false, details: details.data };
    }
    throw error;
  }
}

const SHEET_NAMES = { projects: '研发项目', entries: '研发费用明细' } as const;

/** One line per problem: `研发费用明细 row 4  金额（元）* "abc": 应为金额 / must be an amount`. */
export function describeLedgerBadRows(details: LedgerImportInvalidDetails): string[] {
  const lines = details.badRows.flatMap((bad) =>
    bad.problems.map(
      (p) =>
        `${SHEET_NAMES[bad.sheet]} row ${bad.row}\t${p.column}${p.value === null ? '' : ` "${p.value}"`}: ${p.zh} / ${p.en}`,
    ),
  );
  if (details.truncated)
    lines.push(`… ${details.badRowCount - details.badRows.length} more bad row(s) not listed`);
  return lines;
}

/** `jinke assessment report`: the health-check report of GET …/assessments/:id/report.docx. */
export async function assessmentReportCommand(
  deps: CommandDeps,
  id: string,
  file: string,
): Promise<{ enterpriseName: string; kind: string; suggestedName: string }> {
  const data = await assessmentsService(deps).report(
    systemContext('assessment-report'),
    id,
    COMMAND_LINE_READER,
  );
  const body = await renderHealthReport(data);
  await writeToFile(file, async (out) => {
    out.end(body);
  });
  return {
    enterpriseName: data.meta.enterpriseName,
    kind: data.kind,
    suggestedName: reportFileNames(data).name,
  };
}
