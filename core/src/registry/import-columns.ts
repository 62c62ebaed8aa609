/**
 * The import templates of the registry (主体库): each kind's columns (Chinese header, the English key in the hidden
 * second row, width, rule and example for the 说明 sheet) and the row schema that turns one row's cell texts into
 * values, every problem named in both languages. Re-exported by `import.contract.ts`.
 */
import { z } from 'zod';
import { yearFigureConflicts } from './enterprises.contract.ts';
import { importCells as c } from './import-cells.ts';
import { partyExportColumns } from './party-export-columns.ts';
import { type SheetColumn, column, shapeOf, specsOf } from './sheet-columns.ts';

export type { SheetColumn } from './sheet-columns.ts';

export const importKinds = ['enterprises', 'experts', 'patents', 'enterprise-years'] as const;
export type ImportKind = (typeof importKinds)[number];
export const exportKinds = [
  'enterprises',
  'experts',
  'patents',
  'institutes',
  'enterprise-years',
  'talents',
  'carriers',
  'banks',
] as const;
export type ExportKind = (typeof exportKinds)[number];

export const sheetKindNames: Record<ExportKind, { zh: string; en: string }> = {
  enterprises: { zh: '企业', en: 'Enterprises' },
  experts: { zh: '专家', en: 'Experts' },
  patents: { zh: '专利', en: 'Patents' },
  institutes: { zh: '科研机构', en: 'Institutes' },
  'enterprise-years': { zh: '企业年度数据', en: 'Enterprise yearly figures' },
  talents: { zh: '人才与创业团队', en: 'Talents and teams' },
  carriers: { zh: '创新创业载体', en: 'Carriers' },
  banks: { zh: '金融机构', en: 'Banks and investors' },
};

/** How rows of each kind meet stored records (shown in the 说明 sheet). */
export const importModes: Record<ImportKind, { zh: string; en: string }> = {
  enterprises: {
    zh: '只新增：统一社会信用代码已在主体库中的行报错，已登记企业请在系统中修改（修改记录与核实流程在系统中）。',
    en: 'Creates only: a row whose credit code is already registered is an error; change registered enterprises in the app.',
  },
  'enterprise-years': {
    zh: '按“统一社会信用代码 + 年度”新增或覆盖：该年度已有数据时以文件为准（空单元格清空该项）。',
    en: 'Creates or replaces by credit code and year: the file’s figures replace the year’s (an empty cell clears it).',
  },
  experts: {
    zh: '只新增：专家编号已存在的行报错；编号留空时自动编号。',
    en: 'Creates only: a code in use is an error; an empty code is assigned.',
  },
  patents: {
    zh: '只新增：申请号已登记的行报错。',
    en: 'Creates only: a registered application number is an error.',
  },
};

const TOWN_NOTE = {
  zh: '填写镇（街道、园区）名称或 9 位区划代码，见下方列表',
  en: 'a town, street or zone name or its 9-digit code (listed below)',
};

// ---------------------------------------------------------------- enterprises

const enterpriseColumnDefs = {
  uscc: column('统一社会信用代码', 'Unified social credit code', c.uscc, {
    required: true,
    example: '91350582MA8RFY385R',
    width: 22,
  }),
  name: column('企业名称', 'Name', c.text(200), {
    required: true,
    example: '晋江市示例科技有限公司',
    width: 30,
  }),
  formerNames: column('曾用名', 'Former names', c.list(c.text(200), 20), {
    example: '晋江市示例鞋业有限公司',
    width: 24,
  }),
  legalRep: column('法定代表人', 'Legal representative', c.text(64), { example: '张三' }),
  registeredOn: column('成立日期', 'Registered on', c.date, {
    example: '2015-06-18',
    note: { zh: '不能晚于今天', en: 'not after today' },
  }),
  address: column('注册地址', 'Address', c.text(300), { example: '晋江市安海镇示例路 1 号', width: 32 }),
  townCode: column('所在镇（街道）', 'Town', c.town, { example: '安海镇', note: TOWN_NOTE, width: 16 }),
  industryCode: column('国民经济行业代码', 'Industry code (GB/T 4754-2017)', c.industry, {
    example: 'C1951',
    width: 18,
  }),
  hitechField: column('高新技术领域', 'High-tech field', c.hitechField, { example: '40301', width: 16 }),
  staff: column('职工人数', 'Staff', c.integer(0, 10_000_000), { example: '120' }),
  revenueFen: column('营业收入（元）', 'Revenue (yuan)', c.money(false), {
    example: '35600000.00',
    width: 18,
  }),
  contactName: column('联系人', 'Contact name', c.text(64), { example: '李四' }),
  contactPhone: column('联系电话', 'Contact phone', c.contactPhone, { example: '13805951234', width: 16 }),
};
export const enterpriseImportColumns = specsOf(enterpriseColumnDefs);
export const enterpriseImportRow = z.object(shapeOf(enterpriseColumnDefs));
export type EnterpriseImportRow = z.output<typeof enterpriseImportRow>;

// ---------------------------------------------------------------- enterprise yearly figures

const yearColumnDefs = {
  uscc: column('统一社会信用代码', 'Unified social credit code', c.uscc, {
    required: true,
    example: '91350582MA8RFY385R',
    width: 22,
    note: { zh: '须为主体库中已登记的企业', en: 'must be a registered enterprise' },
  }),
  name: column('企业名称', 'Name', c.text(200), {
    example: '晋江市示例科技有限公司',
    width: 30,
    note: {
      zh: '仅用于核对：填写时须与登记名称或曾用名一致',
      en: 'for checking only: when given it must match the registered or a former name',
    },
  }),
  year: column('年度', 'Year', c.integer(1980, 2100), {
    required: true,
    example: '2025',
    note: { zh: '不能晚于今年', en: 'not after this year' },
  }),
  revenueFen: column('营业收入（元）', 'Revenue (yuan)', c.money(false), {
    example: '35600000.00',
    width: 18,
  }),
  rdFen: column('研发费用（元）', 'R&D spending (yuan)', c.money(false), {
    example: '1850000.00',
    width: 18,
  }),
  staff: column('职工人数', 'Staff', c.integer(0, 10_000_000), { example: '120' }),
  techStaff: column('科技人员数', 'Tech staff', c.integer(0, 10_000_000), {
    example: '25',
    note: { zh: '不能大于职工人数', en: 'not more than staff' },
  }),
  netAssetsFen: column('净资产（元）', 'Net assets (yuan)', c.money(true), {
    example: '12000000.00',
    width: 18,
  }),
  totalAssetsFen: column('资产总额（元）', 'Total assets (yuan)', c.money(false), {
    example: '30000000.00',
    width: 18,
  }),
  aboveScale: column('规上企业', 'Above designated size', c.boolean, {
    example: '是',
    note: { zh: '留空视为“否”', en: 'empty means no' },
  }),
};
export const enterpriseYearImportColumns = specsOf(yearColumnDefs);
/** Conflicting figures named by the sheet's own headers (科技人员 are counted within 职工人数). */
const yearConflictWords: Record<string, (v: EnterpriseYearFigures) => { zh: string; en: string }> = {
  techStaff: (v) => ({ zh: `不能大于职工人数（${v.staff}）`, en: `cannot exceed staff (${v.staff})` }),
  staff: (v) => ({
    zh: `不能小于科技人员数（${v.techStaff}）`,
    en: `cannot be less than tech staff (${v.techStaff})`,
  }),
  netAssetsFen: () => ({
    zh: '不能大于资产总额（净资产 = 资产总额 − 负债总额）',
    en: 'cannot exceed total assets (net assets = total assets − liabilities)',
  }),
  totalAssetsFen: () => ({ zh: '不能小于净资产', en: 'cannot be less than net assets' }),
};
type EnterpriseYearFigures = {
  staff: number | null;
  techStaff: number | null;
  netAssetsFen: number | null;
  totalAssetsFen: number | null;
};

export const enterpriseYearImportRow = z.object(shapeOf(yearColumnDefs)).superRefine((v, ctx) => {
  for (const conflict of yearFigureConflicts(v)) {
    const words = yearConflictWords[conflict.field]?.(v) ?? { zh: conflict.zh, en: conflict.en };
    ctx.addIssue({
      code: 'custom',
      path: [conflict.field],
      message: words.en,
      params: { ...words, rule: conflict.rule },
    });
  }
});
export type EnterpriseYearImportRow = z.output<typeof enterpriseYearImportRow>;

// ---------------------------------------------------------------- experts

const expertColumnDefs = {
  code: column('专家编号', 'Expert code', c.expertCode, {
    example: 'EXP-0101',
    note: { zh: '留空则自动编号', en: 'assigned when empty' },
  }),
  name: column('姓名', 'Name', c.text(100), { required: true, example: '王五' }),
  title: column('职称', 'Title', c.text(100), { example: '教授级高级工程师', width: 18 }),
  employerUscc: column('工作单位信用代码', 'Employer credit code', c.uscc, {
    example: '91350582MA8RFY385R',
    width: 22,
  }),
  institute: column('所属机构', 'Institute', c.text(200), {
    example: '',
    width: 24,
    note: { zh: '须为主体库中已登记的机构名称', en: 'the name of a registered institute' },
  }),
  fields: column('技术领域', 'Technical fields', c.list(c.hitechField, 20), {
    example: '40301；80101',
    width: 20,
  }),
  ipcClasses: column('IPC分类', 'IPC classes', c.list(c.ipcSymbol, 30), {
    example: 'A43B；C08L 9/00',
    width: 20,
  }),
  expertise: column('专业特长', 'Expertise', c.text(2000), { example: '运动鞋材料', width: 30 }),
  phone: column('手机号码', 'Mobile phone', c.mobilePhone, { example: '13905951234', width: 16 }),
  idCard: column('身份证号码', 'Identity card number', c.idCard, {
    example: '35058219800101001X',
    width: 22,
  }),
  available: column('可参加评审', 'Available', c.boolean, {
    example: '是',
    note: { zh: '留空视为“是”', en: 'empty means yes' },
  }),
};
export const expertImportColumns = specsOf(expertColumnDefs);
export const expertImportRow = z.object(shapeOf(expertColumnDefs));
export type ExpertImportRow = z.output<typeof expertImportRow>;

// ---------------------------------------------------------------- patents

export const patentTypeChoices = { invention: '发明', utility: '实用新型', design: '外观设计' } as const;
export const patentStatusChoices = {
  pending: '审中',
  granted: '有效',
  rejected: '驳回',
  withdrawn: '撤回',
  lapsed: '权利终止',
  expired: '期限届满',
} as const;

const patentColumnDefs = {
  applicationNo: column('申请号', 'Application number', c.applicationNo, {
    required: true,
    example: '201710601862.3',
    width: 18,
  }),
  type: column('专利类型', 'Type', c.choice(patentTypeChoices), {
    example: '发明',
    note: { zh: '留空时按申请号种类号确定', en: 'derived from the number when empty' },
  }),
  title: column('专利名称', 'Title', c.text(500), {
    required: true,
    example: '一种防滑鞋底及其制备方法',
    width: 36,
  }),
  ipcCodes: column('IPC分类号', 'IPC symbols', c.list(c.ipcSymbol, 50), {
    example: 'A43B 13/04；A43B 13/22',
    width: 24,
    note: { zh: '精确到大组或小组', en: 'at group or subgroup level' },
  }),
  filedOn: column('申请日', 'Filed on', c.date, { required: true, example: '2017-07-20' }),
  publishedOn: column('公开日', 'Published on', c.date, { example: '2017-11-24' }),
  grantedOn: column('授权公告日', 'Granted on', c.date, { example: '2019-03-15' }),
  legalStatus: column(
    '法律状态',
    'Legal status',
    c.choice(patentStatusChoices, {
      已授权: 'granted',
      授权: 'granted',
      失效: 'lapsed',
      终止: 'lapsed',
      届满: 'expired',
    }),
    {
      example: '有效',
      note: { zh: '留空时按日期确定', en: 'derived from the dates when empty' },
    },
  ),
  lapsedOn: column('权利终止日', 'Lapsed on', c.date, { example: '' }),
  townCode: column('所在镇（街道）', 'Town', c.town, {
    example: '安海镇',
    note: {
      zh: `${TOWN_NOTE.zh}；留空时取第一申请人所在镇`,
      en: `${TOWN_NOTE.en}; the first applicant's town when empty`,
    },
  }),
  applicants: column('申请人', 'Applicants', c.list(c.text(200), 50), {
    required: true,
    example: '晋江市示例科技有限公司；张三',
    width: 32,
    note: {
      zh: '按顺序填写，主体库中的企业、机构按名称关联',
      en: 'in order; registered enterprises and institutes are linked by name',
    },
  }),
  firstApplicantUscc: column('第一申请人信用代码', 'First applicant credit code', c.uscc, {
    example: '91350582MA8RFY385R',
    width: 22,
    note: { zh: '填写时须为主体库中已登记的企业', en: 'when given, a registered enterprise' },
  }),
};
export const patentImportColumns = specsOf(patentColumnDefs);
export const patentImportRow = z.object(shapeOf(patentColumnDefs));
export type PatentImportRow = z.output<typeof patentImportRow>;

// ---------------------------------------------------------------- institutes (export only)

export const instituteKindChoices = {
  university: '高等院校',
  research_institute: '科研院所',
  new_rnd_institution: '新型研发机构',
  platform: '创新平台',
} as const;

const instituteColumnDefs = {
  name: column('机构名称', 'Name', c.text(200), { required: true, example: '晋江市示例研究院', width: 30 }),
  kind: column('机构类型', 'Kind', c.choice(instituteKindChoices), {
    required: true,
    example: '新型研发机构',
    width: 16,
  }),
  uscc: column('统一社会信用代码', 'Unified social credit code', c.uscc, {
    example: '12350582MB0000000X',
    width: 22,
  }),
  address: column('地址', 'Address', c.text(300), { example: '晋江市示例路 2 号', width: 32 }),
  townCode: column('所在镇（街道）', 'Town', c.town, { example: '安海镇', note: TOWN_NOTE, width: 16 }),
};
export const instituteExportColumns = specsOf(instituteColumnDefs);

export const sheetColumns: Record<ExportKind, SheetColumn[]> = {
  enterprises: enterpriseImportColumns,
  experts: expertImportColumns,
  patents: patentImportColumns,
  institutes: instituteExportColumns,
  'enterprise-years': enterpriseYearImportColumns,
  ...partyExportColumns,
};

export const importRowSchemas = {
  enterprises: enterpriseImportRow,
  experts: expertImportRow,
  patents: patentImportRow,
  'enterprise-years': enterpriseYearImportRow,
} as const;
