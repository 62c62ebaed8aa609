/**
 * Contracts of the enterprise registry (主体库·企业): profile, yearly figures, provenance and pending self-service
 * changes, qualifications, honours, industry–university cooperation, industry-chain tags and history.
 * Money is an integer number of 分; dates are `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { validateUscc } from '../common/ids/uscc.ts';
import { bilingual } from '../common/validation-messages.ts';
import { hitechFieldByCode } from './hitech-fields.ts';
import { validateIndustryCode } from './industry.ts';
import { qualificationKinds, qualificationStatuses } from './qualifications.ts';

// ---------------------------------------------------------------- fields

/** Profile fields, as the API, provenance records and pending changes name them. */
export const enterpriseFields = [
  'uscc',
  'name',
  'formerNames',
  'legalRep',
  'registeredOn',
  'address',
  'townCode',
  'industryCode',
  'hitechField',
  'staff',
  'revenueFen',
  'contactName',
  'contactPhone',
] as const;
export type EnterpriseField = (typeof enterpriseFields)[number];

export const yearFields = [
  'revenueFen',
  'rdFen',
  'staff',
  'techStaff',
  'netAssetsFen',
  'totalAssetsFen',
  'aboveScale',
] as const;
export type YearField = (typeof yearFields)[number];

/** Fields an enterprise may propose but an officer must verify before they apply; everything else applies at once. */
export const verifiedEnterpriseFields: readonly EnterpriseField[] = ['uscc', 'name', 'staff', 'revenueFen'];
export const verifiedYearFields: readonly YearField[] = [
  'revenueFen',
  'rdFen',
  'staff',
  'techStaff',
  'aboveScale',
];

/** `years.2025.revenueFen` names one yearly figure in provenance and pending changes. */
export function yearFieldKey(year: number, field: YearField): string {
  return `years.${year}.${field}`;
}

export function parseFieldKey(
  key: string,
): { kind: 'profile'; field: EnterpriseField } | { kind: 'year'; year: number; field: YearField } | null {
  if ((enterpriseFields as readonly string[]).includes(key))
    return { kind: 'profile', field: key as EnterpriseField };
  const m = /^years\.(\d{4})\.([A-Za-z]+)$/.exec(key);
  if (m && (yearFields as readonly string[]).includes(m[2] ?? ''))
    return { kind: 'year', year: Number(m[1]), field: m[2] as YearField };
  return null;
}

export const provenanceSources = ['self', 'officer', 'import', 'seed'] as const;

// ---------------------------------------------------------------- value schemas

export const usccSchema = z.string().transform((value, ctx) => {
  const result = validateUscc(value);
  if (!result.ok) {
    ctx.addIssue({
      code: 'custom',
      ...bilingual(result.message.zh, result.message.en, `uscc_${result.rule}`),
    });
    return z.NEVER;
  }
  return result.normalized;
});

/** A GB/T 4754-2017 小类 code, stored as its 4 digits (`C1951` → `1951`). */
export const industryCodeSchema = z.string().transform((value, ctx) => {
  const result = validateIndustryCode(value);
  if (!result.ok) {
    ctx.addIssue({
      code: 'custom',
      ...bilingual(result.message.zh, result.message.en, `industry_${result.rule}`),
    });
    return z.NEVER;
  }
  return result.code;
});

export const hitechFieldSchema = z
  .string()
  .trim()
  .refine(
    (v) => hitechFieldByCode(v) !== undefined,
    bilingual(
      '不是《国家重点支持的高新技术领域》中的代码',
      'is not a code of the national high-tech fields catalogue',
      'hitech_field_unknown',
    ),
  );

export const isoDateSchema = z.iso.date();
export const townCodeSchema = z.string().regex(/^\d{9}$/);

export const fenSchema = z
  .number()
  .int()
  .max(Number.MAX_SAFE_INTEGER)
  .refine((v) => v >= 0, bilingual('金额不能为负数', 'must not be negative', 'money_negative'));
/** Net assets (资产总额 − 负债总额) are negative for an insolvent enterprise, so only this amount may be. */
export const signedFenSchema = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
export const headcountSchema = z
  .number()
  .int()
  .max(10_000_000)
  .refine((v) => v >= 0, bilingual('人数不能为负数', 'must not be negative', 'count_negative'));

/** A mobile number or a landline with area code (0595-85678901, extension allowed). */
export const contactPhoneSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v),
    bilingual(
      '应为 11 位手机号码或带区号的固定电话',
      'must be an 11-digit mobile number or a landline with area code',
      'phone_format',
    ),
  );

const text = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------- enterprise profile

const profileShape = {
  uscc: usccSchema,
  name: text(200),
  formerNames: z.array(text(200)).max(20),
  legalRep: text(64).nullable(),
  registeredOn: isoDateSchema.nullable(),
  address: text(300).nullable(),
  townCode: townCodeSchema.nullable(),
  industryCode: industryCodeSchema.nullable(),
  hitechField: hitechFieldSchema.nullable(),
  staff: headcountSchema.nullable(),
  revenueFen: fenSchema.nullable(),
  contactName: text(64).nullable(),
  contactPhone: contactPhoneSchema.nullable(),
};

export const createEnterpriseRequest = z.strictObject({
  ...profileShape,
  formerNames: profileShape.formerNames.default([]),
  legalRep: profileShape.legalRep.default(null),
  registeredOn: profileShape.registeredOn.default(null),
  address: profileShape.address.default(null),
  townCode: profileShape.townCode.default(null),
  industryCode: profileShape.industryCode.default(null),
  hitechField: profileShape.hitechField.default(null),
  staff: profileShape.staff.default(null),
  revenueFen: profileShape.revenueFen.default(null),
  contactName: profileShape.contactName.default(null),
  contactPhone: profileShape.contactPhone.default(null),
});
export type CreateEnterpriseInput = z.output<typeof createEnterpriseRequest>;

/** Only the fields given change; `null` clears one. */
export const updateEnterpriseRequest = z.strictObject(profileShape).partial();
export type UpdateEnterpriseInput = z.output<typeof updateEnterpriseRequest>;

/** What a profile value can be, as provenance, pending changes and the audit trail carry it. */
export type FieldValue = string | number | boolean | string[] | null;

export const idParams = z.object({ id: z.uuid() });
export const detailQuery = z.object({ reveal: z.enum(['contact']).optional() });

const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');
const yearNumber = z.coerce.number().int().min(1980).max(2100);
const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const enterpriseSorts = ['name', 'registeredOn', 'revenue', 'relevance'] as const;

export const enterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  town: townCodeSchema.optional(),
  /** A 门类 letter, or 2–4 digits: a 大类 selects all of its 中类 and 小类. */
  industry: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (v) => /^([A-T]|\d{2,4})$/.test(v),
      bilingual(
        '应为门类字母或 2–4 位行业代码',
        'must be a section letter or a 2–4 digit industry code',
        'industry_filter',
      ),
    )
    .optional(),
  qualification: z.enum(qualificationKinds).optional(),
  aboveScale: booleanText.optional(),
  /** With `aboveScale`: the year judged; without it, each enterprise's latest reported year. */
  year: yearNumber.optional(),
  hitechField: z
    .string()
    .trim()
    .regex(/^\d{2,5}$/)
    .optional(),
  chain: z.string().trim().min(1).max(64).optional(),
  sort: z.enum(enterpriseSorts).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...paging,
});
export type EnterpriseListQuery = z.output<typeof enterpriseListQuery>;

export const qualificationStatusSchema = z.enum(qualificationStatuses);
export const qualificationKindSchema = z.enum(qualificationKinds);

export const qualificationSummary = z.object({
  kind: qualificationKindSchema,
  status: qualificationStatusSchema,
  validTo: z.string().nullable(),
});

export const enterpriseListItem = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  registeredOn: z.string().nullable(),
  revenueFen: z.number().nullable(),
  /** Qualifications in force today (valid or expiring). */
  qualifications: z.array(qualificationSummary),
});
export type EnterpriseListItem = z.infer<typeof enterpriseListItem>;
export const enterpriseList = z.object({
  items: z.array(enterpriseListItem),
  /** With a text query, at most the server's count cap (1,000 by default): see `totalCapped`. */
  total: z.number().int(),
  /** More records match than `total` says (show "1000+"); broad searches are then ordered by name, not ranked. */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const provenanceItem = z.object({
  source: z.enum(provenanceSources),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  recordedAt: z.string(),
  verified: z.boolean(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export type ProvenanceItem = z.infer<typeof provenanceItem>;

export const pendingStatuses = ['pending', 'verified', 'rejected'] as const;
export const pendingChangeItem = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  status: z.enum(pendingStatuses),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type PendingChangeItem = z.infer<typeof pendingChangeItem>;

export const qualificationItem = z.object({
  id: z.string(),
  kind: qualificationKindSchema,
  certificateNo: z.string().nullable(),
  issuedOn: z.string(),
  validTo: z.string().nullable(),
  /** Derived from the dates on the day of the request (China Standard Time); never stored. */
  status: qualificationStatusSchema,
  source: z.string(),
  createdAt: z.string(),
});
export type QualificationItem = z.infer<typeof qualificationItem>;

export const enterpriseDetail = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  legalRep: z.string().nullable(),
  registeredOn: z.string().nullable(),
  address: z.string().nullable(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  hitechField: z.string().nullable(),
  hitechFieldName: z.string().nullable(),
  staff: z.number().nullable(),
  revenueFen: z.number().nullable(),
  contactName: z.string().nullable(),
  /** Masked (138****5678) unless an officer or administrator asked `?reveal=contact`; the reveal is audited. */
  contactPhone: z.string().nullable(),
  qualifications: z.array(qualificationItem),
  /** Source of each field that has one, keyed by field name. */
  provenance: z.record(z.string(), provenanceItem),
  pendingChanges: z.array(pendingChangeItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

export const fieldParams = z.object({
  id: z.uuid(),
  field: z
    .string()
    .refine(
      (v) => parseFieldKey(v) !== null,
      bilingual('不是可核实的企业字段', 'is not an enterprise field', 'field_unknown'),
    ),
});

export const fieldVerifiedResponse = z.object({ field: z.string(), provenance: provenanceItem });

export const historyQuery = z.object({
  ...paging,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const historyItem = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.unknown()),
});
export const historyList = z.object({
  items: z.array(historyItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Conflicts between yearly figures, each naming both fields (科技人员 are counted within 职工总数). */
export function yearFigureConflicts(v: {
  staff?: number | null | undefined;
  techStaff?: number | null | undefined;
  netAssetsFen?: number | null | undefined;
  totalAssetsFen?: number | null | undefined;
}): { field: YearField; zh: string; en: string; rule: string }[] {
  const out: { field: YearField; zh: string; en: string; rule: string }[] = [];
  if (v.staff != null && v.techStaff != null && v.techStaff > v.staff) {
    const rule = 'tech_staff_exceeds_staff';
    out.push(
      {
        field: 'techStaff',
        zh: `不能大于职工总数 staff（${v.staff}）`,
        en: `cannot exceed total staff, staff (${v.staff})`,
        rule,
      },
      {
        field: 'staff',
        zh: `不能小于科技人员数 techStaff（${v.techStaff}）`,
        en: `cannot be less than tech staff, techStaff (${v.techStaff})`,
        rule,
      },
    );
  }
  if (v.netAssetsFen != null && v.totalAssetsFen != null && v.netAssetsFen > v.totalAssetsFen) {
    const rule = 'net_exceeds_total_assets';
    out.push(
      {
        field: 'netAssetsFen',
        zh: '不能大于资产总额 totalAssetsFen（净资产 = 资产总额 − 负债总额）',
        en: 'cannot exceed total assets, totalAssetsFen (net assets = total assets − liabilities)',
        rule,
      },
      {
        field: 'totalAssetsFen',
        zh: '不能小于净资产 netAssetsFen',
        en: 'cannot be less than net assets, netAssetsFen',
        rule,
      },
    );
  }
  return out;
}

// ---------------------------------------------------------------- pending changes

export const pendingListQuery = z.object({
  status: z.enum(pendingStatuses).default('pending'),
  enterpriseId: z.uuid().optional(),
  ...paging,
});
export const pendingList = z.object({
  items: z.array(pendingChangeItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const decideRequest = z
  .strictObject({ decision: z.enum(['verify', 'reject']), reason: z.string().trim().max(500).optional() })
  .refine((v) => v.decision !== 'reject' || (v.reason !== undefined && v.reason.length > 0), {
    path: ['reason'],
    ...bilingual('驳回时须填写理由', 'is required when rejecting', 'reason_required'),
  });
