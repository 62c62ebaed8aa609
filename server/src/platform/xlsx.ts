/**
 * Workbook helpers shared by imports and exports: the look of a header row, sheets whose row 1 holds the Chinese
 * headers and whose hidden row 2 holds the English keys (so a reader recognises its template whatever language
 * the user reads), a streaming row reader with constant memory (exceljs `WorkbookReader`), the streaming writer,
 * and plain cell texts from whatever Excel stored (numbers, dates, rich text, formulas).
 */
import { Readable, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel refuses cells longer than this. */
export const MAX_CELL_TEXT = 32_767;

export interface XlsxColumn {
  key: string;
  /** Row 1: what the user reads. */
  header: string;
  /** Width in characters. */
  width: number;
  format?: 'text' | 'number' | 'date';
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };
export const BAD_CELL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFC7CE' },
};
const BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };

/** Bold headers on a light fill; headers ending with `*` (required columns) in dark red. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.height = 22;
  row.eachCell((cell) => {
    const text = typeof cell.value === 'string' ? cell.value : '';
    cell.font = text.endsWith('*') ? REQUIRED_FONT : { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/**
 * Writes row 1 (headers) and row 2 (keys, hidden), sets widths and text formats and freezes the header. Works on
 * a regular and on a streaming worksheet; on a streaming one the two rows are committed.
 */
export function writeHeader(
  sheet: ExcelJS.Worksheet,
  columns: readonly XlsxColumn[],
  extra: readonly XlsxColumn[] = [],
): void {
  const all = [...columns, ...extra];
  sheet.columns = all.map((c) => ({
    key: c.key,
    width: c.width,
    // Text format keeps 18-character codes and numbers with leading zeros exactly as typed.
    ...(c.format === 'text'
      ? { style: { numFmt: '@' } }
      : c.format === 'date'
        ? { style: { numFmt: 'yyyy-mm-dd' } }
        : {}),
  }));
  const header = sheet.getRow(1);
  header.values = all.map((c) => c.header);
  styleHeaderRow(header);
  const keys = sheet.getRow(2);
  keys.values = all.map((c) => c.key);
  keys.hidden = true;
  header.commit();
  keys.commit();
}

export function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** `attachment` with an ASCII fallback name and the Chinese name in RFC 5987 form. */
export function attachmentHeader(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A streaming workbook writing to `out` (inline strings, so memory does not grow with the rows). */
export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Jinke';
  return workbook;
}

// ---------------------------------------------------------------- reading

/** Why a file could not be read as a workbook. */
export type XlsxFileProblem = 'not_xlsx' | 'corrupt' | 'no_sheet';

export class XlsxFileError extends Error {
  constructor(
    readonly problem: XlsxFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Trims and drops float noise, so 0.1+0.2 reads 0.3 and 12 reads "12", not "12.000000000000002". */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  // exceljs gives date cells as UTC midnight of the day Excel shows.
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The text a cell shows, trimmed; null when empty. Formulas give their cached result. */
export function cellText(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = numberText(value);
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (value instanceof Date) text = dateText(value);
  else if ('richText' in value) text = value.richText.map((r) => r.text).join('');
  else if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  else if ('hyperlink' in value) text = typeof value.text === 'string' ? value.text : '';
  else if ('error' in value) text = String(value.error);
  else text = '';
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

export interface SheetRow {
  /** 1-based row number in the worksheet. */
  number: number;
  /** Cell texts by 0-based column index. */
  cells: (string | null)[];
}

interface NamedWorksheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

type Chunks = AsyncIterable<Buffer | string>;

/** Buffers decoded as UTF-8 across chunk boundaries: a character split between two chunks stays whole. */
async function* utf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The streaming reader's own steps that read a zip entry's XML (not in its type declarations). */
interface ReaderSteps {
  _parseWorksheet(this: unknown, iterator: Chunks, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(this: unknown, entry: Readable): AsyncIterable<unknown>;
}
const readerSteps = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderSteps;

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk (16 KiB) of a sheet or of the shared strings on its
 * own, so a Chinese character whose three bytes straddle two chunks becomes U+FFFD (exceljs issues #2063, #2084;
 * about one cell in a few thousand). This reader hands it text decoded across chunk boundaries instead.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  /** The reader's cache of shared strings; set empty up front for a workbook that has none (see `streamingOrder`). */
  declare sharedStrings: unknown[] | undefined;

  _parseWorksheet(iterator: Chunks, sheetNo: string): Iterable<unknown> {
    return readerSteps._parseWorksheet.call(this, utf8(iterator), sheetNo);
  }

  _parseSharedStrings(entry: Readable): AsyncIterable<unknown> {
    entry.setEncoding('utf8');
    return readerSteps._parseSharedStrings.call(this, entry);
  }
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
/** Parts the streaming reader must have read before a worksheet, so it can parse the sheet as it streams. */
const READ_FIRST = [
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * The workbook's zip records reordered so that the relationships, sheet names, shared strings and styles come
 * before the worksheets. The streaming reader copies a worksheet it meets before the shared strings to a temporary
 * file and parses it only after the whole archive is read; Excel writes the shared strings after the sheets, so
 * without this every read would go through the disk, and a read stopped early (after the header row, say) would
 * leave the file behind until the process ends. The records are copied unchanged (a zip reader reading front to
 * back needs no offsets); null when the archive cannot be indexed, and it is then read as it is.
 */
export function streamingOrder(data: Buffer): { parts: Buffer[]; hasSharedStrings: boolean } | null {
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = data.readUInt16LE(end + 10);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset >= end) return null;
  const entries: { name: string; start: number }[] = [];
  for (let p = directoryOffset, i = 0; i < count; i++) {
    if (p + 46 > end || data.readUInt32LE(p) !== ZIP_CENTRAL) return null;
    const nameLength = data.readUInt16LE(p + 28);
    const start = data.readUInt32LE(p + 42);
    if (start + 4 > directoryOffset || data.readUInt32LE(start) !== ZIP_LOCAL) return null;
    entries.push({ name: data.toString('utf8', p + 46, p + 46 + nameLength), start });
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  const byStart = [...entries].sort((a, b) => a.start - b.start);
  const records = new Map(
    byStart.map((e, i) => [e.name, data.subarray(e.start, byStart[i + 1]?.start ?? directoryOffset)]),
  );
  const names = [
    ...READ_FIRST.filter((n) => records.has(n)),
    ...byStart.map((e) => e.name).filter((n) => !READ_FIRST.includes(n)),
  ];
  return {
    parts: [...names.map((n) => records.get(n)!), data.subarray(directoryOffset)],
    hasSharedStrings: records.has('xl/sharedStrings.xml'),
  };
}

/** A zip file begins with `PK\x03\x04`; anything else (a CSV renamed .xlsx, an old .xls) is not a workbook. */
export function looksLikeXlsx(data: Buffer): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/**
 * The rows of the first worksheet whose name is not in `skipSheets`, as cell texts, streamed: only the current
 * row (and the shared strings) are held in memory. Empty rows are skipped. Throws `XlsxFileError` for a file that
 * is not a workbook or is damaged.
 */
export async function* readSheetRows(
  data: Buffer,
  options: { skipSheets?: readonly string[] } = {},
): AsyncGenerator<SheetRow> {
  if (!looksLikeXlsx(data)) throw new XlsxFileError('not_xlsx', 'the file is not an xlsx workbook');
  const ordered = streamingOrder(data);
  const reader = new Utf8WorkbookReader(Readable.from(ordered?.parts ?? [data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // Without a shared strings part there is nothing to wait for before a worksheet.
  if (ordered && !ordered.hasSharedStrings) reader.sharedStrings = [];
  let found = false;
  try {
    for await (const sheet of reader as AsyncIterable<NamedWorksheetReader>) {
      if (sheet.name && options.skipSheets?.includes(sheet.name)) {
        // The rows of a skipped sheet must still be consumed for the reader to reach the next one.
        for await (const row of sheet) void row;
        continue;
      }
      found = true;
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: (string | null)[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        if (cells.length > 0) yield { number: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof XlsxFileError) throw error;
    throw new XlsxFileError('corrupt', error instanceof Error ? error.message : String(error));
  }
  if (!found) throw new XlsxFileError('no_sheet', 'the workbook has no worksheet');
}
