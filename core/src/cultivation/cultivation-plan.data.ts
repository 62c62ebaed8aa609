/**
 * Data the 12-month cultivation plan rests on: how long each way of obtaining IP takes, and plain words for the
 * input paths of the assessments (so "years[year=2023].rdFen" reads "2023 年度研究开发费用").
 *
 * The lead times are planning assumptions, not legal deadlines: typical times from filing to a right the
 * enterprise can count (授权公告 for patents, 登记证书 for software copyright, 著录项目变更 for a transfer), rounded
 * up to whole months. They are data so that the bureau can adjust them without touching the plan logic.
 */
import type { Bilingual } from './criteria.ts';

export type IpRoute = 'software-copyright' | 'transfer' | 'design' | 'utility' | 'invention';

export interface IpLeadTime {
  route: IpRoute;
  /** 195号 三（二）: Ⅰ类 (invention) or Ⅱ类 (utility, design, software copyright). */
  ipClass: 'I' | 'II' | 'either';
  /** Months from filing (plan month 1) until the right can be counted. */
  months: number;
  label: Bilingual;
  /** A route that does not suit every enterprise says so. */
  condition: Bilingual | null;
}

export const IP_LEAD_TIMES: readonly IpLeadTime[] = [
  {
    route: 'software-copyright',
    ipClass: 'II',
    months: 2,
    label: { zh: '计算机软件著作权登记', en: 'software copyright registration' },
    condition: { zh: '适用于有自主开发软件的企业', en: 'for enterprises that develop their own software' },
  },
  {
    route: 'transfer',
    ipClass: 'either',
    months: 2,
    label: { zh: '受让已授权专利（著录项目变更）', en: 'acquiring a granted patent (transfer recorded)' },
    condition: {
      zh: '须与主要产品（服务）相关并实际实施',
      en: 'must relate to the main products and be put to use',
    },
  },
  {
    route: 'design',
    ipClass: 'II',
    months: 6,
    label: { zh: '外观设计专利', en: 'design patent' },
    condition: null,
  },
  {
    route: 'utility',
    ipClass: 'II',
    months: 8,
    label: { zh: '实用新型专利', en: 'utility-model patent' },
    condition: null,
  },
  {
    route: 'invention',
    ipClass: 'I',
    months: 22,
    label: { zh: '发明专利', en: 'invention patent' },
    condition: null,
  },
];

export function leadTime(route: IpRoute): IpLeadTime {
  const found = IP_LEAD_TIMES.find((l) => l.route === route);
  if (!found) throw new RangeError(`unknown IP route ${route}`);
  return found;
}

/** 195号 三（四）: a 科技人员 has worked at least 183 days in the year; 115号 第九条: six months for part-timers. */
export const TECH_STAFF_MIN_DAYS = 183;

const FIELD_WORDS: Record<string, Bilingual> = {
  registrationDate: { zh: '注册成立日期', en: 'registration date' },
  applicationDate: { zh: '申请日期', en: 'application date' },
  hasCoreIpOwnership: { zh: '是否拥有核心知识产权所有权', en: 'ownership of core IP' },
  techInKeyFields: { zh: '核心技术是否属于重点支持领域', en: 'core technology within the key fields' },
  majorIncidentWithinYear: {
    zh: '申请前一年内有无重大安全、质量事故或严重环境违法',
    en: 'major accident or environmental violation within a year',
  },
  'staff.techStaff': { zh: '科技人员数（全年月平均）', en: 'tech staff (annual monthly average)' },
  'staff.totalStaff': { zh: '职工总数（全年月平均）', en: 'total staff (annual monthly average)' },
  salesFen: { zh: '销售收入', en: 'sales revenue' },
  rdFen: { zh: '研究开发费用', en: 'R&D expense' },
  domesticRdFen: { zh: '境内研究开发费用', en: 'domestic R&D expense' },
  hiTechRevenueFen: { zh: '高新技术产品（服务）收入', en: 'hi-tech product (service) revenue' },
  totalRevenueFen: { zh: '总收入', en: 'total revenue' },
  netAssetsFen: { zh: '年末净资产', en: 'year-end net assets' },
  'score.ip.advanced': { zh: '技术的先进程度（专家评分）', en: 'how advanced the technology is (expert)' },
  'score.ip.coreSupport': { zh: '核心支持作用（专家评分）', en: 'core support (expert)' },
  'score.ip.count': { zh: '知识产权数量', en: 'number of IP rights' },
  'score.ip.acquisition': { zh: '知识产权获得方式（专家评分）', en: 'how the IP was obtained (expert)' },
  'score.ip.standards': { zh: '参与编制标准（加分项）', en: 'standards (bonus)' },
  'score.transformation': { zh: '科技成果转化项数', en: 'conversions of S&T achievements' },
  'score.rdManagement.system': { zh: '研发组织管理制度（≤6分）', en: 'R&D management rules (≤ 6)' },
  'score.rdManagement.institution': {
    zh: '研发机构与产学研合作（≤6分）',
    en: 'R&D unit and co-operation (≤ 6)',
  },
  'score.rdManagement.transformation': {
    zh: '成果转化激励与创新平台（≤4分）',
    en: 'conversion rewards and platform (≤ 4)',
  },
  'score.rdManagement.talent': { zh: '人才培养与激励（≤4分）', en: 'talent and rewards (≤ 4)' },
  'score.growth.netAssetsPoints': { zh: '净资产增长率评分', en: 'net-asset growth points' },
  'score.growth.salesPoints': { zh: '销售收入增长率评分', en: 'sales growth points' },
  innovationScore: { zh: '创新能力评价得分', en: 'innovation score' },
  residentEnterprise: { zh: '是否境内注册的居民企业', en: 'resident enterprise' },
  employees: { zh: '职工总数', en: 'total staff' },
  techStaff: { zh: '科技人员数', en: 'tech staff' },
  salesRevenueFen: { zh: '年销售收入', en: 'sales revenue' },
  totalAssetsFen: { zh: '资产总额', en: 'total assets' },
  prohibitedIndustry: { zh: '是否属于禁止、限制和淘汰类', en: 'prohibited or restricted industry' },
  incidentOrBlacklisted: {
    zh: '有无重大事故、严重失信或列入异常名录',
    en: 'accidents, serious dishonesty or abnormal-operation listing',
  },
  rdExpenseFen: { zh: '研发费用总额', en: 'R&D expense' },
  totalCostFen: { zh: '成本费用支出总额', en: 'total costs' },
  ipI: { zh: 'Ⅰ类知识产权数', en: 'class Ⅰ IP rights' },
  ipII: { zh: 'Ⅱ类知识产权数', en: 'class Ⅱ IP rights' },
};

const YEAR_PATH = /^years\[year=(\d{4})\]\.(\w+)$/;
const YEAR_ONLY = /^years\[year=(\d{4})\]$/;

/** Plain words for an input path: `years[year=2023].rdFen` → 2023 年度研究开发费用. Unknown paths are returned as they are. */
export function fieldWords(path: string): Bilingual {
  const year = YEAR_PATH.exec(path);
  if (year) {
    const [, y = '', field = ''] = year;
    const words = FIELD_WORDS[field];
    return words
      ? { zh: `${y} 年度${words.zh}`, en: `${words.en} of ${y}` }
      : { zh: `${y} 年度 ${field}`, en: `${field} of ${y}` };
  }
  const yearOnly = YEAR_ONLY.exec(path);
  if (yearOnly) return { zh: `${yearOnly[1]} 年度数据`, en: `figures of ${yearOnly[1]}` };
  const trimmed = path.replace(/\.points$/, '');
  return FIELD_WORDS[path] ?? FIELD_WORDS[trimmed] ?? { zh: path, en: path };
}
