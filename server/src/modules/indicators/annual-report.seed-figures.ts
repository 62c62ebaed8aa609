/**
 * Every figure of 晋科〔2018〕11号 (server/src/db/seed/reference/jinjiang-2017-2018.json) with the words the 2017
 * annual document states it in, for the tests that read the document (as Word XML, and as PDF text in CI): a
 * figure of the file without a phrase here fails the completeness check, so none can be dropped unnoticed.
 * Named places and exhibitions are words, not figures, and are not listed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../db/seed/reference/jinjiang-2017-2018.json', import.meta.url));

/** Path of a numeric leaf ("actual_2017.patents.grants", "…rural_maker_spaces_new.0") → the phrase carrying it. */
export const SEED_FIGURE_PHRASES: Readonly<Record<string, string>> = {
  'derived.resident_population_estimate': 'population.resident常住人口2091837人',
  'actual_2017.innovation_awards.units': '兑现科技创新奖励70家单位',
  'actual_2017.innovation_awards.items': '单位96项',
  'actual_2017.innovation_awards.amount_wan_yuan': '奖励资金2795万元',
  'actual_2017.rnd_super_deduction_appraisal.enterprises': '为34家企业开展研发费用加计扣除项目鉴定',
  'actual_2017.rnd_super_deduction_appraisal.projects': '鉴定研发项目144个',
  'actual_2017.new_qualifications.provincial_enterprise_key_lab': '新增省级重点实验室3个',
  'actual_2017.new_qualifications.provincial_engineering_research_center': '省级工程技术研究中心2个',
  'actual_2017.new_qualifications.provincial_new_rnd_institution': '省级新型研发机构2个',
  'actual_2017.new_qualifications.high_tech_enterprise': '全年新增高新技术企业41家',
  'actual_2017.new_qualifications.provincial_tech_enterprise': '新增省级科技型企业41家',
  'actual_2017.new_qualifications.little_giant_pool_entries': '科技小巨人领军企业培育库新入库88家',
  'actual_2017.new_qualifications.provincial_tech_entrepreneur_talent': '入选省级科技创业领军人才2人',
  'actual_2017.science_plan_projects.provincial': '获省级科技计划项目31项',
  'actual_2017.science_plan_projects.quanzhou': '泉州市级科技计划项目26项',
  'actual_2017.science_plan_projects.jinjiang': '晋江市级科技计划项目81项',
  'actual_2017.science_plan_projects.funding_wan_yuan': '获资金2919万元',
  'actual_2017.rnd_to_gdp_percent': '全社会研发投入占GDP比重2.65%',
  'actual_2017.honours.china_patent_excellence_award_companies': '2家企业获中国专利优秀奖',
  'actual_2017.honours.quanzhou_st_awards.total': '获泉州市科学技术奖16项',
  'actual_2017.honours.quanzhou_st_awards.government_enterprise_innovation': '政府企业技术创新奖1项',
  'actual_2017.honours.quanzhou_st_awards.major_contribution': '重大贡献奖1项',
  'actual_2017.honours.quanzhou_st_awards.entrepreneurship': '创业奖2项',
  'actual_2017.honours.quanzhou_st_awards.progress_first': '科技进步一等奖1项',
  'actual_2017.honours.quanzhou_st_awards.progress_second': '二等奖3项',
  'actual_2017.honours.quanzhou_st_awards.progress_third': '三等奖8项',
  'actual_2017.patent_subsidy.enterprise_patents': '共资助2578件企业专利',
  'actual_2017.patent_subsidy.individual_patents': '1292件个人专利',
  'actual_2017.patent_subsidy.amount_wan_yuan': '资助金额达1671.8万元',
  'actual_2017.patent_industrialisation.projects': '扶持专利产业化项目20项',
  'actual_2017.patent_industrialisation.amount_wan_yuan': '扶持资金333万元',
  'actual_2017.enforcement.exhibition_booth_inspections_at_least': '检查展位300余个',
  'actual_2017.enforcement.infringement_cases_at_least': '查处侵权案件80余件',
  'actual_2017.ip_finance.patent_pledge_loans_yi_yuan_about': '专利权质押贷款约4亿元',
  'actual_2017.ip_finance.high_tech_loans_wan_yuan': '为高新技术企业发放贷款2255万元',
  'actual_2017.patents.applications': '全年专利申请7830件',
  'actual_2017.patents.applications_rank_in_province_counties': '居全省县域第2位',
  'actual_2017.patents.grants': '授权5550件',
  'actual_2017.patents.grants_rank_in_province_counties': '居全省县域第1位',
  'actual_2017.patents.valid_invention_patents': '年末有效发明专利1435件',
  'actual_2017.patents.invention_patents_per_10k': '每万人口发明专利拥有量6.86件',
  'actual_2017.tech_market.projects_collected': '技术市场征集项目成果33541项',
  'actual_2017.tech_market.experts': '入驻专家3783人',
  'actual_2017.tech_market.universities_and_institutes': '对接高校院所236家',
  'actual_2017.tech_market.enterprises_served': '服务企业4053家',
  'actual_2017.tech_market.services': '开展服务13420次',
  'actual_2017.tech_market.matchmakings': '促成对接2375次',
  'actual_2017.tech_market.intentions': '达成合作意向57项',
  'actual_2017.tech_market.contracts': '签约项目64项',
  'actual_2017.tech_market.contract_amount_wan_yuan': '签约金额6237.09万元',
  'actual_2017.entrepreneurship.new_provincial_maker_spaces': '新增省级众创空间3个',
  'actual_2017.entrepreneurship.provincial_maker_spaces_total': '省级众创空间累计4个',
  'actual_2017.entrepreneurship.provincial_incubators': '省级科技企业孵化器1个',
  'actual_2017.entrepreneurship.maker_angel_plan_teams': '创客天使计划入选团队9个',
  'actual_2017.entrepreneurship.contest_registrations': '创新创业大赛报名项目538项',
  'actual_2017.entrepreneurship.contest_registrations_jinjiang': '其中晋江赛区43项',
  'actual_2017.entrepreneurship.overseas_advisers': '聘请海外创业导师6人',
  'targets_2018.high_tech_enterprises_total_above': '有效高新技术企业力争突破100家',
  'targets_2018.new_provincial_key_labs': '新增省级重点实验室3个；',
  'targets_2018.new_provincial_new_rnd_institutions': '新增省级新型研发机构2个；',
  'targets_2018.new_provincial_engineering_research_centers': '新增省级工程技术研究中心2个；',
  'targets_2018.above_scale_enterprise_rnd_growth_percent_at_least': '规上工业企业研发费用增长20%',
  'targets_2018.patent_applications': '专利申请12000件',
  'targets_2018.patent_grants': '专利授权5500件',
  'targets_2018.invention_applications': '发明专利申请1300件',
  'targets_2018.invention_grants': '发明专利授权400件',
  'targets_2018.invention_patents_per_10k_above': '每万人口发明专利拥有量力争突破8件',
  'targets_2018.tech_trading_amount_wan_yuan': '技术交易额力争突破10000万元',
  'targets_2018.rural_maker_spaces_new.0': '新增星创天地（农村众创空间）1—2个',
  'targets_2018.rural_maker_spaces_new.1': '新增星创天地（农村众创空间）1—2个',
};

/** The numeric leaves of the seed file, by path (numbers inside arrays get their index). */
export function seedFigurePaths(): string[] {
  const seed = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
  const paths: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') paths.push(path);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(seed, '');
  return paths.filter((p) => !p.startsWith('named_entities') && !p.startsWith('region'));
}
