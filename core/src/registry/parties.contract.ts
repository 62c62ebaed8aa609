/**
 * Contracts of the registry's parties: talents and startup teams, carriers (众创空间, 孵化器, 加速器, 星创天地,
 * tech-service providers) and banks/investors, plus the request parts every registry party shares (dates, codes,
 * paging). Identifier rules come from `common/ids`; cross-record checks (does the institute exist?) are the server's.
 */
import { z } from 'zod';
import { parseCalendarDate } from '../common/ids/calendar-date.ts';
import type { IdFailure } from '../common/ids/id-result.ts';
import { validateUscc } from '../common/ids/uscc.ts';
import { bilingual } from '../common/validation-messages.ts';

/** One problem with a registry record found outside the schema (cross-field or against stored data). */
export interface RegistryIssue {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

/** Adds an identifier validator's failure as a field issue carrying its rule and both languages. */
export function addIdIssue(ctx: z.RefinementCtx, failure: IdFailure<string>): void {
  ctx.addIssue({
    code: 'custom',
    message: failure.message.en,
    params: { zh: failure.message.zh, en: failure.message.en, rule: failure.rule },
  });
}

export const uuidParams = z.object({ id: z.uuid() });

export const isoDateSchema = z
  .string()
  .refine(
    (v) => parseCalendarDate(v) !== null,
    bilingual('应为实际存在的日期（YYYY-MM-DD）', 'must be a real date (YYYY-MM-DD)', 'date_format'),
  );

/** 统一社会信用代码 with its check character (GB 32100-2015); the server stores the normalised form. */
export const usccSchema = z
  .string()
  .trim()
  .max(40)
  .superRefine((v, ctx) => {
    const result = validateUscc(v);
    if (!result.ok) addIdIssue(ctx, result);
  });

export const townCodeSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{9}$/.test(v),
    bilingual('须为 9 位镇（街道）区划代码', 'must be a 9-digit town or street division code', 'town_format'),
  );

/** Codes of expert, carrier and bank records double as the scope id of their users' accounts. */
export const recordCodeSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v),
    bilingual(
      '须为字母、数字、- 或 _ 组成的编号',
      'must be a code of letters, digits, - or _',
      'code_format',
    ),
  );

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const searchText = z.string().trim().max(100).optional();

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---- Talents and startup teams (人才与创业团队) ----

export const talentKindSchema = z.enum(['talent', 'team']);

export const talentItem = z.object({
  id: z.string(),
  kind: talentKindSchema,
  name: z.string(),
  leaderName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  programme: z.string().nullable(),
  year: z.number().int().nullable(),
  field: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TalentItem = z.infer<typeof talentItem>;

export const createTalentRequest = z.object({
  kind: talentKindSchema,
  name: z.string().trim().min(1).max(200),
  leaderName: optionalText(100),
  enterpriseId: z.uuid().nullable().optional(),
  programme: optionalText(200),
  year: z.number().int().min(1980).max(2100).nullable().optional(),
  field: optionalText(100),
});
export type CreateTalentInput = z.output<typeof createTalentRequest>;
export const updateTalentRequest = createTalentRequest.partial();
export type UpdateTalentInput = z.output<typeof updateTalentRequest>;

export const talentListQuery = z.object({
  q: searchText,
  kind: talentKindSchema.optional(),
  enterpriseId: z.uuid().optional(),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  ...pageQuery,
});
export type TalentListQuery = z.output<typeof talentListQuery>;
export const talentList = z.object({
  items: z.array(talentItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- Carriers (创新创业载体) ----

export const carrierKindSchema = z.enum([
  'maker_space',
  'incubator',
  'accelerator',
  'star_space',
  'tech_service',
]);

export const carrierKindNames: Record<z.infer<typeof carrierKindSchema>, { zh: string; en: string }> = {
  maker_space: { zh: '众创空间', en: 'Maker space' },
  incubator: { zh: '科技企业孵化器', en: 'Incubator' },
  accelerator: { zh: '加速器', en: 'Accelerator' },
  star_space: { zh: '星创天地', en: 'Rural maker space (星创天地)' },
  tech_service: { zh: '科技服务机构', en: 'Technology service provider' },
};

/** Floor area in m² as an exact decimal string with at most two decimals (numeric(12,2)). */
export const areaSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{1,10}(\.\d{1,2})?$/.test(v),
    bilingual(
      '须为不超过两位小数的非负数（平方米）',
      'must be a non-negative number with at most two decimals (m²)',
      'area_format',
    ),
  );

export const carrierItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: carrierKindSchema,
  operatorUscc: z.string().nullable(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  areaM2: z.string().nullable(),
  tenants: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CarrierItem = z.infer<typeof carrierItem>;

export const createCarrierRequest = z.object({
  code: recordCodeSchema.optional(),
  name: z.string().trim().min(1).max(200),
  kind: carrierKindSchema,
  operatorUscc: usccSchema.nullable().optional(),
  townCode: townCodeSchema.nullable().optional(),
  areaM2: areaSchema.nullable().optional(),
  tenants: z.number().int().min(0).max(100000).nullable().optional(),
});
export type CreateCarrierInput = z.output<typeof createCarrierRequest>;
export const updateCarrierRequest = createCarrierRequest.omit({ code: true }).partial();
export type UpdateCarrierInput = z.output<typeof updateCarrierRequest>;
/** What a provider may change on its own carrier: the figures it reports, not who or where it is. */
export const providerEditableCarrierFields = ['areaM2', 'tenants'] as const;

export const carrierListQuery = z.object({
  q: searchText,
  kind: carrierKindSchema.optional(),
  town: townCodeSchema.optional(),
  ...pageQuery,
});
export type CarrierListQuery = z.output<typeof carrierListQuery>;
export const carrierList = z.object({
  items: z.array(carrierItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- Banks, investors and guarantors (金融机构) ----

export const bankKindSchema = z.enum(['bank', 'investor', 'guarantor']);

export const bankItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: bankKindSchema,
  uscc: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BankItem = z.infer<typeof bankItem>;

export const createBankRequest = z.object({
  code: recordCodeSchema.optional(),
  name: z.string().trim().min(1).max(200),
  kind: bankKindSchema,
  uscc: usccSchema.nullable().optional(),
});
export type CreateBankInput = z.output<typeof createBankRequest>;
export const updateBankRequest = createBankRequest.omit({ code: true }).partial();
export type UpdateBankInput = z.output<typeof updateBankRequest>;

export const bankListQuery = z.object({ q: searchText, kind: bankKindSchema.optional(), ...pageQuery });
export type BankListQuery = z.output<typeof bankListQuery>;
export const bankList = z.object({
  items: z.array(bankItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
