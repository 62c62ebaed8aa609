/**
 * Indicators entered as reported figures: what other departments hold (R&D intensity, provincial rankings, loan
 * totals), with their document attached, and the bureau's own programme results (awards, subsidies, science-plan
 * projects, the technology market, contests), entered by the section that ran them. The programme figures become
 * computed indicators when their calls run on the platform (the programmes domain); until then the section
 * enters the year's result from its ledger. Each cites the sentence of 晋科〔2018〕11号 that states it.
 */
import { SUMMARY, reported, units, type CatalogueEntry, type Department } from './catalogue.parts.ts';

const { firms, items, patents, people, times, percent, tenThousandYuan, hundredMillionYuan, rank, count } =
  units;

const HITECH: Department = { zh: '本局高新科', en: 'Bureau high-tech section', external: false };
const IP: Department = { zh: '本局知识产权科', en: 'Bureau IP section', external: false };
const TRANSFER: Department = {
  zh: '本局成果转化科',
  en: 'Bureau technology transfer section',
  external: false,
};
const STATISTICS: Department = { zh: '市统计局', en: 'Statistics bureau', external: true };
const PROVINCE_IP: Department = {
  zh: '福建省知识产权局',
  en: 'Fujian intellectual property office',
  external: true,
};
const BANKS: Department = {
  zh: '人民银行晋江市支行（合作银行汇总）',
  en: 'People’s Bank of China, Jinjiang branch (partner banks’ totals)',
  external: true,
};

const projects = { zh: '个', en: 'projects' };
const units_ = { zh: '家', en: 'units' };

export const REPORTED_ENTRIES: readonly CatalogueEntry[] = [
  reported(
    'rnd.gdp_ratio',
    { zh: '全社会研发投入占GDP比重', en: 'R&D expenditure as a share of GDP' },
    percent,
    STATISTICS,
    `${SUMMARY}：全社会研发投入占GDP比重2.65%（R&D经费内部支出 ÷ 地区生产总值，统计部门口径）`,
    { decimals: 2, published: true },
  ),
  reported(
    'above_scale.rnd_growth',
    { zh: '规上工业企业研发费用增长', en: 'Growth of above-scale enterprises’ R&D expenditure' },
    percent,
    STATISTICS,
    `${SUMMARY}：2018年规上工业企业研发费用增长20%以上（统计部门一套表口径）`,
    { decimals: 1 },
  ),
  reported(
    'patents.applications_rank',
    { zh: '专利申请量全省县（市）排名', en: 'Patent applications: rank among the province’s counties' },
    rank,
    PROVINCE_IP,
    `${SUMMARY}：专利申请量居全省县域第2位`,
  ),
  reported(
    'patents.grants_rank',
    { zh: '专利授权量全省县（市）排名', en: 'Patent grants: rank among the province’s counties' },
    rank,
    PROVINCE_IP,
    `${SUMMARY}：专利授权量居全省县域第1位`,
  ),
  reported(
    'awards.innovation_units',
    { zh: '科技创新奖励单位', en: 'Units given innovation awards' },
    units_,
    HITECH,
    `${SUMMARY}：兑现科技创新奖励70家单位`,
  ),
  reported(
    'awards.innovation_items',
    { zh: '科技创新奖励项目', en: 'Innovation award items' },
    items,
    HITECH,
    `${SUMMARY}：科技创新奖励96项`,
  ),
  reported(
    'awards.innovation_amount',
    { zh: '科技创新奖励金额', en: 'Innovation awards paid' },
    tenThousandYuan,
    HITECH,
    `${SUMMARY}：兑现科技创新奖励资金2795万元`,
    { decimals: 2 },
  ),
  reported(
    'super_deduction.appraised_enterprises',
    { zh: '研发费用加计扣除项目鉴定企业', en: 'Enterprises with R&D projects appraised for super-deduction' },
    firms,
    HITECH,
    `${SUMMARY}：为34家企业开展研发费用加计扣除项目鉴定`,
  ),
  reported(
    'super_deduction.appraised_projects',
    { zh: '研发费用加计扣除鉴定项目', en: 'R&D projects appraised for super-deduction' },
    projects,
    HITECH,
    `${SUMMARY}：鉴定研发项目144个`,
  ),
  reported(
    'science_plan.provincial',
    { zh: '省级科技计划项目', en: 'Provincial science-plan projects' },
    items,
    HITECH,
    `${SUMMARY}：获省级科技计划项目31项`,
  ),
  reported(
    'science_plan.quanzhou',
    { zh: '泉州市级科技计划项目', en: 'Quanzhou science-plan projects' },
    items,
    HITECH,
    `${SUMMARY}：泉州市级科技计划项目26项`,
  ),
  reported(
    'science_plan.jinjiang',
    { zh: '晋江市级科技计划项目', en: 'Jinjiang science-plan projects' },
    items,
    HITECH,
    `${SUMMARY}：晋江市级科技计划项目81项`,
  ),
  reported(
    'science_plan.funding',
    { zh: '科技计划项目资金', en: 'Science-plan project funding' },
    tenThousandYuan,
    HITECH,
    `${SUMMARY}：三级科技计划项目获资金2919万元`,
    { decimals: 2 },
  ),
  reported(
    'patent_subsidy.enterprise_patents',
    { zh: '资助企业专利', en: 'Enterprise patents subsidised' },
    patents,
    IP,
    `${SUMMARY}：共资助2578件企业专利`,
  ),
  reported(
    'patent_subsidy.individual_patents',
    { zh: '资助个人专利', en: 'Individual patents subsidised' },
    patents,
    IP,
    `${SUMMARY}：资助1292件个人专利`,
  ),
  reported(
    'patent_subsidy.amount',
    { zh: '专利资助金额', en: 'Patent subsidies paid' },
    tenThousandYuan,
    IP,
    `${SUMMARY}：资助金额达1671.8万元`,
    { decimals: 2 },
  ),
  reported(
    'patent_industrialisation.projects',
    { zh: '专利产业化项目', en: 'Patent industrialisation projects' },
    items,
    IP,
    `${SUMMARY}：扶持专利产业化项目20项`,
  ),
  reported(
    'patent_industrialisation.amount',
    { zh: '专利产业化扶持资金', en: 'Patent industrialisation funding' },
    tenThousandYuan,
    IP,
    `${SUMMARY}：专利产业化扶持资金333万元`,
    { decimals: 2 },
  ),
  reported(
    'enforcement.booth_inspections',
    { zh: '展会知识产权检查展位', en: 'Exhibition booths inspected for IP' },
    count,
    IP,
    `${SUMMARY}：在鞋博会、食博会检查展位300余个（填报下限值）`,
  ),
  reported(
    'enforcement.infringement_cases',
    { zh: '查处知识产权侵权案件', en: 'IP infringement cases handled' },
    { zh: '件', en: 'cases' },
    IP,
    `${SUMMARY}：查处侵权案件80余件（填报下限值）`,
  ),
  reported(
    'finance.patent_pledge_loans',
    { zh: '专利权质押贷款', en: 'Patent pledge loans' },
    hundredMillionYuan,
    BANKS,
    `${SUMMARY}：专利权质押贷款约4亿元`,
    { decimals: 2 },
  ),
  reported(
    'finance.hnte_loans',
    { zh: '高新技术企业信贷', en: 'Loans to high-tech enterprises' },
    tenThousandYuan,
    BANKS,
    `${SUMMARY}：为高新技术企业发放贷款2255万元`,
    { decimals: 2 },
  ),
  ...techMarket(),
  reported(
    'contest.registrations',
    { zh: '创新创业大赛报名项目', en: 'Innovation contest entries' },
    items,
    TRANSFER,
    `${SUMMARY}：创新创业大赛报名项目538个`,
  ),
  reported(
    'contest.registrations_jinjiang',
    { zh: '创新创业大赛晋江赛区报名项目', en: 'Innovation contest entries in the Jinjiang division' },
    items,
    TRANSFER,
    `${SUMMARY}：其中晋江赛区43个`,
  ),
];

/** 技术市场 (the online technology market and its matchmaking events): the year's activity. */
function techMarket(): CatalogueEntry[] {
  const row = (key: string, zh: string, en: string, unit: { zh: string; en: string }, words: string) =>
    reported(`tech_market.${key}`, { zh, en }, unit, TRANSFER, `${SUMMARY}：技术市场${words}`);
  return [
    row(
      'projects_collected',
      '技术市场征集项目成果',
      'Technology market: results collected',
      items,
      '征集项目成果33541项',
    ),
    row('experts', '技术市场入驻专家', 'Technology market: experts', people, '入驻专家3783名'),
    row(
      'institutions',
      '技术市场对接高校院所',
      'Technology market: universities and institutes',
      units_,
      '对接高校院所236家',
    ),
    row(
      'enterprises_served',
      '技术市场服务企业',
      'Technology market: enterprises served',
      firms,
      '服务企业4053家',
    ),
    row('services', '技术市场服务', 'Technology market: services', times, '开展服务13420次'),
    row('matchmakings', '技术市场对接', 'Technology market: matchmakings', times, '促成对接2375次'),
    row('intentions', '技术市场合作意向', 'Technology market: letters of intent', items, '达成合作意向57项'),
    row('contracts', '技术市场签约项目', 'Technology market: contracts signed', items, '签约项目64项'),
    reported(
      'tech_market.contract_amount',
      { zh: '技术交易额', en: 'Technology trading amount' },
      tenThousandYuan,
      TRANSFER,
      `${SUMMARY}：签约金额6237.09万元；2018年技术交易额突破1亿元（技术合同成交额）`,
      { decimals: 2, published: true },
    ),
  ];
}
