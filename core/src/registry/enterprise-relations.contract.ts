/**
 * Contracts of what the registry records about an enterprise besides its profile: qualifications (资质) with their
 * derived status, honours (获奖), industry–university cooperation agreements (产学研合作) and industry-chain tags.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { hasRuleTerm, qualificationKindLabels, ruleValidTo } from './qualifications.ts';
import { isoDateSchema, qualificationItem, qualificationKindSchema } from './enterprises.contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------- qualifications

export const qualificationParams = z.object({ id: z.uuid(), qualificationId: z.uuid() });

export const qualificationRequest = z
  .strictObject({
    kind: qualificationKindSchema,
    certificateNo: text(64).nullable().default(null),
    issuedOn: isoDateSchema,
    /** Omitted for 高新技术企业 and 科技型中小企业: their term follows from the issue date. */
    validTo: isoDateSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.validTo && v.validTo < v.issuedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        ...bilingual(
          '有效期至不能早于发证日期 issuedOn',
          'must not be before issuedOn',
          'valid_to_before_issue',
        ),
      });
    }
    const rule = hasRuleTerm(v.kind) ? ruleValidTo(v.kind, v.issuedOn) : null;
    if (rule && v.validTo && v.validTo !== rule) {
      const label = qualificationKindLabels[v.kind];
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        ...bilingual(
          `${label.zh}发证日期为 ${v.issuedOn} 时有效期至应为 ${rule}`,
          `for a ${label.en} issued on ${v.issuedOn} must be ${rule}`,
          'valid_to_rule',
        ),
      });
    }
  })
  .transform((v) => ({
    ...v,
    validTo: hasRuleTerm(v.kind) ? ruleValidTo(v.kind, v.issuedOn) : (v.validTo ?? null),
  }));
export type QualificationInput = z.output<typeof qualificationRequest>;
export const qualificationList = z.object({ items: z.array(qualificationItem) });

// ---------------------------------------------------------------- honours, cooperation, chain tags

/**
 * Award families and the grades each awards (中国专利奖: 金奖/银奖/优秀奖; 科学技术奖: 特等奖 to 三等奖; a city award
 * such as 泉州市科学技术奖 also has 重大贡献奖, 创业奖 and 企业技术创新奖 beside its 科技进步奖 prizes).
 */
export const honourAwards = [
  'china_patent_award',
  'national_sti_award',
  'provincial_sti_award',
  'city_sti_award',
  'provincial_patent_award',
] as const;
export const honourGrades = [
  'gold',
  'silver',
  'excellence',
  'special',
  'first',
  'second',
  'third',
  'major_contribution',
  'entrepreneurship',
  'enterprise_innovation',
] as const;
export const gradesOfAward: Record<(typeof honourAwards)[number], readonly (typeof honourGrades)[number][]> =
  {
    china_patent_award: ['gold', 'silver', 'excellence'],
    national_sti_award: ['special', 'first', 'second'],
    provincial_sti_award: ['special', 'first', 'second', 'third'],
    city_sti_award: ['major_contribution', 'first', 'second', 'third', 'entrepreneurship', 'enterprise_innovation'],
    provincial_patent_award: ['first', 'second', 'third'],
  };

export const honourRequest = z
  .strictObject({
    award: z.enum(honourAwards),
    grade: z.enum(honourGrades).nullable().default(null),
    /** Rank of this enterprise among the winning units (获奖单位排名), 1 = first. */
    rankAmongUnits: z.number().int().min(1).max(100).nullable().default(null),
    year: z.number().int().min(1980).max(2100),
    projectTitle: text(300).nullable().default(null),
  })
  .refine((v) => v.grade === null || gradesOfAward[v.award].includes(v.grade), {
    path: ['grade'],
    ...bilingual('不是该奖项设置的等级', 'is not a grade of this award', 'grade_of_award'),
  });
export const honourItem = z.object({
  id: z.string(),
  award: z.enum(honourAwards),
  grade: z.enum(honourGrades).nullable(),
  rankAmongUnits: z.number().int().nullable(),
  year: z.number().int(),
  projectTitle: z.string().nullable(),
});
export type HonourItem = z.infer<typeof honourItem>;
export const honourList = z.object({ items: z.array(honourItem) });

export const cooperationRequest = z
  .strictObject({
    instituteId: z.uuid(),
    subject: text(300),
    signedOn: isoDateSchema,
    validTo: isoDateSchema.nullable().default(null),
  })
  .refine((v) => v.validTo === null || v.validTo >= v.signedOn, {
    path: ['validTo'],
    ...bilingual(
      '有效期至不能早于签订日期 signedOn',
      'must not be before signedOn',
      'valid_to_before_signing',
    ),
  });
export const cooperationItem = z.object({
  id: z.string(),
  instituteId: z.string(),
  instituteName: z.string(),
  subject: z.string(),
  signedOn: z.string(),
  validTo: z.string().nullable(),
});
export type CooperationItem = z.infer<typeof cooperationItem>;
export const cooperationList = z.object({ items: z.array(cooperationItem) });

export const chainTagRequest = z.strictObject({
  chain: text(64),
  segment: z.string().trim().max(64).default(''),
});
export const chainTagQuery = z.object({ chain: text(64), segment: z.string().trim().max(64).default('') });
export const chainTagItem = z.object({ chain: z.string(), segment: z.string() });
export const chainTagList = z.object({ items: z.array(chainTagItem) });

export const childParams = z.object({ id: z.uuid(), childId: z.uuid() });
export const okResponse = z.object({ ok: z.literal(true) });
