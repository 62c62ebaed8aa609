/**
 * Spreadsheet import and export of the registry (主体库). For each kind: the template's columns (Chinese header,
 * the English key in the hidden second row, width, rule and example for the 说明 sheet) and the row schema that
 * turns one row's cell texts into values, with every problem named in both languages. The web reads the columns to
 * explain the templates; the server's reader runs the schemas and adds what needs stored data or the whole file
 * (duplicates, towns, registered codes, the IPC scheme). An export writes the same headers, so it re-imports.
 */
import { z } from 'zod';
import { enterpriseListQuery } from './enterprises.contract.ts';
import { expertListQuery } from './experts.contract.ts';
import { type ExportKind, type SheetColumn, importKinds } from './import-columns.ts';
import type { CellText } from './import-cells.ts';
import { instituteListQuery } from './institutes.contract.ts';
import { bankListQuery, carrierListQuery, talentListQuery } from './parties.contract.ts';
import { patentListQuery } from './patents.contract.ts';

export * from './import-columns.ts';
export { bankKindChoices, carrierKindChoices, talentKindChoices } from './party-export-columns.ts';
export type { CellText } from './import-cells.ts';
export { jobIdParams, jobItem, jobStatuses, type JobItem } from '../common/jobs.contract.ts';

// ---------------------------------------------------------------- problems and answers

/** One problem of one cell (or of the row, when `key` names no column). */
export const importProblem = z.object({
  /** The column's Chinese header, as the user sees it. */
  column: z.string(),
  key: z.string(),
  value: z.string().nullable(),
  rule: z.string(),
  zh: z.string(),
  en: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importBadRow = z.object({
  /** The row number in the worksheet (the first data row of a template is 3). */
  row: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  problems: z.array(importProblem),
});
export type ImportBadRow = z.infer<typeof importBadRow>;

/** At most this many bad rows are kept and listed (the count covers all of them). */
export const IMPORT_MAX_REPORTED_ROWS = 1000;

/** `details` of the 400 `IMPORT_ROWS_INVALID` and of a failed import job's error. */
export const importRowsInvalidDetails = z.object({
  /** Null when the import ran from the command line. */
  jobId: z.string().nullable(),
  kind: z.enum(importKinds),
  rows: z.number().int(),
  badRowCount: z.number().int(),
  truncated: z.boolean(),
  badRows: z.array(importBadRow),
  /** The bad rows with their reasons as a workbook; null from the command line. */
  errorsUrl: z.string().nullable(),
});
export type ImportRowsInvalidDetails = z.infer<typeof importRowsInvalidDetails>;

export const importSummary = z.object({
  kind: z.enum(importKinds),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** SM3 digest of the uploaded file, as the audit entry records it. */
  fileSm3: z.string(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importAccepted = z.object({
  jobId: z.string(),
  status: z.enum(['succeeded', 'queued']),
  /** Present when the import ran at once. */
  summary: importSummary.nullable(),
});
export type ImportAccepted = z.infer<typeof importAccepted>;

export const importKindParams = z.object({ kind: z.enum(importKinds) });

/** Problems of one parsed row, from the row schema's issues; `key` is the column key. */
export function rowProblems(
  issues: readonly z.core.$ZodIssue[],
  columns: readonly SheetColumn[],
  values: Record<string, CellText>,
): ImportProblem[] {
  return issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const col = columns.find((x) => x.key === key);
    const params = (issue.code === 'custom' ? (issue.params ?? {}) : {}) as {
      zh?: string;
      en?: string;
      rule?: string;
    };
    return {
      column: col?.header ?? key,
      key,
      value: values[key] ?? null,
      rule: params.rule ?? issue.code,
      zh: params.zh ?? '取值无效',
      en: params.en ?? issue.message,
    };
  });
}

// ---------------------------------------------------------------- export filters

const noPaging = { page: true, pageSize: true } as const;

/**
 * An export takes the filters of the kind's list endpoint (without paging). Yearly figures follow the enterprise
 * filters; `year` then also narrows the rows to that year.
 */
export const exportQueries = {
  enterprises: enterpriseListQuery.omit(noPaging),
  'enterprise-years': enterpriseListQuery.omit(noPaging),
  patents: patentListQuery.omit(noPaging),
  experts: expertListQuery.omit(noPaging),
  institutes: instituteListQuery.omit(noPaging),
  talents: talentListQuery.omit(noPaging),
  carriers: carrierListQuery.omit(noPaging),
  banks: bankListQuery.omit(noPaging),
} as const satisfies Record<ExportKind, z.ZodType>;
export type ExportQuery<K extends ExportKind> = z.output<(typeof exportQueries)[K]>;
