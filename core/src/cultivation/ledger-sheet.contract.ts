/**
 * The R&D ledger workbook (研发辅助账.xlsx): a 研发项目 sheet (one row per project), a 研发费用明细 sheet (one row
 * per entry: project code, month, category, amount in 元), a 说明 sheet and a 费用类别 sheet explaining each
 * category and how the two calibres count it. Row 1 holds the Chinese headers, hidden row 2 the English keys. The
 * template, the export and the import share these columns, so an exported ledger imports again unchanged.
 * Cell parsers are the registry's (`import-cells.ts`), so a ledger row and a registry row read numbers, dates and
 * yes/no alike.
 */
import { z } from 'zod';
import { importCells as c, type CellParser } from '../registry/import-cells.ts';
import type { SheetColumn } from '../registry/import-columns.ts';
import type { Bilingual } from './criteria.ts';
import {
  formatLedgerMonth,
  parseLedgerMonth,
  type LedgerCategoryKey,
  type PayeeType,
  type ProjectKind,
} from './ledger.contract.ts';
import { ADJUSTMENT_CATEGORIES, ALL_LEDGER_CATEGORIES, LEDGER_CATEGORIES, isAdjustment } from './rd-categories.ts';

export const LEDGER_SHEETS = {
  projects: '研发项目',
  entries: '研发费用明细',
  help: '说明',
  categories: '费用类别',
} as const;
export type LedgerSheet = 'projects' | 'entries';

/** The short name a ledger cell holds for each category (the 费用类别 sheet gives the full wording). */
export const ledgerCategoryShortNames: Record<LedgerCategoryKey, string> = {
  staff: '人员人工',
  direct_inputs: '直接投入',
  building_lease: '房屋租赁',
  equipment_depreciation: '仪器设备折旧',
  building_depreciation: '房屋建筑物折旧',
  long_term_prepaid: '长期待摊费用',
  intangible_amortisation: '软件专利非专利技术摊销',
  other_ip_amortisation: '其他知识产权摊销',
  design: '新产品设计',
  clinical_exploration_trial: '临床及勘探现场试验',
  equipment_commissioning: '装备调试',
  field_trial: '田间试验',
  other: '其他费用',
  welfare_supplementary: '职工福利及补充保险',
  entrusted: '委托研发',
  subsidy_netted: '冲减政府补助',
  special_income: '特殊收入',
};

export function ledgerCategoryTitle(category: LedgerCategoryKey): Bilingual {
  return isAdjustment(category) ? ADJUSTMENT_CATEGORIES[category].title : LEDGER_CATEGORIES[category].title;
}

const kindNames: Record<ProjectKind, string> = {
  own: '自主研发',
  entrusted_domestic: '委托境内研发',
  entrusted_overseas: '委托境外研发',
  cooperative: '合作研发',
};
const payeeNames: Record<PayeeType, string> = { organisation: '机构', individual: '个人' };
export const ledgerKindCellNames = kindNames;
export const ledgerPayeeCellNames = payeeNames;

const MONTH_SHAPES = [
  /^(\d{4})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月$/,
  /^(\d{4})(\d{2})$/,
  // A date cell reads as YYYY-MM-DD; its month is what counts.
  /^(\d{4})-(\d{1,2})-\d{1,2}$/,
];

const month: CellParser<string> = {
  format: 'text',
  rule: {
    zh: '年月，如 2023-03（也可 2023/3、2023年3月）；2008 年起',
    en: 'a month such as 2023-03 (2023/3 and 2023年3月 also work), from 2008',
  },
  parse(t) {
    for (const shape of MONTH_SHAPES) {
      const m = shape.exec(t);
      if (!m) continue;
      const text = `${m[1]}-${String(Number(m[2])).padStart(2, '0')}`;
      const parsed = parseLedgerMonth(text);
      return parsed
        ? { ok: true, value: formatLedgerMonth(parsed) }
        : { ok: false, rule: 'month_format', zh: `“${t}”不是 2008 年起的有效月份`, en: `"${t}" is not a month from 2008 on` };
    }
    return { ok: false, rule: 'month_format', zh: `“${t}”不是年月，应如 2023-03`, en: `"${t}" is not a month; write e.g. 2023-03` };
  },
};

const code: CellParser<string> = {
  format: 'text',
  rule: { zh: '文本，最多 40 个字，不含空格', en: 'text of at most 40 characters, no spaces' },
  parse(t) {
    if ([...t].length > 40) return { ok: false, rule: 'too_long', zh: '长度不能超过 40 个字', en: 'must be at most 40 characters' };
    if (/\s/.test(t)) return { ok: false, rule: 'code_format', zh: '项目编号不能包含空格', en: 'must not contain spaces' };
    return { ok: true, value: t };
  },
};

const categoryAliases = Object.fromEntries(
  ALL_LEDGER_CATEGORIES.map((k) => [ledgerCategoryTitle(k).zh, k]),
) as Record<string, LedgerCategoryKey>;

interface ColumnDef<T> {
  header: string;
  headerEn: string;
  parser: CellParser<T>;
  required?: boolean;
  example: string;
  width?: number;
  note?: Bilingual;
}

function spec(key: string, d: ColumnDef<unknown>): SheetColumn {
  const rule = d.note ? { zh: `${d.parser.rule.zh}；${d.note.zh}`, en: `${d.parser.rule.en}; ${d.note.en}` } : d.parser.rule;
  const required = d.required === true;
  return {
    key,
    header: required ? `${d.header}*` : d.header,
    headerEn: d.headerEn,
    required,
    rule: required ? { zh: `必填。${rule.zh}`, en: `Required. ${rule.en}` } : rule,
    example: d.example,
    width: d.width ?? Math.max(12, d.header.length * 2 + 4),
    ...(d.parser.choices ? { choices: d.parser.choices } : {}),
    format: d.parser.format,
  };
}

const projectDefs = {
  code: { header: '项目编号', headerEn: 'Project code', parser: code, required: true, example: 'RD2023-01', width: 16, note: { zh: '同一企业内唯一；已有编号的项目按文件内容更新', en: 'unique within the enterprise; an existing code is updated from the file' } },
  name: { header: '项目名称', headerEn: 'Project name', parser: c.text(200), required: true, example: '智能交通信号控制系统研发', width: 30 },
  kind: { header: '研发形式', headerEn: 'Kind', parser: c.choice(kindNames, { 自主: 'own', 合作: 'cooperative', 委托: 'entrusted_domestic' }), required: true, example: '自主研发', width: 14 },
  startsOn: { header: '开始日期', headerEn: 'Starts on', parser: c.date, required: true, example: '2023-01-01' },
  endsOn: { header: '结束日期', headerEn: 'Ends on', parser: c.date, example: '2024-12-31', note: { zh: '留空表示尚未结束', en: 'empty while the project runs' } },
  capitalised: { header: '资本化', headerEn: 'Capitalised', parser: c.boolean, example: '否', note: { zh: '研发成果形成无形资产的项目填“是”', en: '是 when the project forms an intangible asset' } },
  payeeType: { header: '受托方类型', headerEn: 'Contractor type', parser: c.choice(payeeNames), example: '', width: 14, note: { zh: '委托研发项目必填', en: 'required for entrusted R&D' } },
  relatedParty: { header: '受托方为关联方', headerEn: 'Related party', parser: c.boolean, example: '', width: 16 },
  contractRegistered: { header: '境外合同已登记', headerEn: 'Overseas contract registered', parser: c.boolean, example: '', width: 16, note: { zh: '委托境外研发必填（财税〔2018〕64号）', en: 'required for overseas entrusted R&D (财税〔2018〕64号)' } },
  contractor: { header: '受托方名称', headerEn: 'Contractor', parser: c.text(200), example: '', width: 24 },
  note: { header: '备注', headerEn: 'Note', parser: c.text(500), example: '', width: 24 },
} satisfies Record<string, ColumnDef<unknown>>;

const entryDefs = {
  projectCode: { header: '项目编号', headerEn: 'Project code', parser: code, required: true, example: 'RD2023-01', width: 16, note: { zh: '须为“研发项目”工作表或系统中已有的项目', en: 'a project of the 研发项目 sheet or already recorded' } },
  month: { header: '月份', headerEn: 'Month', parser: month, required: true, example: '2023-03', width: 12, note: { zh: '须在项目起止期间内', en: 'within the project’s dates' } },
  category: { header: '费用类别', headerEn: 'Category', parser: c.choice(ledgerCategoryShortNames, categoryAliases), required: true, example: '人员人工', width: 22, note: { zh: '见“费用类别”工作表', en: 'see the 费用类别 sheet' } },
  amount: { header: '金额（元）', headerEn: 'Amount (yuan)', parser: c.money(false), required: true, example: '85000.00', width: 16, note: { zh: '冲减项（政府补助、特殊收入）也填正数', en: 'adjustments (subsidies, special income) are positive too' } },
  nonTaxable: { header: '不征税收入支付', headerEn: 'Paid from non-taxable funds', parser: c.boolean, example: '否', width: 16, note: { zh: '以财政性资金（不征税收入）支付的填“是”，不得加计扣除', en: '是 when paid from non-taxable fiscal funds (no super-deduction)' } },
  voucherNo: { header: '凭证号', headerEn: 'Voucher no.', parser: c.text(60), example: '记-2023-03-018', width: 16 },
  note: { header: '摘要', headerEn: 'Note', parser: c.text(200), example: '3月研发人员工资', width: 28 },
} satisfies Record<string, ColumnDef<unknown>>;

export const ledgerProjectColumns: SheetColumn[] = Object.entries(projectDefs).map(([k, d]) => spec(k, d));
export const ledgerEntryColumns: SheetColumn[] = Object.entries(entryDefs).map(([k, d]) => spec(k, d));
export const ledgerSheetColumns: Record<LedgerSheet, SheetColumn[]> = {
  projects: ledgerProjectColumns,
  entries: ledgerEntryColumns,
};

const cell = <T>(d: ColumnDef<T>) => c.schema(d.parser, d.required === true);

export const ledgerProjectRow = z.object({
  code: cell(projectDefs.code),
  name: cell(projectDefs.name),
  kind: cell(projectDefs.kind),
  startsOn: cell(projectDefs.startsOn),
  endsOn: cell(projectDefs.endsOn),
  capitalised: cell(projectDefs.capitalised),
  payeeType: cell(projectDefs.payeeType),
  relatedParty: cell(projectDefs.relatedParty),
  contractRegistered: cell(projectDefs.contractRegistered),
  contractor: cell(projectDefs.contractor),
  note: cell(projectDefs.note),
});
export type LedgerProjectRow = z.output<typeof ledgerProjectRow>;

export const ledgerEntryRow = z.object({
  projectCode: cell(entryDefs.projectCode),
  month: cell(entryDefs.month),
  category: cell(entryDefs.category),
  amount: cell(entryDefs.amount),
  nonTaxable: cell(entryDefs.nonTaxable),
  voucherNo: cell(entryDefs.voucherNo),
  note: cell(entryDefs.note),
});
export type LedgerEntryRow = z.output<typeof ledgerEntryRow>;

// ---------------------------------------------------------------- the import's answers

export const ledgerImportProblem = z.object({
  column: z.string(),
  key: z.string(),
  value: z.string().nullable(),
  rule: z.string(),
  zh: z.string(),
  en: z.string(),
});
export type LedgerImportProblem = z.infer<typeof ledgerImportProblem>;

export const ledgerImportBadRow = z.object({
  sheet: z.enum(['projects', 'entries']),
  /** Row number in that worksheet (the first data row of a template is 3). */
  row: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  problems: z.array(ledgerImportProblem),
});
export type LedgerImportBadRow = z.infer<typeof ledgerImportBadRow>;

/** At most this many bad rows are listed (the count covers all of them). */
export const LEDGER_IMPORT_MAX_REPORTED_ROWS = 500;
/** Entry rows in one file at most (a year of a large enterprise's ledger is far below). */
export const LEDGER_IMPORT_MAX_ROWS = 50_000;

/** `details` of 400 `LEDGER_IMPORT_ROWS_INVALID`. */
export const ledgerImportInvalidDetails = z.object({
  projectRows: z.number().int(),
  entryRows: z.number().int(),
  badRowCount: z.number().int(),
  truncated: z.boolean(),
  badRows: z.array(ledgerImportBadRow),
});
export type LedgerImportInvalidDetails = z.infer<typeof ledgerImportInvalidDetails>;

export const ledgerImportSummary = z.object({
  projectsCreated: z.number().int(),
  projectsUpdated: z.number().int(),
  /** Entries written, and stored entries they replaced (same projects and years). */
  entriesCreated: z.number().int(),
  entriesReplaced: z.number().int(),
  /** `YYYY` years whose entries the file replaced, per project code. */
  replaced: z.array(z.object({ projectCode: z.string(), year: z.number().int() })),
  fileSm3: z.string(),
});
export type LedgerImportSummary = z.infer<typeof ledgerImportSummary>;

export const ledgerImportQuery = z.object({
  enterpriseId: z.uuid().optional(),
  fileName: z.string().trim().max(255).optional(),
});

export const ledgerExportQuery = z.object({
  enterpriseId: z.uuid().optional(),
  /** Only this year's entries (all projects are listed); default every year. */
  year: z.coerce.number().int().min(2008).max(2100).optional(),
});

