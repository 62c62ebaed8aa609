/**
 * The workbooks an import offers: the template of each kind (the data sheet with its Chinese headers over the
 * hidden key row, and a 说明 sheet with each column's rule, an example row and the county's towns), and the
 * workbook of an import's bad rows, each with its reasons and its bad cells marked.
 */
import ExcelJS from 'exceljs';
import {
  type ImportKind,
  type ImportRowsInvalidDetails,
  importModes,
  sheetColumns,
  sheetKindNames,
} from '@jinke/core/registry/import.contract.ts';
import { BAD_CELL_FILL, HEADER_FILL, clip, styleHeaderRow, writeHeader } from '../../platform/xlsx.ts';
import { HELP_SHEET } from './import-reader.ts';

export interface TownRef {
  code: string;
  name: string;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jinke';
  return workbook;
}

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};

/** The template of `kind`: an empty data sheet (headers and hidden keys) and its 说明 sheet. */
export async function templateWorkbook(kind: ImportKind, towns: readonly TownRef[]): Promise<Buffer> {
  const columns = sheetColumns[kind];
  const workbook = newWorkbook();
  const data = workbook.addWorksheet(sheetKindNames[kind].zh, { views: [{ state: 'frozen', ySplit: 2 }] });
  writeHeader(data, columns);

  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 22 }, { width: 22 }, { width: 8 }, { width: 70 }, { width: 26 }];
  const title = help.addRow([
    `${sheetKindNames[kind].zh}导入模板说明 / ${sheetKindNames[kind].en} import template`,
  ]);
  title.font = { bold: true, size: 14 };
  help.addRow([`导入方式：${importModes[kind].zh}`]);
  help.addRow([`Mode: ${importModes[kind].en}`]);
  help.addRow([
    '第 1 行为列名（带 * 的列必填），第 2 行为隐藏的字段名，请勿修改或删除；数据从第 3 行起填写。任何一行有错时整个文件都不导入，并列出所有错误行。',
  ]);
  help.addRow([
    'Row 1 holds the headers (* marks a required column), hidden row 2 the field keys: keep both. Data starts at row 3. If any row is wrong, nothing is imported and every wrong row is listed.',
  ]);
  help.addRow([]);
  const head = help.addRow(['列名', '字段名', '必填', '规则', '示例']);
  styleHeaderRow(head);
  for (const c of columns) {
    help.addRow([
      c.header,
      c.key,
      c.required ? '是' : '',
      `${c.rule.zh}\n${c.rule.en}`,
      c.example,
    ]).alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  bold(help.addRow([`示例行（按此格式在“${sheetKindNames[kind].zh}”工作表第 3 行起填写） / Example row`]));
  const exampleHead = help.addRow(columns.map((c) => c.header));
  styleHeaderRow(exampleHead);
  help.addRow(columns.map((c) => c.example));
  if (columns.some((c) => c.key === 'townCode')) {
    help.addRow([]);
    bold(help.addRow(['镇（街道、园区）名称与区划代码 / Towns, streets and zones']));
    const townHead = help.addRow(['区划代码', '名称']);
    townHead.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
    });
    for (const t of towns) help.addRow([t.code, t.name]);
  }
  return toBuffer(workbook);
}

/** The bad rows of a rejected import: their row number, values (bad cells filled red) and every reason. */
export async function errorsWorkbook(kind: ImportKind, details: ImportRowsInvalidDetails): Promise<Buffer> {
  const columns = sheetColumns[kind];
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('错误行', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = [{ width: 10 }, ...columns.map((c) => ({ width: c.width })), { width: 60 }];
  styleHeaderRow(sheet.addRow(['原行号', ...columns.map((c) => c.header), '错误说明']));
  for (const bad of details.badRows) {
    const reasons = bad.problems.map((p) => `${p.column}：${p.zh}（${p.en}）`).join('\n');
    const row = sheet.addRow([bad.row, ...columns.map((c) => bad.values[c.key] ?? ''), clip(reasons)]);
    row.getCell(columns.length + 2).alignment = { wrapText: true, vertical: 'top' };
    for (const p of bad.problems) {
      const index = columns.findIndex((c) => c.key === p.key);
      if (index >= 0) row.getCell(index + 2).fill = BAD_CELL_FILL;
    }
  }
  if (details.truncated) {
    sheet.addRow([]);
    sheet.addRow([
      `共 ${details.badRowCount} 行有错，此处列出前 ${details.badRows.length} 行 / ${details.badRowCount} rows are wrong; the first ${details.badRows.length} are listed`,
    ]);
  }
  return toBuffer(workbook);
}
