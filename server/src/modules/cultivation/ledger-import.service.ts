/**
 * Import of a filled-in ledger workbook. Every row of both sheets is checked first: the cell rules, duplicate
 * project codes, a project for each entry (in the file or recorded), each entry against its project (months, the
 * categories its kind allows), and recorded entries against a project the file changes. When any row is wrong,
 * nothing is written and every wrong row comes back with its sheet, row number, column, value and reasons.
 * Otherwise, in one transaction: the file's projects are created or updated by code, the recorded entries of every
 * project and year the file contains are replaced by the file's, and one audit entry (`ledger.imported`, with the
 * file's SM3 digest) records it. An exported ledger imports again without change.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import {
  type LedgerProblem,
  type ProjectItem,
  type ProjectValues,
  entryProblems,
  parseLedgerMonth,
  projectProblems,
} from '@jinke/core/cultivation/ledger.contract.ts';
import {
  LEDGER_IMPORT_MAX_REPORTED_ROWS,
  LEDGER_IMPORT_MAX_ROWS,
  type LedgerImportBadRow,
  type LedgerImportInvalidDetails,
  type LedgerImportSummary,
  type LedgerProjectRow,
  type LedgerSheet,
  ledgerEntryRow,
  ledgerProjectRow,
  ledgerSheetColumns,
} from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { rowProblems } from '@jinke/core/registry/import.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { ledgerActor, ledgerEnterpriseOf } from './ledger-access.ts';
import { type LedgerSheetRow, assertWorkbook, readLedgerSheet } from './ledger-import-reader.ts';
import { type LedgerDeps, codeTaken, isUniqueViolation, storedEntryProblems, valuesOf } from './ledger-projects.service.ts';
import {
  type EntryWrite,
  deleteProjectYear,
  insertEntries,
  insertProject,
  projectsByCode,
  updateProject,
} from './ledger.repo.ts';

function projectValuesOf(r: LedgerProjectRow): ProjectValues {
  return {
    code: r.code ?? '',
    name: r.name ?? '',
    kind: r.kind ?? 'own',
    startsOn: r.startsOn ?? '',
    endsOn: r.endsOn,
    capitalised: r.capitalised ?? false,
    payeeType: r.payeeType,
    relatedParty: r.relatedParty ?? false,
    contractRegistered: r.contractRegistered,
    contractor: r.contractor,
    note: r.note,
  };
}

class BadRows {
  readonly rows: LedgerImportBadRow[] = [];
  count = 0;
  private readonly index = new Map<string, LedgerImportBadRow>();

  add(sheet: LedgerSheet, r: LedgerSheetRow, problems: LedgerImportBadRow['problems']): void {
    if (problems.length === 0) return;
    const key = `${sheet}:${r.row}`;
    const known = this.index.get(key);
    if (known) {
      known.problems.push(...problems);
      return;
    }
    this.count++;
    if (this.rows.length >= LEDGER_IMPORT_MAX_REPORTED_ROWS) return;
    const bad = { sheet, row: r.row, values: r.values, problems: [...problems] };
    this.index.set(key, bad);
    this.rows.push(bad);
  }

  /** Problems of the row's cells, named by the sheet's headers. */
  of(sheet: LedgerSheet, r: LedgerSheetRow, problems: LedgerProblem[]): LedgerImportBadRow['problems'] {
    const columns = ledgerSheetColumns[sheet];
    return problems.map((p) => ({
      column: columns.find((c) => c.key === p.field)?.header ?? p.field,
      key: p.field,
      value: r.values[p.field] ?? null,
      rule: p.rule,
      zh: p.zh,
      en: p.en,
    }));
  }
}

function rowsInvalid(projectRows: number, entryRows: number, bad: BadRows): AppError {
  const sheetZh = { projects: '研发项目', entries: '研发费用明细' };
  const badRows = [...bad.rows].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === 'projects' ? -1 : 1));
  const details: LedgerImportInvalidDetails = {
    projectRows,
    entryRows,
    badRowCount: bad.count,
    truncated: bad.count > badRows.length,
    badRows,
  };
  const first = badRows.slice(0, 3).map((b) => ({
    zh: `${sheetZh[b.sheet]}第 ${b.row} 行 ${b.problems[0]?.column ?? ''}${b.problems[0]?.zh ?? ''}`,
    en: `${b.sheet} row ${b.row} ${b.problems[0]?.column ?? ''} ${b.problems[0]?.en ?? ''}`,
  }));
  const more = bad.count > first.length ? { zh: ' 等', en: ' and more' } : { zh: '', en: '' };
  return new AppError('LEDGER_IMPORT_ROWS_INVALID', {
    userMessage: {
      zh: `共 ${projectRows + entryRows} 行，其中 ${bad.count} 行有错，未导入任何数据：${first.map((f) => f.zh).join('；')}${more.zh}`,
      en: `${bad.count} of ${projectRows + entryRows} rows are invalid; nothing was imported: ${first.map((f) => f.en).join('; ')}${more.en}`,
    },
    details,
  });
}

interface Planned {
  projects: Map<string, ProjectValues>;
  entries: { code: string; write: Omit<EntryWrite, 'projectId'> }[];
  /** Years per project code whose entries the file replaces. */
  years: Map<string, Set<number>>;
}

export function ledgerImportService({ db, clock }: LedgerDeps) {
  /** Pass 1: every row of the file against the rules and the recorded projects; throws when any is wrong. */
  async function check(
    stored: Map<string, ProjectItem>,
    projectRows: LedgerSheetRow[],
    entryRows: LedgerSheetRow[],
  ): Promise<Planned> {
    const bad = new BadRows();
    const planned: Planned = { projects: new Map(), entries: [], years: new Map() };
    const fileProjects = new Map<string, { row: number; values: ProjectValues | null }>();
    for (const r of projectRows) {
      const parsed = ledgerProjectRow.safeParse(r.values);
      if (!parsed.success) {
        bad.add('projects', r, rowProblems(parsed.error.issues, ledgerSheetColumns.projects, r.values));
        const code = r.values.code?.trim();
        if (code && !fileProjects.has(code)) fileProjects.set(code, { row: r.row, values: null });
        continue;
      }
      const values = projectValuesOf(parsed.data);
      const first = fileProjects.get(values.code);
      if (first) {
        bad.add('projects', r, bad.of('projects', r, [
          { field: 'code', zh: `与第 ${first.row} 行的项目编号重复`, en: `repeats the project code of row ${first.row}`, rule: 'duplicate_in_file' },
        ]));
        continue;
      }
      const problems = projectProblems(values);
      fileProjects.set(values.code, { row: r.row, values: problems.length === 0 ? values : null });
      bad.add('projects', r, bad.of('projects', r, problems));
      if (problems.length === 0) planned.projects.set(values.code, values);
    }
    for (const r of entryRows) {
      const parsed = ledgerEntryRow.safeParse(r.values);
      if (!parsed.success) {
        bad.add('entries', r, rowProblems(parsed.error.issues, ledgerSheetColumns.entries, r.values));
        continue;
      }
      const e = parsed.data;
      const code = e.projectCode ?? '';
      const m = parseLedgerMonth(e.month ?? '');
      const inFile = fileProjects.get(code);
      const project = inFile ? inFile.values : (stored.get(code) ?? null);
      if (!inFile && !stored.has(code)) {
        bad.add('entries', r, bad.of('entries', r, [
          { field: 'projectCode', zh: `项目 ${code} 不在“研发项目”工作表中，也不是已有项目`, en: `project ${code} is neither in the projects sheet nor recorded`, rule: 'project_unknown' },
        ]));
        continue;
      }
      if (project === null || !m || e.category === null || e.amount === null) {
        if (project === null)
          bad.add('entries', r, bad.of('entries', r, [
            { field: 'projectCode', zh: `项目 ${code} 在“研发项目”工作表中的行有错`, en: `the row of project ${code} in the projects sheet is wrong`, rule: 'project_invalid' },
          ]));
        continue;
      }
      const write = {
        year: m.year,
        month: m.month,
        category: e.category,
        amountFen: e.amount,
        nonTaxable: e.nonTaxable ?? false,
        voucherNo: e.voucherNo,
        note: e.note,
      };
      const problems = entryProblems(project, write);
      bad.add('entries', r, bad.of('entries', r, problems));
      if (problems.length > 0) continue;
      planned.entries.push({ code, write });
      const years = planned.years.get(code) ?? new Set<number>();
      years.add(m.year);
      planned.years.set(code, years);
    }
    // A project the file changes must still fit its recorded entries of the years the file does not replace.
    for (const [code, values] of planned.projects) {
      const recorded = stored.get(code);
      if (!recorded) continue;
      const problems = await storedEntryProblems(db, recorded.id, values, [...(planned.years.get(code) ?? [])]);
      const at = projectRows.find((r) => r.values.code?.trim() === code);
      if (at) bad.add('projects', at, bad.of('projects', at, problems));
    }
    if (bad.count > 0) throw rowsInvalid(projectRows.length, entryRows.length, bad);
    return planned;
  }

  async function importFile(
    ctx: RequestContext,
    data: Buffer,
    options: { enterpriseId?: string | undefined; fileName?: string | null; reader?: Actor },
  ): Promise<LedgerImportSummary> {
    // The command line acts as the system: `reader` finds the enterprise, the rows record no creator.
    ledgerActor(ctx, options.reader);
    const createdBy = ctx.actor?.userId ?? null;
    await assertWorkbook(data);
    const projectRows = await readLedgerSheet(data, 'projects');
    const entryRows = await readLedgerSheet(data, 'entries', LEDGER_IMPORT_MAX_ROWS);
    if (!projectRows?.length && !entryRows?.length) throw new AppError('LEDGER_IMPORT_EMPTY');
    const enterprise = await ledgerEnterpriseOf(db, ctx, options.enterpriseId, options.reader);
    const planned = await check(await projectsByCode(db, enterprise.id), projectRows ?? [], entryRows ?? []);
    const fileSm3 = sm3Hex(data);
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        // Read again under the transaction: the check above saw the same codes unless someone changed them since.
        const stored = await projectsByCode(tx, enterprise.id);
        const ids = new Map<string, string>();
        let projectsCreated = 0;
        let projectsUpdated = 0;
        for (const [code, values] of planned.projects) {
          const recorded = stored.get(code);
          if (!recorded) {
            ids.set(code, await insertProject(tx, enterprise.id, values, createdBy, now));
            projectsCreated++;
          } else {
            ids.set(code, recorded.id);
            if (Object.keys(diff({ ...valuesOf(recorded) }, { ...values })).length > 0) {
              await updateProject(tx, recorded.id, values, now);
              projectsUpdated++;
            }
          }
        }
        for (const [code, p] of stored) if (!ids.has(code)) ids.set(code, p.id);
        let entriesReplaced = 0;
        const replaced: LedgerImportSummary['replaced'] = [];
        for (const [code, years] of planned.years) {
          for (const year of [...years].sort()) {
            const projectId = ids.get(code);
            if (!projectId) throw new AppError('CONFLICT');
            entriesReplaced += await deleteProjectYear(tx, projectId, year);
            replaced.push({ projectCode: code, year });
          }
        }
        const writes = planned.entries.map(({ code, write }) => {
          const projectId = ids.get(code);
          if (!projectId) throw new AppError('CONFLICT');
          return { ...write, projectId };
        });
        const created = await insertEntries(tx, enterprise.id, writes, createdBy, now);
        const summary: LedgerImportSummary = {
          projectsCreated,
          projectsUpdated,
          entriesCreated: created.length,
          entriesReplaced,
          replaced,
          fileSm3,
        };
        await writeAudit(
          tx,
          ctx,
          {
            action: 'ledger.imported',
            entityType: 'rd_ledger',
            entityId: enterprise.id,
            changes: { ...summary, fileName: options.fileName ?? null },
          },
          now,
        );
        return summary;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken([...planned.projects.keys()].join('、'));
      throw error;
    }
  }

  return { importFile };
}
