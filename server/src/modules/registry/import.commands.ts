/**
 * `jinke import <kind> FILE.xlsx`: the same checks and the same one-transaction write as the web import, acting as
 * the system (audited with the command line's request id). Every bad row is listed and nothing is written when any
 * row is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type ImportKind,
  type ImportRowsInvalidDetails,
  type ImportSummary,
  importRowsInvalidDetails,
} from '@jinke/core/registry/import.contract.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type ImportDeps, importFile } from './import.service.ts';

export type ImportCommandResult =
  { ok: true; summary: ImportSummary } | { ok: false; details: ImportRowsInvalidDetails };

export async function importCommand(
  deps: ImportDeps,
  kind: ImportKind,
  file: string,
): Promise<ImportCommandResult> {
  const data = fs.readFileSync(file);
  try {
    const summary = await importFile(deps, systemContext('import'), kind, data, {
      jobId: null,
      fileName: path.basename(file),
    });
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof AppError && error.code === 'IMPORT_ROWS_INVALID') {
      const details = importRowsInvalidDetails.safeParse(error.details);
      if (details.success) return { ok: false, details: details.data };
    }
    throw error;
  }
}

/** One line per problem: `row 10  统一社会信用代码* "…": 校验码应为 R / The check character should be R`. */
export function describeBadRows(details: ImportRowsInvalidDetails): string[] {
  const lines = details.badRows.flatMap((bad) =>
    bad.problems.map(
      (p) => `row ${bad.row}\t${p.column}${p.value === null ? '' : ` "${p.value}"`}: ${p.zh} / ${p.en}`,
    ),
  );
  if (details.truncated)
    lines.push(`… ${details.badRowCount - details.badRows.length} more bad row(s) not listed`);
  return lines;
}
