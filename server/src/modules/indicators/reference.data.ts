/**
 * Jinjiang's reference figures for the indicators, from 晋江市科技和知识产权局《晋江市科技和知识产权工作2017年总结和
 * 2018年要点》(晋科〔2018〕11号, issued 2018-03-18): the county targets of 2018 and the resident population of 2017,
 * which the summary does not state but implies (1,435 valid invention patents at 6.86 per 10,000 residents).
 */
import type { TargetComparison } from '@jinke/core/indicators/api.contract.ts';

export const REFERENCE_SOURCE = '晋科〔2018〕11号';

export interface ReferenceTarget {
  indicator: string;
  year: number;
  value: string;
  comparison: TargetComparison;
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
];

export const REPORTED_2017 = {
  indicator: 'population.resident',
  year: 2017,
  value: '2091837',
  note: `${REFERENCE_SOURCE}推算：有效发明专利1435件 ÷ 每万人口6.86件`,
} as const;
