/** Display names of the registry's codes (fields, sources, statuses, kinds) and its money and value formats. */
import type { Locale } from '@jinke/core/common/errors.ts';
import { fen, formatWan, formatYuan, parseMoney, toFenNumber } from '@jinke/core/common/money.ts';
import type { EnterpriseField, YearField } from '@jinke/core/registry/enterprises.contract.ts';
import type { honourAwards, honourGrades } from '@jinke/core/registry/enterprise-relations.contract.ts';
import type { relationKindSchema } from '@jinke/core/registry/experts.contract.ts';
import type { bankKindSchema, talentKindSchema } from '@jinke/core/registry/parties.contract.ts';
import type { QualificationStatus } from '@jinke/core/registry/qualifications.ts';
import type { z } from 'zod';
import type { Text } from '../../app/i18n.tsx';
import type { ProvenanceItem } from './api.ts';

export const enterpriseFieldLabels: Record<EnterpriseField, Text> = {
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  name: { zh: '企业名称', en: 'Name' },
  formerNames: { zh: '曾用名', en: 'Former names' },
  legalRep: { zh: '法定代表人', en: 'Legal representative' },
  registeredOn: { zh: '成立日期', en: 'Registered on' },
  address: { zh: '注册地址', en: 'Address' },
  townCode: { zh: '所在镇（街道）', en: 'Town' },
  industryCode: { zh: '国民经济行业', en: 'Industry (GB/T 4754-2017)' },
  hitechField: { zh: '高新技术领域', en: 'High-tech field' },
  staff: { zh: '职工人数', en: 'Staff' },
  revenueFen: { zh: '营业收入', en: 'Revenue' },
  contactName: { zh: '联系人', en: 'Contact name' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
};

export const yearFieldLabels: Record<YearField, Text> = {
  revenueFen: { zh: '营业收入', en: 'Revenue' },
  rdFen: { zh: '研发费用', en: 'R&D spending' },
  staff: { zh: '职工总数', en: 'Staff' },
  techStaff: { zh: '科技人员数', en: 'Tech staff' },
  netAssetsFen: { zh: '净资产', en: 'Net assets' },
  totalAssetsFen: { zh: '资产总额', en: 'Total assets' },
  aboveScale: { zh: '规上企业', en: 'Above designated size' },
};

/** `name` or `years.2025.revenueFen` as a reader says it. */
export function fieldKeyLabel(
  key: string,
  t: (text: Text, vars?: Record<string, string | number>) => string,
): string {
  if (key in enterpriseFieldLabels) return t(enterpriseFieldLabels[key as EnterpriseField]);
  const match = /^years\.(\d{4})\.(\w+)$/.exec(key);
  if (match && match[2] && match[2] in yearFieldLabels) {
    return `${match[1]} ${t(yearFieldLabels[match[2] as YearField])}`;
  }
  return key;
}

/** The provenance badge: who the value came from, and whether an officer has attested it. */
export const provenanceLabels: Record<ProvenanceItem['source'] | 'verified', Text> = {
  self: { zh: '自报', en: 'Self-reported' },
  officer: { zh: '局录入', en: 'Entered by the bureau' },
  import: { zh: '导入', en: 'Imported' },
  seed: { zh: '初始数据', en: 'Initial data' },
  verified: { zh: '核实', en: 'Verified' },
};

export const provenanceColors: Record<ProvenanceItem['source'] | 'verified', string> = {
  self: 'orange',
  officer: 'blue',
  import: 'purple',
  seed: 'default',
  verified: 'green',
};

/** The six-month window is EXPIRING_WITHIN_MONTHS in core's qualifications rules. */
export const qualificationStatusText: Record<QualificationStatus, Text> = {
  not_yet_valid: { zh: '未生效', en: 'Not yet valid' },
  valid: { zh: '有效', en: 'Valid' },
  expiring: { zh: '6个月内到期', en: 'Expires within 6 months' },
  expired: { zh: '已过期', en: 'Expired' },
};

export const qualificationStatusColors: Record<QualificationStatus, string> = {
  not_yet_valid: 'default',
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
};

export const honourAwardLabels: Record<(typeof honourAwards)[number], Text> = {
  china_patent_award: { zh: '中国专利奖', en: 'China Patent Award' },
  national_sti_award: { zh: '国家科学技术奖', en: 'National S&T Award' },
  provincial_sti_award: { zh: '省科学技术奖', en: 'Provincial S&T Award' },
  city_sti_award: { zh: '市科学技术奖', en: 'City S&T Award' },
  provincial_patent_award: { zh: '省专利奖', en: 'Provincial Patent Award' },
};

export const honourGradeLabels: Record<(typeof honourGrades)[number], Text> = {
  gold: { zh: '金奖', en: 'Gold' },
  silver: { zh: '银奖', en: 'Silver' },
  excellence: { zh: '优秀奖', en: 'Award of excellence' },
  special: { zh: '特等奖', en: 'Special prize' },
  first: { zh: '一等奖', en: 'First prize' },
  second: { zh: '二等奖', en: 'Second prize' },
  third: { zh: '三等奖', en: 'Third prize' },
  major_contribution: { zh: '重大贡献奖', en: 'Major contribution award' },
  entrepreneurship: { zh: '创业奖', en: 'Entrepreneurship award' },
  enterprise_innovation: { zh: '企业技术创新奖', en: 'Enterprise innovation award' },
};

export const patentTypeLabels: Record<'invention' | 'utility' | 'design', Text> = {
  invention: { zh: '发明', en: 'Invention' },
  utility: { zh: '实用新型', en: 'Utility model' },
  design: { zh: '外观设计', en: 'Design' },
};

export const relationKindLabels: Record<z.infer<typeof relationKindSchema>, Text> = {
  employer: { zh: '工作单位', en: 'Employer' },
  relative: { zh: '亲属关系', en: 'Relative' },
  former_employer: { zh: '原工作单位', en: 'Former employer' },
  shareholder: { zh: '持股', en: 'Shareholder' },
  co_applicant: { zh: '共同申请人', en: 'Co-applicant' },
};

export const bankKindLabels: Record<z.infer<typeof bankKindSchema>, Text> = {
  bank: { zh: '银行', en: 'Bank' },
  investor: { zh: '投资机构', en: 'Investor' },
  guarantor: { zh: '担保机构', en: 'Guarantor' },
};

export const talentKindLabels: Record<z.infer<typeof talentKindSchema>, Text> = {
  talent: { zh: '人才', en: 'Talent' },
  team: { zh: '创业团队', en: 'Startup team' },
};

/**
 * An amount of 分 as officials read it: 万元 in Chinese (two decimals, half-up), yuan with the ¥ sign in English;
 * '—' when absent. Exact integer arithmetic from core's money helpers; no float touches the amount.
 */
export function formatMoney(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (locale !== 'zh-CN') return formatYuan(fen(value));
  // 195000万元 reads better as 195,000万元; the digits come from core's exact formatter.
  return formatWan(fen(value), { decimals: 2 }).replace(
    /^(-?)(\d+)/,
    (_m, sign: string, digits: string) => `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
  );
}

/** The exact amount in 元, for a tooltip beside the rounded 万元. */
export function formatYuanExact(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${formatYuan(fen(value), { symbol: false })} 元`;
}

/** An amount of 分 as the 万元 text a form field holds (exact, no trailing zeros), or undefined. */
export function fenToWanText(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return formatWan(fen(value)).replace(/万元$/, '');
}

/**
 * A form's 万元 text as a number of 分, exactly; null for an empty field. Throws on text the field should not
 * have let through (more precise than 1 分); the form's own rules catch that first.
 */
export function wanTextToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const parsed = parseMoney(`${String(text).trim().replaceAll(',', '')}万元`);
  if (!parsed.ok) throw new RangeError(parsed.error.en);
  return toFenNumber(parsed.fen);
}

export function formatCount(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(locale);
}
