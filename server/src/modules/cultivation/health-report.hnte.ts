/** The 高企 sections of the health-check report: verdict, the eight conditions, the score, gaps, plan, appendix. */
import type { Paragraph, Table } from 'docx';
import { formatYuan } from '@jinke/core/common/money.ts';
import type { CultivationPlan } from '@jinke/core/cultivation/cultivation-plan.ts';
import type {
  HnteAssessmentInput,
  HnteAssessmentResult,
} from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import { resolvedStaff } from '@jinke/core/cultivation/hnte-conditions.contract.ts';
import { body, gap, heading1, heading2, passWord, table } from './health-report.parts.ts';
import { gapsSection, planSection } from './health-report.plan.ts';

type Block = Paragraph | Table;

export function hnteVerdict(result: HnteAssessmentResult): string {
  const failed = result.criteria.filter((c) => c.pass === false).length;
  const open = result.criteria.filter((c) => c.pass === null).length;
  if (result.eligible === true) return '符合高新技术企业认定条件';
  if (result.eligible === false)
    return `暂不符合高新技术企业认定条件（${failed} 项不符合${open > 0 ? `，${open} 项待定` : ''}）`;
  return `尚不能判定（${open} 项缺少数据，其余符合）`;
}

function scoreWords(result: HnteAssessmentResult): string {
  const s = result.score;
  if (s.total !== null) return `综合得分 ${s.total} 分（需 ≥ 71 分）`;
  return `综合得分可能为 ${s.minTotal}–${s.maxTotal} 分（专家评分未全部给出；需 ≥ 71 分）`;
}

function conditionsTable(result: HnteAssessmentResult): Table {
  return table(
    [
      { header: '序号', width: 5, center: true },
      { header: '认定条件', width: 16 },
      { header: '结论', width: 8, center: true },
      { header: '企业实际', width: 21 },
      { header: '认定要求', width: 18 },
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

function scoreTable(result: HnteAssessmentResult): Table {
  const rows: string[][] = [];
  for (const indicator of result.score.indicators) {
    for (const item of indicator.items) {
      const band = item.bands.find((b) => b.band === item.band);
      const source =
        item.bandSource === 'data' ? '（按数据）' : item.bandSource === 'expert' ? '（专家）' : '';
      rows.push([
        indicator.title.zh,
        item.title.zh,
        // 研究开发组织管理水平 has no bands: the experts score it directly.
        item.band
          ? `${item.band}${source}${item.basis ? `\n${item.basis.zh}` : ''}`
          : item.points !== null || item.bands.every((b) => b.band === '-')
            ? '—'
            : '未评',
        item.points === null ? `${item.range.min}–${item.range.max}` : String(item.points),
        band ? `${band.min}–${band.max}（满分 ${item.max}）` : `0–${item.max}`,
      ]);
    }
    rows.push([
      `${indicator.title.zh}小计`,
      `满分 ${indicator.max}`,
      '',
      indicator.points === null ? `${indicator.range.min}–${indicator.range.max}` : String(indicator.points),
      `0–${indicator.max}`,
    ]);
  }
  const s = result.score;
  rows.push([
    '合计',
    '综合得分',
    '',
    s.total === null ? `${s.minTotal}–${s.maxTotal}` : String(s.total),
    '≥ 71 分通过',
  ]);
  return table(
    [
      { header: '一级指标', width: 16 },
      { header: '评价项目', width: 32 },
      { header: '档位', width: 20, center: true },
      { header: '得分', width: 12, center: true },
      { header: '分值范围', width: 20, center: true },
    ],
    rows,
  );
}

const amount = (v: bigint | undefined) => (v === undefined ? '未填' : formatYuan(v));

function appendix(
  no: string,
  input: HnteAssessmentInput,
  result: HnteAssessmentResult,
  raw: Record<string, unknown>,
): Block[] {
  const blocks: Block[] = [heading1(`${no}、附录：测算数据`)];
  blocks.push(heading2('（一）年度数据'));
  const years = [...input.years].sort((a, b) => a.year - b.year);
  blocks.push(
    table(
      [
        { header: '年度', width: 8, center: true },
        { header: '销售收入', width: 16 },
        { header: '研究开发费用', width: 16 },
        { header: '境内研发费用', width: 16 },
        { header: '年末净资产', width: 16 },
        { header: '高新技术产品（服务）收入', width: 14 },
        { header: '总收入', width: 14 },
      ],
      years.map((y) => [
        String(y.year),
        amount(y.salesFen),
        amount(y.rdFen),
        amount(y.domesticRdFen),
        amount(y.netAssetsFen),
        amount(y.hiTechRevenueFen),
        amount(y.totalRevenueFen),
      ]),
    ),
    gap(),
  );
  const { tech, total } = resolvedStaff(input.staff);
  const f = result.figures;
  const facts: string[][] = [
    ['注册成立日期', input.registrationDate ?? '未填'],
    ['申请日期（测算）', f.applicationDate],
    ['近三个会计年度', f.window.join('、') || '无'],
    [
      '科技人员 / 职工总数（全年月平均）',
      `${tech?.toDecimal(2) ?? '未填'} / ${total?.toDecimal(2) ?? '未填'}`,
    ],
    [
      '研发费用占销售收入比例',
      f.rdRatioPct === null ? '—' : `${f.rdRatioPct}%（适用 ≥${f.rdThresholdPct ?? ''}%）`,
    ],
    ['境内研发费用占比', f.domesticRdPct === null ? '—' : `${f.domesticRdPct}%`],
    ['高新技术产品（服务）收入占比', f.hiTechRevenuePct === null ? '—' : `${f.hiTechRevenuePct}%`],
    ['科技人员占比', f.techStaffPct === null ? '—' : `${f.techStaffPct}%`],
    [
      '拥有核心知识产权',
      input.hasCoreIpOwnership === undefined ? '未填' : input.hasCoreIpOwnership ? '是' : '否',
    ],
    [
      '核心技术属于重点支持领域',
      input.techInKeyFields === undefined ? '未填' : input.techInKeyFields ? '是' : '否',
    ],
    [
      '一年内重大事故或严重环境违法',
      input.majorIncidentWithinYear === undefined ? '未填' : input.majorIncidentWithinYear ? '有' : '无',
    ],
    [
      '知识产权数量',
      input.score.ip.count
        ? `Ⅰ类 ${input.score.ip.count.countI} 项，Ⅱ类 ${input.score.ip.count.countII} 项`
        : '未填',
    ],
  ];
  blocks.push(heading2('（二）其他测算依据'));
  blocks.push(
    table(
      [
        { header: '项目', width: 40 },
        { header: '数值', width: 60 },
      ],
      facts,
    ),
    gap(),
  );
  blocks.push(heading2('（三）提交的原始数据（JSON，金额单位：分）'));
  blocks.push(body(JSON.stringify(raw)));
  return blocks;
}

export function hnteSections(
  input: HnteAssessmentInput,
  result: HnteAssessmentResult,
  plan: CultivationPlan,
  raw: Record<string, unknown>,
): Block[] {
  return [
    heading1('一、体检结论'),
    body(`结论：${hnteVerdict(result)}。`, { bold: true }),
    body(`企业创新能力评价：${scoreWords(result)}。`),
    heading1('二、认定条件逐项检查'),
    body(
      '依据《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条及《高新技术企业认定管理工作指引》（国科发火〔2016〕195号）。',
    ),
    conditionsTable(result),
    gap(),
    heading1('三、企业创新能力评价'),
    body('各项按整数评分；由数据计算的档位已注明，专家评判项目按自评档位及分值范围列示。'),
    scoreTable(result),
    gap(),
    ...gapsSection(4, result.criteria, plan),
    ...planSection(5, plan),
    ...appendix('六', input, result, raw),
  ];
}
