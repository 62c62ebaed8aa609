/**
 * The words of the annual summary document: the year's figures sentence by sentence in the manner of the bureau's
 * summary (晋科〔2018〕11号), the next year's targets, the note of missing figures and the rows of the appendix
 * "数据来源". A figure without a value is written `【数据缺失：指标名】` and listed in the note — never zero.
 */
import type { IndicatorOverviewItem } from '@jinke/core/indicators/api.contract.ts';
import { ISSUER, type AnnualReportData, type NextYearTarget } from './annual-report.data.ts';
import { chineseDate } from '../../platform/official-document.ts';

export type Block = { kind: 'h1' | 'h2' | 'p'; text: string };

export interface AppendixRow {
  id: string;
  name: string;
  value: string;
  unit: string;
  source: '计算' | '填报';
  formula: string;
  citation: string;
  dataTime: string;
}

export interface AnnualReportText {
  title: string;
  addressee: string;
  blocks: Block[];
  /** One entry per missing figure: its name and what it lacks. */
  missing: string[];
  appendix: AppendixRow[];
  copyTo: string;
  printedBy: string;
}

/** U+3000, the full-width space that sets 印发 apart from its date. */
const IDEOGRAPHIC_SPACE = '\u3000';

export const missingMarker = (name: string) => `【数据缺失：${name}】`;

/** The day and minute of an instant in China time: 2026-11-27 11:45. */
function chinaMinute(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** The name a target is read by in prose: "专利申请12000件", not "专利申请量12000件". */
const proseName = (name: string) => name.replace(/(申请|授权)量$/, '$1');
/** The unit a figure is read by in prose: "6.86件", as the summary writes it. */
const proseUnit = (unit: string) => (unit === '件/万人' ? '件' : unit);

export function targetPhrase(t: NextYearTarget): string {
  const name = proseName(t.name);
  const unit = proseUnit(t.unit);
  const value = t.upper === null ? t.value : `${t.value}—${t.upper}`;
  return t.comparison === 'above' ? `${name}力争突破${value}${unit}` : `${name}${value}${unit}`;
}

export function annualReportText(data: AnnualReportData): AnnualReportText {
  const { year } = data;
  const next = year + 1;
  const byId = new Map(data.items.map((i) => [i.id, i]));
  const missing = new Map<string, string>();
  const nameOf = (id: string) => byId.get(id)?.name.zh ?? id;

  function lacks(i: IndicatorOverviewItem): string {
    if (i.source === 'reported') return `${i.name.zh}（${year}年未填报）`;
    if (i.missing?.reason === 'division-by-zero')
      return `${i.name.zh}（除数为零：${i.missing.inputs.map(nameOf).join('、')}）`;
    const inputs = i.missing?.inputs.map(nameOf).join('、');
    return `${i.name.zh}（缺少${inputs ? `：${inputs}` : '数据'}）`;
  }

  /** The figure with its unit ("约4亿元", "300余个" with `before`/`after`), or the missing marker (noted). */
  function fig(id: string, words: { before?: string; after?: string } = {}): string {
    const i = byId.get(id);
    if (!i) {
      missing.set(id, `${id}（指标目录中没有该指标）`);
      return missingMarker(id);
    }
    if (!i.figure) {
      missing.set(id, lacks(i));
      return missingMarker(i.name.zh);
    }
    return `${words.before ?? ''}${i.figure.display}${words.after ?? ''}${proseUnit(i.unit.zh)}`;
  }

  const blocks: Block[] = [];
  const h1 = (text: string) => blocks.push({ kind: 'h1', text });
  const h2 = (text: string) => blocks.push({ kind: 'h2', text });
  const p = (text: string) => blocks.push({ kind: 'p', text });

  p(
    `现将我局${year}年科技和知识产权工作总结和${next}年工作要点报告如下（文中数据截至${year}年12月31日，` +
      `由晋科平台按附件所列口径计算或填报）：`,
  );
  h1(`一、${year}年工作总结`);
  h2('（一）创新主体培育');
  p(
    `全年新增高新技术企业${fig('hnte.new')}，年末有效高新技术企业${fig('hnte.valid')}；` +
      `新增省级科技型企业${fig('qualifications.new_provincial_tech_enterprise')}，` +
      `科技小巨人领军企业培育库新入库${fig('qualifications.new_little_giant')}；` +
      `新增省级重点实验室${fig('platforms.new_key_lab')}、省级工程技术研究中心${fig('platforms.new_eng_center')}、` +
      `省级新型研发机构${fig('platforms.new_rnd_institution')}。` +
      `为${fig('super_deduction.appraised_enterprises')}企业开展研发费用加计扣除项目鉴定，` +
      `鉴定研发项目${fig('super_deduction.appraised_projects')}。`,
  );
  h2('（二）科技项目与奖励');
  p(
    `获省级科技计划项目${fig('science_plan.provincial')}、泉州市级科技计划项目${fig('science_plan.quanzhou')}、` +
      `晋江市级科技计划项目${fig('science_plan.jinjiang')}，获资金${fig('science_plan.funding')}；` +
      `兑现科技创新奖励${fig('awards.innovation_units')}单位${fig('awards.innovation_items')}，` +
      `奖励资金${fig('awards.innovation_amount')}。全社会研发投入占GDP比重${fig('rnd.gdp_ratio')}。`,
  );
  p(
    `${fig('honours.china_patent_excellence')}企业获中国专利优秀奖；获泉州市科学技术奖${fig('honours.city_sti')}，` +
      `其中重大贡献奖${fig('honours.city_sti_major_contribution')}、创业奖${fig('honours.city_sti_entrepreneurship')}、` +
      `政府企业技术创新奖${fig('honours.city_sti_enterprise_innovation')}，` +
      `科技进步一等奖${fig('honours.city_sti_first')}、二等奖${fig('honours.city_sti_second')}、` +
      `三等奖${fig('honours.city_sti_third')}。`,
  );
  h2('（三）知识产权创造、运用和保护');
  p(
    `全年专利申请${fig('patents.applications')}，居全省县域第${fig('patents.applications_rank')}；` +
      `授权${fig('patents.grants')}，居全省县域第${fig('patents.grants_rank')}；` +
      `年末有效发明专利${fig('patents.valid_invention')}，每万人口发明专利拥有量${fig('patents.invention_per_10k')}。`,
  );
  p(
    `其中，发明专利申请${fig('patents.invention_applications')}，发明专利授权${fig('patents.invention_grants')}。`,
  );
  p(
    `共资助${fig('patent_subsidy.enterprise_patents')}企业专利，${fig('patent_subsidy.individual_patents')}个人专利，` +
      `资助金额达${fig('patent_subsidy.amount')}；扶持专利产业化项目${fig('patent_industrialisation.projects')}，` +
      `扶持资金${fig('patent_industrialisation.amount')}。` +
      `展会期间检查展位${fig('enforcement.booth_inspections', { after: '余' })}，` +
      `查处侵权案件${fig('enforcement.infringement_cases', { after: '余' })}；` +
      `专利权质押贷款${fig('finance.patent_pledge_loans', { before: '约' })}，` +
      `为高新技术企业发放贷款${fig('finance.hnte_loans')}。`,
  );
  h2('（四）技术市场与创新创业');
  p(
    `技术市场征集项目成果${fig('tech_market.projects_collected')}，入驻专家${fig('tech_market.experts')}，` +
      `对接高校院所${fig('tech_market.institutions')}，服务企业${fig('tech_market.enterprises_served')}，` +
      `开展服务${fig('tech_market.services')}，促成对接${fig('tech_market.matchmakings')}，` +
      `达成合作意向${fig('tech_market.intentions')}，签约项目${fig('tech_market.contracts')}，` +
      `签约金额${fig('tech_market.contract_amount')}。`,
  );
  p(
    `新增省级众创空间${fig('carriers.new_provincial_maker_space')}，省级众创空间累计${fig('carriers.provincial_maker_space')}，` +
      `省级科技企业孵化器${fig('carriers.provincial_incubator')}；创客天使计划入选团队${fig('talents.maker_angel_teams')}，` +
      `入选省级科技创业领军人才${fig('talents.provincial_tech_entrepreneur')}，` +
      `聘请海外创业导师${fig('talents.overseas_advisers')}；创新创业大赛报名项目${fig('contest.registrations')}，` +
      `其中晋江赛区${fig('contest.registrations_jinjiang')}。`,
  );
  h2('（五）规上工业企业“三个全覆盖”');
  p(
    `全市规上工业企业${fig('above_scale.count')}，其中拥有有效发明专利的${fig('above_scale.with_invention')}，` +
      `覆盖率${fig('above_scale.invention_coverage')}；建有研发机构的${fig('above_scale.with_rnd_platform')}，` +
      `覆盖率${fig('above_scale.rnd_platform_coverage')}；开展产学研合作的${fig('above_scale.with_cooperation')}，` +
      `覆盖率${fig('above_scale.cooperation_coverage')}。`,
  );
  const targeted = data.items.filter((i) => i.target !== null);
  if (targeted.length > 0) {
    h2(`（六）${year}年目标完成情况`);
    p(
      `${targeted
        .map((i) => {
          const unit = proseUnit(i.unit.zh);
          const range = i.target!.upper ? `—${i.target!.upper.display}` : '';
          const goal = `${i.target!.comparison === 'above' ? '突破' : ''}${i.target!.value.display}${range}${unit}`;
          if (!i.figure) return `${proseName(i.name.zh)}目标${goal}，完成情况${fig(i.id)}`;
          const state = i.met ? '已完成' : '未完成';
          return `${proseName(i.name.zh)}目标${goal}，实际${fig(i.id)}，${state}${i.progress ? `（完成进度${i.progress.display}%）` : ''}`;
        })
        .join('；')}。`,
    );
  }

  h1(`二、${next}年主要目标`);
  if (data.targets.length > 0) {
    const sources = [...new Set(data.targets.map((t) => t.source?.split('：')[0]?.trim()).filter((s) => s))];
    p(
      `${data.targets.map(targetPhrase).join('；')}。${sources.length > 0 ? `（目标依据：${sources.join('、')}）` : ''}`,
    );
  } else {
    missing.set(`targets.${next}`, `${next}年目标（尚未录入）`);
    p(`${missingMarker(`${next}年目标`)}`);
  }

  p('特此报告。');

  // A figure the text does not state and the year lacks is said so in its row, not listed among the text's gaps.
  const absent = (i: IndicatorOverviewItem) =>
    missing.has(i.id) ? missingMarker(i.name.zh) : i.source === 'reported' ? '（本年未填报）' : '（无数据）';
  const appendix: AppendixRow[] = data.items.map((i) => {
    const exact = i.figure && i.figure.value !== i.figure.display ? `（${i.figure.value}）` : '';
    return {
      id: i.id,
      name: i.name.zh,
      value: i.figure ? `${i.figure.display}${exact}` : absent(i),
      unit: i.unit.zh,
      source: i.source === 'reported' ? '填报' : '计算',
      formula: i.reported ? `填报单位：${i.reported.department.zh}` : i.formula,
      citation: i.citation,
      dataTime: `截至${i.asOf}；${i.source === 'reported' ? '填报于' : '读取于'}${chinaMinute(i.dataTime)}`,
    };
  });

  return {
    title: `${ISSUER}关于${year}年科技和知识产权工作总结和${next}年工作要点的报告`,
    addressee: '晋江市人民政府：',
    blocks,
    missing: [...missing.values()],
    appendix,
    copyTo: '抄送：泉州市科学技术局，泉州市知识产权局，市委办、人大办、政协办。',
    printedBy: `${ISSUER}办公室${IDEOGRAPHIC_SPACE.repeat(7)}${chineseDate(data.issuedOn)}印发`,
  };
}
