/**
 * Contracts of the expert pool (专家库): who an expert is, what they review (高新技术领域 and IPC classes), whom they
 * are related to (for avoidance in review draws) and how to reach them. Phone and identity number are personal data:
 * stored SM4-encrypted, answered masked unless a bureau officer or the expert asks to reveal them (audited).
 */
import { z } from 'zod';
import { phoneSchema } from '../accounts/accounts.contract.ts';
import { validateIdCardNumber } from '../common/ids/id-card.ts';
import { parseIpcSymbol } from '../common/ids/ipc-code.ts';
import { bilingual } from '../common/validation-messages.ts';
import { hitechFieldByCode } from './hitech-fields.ts';
import { addIdIssue, isoDateSchema, pageQuery, searchText, usccSchema } from './parties.contract.ts';

/** `EXP-0001`: the prefix and at least four digits; the server numbers new experts in this form. */
export const expertCodeSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^EXP-\d{4,8}$/.test(v),
    bilingual(
      '须为 EXP- 加至少 4 位数字（如 EXP-0001）',
      'must be EXP- and at least 4 digits (e.g. EXP-0001)',
      'expert_code_format',
    ),
  );

export const hitechFieldCodeSchema = z
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

/** IPC class symbol at any level (H01, H01M, H01M 10/00 …); whether it exists in the shipped scheme is checked by the server. */
export const ipcClassSchema = z
  .string()
  .trim()
  .max(20)
  .superRefine((v, ctx) => {
    const result = parseIpcSymbol(v);
    if (!result.ok) addIdIssue(ctx, result);
  });

export const relationKindSchema = z.enum([
  'employer',
  'relative',
  'former_employer',
  'shareholder',
  'co_applicant',
]);

/** A relation the expert declares, so that review draws can avoid the parties they are tied to (回避). */
export const expertRelation = z.object({
  kind: relationKindSchema,
  uscc: usccSchema.optional(),
  name: z.string().trim().min(1).max(200),
  /** Last day the relation held (a former employer, an ended shareholding); absent while it holds. */
  until: isoDateSchema.optional(),
});
export type ExpertRelation = z.infer<typeof expertRelation>;

export const idCardSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const result = validateIdCardNumber(v);
    if (!result.ok) addIdIssue(ctx, result);
  });

export const expertFieldRef = z.object({ code: z.string(), name: z.string() });

export const expertItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  employerUscc: z.string().nullable(),
  instituteId: z.string().nullable(),
  instituteName: z.string().nullable(),
  fields: z.array(expertFieldRef),
  ipcClasses: z.array(z.string()),
  expertise: z.string().nullable(),
  relations: z.array(expertRelation),
  available: z.boolean(),
  /** Masked (138****5678) unless revealed. */
  phone: z.string().nullable(),
  /** Masked (350582********1234) unless revealed. */
  idCard: z.string().nullable(),
  personalDataRevealed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExpertItem = z.infer<typeof expertItem>;

export const createExpertRequest = z.object({
  code: expertCodeSchema.optional(),
  name: z.string().trim().min(1).max(100),
  title: z.string().trim().max(100).nullable().optional(),
  employerUscc: usccSchema.nullable().optional(),
  instituteId: z.uuid().nullable().optional(),
  fields: z.array(hitechFieldCodeSchema).max(20).default([]),
  ipcClasses: z.array(ipcClassSchema).max(30).default([]),
  expertise: z.string().trim().max(2000).nullable().optional(),
  relations: z.array(expertRelation).max(50).default([]),
  available: z.boolean().default(true),
  phone: phoneSchema.nullable().optional(),
  idCard: idCardSchema.nullable().optional(),
});
export type CreateExpertInput = z.output<typeof createExpertRequest>;

export const updateExpertRequest = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  title: z.string().trim().max(100).nullable().optional(),
  employerUscc: usccSchema.nullable().optional(),
  instituteId: z.uuid().nullable().optional(),
  fields: z.array(hitechFieldCodeSchema).max(20).optional(),
  ipcClasses: z.array(ipcClassSchema).max(30).optional(),
  expertise: z.string().trim().max(2000).nullable().optional(),
  relations: z.array(expertRelation).max(50).optional(),
  available: z.boolean().optional(),
  phone: phoneSchema.nullable().optional(),
  idCard: idCardSchema.nullable().optional(),
});
export type UpdateExpertInput = z.output<typeof updateExpertRequest>;

/** What an expert may change on their own record: availability, declared relations and contact. */
export const selfEditableExpertFields = ['available', 'relations', 'phone'] as const;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const expertListQuery = z.object({
  q: searchText,
  /** A field, sub-field or item code; experts registered under it or under any entry below it match. */
  field: hitechFieldCodeSchema.optional(),
  /** IPC prefix: `H01M` matches H01M and every group below it. */
  ipc: z.string().trim().max(20).optional(),
  available: booleanQuery.optional(),
  instituteId: z.uuid().optional(),
  ...pageQuery,
});
export type ExpertListQuery = z.output<typeof expertListQuery>;
export const expertList = z.object({
  items: z.array(expertItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const expertDetailQuery = z.object({ reveal: z.enum(['personal']).optional() });
