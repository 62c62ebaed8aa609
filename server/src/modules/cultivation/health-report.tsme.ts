/** The 科小 sections of the health-check report (国科发政〔2017〕115号). */
import type { Paragraph, Table } from 'docx';
import { formatYuan } from '@jinke/core/common/money.ts';
import type { CultivationPlan } from '@jinke/core/cultivation/cultivation-plan.ts';
import type { TsmeInput } from '@jinke/core/cultivation/tsme.contract.ts';
import type { TsmeResult } from '@jinke/core/cultivation/tsme.rules.ts';
import { body, gap, heading1, heading2, passWord, table } from './health-report.parts.ts';
import { gapsSection, planSection } from './health-report.plan.ts';

type Block = Paragraph | Table;

export function tsmeVerdict(result: TsmeResult): string {
  if (result.qualified === true)
    return result.directConfirm ? '符合科技型中小企业条件（可直接确认）' : '符合科技型中小企业评价条件';
  if (result.qualified === false)
    return `暂不符合科技型中小企业评价条件（${result.failures.length} 项不符合）`;
  return `尚不能判定（${result.undecided.length} 项缺少数据）`;
}

function criteriaTable(result: TsmeResult): Table {
  return table(
    [
      { header: '序号', width: 5, center: true },
      { header: '条件', width: 22 },
      { header: '结论', width: 8, center: true },
      { header: '企业实际', width: 20 },
      { header: '要求', width: 13 },
      { header: '差距', width: 16 },
      { header: '依据', width: 16 },
    ],
    result.criteria.map((c, i) => [
      String(i + 1),
      c.title.zh,
      passWord(c.pass),
      c.actual.zh,
      c.required.zh,
      c.gap?.zh ?? (c.pass === true ? '—' : ''),
      `${c.citation.document}${c.citation.article}`,
    ]),
  );
}

function indicatorTable(result: TsmeResult): Table {
  const chosen = result.score.rdChosen;
  const rows = result.indicators.map((i) => [
    i.title.zh +
      (i.id === 'rdBySales' && chosen === 'sales'
        ? '（采用）'
        : i.id === 'rdByCost' && chosen === 'cost'
          ? '（采用）'
          : ''),
    i.actual.zh,
    i.points === null ? '—' : String(i.points),
    i.next?.needs.zh ?? '—',
  ]);
  rows.push([
    '合计',
    '科技人员＋研发投入（择优）＋科技成果',
    result.score.total === null ? '—' : String(result.score.total),
    '≥ 60 分',
  ]);
  return table(
    [
      { header: '评价指标', width: 26 },
      { header: '企业实际', width: 30 },
      { header: '得分', width: 10, center: true },
      { header: '提升至下一档', width: 34 },
    ],
    rows,
  );
}

function directTable(result: TsmeResult): Table {
  const names: Record<string, string> = {
    'hnte-certificate': '有效期内高新技术企业资格证书',
    'national-award': '近五年国家级科技奖励（前三名）',
    'provincial-rd-institution': '省部级以上研发机构',
    'led-standard': '近五年主导制定国际、国家或行业标准',
  };
  return table(
    [
      { header: '直接确认条件', width: 36 },
      { header: '结论', width: 12, center: true },
      { header: '情况', width: 52 },
    ],
    result.directRoutes.map((r) => [names[r.id] ?? r.id, r.pass ? '具备' : '不具备', r.actual.zh]),
  );
}

const amount = (v: bigint | undefined) => (v === undefined ? '未填' : formatYuan(v));

function appendix(no: string, input: TsmeInput, raw: Record<string, unknown>): Block[] {
  const yesNo = (v: boolean | undefined, yes = '是', no = '否') => (v === undefined ? '未填' : v ? yes : no);
  const rows: string[][] = [
    ['境内注册的居民企业', yesNo(input.residentEnterprise)],
    ['职工总数', input.employees?.toDecimal(2) ?? '未填'],
    ['科技人员数', input.techStaff?.toDecimal(2) ?? '未填'],
    ['年销售收入', amount(input.salesRevenueFen)],
    ['资产总额', amount(input.totalAssetsFen)],
    ['研发费用总额', amount(input.rdExpenseFen)],
    ['成本费用支出总额', amount(input.totalCostFen)],
    ['Ⅰ类 / Ⅱ类知识产权', `${input.ipI ?? '未填'} / ${input.ipII ?? '未填'}`],
    ['属于禁止、限制和淘汰类', yesNo(input.prohibitedIndustry)],
    ['重大事故、失信或异常名录', yesNo(input.incidentOrBlacklisted, '有', '无')],
  ];
  return [
    heading1(`${no}、附录：测算数据`),
    heading2('（一）评价数据'),
    table(
      [
        { header: '项目', width: 40 },
        { header: '数值', width: 60 },
      ],
      rows,
    ),
    gap(),
    heading2('（二）提交的原始数据（JSON，金额单位：分）'),
    body(JSON.stringify(raw)),
  ];
}

export function tsmeSections(
  input: TsmeInput,
  result: TsmeResult,
  plan: CultivationPlan,
  raw: Record<string, unknown>,
): Block[] {
  return [
    heading1('一、体检结论'),
    body(`结论：${tsmeVerdict(result)}。`, { bold: true }),
    body(
      result.score.total === null
        ? '综合评价得分：缺少数据，暂无法计算（需 ≥ 60 分，且科技人员指标不得为 0 分）。'
        : `综合评价得分：${result.score.total} 分（需 ≥ 60 分，且科技人员指标不得为 0 分）。`,
    ),
    heading1('二、基本条件与评价要求'),
    body('依据《科技型中小企业评价办法》（国科发政〔2017〕115号）第六条至第九条。'),
    criteriaTable(result),
    gap(),
    heading1('三、评价指标得分'),
    indicatorTable(result),
    gap(),
    heading2('直接确认条件（第八条）'),
    directTable(result),
    gap(),
    ...gapsSection(4, result.criteria, plan),
    ...planSection(5, plan),
    ...appendix('六', input, raw),
  ];
}
