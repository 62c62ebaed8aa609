/**
 * Reads one data sheet of an uploaded ledger workbook (streamed) after recognising it: the sheet must exist under
 * its template name, and its first non-empty row must hold the sheet's column headers (Chinese, or the English
 * keys), in any order, each exactly once; the hidden key row under it is skipped. A file that is not a workbook, a
 * missing sheet or other columns are refused before any row is looked at.
 */
import type { CellText } from '@jinke/core/registry/import-cells.ts';
import type { SheetColumn } from '@jinke/core/registry/import-columns.ts';
import { LEDGER_SHEETS, type LedgerSheet, ledgerSheetColumns } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { AppError } from '../../platform/errors.ts';
import { type SheetRow, XlsxFileError, readSheetRows } from '../../platform/xlsx.ts';

export interface LedgerSheetRow {
  row: number;
  values: Record<string, CellText>;
}

const normal = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();

function lookup(columns: readonly SheetColumn[]): Map<string, SheetColumn> {
  const map = new Map<string, SheetColumn>();
  for (const col of columns) {
    map.set(normal(col.header), col);
    map.set(normal(col.key), col);
  }
  return map;
}

const sheetNames: Record<LedgerSheet, { zh: string; en: string }> = {
  projects: { zh: LEDGER_SHEETS.projects, en: 'projects' },
  entries: { zh: LEDGER_SHEETS.entries, en: 'entries' },
};

function wrongTemplate(sheet: LedgerSheet, found: { missing: string[]; unknown: string[]; duplicated: string[] }): AppError {
  const zh: string[] = [];
  const en: string[] = [];
  if (found.missing.length) {
    zh.push(`缺少列：${found.missing.join('、')}`);
    en.push(`missing columns: ${found.missing.join(', ')}`);
  }
  if (found.unknown.length) {
    zh.push(`模板中没有的列：${found.unknown.join('、')}`);
    en.push(`columns not in the template: ${found.unknown.join(', ')}`);
  }
  if (found.duplicated.length) {
    zh.push(`重复的列：${found.duplicated.join('、')}`);
    en.push(`repeated columns: ${found.duplicated.join(', ')}`);
  }
  const name = sheetNames[sheet];
  return new AppError('LEDGER_IMPORT_WRONG_TEMPLATE', {
    userMessage: {
      zh: `“${name.zh}”工作表的表头与研发辅助账模板不符：${zh.join('；')}。请下载模板后按模板填写`,
      en: `The header row of sheet ${name.zh} (${name.en}) does not match the R&D ledger template: ${en.join('; ')}. Download the template and fill it in`,
    },
    details: { sheet, ...found },
  });
}

function missingSheet(sheet: LedgerSheet): AppError {
  const name = sheetNames[sheet];
  return new AppError('LEDGER_IMPORT_WRONG_TEMPLATE', {
    userMessage: {
      zh: `文件中没有“${name.zh}”工作表，不是研发辅助账模板。请下载模板后按模板填写`,
      en: `The file has no sheet ${name.zh} (${name.en}); it is not the R&D ledger template. Download the template and fill it in`,
    },
    details: { sheet, missing: [], unknown: [], duplicated: [], missingSheet: name.zh },
  });
}

function fileError(error: unknown): AppError {
  const problem = error instanceof XlsxFileError ? error.problem : 'corrupt';
  return new AppError('LEDGER_IMPORT_FILE_INVALID', { details: { problem }, cause: error });
}

/** A quick check that the bytes are a workbook at all, before anything else is done with them. */
export async function assertWorkbook(data: Buffer): Promise<void> {
  try {
    for await (const row of readSheetRows(data)) {
      void row;
      break;
    }
  } catch (error) {
    if (error instanceof XlsxFileError && error.problem === 'no_sheet') return;
    throw fileError(error);
  }
}

/**
 * The data rows of `sheet`, each cell keyed by its column; null when the sheet has not even a header row. More than
 * `maxRows` rows answer `LEDGER_IMPORT_TOO_LARGE` without reading on.
 */
export async function readLedgerSheet(
  data: Buffer,
  sheet: LedgerSheet,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<LedgerSheetRow[] | null> {
  const columns = ledgerSheetColumns[sheet];
  const known = lookup(columns);
  const others = Object.values(LEDGER_SHEETS).filter((n) => n !== LEDGER_SHEETS[sheet]);
  const rows = readSheetRows(data, { skipSheets: others });
  let layout: (SheetColumn | null)[] | null = null;
  let keyRowChecked = false;
  const out: LedgerSheetRow[] = [];
  for (;;) {
    let next: IteratorResult<SheetRow, void>;
    try {
      next = await rows.next();
    } catch (error) {
      if (error instanceof XlsxFileError && error.problem === 'no_sheet') throw missingSheet(sheet);
      throw fileError(error);
    }
    if (next.done) break;
    const { number, cells } = next.value;
    if (!layout) {
      const seen = new Set<string>();
      const found = { missing: [] as string[], unknown: [] as string[], duplicated: [] as string[] };
      layout = cells.map((cell) => {
        if (cell === null) return null;
        const col = known.get(normal(cell));
        if (!col) found.unknown.push(cell);
        else if (seen.has(col.key)) found.duplicated.push(col.header);
        else seen.add(col.key);
        return col ?? null;
      });
      found.missing = columns.filter((c) => !seen.has(c.key)).map((c) => c.header);
      if (found.missing.length || found.unknown.length || found.duplicated.length) {
        await rows.return(undefined);
        throw wrongTemplate(sheet, found);
      }
      continue;
    }
    if (!keyRowChecked) {
      keyRowChecked = true;
      if (cells.every((cell, i) => cell === null || cell === layout?.[i]?.key)) continue;
    }
    const values: Record<string, CellText> = Object.fromEntries(columns.map((c) => [c.key, null]));
    layout.forEach((col, i) => {
      if (col) values[col.key] = cells[i] ?? null;
    });
    out.push({ row: number, values });
    if (out.length > maxRows) {
      await rows.return(undefined);
      throw new AppError('LEDGER_IMPORT_TOO_LARGE', { details: { sheet, maxRows } });
    }
  }
  return layout ? out : null;
}
