/**
 * Jinjiang's reference figures for the indicators, from 晋江市科技和知识产权局《晋江市科技和知识产权工作2017年总结和
 * 2018年要点》(晋科〔2018〕11号, issued 2018-03-18): the county targets of 2018, and the 2017 figures the registry does
 * not hold — other departments' and the bureau's programme results — with the resident population, which the summary
 * does not state but implies (1,435 valid invention patents at 6.86 per 10,000 residents).
 */
import type { TargetComparison } from '@jinke/core/indicators/api.contract.ts';

export const REFERENCE_SOURCE = '晋科〔2018〕11号';

export interface ReferenceTarget {
  indicator: string;
  year: number;
  value: string;
  comparison: TargetComparison;
  /** The top of a range target. */
  upper?: string;
  source: string;
}

const t2018 = (
  indicator: string,
  value: string,
  comparison: TargetComparison,
  words: string,
): ReferenceTarget => ({
  indicator,
  year: 2018,
  value,
  comparison,
  source: `${REFERENCE_SOURCE}：${words}`,
});

export const TARGETS_2018: readonly ReferenceTarget[] = [
  t2018('hnte.valid', '100', 'above', '高新技术企业力争突破100家'),
  t2018('platforms.new_key_lab', '3', 'at_least', '新增省级重点实验室3家'),
  t2018('platforms.new_eng_center', '2', 'at_least', '新增省级工程技术研究中心2家'),
  t2018('platforms.new_rnd_institution', '2', 'at_least', '新增省级新型研发机构2家'),
  t2018('patents.applications', '12000', 'at_least', '专利申请12000件'),
  t2018('patents.grants', '5500', 'at_least', '专利授权5500件'),
  t2018('patents.invention_applications', '1300', 'at_least', '发明专利申请1300件'),
  t2018('patents.invention_grants', '400', 'at_least', '发明专利授权400件'),
  t2018('patents.invention_per_10k', '8', 'above', '每万人口发明专利拥有量8件以上'),
  t2018('above_scale.rnd_growth', '20', 'at_least', '规上工业企业研发费用增长20%以上'),
  t2018('tech_market.contract_amount', '10000', 'above', '技术交易额突破1亿元'),
  { ...t2018('carriers.new_provincial_star_space', '1', 'at_least', '新建农村众创空间（星创天地）1—2家'), upper: '2' },
];

export interface ReferenceReported {
  indicator: string;
  value: string;
  note: string;
}

const said = (indicator: string, value: string, words?: string): ReferenceReported => ({
  indicator,
  value,
  note: `${REFERENCE_SOURCE}${words ? `：${words}` : ''}`,
});

/** The 2017 figures the registry does not hold, as the summary states them; the year of all of them is 2017. */
export const REPORTED_YEAR = 2017;
export const REPORTED_2017: readonly ReferenceReported[] = [
  said('population.resident', '2091837', '推算：有效发明专利1435件 ÷ 每万人口6.86件'),
  said('rnd.gdp_ratio', '2.65'),
  said('patents.applications_rank', '2'),
  said('patents.grants_rank', '1'),
  said('awards.innovation_units', '70'),
  said('awards.innovation_items', '96'),
  said('awards.innovation_amount', '2795'),
  said('super_deduction.appraised_enterprises', '34'),
  said('super_deduction.appraised_projects', '144'),
  said('science_plan.provincial', '31'),
  said('science_plan.quanzhou', '26'),
  said('science_plan.jinjiang', '81'),
  said('science_plan.funding', '2919'),
  said('patent_subsidy.enterprise_patents', '2578'),
  said('patent_subsidy.individual_patents', '1292'),
  said('patent_subsidy.amount', '1671.8'),
  said('patent_industrialisation.projects', '20'),
  said('patent_industrialisation.amount', '333'),
  said('enforcement.booth_inspections', '300', '300余个，按下限填报'),
  said('enforcement.infringement_cases', '80', '80余件，按下限填报'),
  said('finance.patent_pledge_loans', '4', '约4亿元'),
  said('finance.hnte_loans', '2255'),
  said('tech_market.projects_collected', '33541'),
  said('tech_market.experts', '3783'),
  said('tech_market.institutions', '236'),
  said('tech_market.enterprises_served', '4053'),
  said('tech_market.services', '13420'),
  said('tech_market.matchmakings', '2375'),
  said('tech_market.intentions', '57'),
  said('tech_market.contracts', '64'),
  said('tech_market.contract_amount', '6237.09'),
  said('contest.registrations', '538'),
  said('contest.registrations_jinjiang', '43'),
];
