/**
 * The funding standards Jinke ships (资助标准), loaded into `policy_standards` when the demo is seeded or `jinke funds
 * standards --install` runs; officers add later versions in the application. `programme` is the call kind the
 * standard prices.
 *
 * Sources: 晋科〔2018〕11号 (晋江市科技和知识产权工作2017年总结和2018年要点) reports what each programme paid in 2017 —
 * 科技计划项目 31 provincial, 26 Quanzhou and 81 Jinjiang projects, 2,919万元; 科技创新奖励 96 items of 70 units,
 * 2,795万元; 专利资助 2,578 enterprise and 1,292 individual patents, 1,671.8万元; 专利产业化 20 projects, 333万元 —
 * but no per-item rate or cap. No official per-item figure of Jinjiang was available, so every amount below is
 * the bureau's configurable figure (`note` says so on each record) and a new version replaces it when the bureau
 * adopts its own document.
 */
import { policyStandard, type PolicyStandard, type PolicyStandardInput } from './policy-standard.contract.ts';

const REPORT_2017 = '晋科〔2018〕11号';
const CONFIGURABLE =
  '金额为本局可配置数额（未见公开的晋江市单项标准），以本局正式文件为准 / the bureau’s configurable figure';

const shipped: PolicyStandardInput[] = [
  {
    id: 'patent_subsidy-2017-01-01',
    programme: 'patent_subsidy',
    name: { zh: '专利资助标准', en: 'Patent subsidy standard' },
    effectiveFrom: '2017-01-01',
    citation: `晋江市专利资助（${REPORT_2017}：2017 年资助企业专利 2578 件、个人专利 1292 件，共 1671.8 万元）`,
    perItem: [
      {
        item: 'invention_grant',
        label: { zh: '发明专利授权', en: 'Invention patent granted' },
        unit: { zh: '件', en: 'patents' },
        amountFen: '500000',
      },
      {
        item: 'utility_grant',
        label: { zh: '实用新型专利授权', en: 'Utility model granted' },
        unit: { zh: '件', en: 'patents' },
        amountFen: '50000',
        maxItems: 20,
      },
      {
        item: 'design_grant',
        label: { zh: '外观设计专利授权', en: 'Design patent granted' },
        unit: { zh: '件', en: 'patents' },
        amountFen: '20000',
        maxItems: 10,
      },
    ],
    capPerEnterpriseYearFen: '10000000',
    clawbackYears: 2,
    note: CONFIGURABLE,
  },
  {
    id: 'science_plan-2017-01-01',
    programme: 'science_plan',
    name: { zh: '科技计划项目经费标准', en: 'Science-plan project funding standard' },
    effectiveFrom: '2017-01-01',
    citation: `晋江市科技计划项目（${REPORT_2017}：2017 年立项省级 31 项、泉州市级 26 项、晋江市级 81 项，资金 2919 万元）`,
    tiers: {
      base: { zh: '申请资金', en: 'Funding requested' },
      bands: [
        { fromFen: '0', percent: '100' },
        { fromFen: '20000000', percent: '50' },
      ],
    },
    capPerApplicationFen: '50000000',
    clawbackYears: 2,
    note: CONFIGURABLE,
  },
  {
    id: 'patent_industrialisation-2017-01-01',
    programme: 'patent_industrialisation',
    name: { zh: '专利产业化项目经费标准', en: 'Patent industrialisation funding standard' },
    effectiveFrom: '2017-01-01',
    citation: `晋江市专利产业化项目（${REPORT_2017}：2017 年 20 项，333 万元）`,
    tiers: {
      base: { zh: '申请资金', en: 'Funding requested' },
      bands: [{ fromFen: '0', percent: '100' }],
    },
    capPerApplicationFen: '20000000',
    clawbackYears: 2,
    note: CONFIGURABLE,
  },
  {
    id: 'innovation_award-2017-01-01',
    programme: 'innovation_award',
    name: { zh: '科技创新奖励标准', en: 'Innovation award standard' },
    effectiveFrom: '2017-01-01',
    citation: `晋江市科技创新奖励（${REPORT_2017}：2017 年奖励 70 家单位 96 个项目，2795 万元）`,
    perItem: [
      {
        item: 'award_item',
        label: { zh: '获奖项目', en: 'Awarded project' },
        unit: { zh: '项', en: 'projects' },
        amountFen: '10000000',
        maxItems: 3,
      },
    ],
    capPerEnterpriseYearFen: '50000000',
    clawbackYears: 2,
    note: CONFIGURABLE,
  },
];

export const shippedStandards: PolicyStandard[] = shipped.map((s) => policyStandard.parse(s));

/** Budget lines (预算科目) the disbursement form offers; any other line may be typed. */
export const budgetLines = ['市级科技三项经费', '专利专项资金', '科技创新奖励资金', '人才专项资金'] as const;
