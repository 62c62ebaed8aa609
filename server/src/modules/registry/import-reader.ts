/**
 * Reads an uploaded import file row by row (streamed, constant memory) after recognising its template: the first
 * non-empty row must hold the kind's column headers (Chinese, or the English keys), in any order, each exactly
 * once; the hidden key row the template carries under it is skipped. A file that is not a workbook, has no rows or
 * has other columns is refused before any row is looked at.
 */
import {
  type CellText,
  type ExportKind,
  type ImportKind,
  type SheetColumn,
  importKinds,
  sheetColumns,
  sheetKindNames,
} from '@jinke/core/registry/import.contract.ts';
import { AppError } from '../../platform/errors.ts';
import { type SheetRow, XlsxFileError, readSheetRows } from '../../platform/xlsx.ts';

/** Sheets the templates carry besides the data sheet. */
export const HELP_SHEET = '说明';

export interface ImportRow {
  /** Row number in the worksheet, as Excel shows it. */
  row: number;
  values: Record<string, CellText>;
}

/** Header text compared loosely: full-width forms, spaces and the required marker `*` do not matter. */
function normalHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
}

function lookup(columns: readonly SheetColumn[]): Map<string, SheetColumn> {
  const map = new Map<string, SheetColumn>();
  for (const col of columns) {
    map.set(normalHeader(col.header), col);
    map.set(normalHeader(col.key), col);
  }
  return map;
}

/** Which other template the headers belong to, to tell the user they chose the wrong kind. */
function templateOf(headers: string[]): ExportKind | null {
  for (const kind of importKinds) {
    const known = lookup(sheetColumns[kind]);
    if (
      headers.length > 0 &&
      headers.every((h) => known.has(normalHeader(h))) &&
      headers.length >= sheetColumns[kind].length / 2
    )
      return kind;
  }
  return null;
}

function fileError(error: unknown): AppError {
  if (error instanceof XlsxFileError)
    return new AppError('IMPORT_FILE_INVALID', { details: { problem: error.problem } });
  return new AppError('IMPORT_FILE_INVALID', { details: { problem: 'corrupt' }, cause: error });
}

export function wrongTemplate(
  kind: ImportKind,
  found: { missing: string[]; unknown: string[]; duplicated: string[]; headers: string[] },
): AppError {
  const looksLike = templateOf(found.headers);
  const name = sheetKindNames[kind];
  const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
  if (looksLike && looksLike !== kind) {
    parts.zh.push(`这是“${sheetKindNames[looksLike].zh}”模板，不是“${name.zh}”模板`);
    parts.en.push(`this is the ${sheetKindNames[looksLike].en} template, not the ${name.en} one`);
  }
  if (found.missing.length) {
    parts.zh.push(`缺少列：${found.missing.join('、')}`);
    parts.en.push(`missing columns: ${found.missing.join(', ')}`);
  }
  if (found.unknown.length) {
    parts.zh.push(`模板中没有的列：${found.unknown.join('、')}`);
    parts.en.push(`columns not in the template: ${found.unknown.join(', ')}`);
  }
  if (found.duplicated.length) {
    parts.zh.push(`重复的列：${found.duplicated.join('、')}`);
    parts.en.push(`repeated columns: ${found.duplicated.join(', ')}`);
  }
  return new AppError('WRONG_TEMPLATE', {
    userMessage: {
      zh: `表头与“${name.zh}”导入模板不符：${parts.zh.join('；')}。请下载模板后按模板填写`,
      en: `The header row does not match the ${name.en} import template: ${parts.en.join('; ')}. Download the template and fill it in`,
    },
    details: {
      kind,
      looksLike,
      missing: found.missing,
      unknown: found.unknown,
      duplicated: found.duplicated,
    },
  });
}

/**
 * The data rows of `data` for `kind`, each cell keyed by its column. Throws `IMPORT_FILE_INVALID`, `IMPORT_EMPTY`
 * (no header row) or `WRONG_TEMPLATE` before yielding the first row.
 */
export async function* readImportRows(data: Buffer, kind: ImportKind): AsyncGenerator<ImportRow> {
  const columns = sheetColumns[kind];
  const known = lookup(columns);
  const rows = readSheetRows(data, { skipSheets: [HELP_SHEET] });
  let layout: (SheetColumn | null)[] | null = null;
  let keyRowChecked = false;
  for (;;) {
    let next: IteratorResult<SheetRow, void>;
    try {
      next = await rows.next();
    } catch (error) {
      throw fileError(error);
    }
    if (next.done) break;
    const { number, cells } = next.value;
    if (!layout) {
      const seen = new Set<string>();
      const found = {
        missing: [] as string[],
        unknown: [] as string[],
        duplicated: [] as string[],
        headers: [] as string[],
      };
      layout = cells.map((cell) => {
        if (cell === null) return null;
        found.headers.push(cell);
        const col = known.get(normalHeader(cell));
        if (!col) found.unknown.push(cell);
        else if (seen.has(col.key)) found.duplicated.push(col.header);
        else seen.add(col.key);
        return col ?? null;
      });
      found.missing = columns.filter((c) => !seen.has(c.key)).map((c) => c.header);
      if (found.missing.length || found.unknown.length || found.duplicated.length)
        throw wrongTemplate(kind, found);
      continue;
    }
    if (!keyRowChecked) {
      keyRowChecked = true;
      // The template's hidden second row repeats the keys under their headers.
      const isKeyRow = cells.every((cell, i) => cell === null || cell === layout?.[i]?.key);
      if (isKeyRow) continue;
    }
    const values: Record<string, CellText> = Object.fromEntries(columns.map((c) => [c.key, null]));
    layout.forEach((col, i) => {
      if (col) values[col.key] = cells[i] ?? null;
    });
    yield { row: number, values };
  }
  if (!layout) throw new AppError('IMPORT_EMPTY');
}
