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
  return t.comparison === 'above' ? `${name}力争突破${t.value}${unit}` : `${name}${t.value}${unit}`;
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

  /** The figure with its unit, or the missing marker (recorded for the note). */
  function fig(id: string): string {
    const i = byId.get(id);
    if (!i) {
      missing.set(id, `${id}（指标目录中没有该指标）`);
      return missingMarker(id);
    }
    if (!i.figure) {
      missing.set(id, lacks(i));
      return missingMarker(i.name.zh);
    }
    return `${i.figure.display}${proseUnit(i.unit.zh)}`;
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
      `新增省级重点实验室${fig('platforms.new_key_lab')}、省级工程技术研究中心${fig('platforms.new_eng_center')}、` +
      `省级新型研发机构${fig('platforms.new_rnd_institution')}。`,
  );
  h2('（二）知识产权创造');
  p(
    `全年专利申请${fig('patents.applications')}，授权${fig('patents.grants')}；` +
      `年末有效发明专利${fig('patents.valid_invention')}，每万人口发明专利拥有量${fig('patents.invention_per_10k')}。`,
  );
  p(
    `其中，发明专利申请${fig('patents.invention_applications')}，发明专利授权${fig('patents.invention_grants')}。`,
  );
  h2('（三）规上工业企业“三个全覆盖”');
  p(
    `全市规上工业企业${fig('above_scale.count')}，其中拥有有效发明专利的${fig('above_scale.with_invention')}，` +
      `覆盖率${fig('above_scale.invention_coverage')}；建有研发机构的${fig('above_scale.with_rnd_platform')}，` +
      `覆盖率${fig('above_scale.rnd_platform_coverage')}；开展产学研合作的${fig('above_scale.with_cooperation')}，` +
      `覆盖率${fig('above_scale.cooperation_coverage')}。`,
  );
  const targeted = data.items.filter((i) => i.target !== null);
  if (targeted.length > 0) {
    h2(`（四）${year}年目标完成情况`);
    p(
      `${targeted
        .map((i) => {
          const unit = proseUnit(i.unit.zh);
          const goal = `${i.target!.comparison === 'above' ? '突破' : ''}${i.target!.value.display}${unit}`;
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

  const appendix: AppendixRow[] = data.items.map((i) => {
    if (!i.figure && !missing.has(i.id)) missing.set(i.id, lacks(i));
    const exact = i.figure && i.figure.value !== i.figure.display ? `（${i.figure.value}）` : '';
    return {
      id: i.id,
      name: i.name.zh,
      value: i.figure ? `${i.figure.display}${exact}` : missingMarker(i.name.zh),
      unit: i.unit.zh,
      source: i.source === 'reported' ? '填报' : '计算',
      formula: i.formula,
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
