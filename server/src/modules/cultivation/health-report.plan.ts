/** The report sections both kinds share: every gap with what closes it, and the 12-month cultivation plan. */
import type { Paragraph, Table } from 'docx';
import type { Criterion } from '@jinke/core/cultivation/criteria.ts';
import {
  fieldWords,
  type CultivationPlan,
  type PlanAction,
} from '@jinke/core/cultivation/cultivation-plan.ts';
import { body, chineseDate, gap, heading1, heading2, numeral, table } from './health-report.parts.ts';

type Block = Paragraph | Table;

function monthWords(plan: CultivationPlan, month: number | null): string {
  if (month === null) return '12 个月内无法完成';
  const ym = plan.months[month - 1]?.yearMonth ?? '';
  const [y, m] = ym.split('-');
  return `第 ${month} 个月（${y}年${Number(m)}月）`;
}

function yearMonthWords(ym: string): string {
  const [y, m] = ym.split('-');
  return `${y}年${Number(m)}月`;
}

/** 差距及改进措施: each criterion not met, its gap in plain words and the plan's steps for it. */
export function gapsSection(no: number, criteria: readonly Criterion[], plan: CultivationPlan): Block[] {
  const open = criteria.filter((c) => c.pass !== true);
  const blocks: Block[] = [heading1(`${numeral(no)}、差距及改进措施`)];
  if (open.length === 0) {
    blocks.push(
      body(
        '各项条件均已符合，无需补足的差距。请保持现有研发投入、人员结构和知识产权，并按时填报年度发展情况。',
      ),
    );
    return blocks;
  }
  open.forEach((c, i) => {
    blocks.push(heading2(`（${numeral(i + 1)}）${c.title.zh}`));
    const state = c.pass === false ? '不符合' : '待定（缺少数据）';
    blocks.push(body(`现状：${state}。${c.actual.zh}。要求：${c.required.zh}。`));
    if (c.gap) blocks.push(body(`差距：${c.gap.zh}。`));
    if (c.pass === null && c.missing.length > 0)
      blocks.push(body(`需补充：${c.missing.map((p) => fieldWords(p).zh).join('、')}。`));
    const actions = plan.actions.filter((a) => a.criteria.includes(c.id));
    for (const a of actions) {
      blocks.push(body(`措施（${a.title.zh}，完成时间：${monthWords(plan, a.dueMonth)}）：`));
      a.steps.forEach((s, k) => blocks.push(body(`${k + 1}. ${s.zh}`)));
    }
    blocks.push(body(`依据：${c.citation.document}${c.citation.article}。`));
  });
  return blocks;
}

function actionLine(plan: CultivationPlan, a: PlanAction): string {
  return `${a.title.zh}（${a.dueMonth === null ? '12 个月内无法完成' : `${monthWords(plan, a.dueMonth)}完成`}）`;
}

/** 十二个月培育计划: a month-by-month table, then each action with its steps. */
export function planSection(no: number, plan: CultivationPlan): Block[] {
  const blocks: Block[] = [heading1(`${numeral(no)}、十二个月培育计划`)];
  const byId = new Map(plan.actions.map((a) => [a.id, a]));
  blocks.push(
    body(
      `计划期自 ${yearMonthWords(plan.months[0]?.yearMonth ?? '')} 至 ${yearMonthWords(plan.months[11]?.yearMonth ?? '')}，按最早可完成的事项排序。${
        plan.applicationYear === null
          ? '部分差距无法在 12 个月内补足，详见下表。'
          : `各项完成后，预计可于 ${plan.applicationYear} 年申报。`
      }`,
    ),
  );
  for (const note of plan.notes) blocks.push(body(note.zh));
  const rows = plan.months.map((m) => [
    `第 ${m.month} 个月\n${yearMonthWords(m.yearMonth)}`,
    m.due.map((id) => byId.get(id)?.title.zh ?? id).join('\n') || '—',
    m.targets.map((t) => t.target.zh).join('\n') || '—',
  ]);
  blocks.push(
    table(
      [
        { header: '月份', width: 18, center: true },
        { header: '应完成事项', width: 32 },
        { header: '月度目标', width: 50 },
      ],
      rows,
    ),
    gap(),
  );
  if (plan.actions.length === 0) {
    blocks.push(body('当前无需补足的差距，计划期内保持各项指标。'));
    return blocks;
  }
  plan.actions.forEach((a, i) => {
    blocks.push(heading2(`（${numeral(i + 1)}）${actionLine(plan, a)}`));
    a.steps.forEach((s, k) => blocks.push(body(`${k + 1}. ${s.zh}`)));
  });
  return blocks;
}

export function metaLines(meta: {
  enterpriseName: string;
  uscc: string;
  assessmentDate: string;
  ruleVersion: string;
  savedRuleVersion: string;
  generatedAt: Date;
}): Paragraph[] {
  const lines = [
    body(`企业名称：${meta.enterpriseName}`),
    body(`统一社会信用代码：${meta.uscc}`),
    body(`评估日期：${chineseDate(meta.assessmentDate)}`),
    body(`适用规则：${meta.ruleVersion}`),
  ];
  if (meta.savedRuleVersion !== meta.ruleVersion)
    lines.push(body(`（保存时规则为 ${meta.savedRuleVersion}，本报告按现行规则重新测算）`));
  return lines;
}
