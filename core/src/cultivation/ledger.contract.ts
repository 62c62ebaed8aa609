/**
 * The R&D ledger's API (研发辅助账): an enterprise's R&D projects (研发项目) and their monthly entries (研发费用明细).
 * A project says how the R&D is done — in-house, entrusted to a domestic or an overseas contractor, or in
 * cooperation — and, for entrusted R&D, what the calibres need to know of the contractor (organisation or
 * individual, related party, overseas contract registered). An entry is one amount of one category in one month.
 * The checks that tie an entry to its project (month within the project's dates, categories the project's kind
 * allows) are pure functions here, so the server, the import and the browser apply the same words.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import type { Bilingual } from './criteria.ts';
import { ALL_LEDGER_CATEGORIES, isAdjustment } from './rd-categories.ts';
import { isoDate } from './schema-parts.ts';

export const projectKinds = ['own', 'entrusted_domestic', 'entrusted_overseas', 'cooperative'] as const;
export type ProjectKind = (typeof projectKinds)[number];

export const projectKindLabels: Record<ProjectKind, Bilingual> = {
  own: { zh: '自主研发', en: 'In-house' },
  entrusted_domestic: { zh: '委托境内研发', en: 'Entrusted, domestic' },
  entrusted_overseas: { zh: '委托境外研发', en: 'Entrusted, overseas' },
  cooperative: { zh: '合作研发', en: 'Cooperative' },
};

export const payeeTypes = ['organisation', 'individual'] as const;
export type PayeeType = (typeof payeeTypes)[number];

export const payeeTypeLabels: Record<PayeeType, Bilingual> = {
  organisation: { zh: '机构', en: 'Organisation' },
  individual: { zh: '个人', en: 'Individual' },
};

export function isEntrustedKind(kind: ProjectKind): boolean {
  return kind === 'entrusted_domestic' || kind === 'entrusted_overseas';
}

export type LedgerCategoryKey = (typeof ALL_LEDGER_CATEGORIES)[number];
export const ledgerCategorySchema = z.enum(ALL_LEDGER_CATEGORIES);

/** Ledger years start with the first super-deduction rate record (企业所得税法实施条例, 2008). */
export const LEDGER_FIRST_YEAR = 2008;
export const LEDGER_LAST_YEAR = 2100;

export interface LedgerMonth {
  year: number;
  month: number;
}

/** `2023-03` → { year: 2023, month: 3 }; null for anything else or a year outside 2008–2100. */
export function parseLedgerMonth(text: string): LedgerMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < LEDGER_FIRST_YEAR || year > LEDGER_LAST_YEAR) return null;
  return { year, month };
}

export function formatLedgerMonth(m: LedgerMonth): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

export const ledgerMonthSchema = z
  .string()
  .trim()
  .refine(
    (v) => parseLedgerMonth(v) !== null,
    bilingual('应为年月 YYYY-MM（2008 年起）', 'must be a month YYYY-MM from 2008 on', 'month_format'),
  );

export const ledgerYearSchema = z.coerce.number().int().min(LEDGER_FIRST_YEAR).max(LEDGER_LAST_YEAR);

const projectCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine(
    (v) => !/\s/.test(v),
    bilingual('项目编号不能包含空格', 'must not contain spaces', 'code_format'),
  );

/** Optional text: empty text is stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

/** Amount in 分: a safe integer, never negative (a correction edits or deletes the entry). */
export const ledgerAmountSchema = z
  .number()
  .int()
  .max(Number.MAX_SAFE_INTEGER)
  .refine((v) => v >= 0, bilingual('金额不能为负数', 'must not be negative', 'money_negative'));

// ---------------------------------------------------------------- cross-field checks

export interface LedgerProblem {
  field: string;
  zh: string;
  en: string;
  rule: string;
}

export interface ProjectValues {
  code: string;
  name: string;
  kind: ProjectKind;
  startsOn: string;
  endsOn: string | null;
  capitalised: boolean;
  payeeType: PayeeType | null;
  relatedParty: boolean;
  contractRegistered: boolean | null;
  contractor: string | null;
  note: string | null;
}

/** What the calibres need of a project's contractor, and the order of its dates. */
export function projectProblems(p: ProjectValues): LedgerProblem[] {
  const out: LedgerProblem[] = [];
  const entrusted = isEntrustedKind(p.kind);
  if (p.endsOn !== null && p.endsOn < p.startsOn)
    out.push({
      field: 'endsOn',
      zh: `早于开始日期 startsOn（${p.startsOn}）`,
      en: `is before the start date startsOn (${p.startsOn})`,
      rule: 'date_order',
    });
  if (entrusted && p.payeeType === null)
    out.push({
      field: 'payeeType',
      zh: '委托研发项目须注明受托方为机构或个人',
      en: 'is required for entrusted R&D (organisation or individual)',
      rule: 'payee_required',
    });
  if (!entrusted && p.payeeType !== null)
    out.push({
      field: 'payeeType',
      zh: '仅适用于委托研发项目 kind',
      en: 'applies to entrusted R&D projects only (kind)',
      rule: 'payee_not_entrusted',
    });
  if (!entrusted && p.relatedParty)
    out.push({
      field: 'relatedParty',
      zh: '仅适用于委托研发项目 kind',
      en: 'applies to entrusted R&D projects only (kind)',
      rule: 'related_not_entrusted',
    });
  if (p.kind === 'entrusted_overseas' && p.contractRegistered === null)
    out.push({
      field: 'contractRegistered',
      zh: '委托境外研发须注明合同是否已在科技行政主管部门登记（财税〔2018〕64号 三）',
      en: 'is required for overseas entrusted R&D: is the contract registered with the S&T authority (财税〔2018〕64号 三)?',
      rule: 'registration_required',
    });
  if (p.kind !== 'entrusted_overseas' && p.contractRegistered !== null)
    out.push({
      field: 'contractRegistered',
      zh: '仅适用于委托境外研发项目 kind',
      en: 'applies to overseas entrusted R&D only (kind)',
      rule: 'registration_overseas_only',
    });
  return out;
}

export interface EntryValues {
  year: number;
  month: number;
  category: LedgerCategoryKey;
  nonTaxable: boolean;
}

const monthOfDate = (iso: string): LedgerMonth => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
});
const monthIndex = (m: LedgerMonth) => m.year * 12 + m.month;

/** An entry against its project: the month within the project's months, a category its kind allows. */
export function entryProblems(
  project: Pick<ProjectValues, 'code' | 'kind' | 'startsOn' | 'endsOn'>,
  e: EntryValues,
): LedgerProblem[] {
  const out: LedgerProblem[] = [];
  const at = monthIndex(e);
  const first = monthOfDate(project.startsOn);
  const last = project.endsOn === null ? null : monthOfDate(project.endsOn);
  if (at < monthIndex(first) || (last !== null && at > monthIndex(last))) {
    const span = `${formatLedgerMonth(first)} – ${last === null ? '' : formatLedgerMonth(last)}`;
    out.push({
      field: 'month',
      zh: `不在项目 ${project.code} 的起止期间（${span}）内`,
      en: `is outside the months of project ${project.code} (${span})`,
      rule: 'month_outside_project',
    });
  }
  const entrusted = isEntrustedKind(project.kind);
  if (entrusted && e.category !== 'entrusted' && !isAdjustment(e.category))
    out.push({
      field: 'category',
      zh: `委托研发项目 ${project.code} 只记委托研发费用和冲减项；本企业自身发生的费用请记入自主或合作研发项目`,
      en: `entrusted project ${project.code} records entrusted R&D and adjustments only; record in-house costs under an in-house or cooperative project`,
      rule: 'category_not_for_kind',
    });
  if (!entrusted && e.category === 'entrusted')
    out.push({
      field: 'category',
      zh: `委托研发费用须记入委托研发项目（项目 ${project.code} 为${projectKindLabels[project.kind].zh}）`,
      en: `entrusted R&D belongs to an entrusted project (project ${project.code} is ${projectKindLabels[project.kind].en.toLowerCase()})`,
      rule: 'category_not_for_kind',
    });
  if (e.nonTaxable && isAdjustment(e.category))
    out.push({
      field: 'nonTaxable',
      zh: '不适用于冲减项（政府补助、特殊收入）',
      en: 'does not apply to an adjustment (subsidy, special income)',
      rule: 'flag_on_adjustment',
    });
  return out;
}

function report(ctx: z.RefinementCtx, problems: LedgerProblem[]): void {
  for (const p of problems)
    ctx.addIssue({ code: 'custom', path: [p.field], message: p.en, params: { zh: p.zh, en: p.en, rule: p.rule } });
}

// ---------------------------------------------------------------- projects

const projectShape = {
  code: projectCode,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(projectKinds),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  capitalised: z.boolean(),
  payeeType: z.enum(payeeTypes).nullable(),
  relatedParty: z.boolean(),
  contractRegistered: z.boolean().nullable(),
  contractor: optionalText(200),
  note: optionalText(500),
};

export const enterpriseIdQuery = z.object({ enterpriseId: z.uuid().optional() });

export const createProjectRequest = z
  .strictObject({
    /** The bureau's roles may not write; an enterprise user may leave it out (their own enterprise). */
    enterpriseId: z.uuid().optional(),
    code: projectShape.code,
    name: projectShape.name,
    kind: projectShape.kind,
    startsOn: projectShape.startsOn,
    endsOn: projectShape.endsOn.default(null),
    capitalised: projectShape.capitalised.default(false),
    payeeType: projectShape.payeeType.default(null),
    relatedParty: projectShape.relatedParty.default(false),
    contractRegistered: projectShape.contractRegistered.default(null),
    contractor: projectShape.contractor.default(null),
    note: projectShape.note.default(null),
  })
  .superRefine((v, ctx) => report(ctx, projectProblems(v)));
export type CreateProjectInput = z.output<typeof createProjectRequest>;

/** Fields left out stay as they are; the whole project is checked again after the change. */
export const updateProjectRequest = z.strictObject(projectShape).partial();
export type UpdateProjectInput = z.output<typeof updateProjectRequest>;

export const projectItem = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(projectKinds),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capitalised: z.boolean(),
  payeeType: z.enum(payeeTypes).nullable(),
  relatedParty: z.boolean(),
  contractRegistered: z.boolean().nullable(),
  contractor: z.string().nullable(),
  note: z.string().nullable(),
  entryCount: z.number().int(),
  totalFen: z.number(),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectItem = z.infer<typeof projectItem>;

export const ledgerEnterprise = z.object({ id: z.string(), uscc: z.string(), name: z.string() });
export type LedgerEnterprise = z.infer<typeof ledgerEnterprise>;

export const projectList = z.object({ enterprise: ledgerEnterprise, items: z.array(projectItem) });
export type ProjectList = z.infer<typeof projectList>;

export const ledgerIdParams = z.object({ id: z.uuid() });

// ---------------------------------------------------------------- entries

export const createEntryRequest = z.strictObject({
  projectId: z.uuid(),
  month: ledgerMonthSchema,
  category: ledgerCategorySchema,
  amountFen: ledgerAmountSchema,
  /** Paid out of 不征税收入 fiscal funds (97号 二（五）; 40号 七（一）). */
  nonTaxable: z.boolean().default(false),
  voucherNo: optionalText(60).default(null),
  note: optionalText(200).default(null),
});
export type CreateEntryInput = z.output<typeof createEntryRequest>;

export const updateEntryRequest = z
  .strictObject({
    projectId: z.uuid(),
    month: ledgerMonthSchema,
    category: ledgerCategorySchema,
    amountFen: ledgerAmountSchema,
    nonTaxable: z.boolean(),
    voucherNo: optionalText(60),
    note: optionalText(200),
  })
  .partial();
export type UpdateEntryInput = z.output<typeof updateEntryRequest>;

export const entryItem = z.object({
  id: z.string(),
  projectId: z.string(),
  projectCode: z.string(),
  month: z.string(),
  category: ledgerCategorySchema,
  amountFen: z.number(),
  nonTaxable: z.boolean(),
  voucherNo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntryItem = z.infer<typeof entryItem>;

export const entryListQuery = z.object({
  enterpriseId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  year: ledgerYearSchema.optional(),
  month: ledgerMonthSchema.optional(),
  category: ledgerCategorySchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type EntryListQuery = z.output<typeof entryListQuery>;

export const entryList = z.object({
  items: z.array(entryItem),
  total: z.number().int(),
  /** Sum of the amounts of every entry the filters select (all pages). */
  sumFen: z.number(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EntryList = z.infer<typeof entryList>;
