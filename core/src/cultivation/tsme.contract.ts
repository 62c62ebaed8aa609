/**
 * Input of the 科技型中小企业 evaluation (国科发政〔2017〕115号 第六至九条). Facts are optional (an absent fact
 * leaves its criterion undecided); dated records may not lie after the assessment date.
 */
import { z } from 'zod';
import { dayOf } from './calendar.ts';
import { conflict, headCount, isoDate, nonNegativeFen, wholeCount } from './schema-parts.ts';

export const tsmeInput = z
  .object({
    assessmentDate: isoDate,
    /** 在中国境内（不包括港、澳、台地区）注册的居民企业 */
    residentEnterprise: z.boolean().optional(),
    /** 职工总数 (兼职、临时聘用人员须累计工作6个月以上, 第九条) */
    employees: headCount.optional(),
    /** 科技人员 */
    techStaff: headCount.optional(),
    /** 年销售收入 = 主营业务收入 + 其他业务收入 */
    salesRevenueFen: nonNegativeFen.optional(),
    totalAssetsFen: nonNegativeFen.optional(),
    /** 产品和服务属于国家规定的禁止、限制和淘汰类 */
    prohibitedIndustry: z.boolean().optional(),
    /** 上一年及当年内发生重大安全、重大质量事故、严重环境违法、科研严重失信，或列入经营异常名录、严重违法失信名单 */
    incidentOrBlacklisted: z.boolean().optional(),
    /** 研发费用 (财税〔2015〕119号 calibre) */
    rdExpenseFen: nonNegativeFen.optional(),
    /** 成本费用支出总额 */
    totalCostFen: nonNegativeFen.optional(),
    /** Ⅰ类 / Ⅱ类 知识产权 in force, tied to the main products, without dispute. */
    ipI: wholeCount.optional(),
    ipII: wholeCount.optional(),
    direct: z
      .object({
        hnteCertificate: z.object({ issuedOn: isoDate, validUntil: isoDate.optional() }).optional(),
        nationalAwards: z.array(z.object({ awardedOn: isoDate, rank: z.int().min(1) })).default([]),
        provincialRdInstitution: z.boolean().optional(),
        ledStandards: z
          .array(
            z.object({
              publishedOn: isoDate,
              level: z.enum(['international', 'national', 'industry']),
              /** Position among the drafting units (主导 = 前五名). */
              drafterRank: z.int().min(1),
            }),
          )
          .default([]),
      })
      .default({ nationalAwards: [], ledStandards: [] }),
  })
  .superRefine((v, ctx) => {
    if (v.techStaff && v.employees && v.techStaff.gt(v.employees)) {
      conflict(
        ctx,
        ['techStaff'],
        '（科技人员）多于职工总数 employees',
        '(tech staff) exceeds the staff total employees',
        'tech_exceeds_total',
      );
    }
    // A zero total is read as "not reported" (the indicator then scores 0), not as a conflict.
    if (
      v.rdExpenseFen !== undefined &&
      v.totalCostFen !== undefined &&
      v.totalCostFen > 0n &&
      v.rdExpenseFen > v.totalCostFen
    ) {
      conflict(
        ctx,
        ['rdExpenseFen'],
        '（研发费用）大于成本费用支出总额 totalCostFen',
        '(R&D expense) exceeds the total costs totalCostFen',
        'rd_exceeds_cost',
      );
    }
    const today = dayOf(v.assessmentDate);
    const future = (path: PropertyKey[], date: string) => {
      if (dayOf(date) > today)
        conflict(
          ctx,
          path,
          '晚于评估日期 assessmentDate',
          'is after the assessment date assessmentDate',
          'future_date',
        );
    };
    if (v.direct.hnteCertificate)
      future(['direct', 'hnteCertificate', 'issuedOn'], v.direct.hnteCertificate.issuedOn);
    const cert = v.direct.hnteCertificate;
    if (cert?.validUntil && dayOf(cert.validUntil) < dayOf(cert.issuedOn)) {
      conflict(
        ctx,
        ['direct', 'hnteCertificate', 'validUntil'],
        '早于发证日期 issuedOn',
        'is before the issue date issuedOn',
        'date_order',
      );
    }
    v.direct.nationalAwards.forEach((a, i) =>
      future(['direct', 'nationalAwards', i, 'awardedOn'], a.awardedOn),
    );
    v.direct.ledStandards.forEach((s, i) =>
      future(['direct', 'ledStandards', i, 'publishedOn'], s.publishedOn),
    );
  });

export type TsmeInput = z.output<typeof tsmeInput>;
export type TsmeRawInput = z.input<typeof tsmeInput>;
