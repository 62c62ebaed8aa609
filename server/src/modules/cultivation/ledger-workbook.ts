/**
 * The R&D ledger workbook, streamed: 研发项目 and 研发费用明细 under their Chinese headers (hidden key row below), then
 * a 说明 sheet (how the import treats the file, each column's rule, example rows) and a 费用类别 sheet (each category,
 * what it holds, and how the 高企 and the super-deduction calibres count it). The template is this workbook
 * without rows; an export writes the ledger's rows under the same headers, so it imports again unchanged.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { yuanString } from '@jinke/core/common/money.ts';
import type { EntryItem, ProjectItem } from '@jinke/core/cultivation/ledger.contract.ts';
import {
  LEDGER_SHEETS,
  ledgerCategoryShortNames,
  ledgerCategoryTitle,
  ledgerEntryColumns,
  ledgerKindCellNames,
  ledgerPayeeCellNames,
  ledgerProjectColumns,
} from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import {
  ALL_LEDGER_CATEGORIES,
  HNTE_CATEGORY_TITLES,
  SD_CATEGORY_TITLES,
  isAdjustment,
  ledgerCategoryDef,
} from '@jinke/core/cultivation/rd-categories.ts';
import type { SheetColumn } from '@jinke/core/registry/import-columns.ts';
import { HEADER_FILL, clip, streamingWorkbook, styleHeaderRow, writeHeader } from '../../platform/xlsx.ts';

const yesNo = (v: boolean | null): string | null => (v === null ? null : v ? '是' : '否');

export function projectCells(p: ProjectItem): (string | null)[] {
  const entrusted = p.kind === 'entrusted_domestic' || p.kind === 'entrusted_overseas';
  return [
    p.code,
    p.name,
    ledgerKindCellNames[p.kind],
    p.startsOn,
    p.endsOn,
    yesNo(p.capitalised),
    p.payeeType === null ? null : ledgerPayeeCellNames[p.payeeType],
    entrusted ? yesNo(p.relatedParty) : null,
    yesNo(p.contractRegistered),
    p.contractor === null ? null : clip(p.contractor),
    p.note === null ? null : clip(p.note),
  ];
}

export function entryCells(e: EntryItem): (string | number | null)[] {
  return [
    e.projectCode,
    e.month,
    ledgerCategoryShortNames[e.category],
    Number(yuanString(BigInt(e.amountFen))),
    yesNo(e.nonTaxable),
    e.voucherNo,
    e.note,
  ];
}

function calibreTexts(category: (typeof ALL_LEDGER_CATEGORIES)[number]): [string, string] {
  if (isAdjustment(category)) return ['不调整（高企口径按实际发生额）', '从加计扣除基数中扣减，扣减至零为止'];
  const def = ledgerCategoryDef(category);
  const hnte =
    def.hnte === null
      ? `不计入：${def.hnteExcluded?.zh ?? ''}`
      : `${HNTE_CATEGORY_TITLES[def.hnte].zh}${def.hnte === 'entrusted' ? '，按实际发生额的80%计入' : ''}`;
  const sd =
    def.sd === null
      ? `不计入：${def.sdExcluded?.zh ?? ''}`
      : def.sd === 'entrusted'
        ? '委托研发，按实际发生额的80%计入；委托境外限于机构、合同已登记，且不超过境内符合条件研发费用的三分之二'
        : SD_CATEGORY_TITLES[def.sd].zh;
  return [hnte, sd];
}

function helpRows(sheet: ExcelJS.Worksheet, title: string, columns: readonly SheetColumn[]): void {
  sheet.addRow([]).commit();
  const t = sheet.addRow([title]);
  t.font = { bold: true };
  t.commit();
  const head = sheet.addRow(['列名', '字段名', '必填', '规则', '示例']);
  styleHeaderRow(head);
  head.commit();
  for (const c of columns) {
    const row = sheet.addRow([c.header, c.key, c.required ? '是' : '', `${c.rule.zh}\n${c.rule.en}`, c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
}

const INTRO = [
  '研发辅助账导入模板 / R&D ledger import template',
  '“研发项目”工作表每行一个项目，按项目编号新增或更新；“研发费用明细”工作表每行一笔费用（项目、月份、类别、金额）。',
  'Sheet 研发项目: one project per row, created or updated by its code. Sheet 研发费用明细: one amount per row (project, month, category, amount).',
  '导入时，文件中出现的每个“项目 + 年度”的全部费用明细以文件为准（原有明细被替换）；文件中未出现的项目年度保持不变。',
  'For every project and year the file contains, the file’s entries replace the recorded ones; other projects and years are kept.',
  '第 1 行为列名（带 * 的列必填），第 2 行为隐藏的字段名，请勿修改或删除；数据从第 3 行起填写。任何一行有错时整个文件都不导入，并列出所有错误行。',
  'Row 1 holds the headers (* marks a required column), hidden row 2 the field keys: keep both. Data starts at row 3. If any row is wrong, nothing is imported and every wrong row is listed.',
  '金额以元为单位填写正数；政府补助、特殊收入等冲减项也填正数，由系统从加计扣除基数中扣减。',
  'Amounts are positive, in yuan; subsidies and special income are positive too and are deducted from the super-deduction base.',
];

export interface LedgerRows {
  projects: readonly ProjectItem[];
  /** Pages of entries in ledger order; none for the template. */
  entries: AsyncIterable<EntryItem[]> | null;
}

/** Writes the workbook to `out`; returns the number of entry rows written. */
export async function writeLedgerWorkbook(out: Writable, rows: LedgerRows): Promise<number> {
  const workbook = streamingWorkbook(out);
  const projects = workbook.addWorksheet(LEDGER_SHEETS.projects, { views: [{ state: 'frozen', ySplit: 2 }] });
  writeHeader(projects, ledgerProjectColumns);
  for (const p of rows.projects) projects.addRow(projectCells(p)).commit();
  projects.commit();

  const entries = workbook.addWorksheet(LEDGER_SHEETS.entries, { views: [{ state: 'frozen', ySplit: 2 }] });
  writeHeader(entries, ledgerEntryColumns);
  let count = 0;
  if (rows.entries) {
    for await (const page of rows.entries) {
      for (const e of page) {
        const row = entries.addRow(entryCells(e));
        row.getCell('amount').numFmt = '0.00';
        row.commit();
        count++;
      }
    }
  }
  entries.commit();

  const help = workbook.addWorksheet(LEDGER_SHEETS.help);
  help.columns = [{ width: 22 }, { width: 22 }, { width: 8 }, { width: 70 }, { width: 26 }];
  INTRO.forEach((text, i) => {
    const row = help.addRow([text]);
    if (i === 0) row.font = { bold: true, size: 14 };
    row.commit();
  });
  helpRows(help, `“${LEDGER_SHEETS.projects}”工作表的列 / Columns of the projects sheet`, ledgerProjectColumns);
  helpRows(help, `“${LEDGER_SHEETS.entries}”工作表的列 / Columns of the entries sheet`, ledgerEntryColumns);
  help.addRow([]).commit();
  const example = help.addRow(['示例行 / Example rows']);
  example.font = { bold: true };
  example.commit();
  for (const columns of [ledgerProjectColumns, ledgerEntryColumns]) {
    const head = help.addRow(columns.map((c) => c.header));
    styleHeaderRow(head);
    head.commit();
    help.addRow(columns.map((c) => c.example)).commit();
  }
  help.commit();

  const categories = workbook.addWorksheet(LEDGER_SHEETS.categories, { views: [{ state: 'frozen', ySplit: 1 }] });
  categories.columns = [{ width: 22 }, { width: 26 }, { width: 60 }, { width: 40 }, { width: 50 }];
  const head = categories.addRow(['费用类别（填写值）', '字段名', '费用内容', '高企口径（国科发火〔2016〕195号）', '加计扣除口径（财税〔2015〕119号等）']);
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = { bold: true };
  });
  head.commit();
  for (const category of ALL_LEDGER_CATEGORIES) {
    const [hnte, sd] = calibreTexts(category);
    const title = ledgerCategoryTitle(category);
    const row = categories.addRow([ledgerCategoryShortNames[category], category, `${title.zh}\n${title.en}`, hnte, sd]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  categories.commit();
  await workbook.commit();
  return count;
}
