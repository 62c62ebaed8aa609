/**
 * The fixed part of the 高企 recognition conditions (国科发火〔2016〕32号 第十一条; 195号 三): thresholds and, for each
 * criterion, its title, requirement and citation in zh-CN and en-US. Built once; the rules only add the figures.
 */
import { FEN_PER_WAN, type Fen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import { DOCS, cite, words, type Bilingual, type CriterionDef } from './criteria.ts';

/** (五) bands by the latest year's sales; "（含）" puts 5000万 and 2亿 in the lower band. */
export const HNTE_RD_BANDS: readonly { maxSalesFen: Fen | null; minPct: number }[] = [
  { maxSalesFen: 5_000n * FEN_PER_WAN, minPct: 5 },
  { maxSalesFen: 20_000n * FEN_PER_WAN, minPct: 4 },
  { maxSalesFen: null, minPct: 3 },
];

export const HNTE_MIN_REGISTRATION_DAYS = 365;
export const HNTE_MIN_TECH_STAFF = Rational.percent(10);
export const HNTE_MIN_DOMESTIC_RD = Rational.percent(60);
export const HNTE_MIN_HITECH_REVENUE = Rational.percent(60);
export const HNTE_PASS_SCORE = 71;

export function rdThresholdPctFor(latestSalesFen: Fen): number {
  for (const band of HNTE_RD_BANDS)
    if (band.maxSalesFen === null || latestSalesFen <= band.maxSalesFen) return band.minPct;
  return 3;
}

const G = DOCS.hnteGuide;
const M = DOCS.hnteMeasures;

export const DEF = {
  registration: {
    id: 'registration',
    title: words('注册成立一年以上', 'Registered for more than one year'),
    required: words(
      `申请时注册成立满 ${HNTE_MIN_REGISTRATION_DAYS} 个日历天（含）`,
      `At least ${HNTE_MIN_REGISTRATION_DAYS} calendar days between registration and application`,
    ),
    citation: cite(M, '第十一条（一）；195号 三（一）“须注册成立365个日历天数以上”'),
    interpretation: 'I-01',
  },
  coreIp: {
    id: 'core-ip',
    title: words(
      '拥有对主要产品（服务）发挥核心支持作用的知识产权的所有权',
      'Owns IP that is core to its main products (services)',
    ),
    required: words('拥有（不具备知识产权的企业不能认定）', 'Required (no IP, no recognition)'),
    citation: cite(M, '第十一条（二）'),
  },
  keyFields: {
    id: 'key-fields',
    title: words(
      '核心技术属于《国家重点支持的高新技术领域》',
      'Core technology within the state-supported hi-tech fields',
    ),
    required: words('属于八大领域之一', 'Within one of the eight fields'),
    citation: cite(M, '第十一条（三）'),
  },
  techStaff: {
    id: 'tech-staff',
    title: words('科技人员占职工总数比例不低于10%', 'Tech staff at least 10 % of all staff'),
    required: words(
      '科技人员 ÷ 职工总数 ≥ 10%（全年月平均数）',
      'tech staff ÷ total staff ≥ 10 % (annual monthly averages)',
    ),
    citation: cite(M, '第十一条（四）；195号 三（四）科技人员、职工总数、统计方法'),
  },
  rdRatio: {
    id: 'rd-ratio',
    title: words(
      '近三个会计年度研究开发费用占销售收入比例',
      'R&D expense ÷ sales over the last three accounting years',
    ),
    required: words(
      '最近一年销售收入 ≤5000万元（含）：≥5%；5000万–2亿元（含）：≥4%；2亿元以上：≥3%',
      'latest-year sales ≤ ¥50 m (incl.): ≥ 5 %; ≤ ¥200 m (incl.): ≥ 4 %; above: ≥ 3 %',
    ),
    citation: cite(M, '第十一条（五）；195号 三（五）年限、三（六）研究开发费用'),
  },
  domesticRd: {
    id: 'domestic-rd',
    title: words('境内研究开发费用占全部研究开发费用比例不低于60%', 'Domestic R&D at least 60 % of all R&D'),
    required: words('境内研发费用 ÷ 研发费用总额 ≥ 60%', 'domestic R&D ÷ total R&D ≥ 60 %'),
    citation: cite(M, '第十一条（五）；195号 三（六）3 境内研究开发费用'),
  },
  hiTech: {
    id: 'hitech-revenue',
    title: words(
      '近一年高新技术产品（服务）收入占同期总收入比例不低于60%',
      'Hi-tech revenue at least 60 % of total revenue in the latest year',
    ),
    required: words('高新技术产品（服务）收入 ÷ 总收入 ≥ 60%', 'hi-tech revenue ÷ total revenue ≥ 60 %'),
    citation: cite(M, '第十一条（六）；195号 三（五）高新技术产品（服务）收入、总收入'),
  },
  score: {
    id: 'innovation-score',
    title: words('企业创新能力评价达到相应要求', 'Innovation-capability evaluation meets the requirement'),
    required: words(
      '综合得分 70 分以上（不含 70 分），即 ≥ 71 分',
      'Total above 70 points (70 excluded), i.e. ≥ 71',
    ),
    citation: cite(G, '三（七）企业创新能力评价；32号 第十一条（七）'),
  },
  incident: {
    id: 'no-major-incident',
    title: words(
      '申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为',
      'No major safety or quality accident or serious environmental violation within the year before applying',
    ),
    required: words('未发生（申请前365天之内）', 'None in the 365 days before applying'),
    citation: cite(M, '第十一条（八）；195号 三（五）年限'),
  },
} satisfies Record<string, CriterionDef>;

/** Per-band requirement words, built once. */
export const RD_REQUIRED = new Map(
  HNTE_RD_BANDS.map((b) => [
    b.minPct,
    words(
      `${DEF.rdRatio.required.zh}；本企业适用 ≥${b.minPct}%`,
      `${DEF.rdRatio.required.en}; this enterprise: ≥ ${b.minPct} %`,
    ),
  ]),
);

export const NO_YEAR = words('尚无完整会计年度', 'No accounting year has ended since registration');

export interface BooleanWords {
  yes: Bilingual;
  no: Bilingual;
  gap: Bilingual;
}

export const BOOLEAN_WORDS = {
  coreIp: {
    yes: words('拥有', 'Yes'),
    no: words('不拥有', 'No'),
    gap: words(
      '须通过自主研发、受让、受赠、并购等方式取得核心知识产权的所有权',
      'Obtain ownership of core IP (own R&D, transfer, gift, merger)',
    ),
  },
  keyFields: {
    yes: words('属于', 'Yes'),
    no: words('不属于', 'No'),
    gap: words(
      '核心支持技术须属于《国家重点支持的高新技术领域》规定的范围',
      'The core technology must fall within the catalogue of fields',
    ),
  },
  incident: {
    yes: words('发生过', 'One occurred'),
    no: words('未发生', 'None'),
    gap: words(
      '申请前一年内发生重大事故或严重环境违法行为的不能认定',
      'Not eligible within a year of such an event',
    ),
  },
} satisfies Record<string, BooleanWords>;
