/**
 * The actions of a 科小 cultivation plan (国科发政〔2017〕115号). 科小 is evaluated every year on the previous year's
 * figures, so staff and R&D changes count in the evaluation of the year after the target year; IP counts once held.
 */
import { mulFen } from '../common/money.ts';
import { Rational } from '../common/rational.ts';
import { words, yuan, type Bilingual } from './criteria.ts';
import {
  action,
  cumulativeTargets,
  yearEndMonth,
  yearMonthOf,
  type PlanAction,
  type PlanCalendar,
} from './cultivation-plan.calendar.ts';
import { leadTime } from './cultivation-plan.data.ts';
import { dataAction, staffAction, type ActionSet } from './cultivation-plan.parts.ts';
import type { TsmeInput } from './tsme.contract.ts';
import { TSME_PASS, TSME_RD_SALES_BANDS, type TsmeResult } from './tsme.rules.ts';

const STRUCTURAL: Record<string, Bilingual> = {
  resident: words('须为境内注册的居民企业', 'Must be a resident enterprise'),
  employees: words(
    '职工总数超过 500 人，不属于科技型中小企业范围',
    'More than 500 staff: outside the 科小 scope',
  ),
  sales: words(
    '年销售收入超过 2 亿元，不属于科技型中小企业范围',
    'Sales above ¥200 m: outside the 科小 scope',
  ),
  assets: words(
    '资产总额超过 2 亿元，不属于科技型中小企业范围',
    'Assets above ¥200 m: outside the 科小 scope',
  ),
  industry: words(
    '产品和服务属于禁止、限制和淘汰类，须调整主营业务',
    'Prohibited or restricted products: change the business',
  ),
  integrity: words(
    '上一年及当年内不得有重大事故、严重违法失信等情形，须待相应年度过去',
    'No accident or serious dishonesty in the previous and current year: wait for those years to pass',
  ),
};

interface Option {
  id: string;
  month: number;
  points: number;
  text: Bilingual;
}

export function tsmeActions(input: TsmeInput, result: TsmeResult, cal: PlanCalendar): ActionSet {
  const target = cal.targetYear;
  const actions: PlanAction[] = [];
  const notes: Bilingual[] = [
    words(
      `科技型中小企业每年评价一次，按上一会计年度数据；本计划以 ${target} 年度数据参加 ${target + 1} 年评价安排`,
      `科小 is evaluated yearly on the previous year's figures; the plan prepares the ${target + 1} evaluation on the ${target} figures`,
    ),
  ];
  if (result.directConfirm && result.basicOk !== false)
    notes.push(
      words(
        '已具备直接确认条件（115号 第八条），满足基本条件即可入库',
        'Direct confirmation applies (第八条): the basic conditions suffice',
      ),
    );
  const blocking = new Set([...result.failures, ...result.undecided]);
  const data = dataAction(
    cal,
    result.criteria.filter((c) => c.pass === null && blocking.has(c.id)),
  );
  if (data) actions.push(data);

  for (const c of result.criteria) {
    const reason = STRUCTURAL[c.id];
    if (c.pass !== false || !reason) continue;
    actions.push(
      action(cal, {
        id: `basic-${c.id}`,
        criteria: [c.id],
        title: c.title,
        startMonth: 1,
        dueMonth: null,
        steps: [reason, ...(c.gap ? [c.gap] : [])],
      }),
    );
  }

  let applicationYear: number | null = target + 1;
  const staffFailed = result.failures.includes('tech-staff-nonzero');
  if (staffFailed && input.techStaff && input.employees && !input.employees.isZero()) {
    const staff = staffAction(cal, 'tech-staff-nonzero', input.techStaff, input.employees);
    actions.push(staff.action);
    if (staff.nextYear) applicationYear = target + 2;
  }

  if (result.failures.includes('score') && result.score.total !== null) {
    actions.push(scoreAction(cal, input, result, target));
  }
  notes.push(
    words(
      '知识产权取得时间为常规办理周期的规划假设，非法定时限',
      'IP lead times are planning assumptions based on usual processing times, not legal deadlines',
    ),
  );
  return { actions, notes, applicationYear };
}

function scoreAction(cal: PlanCalendar, input: TsmeInput, result: TsmeResult, target: number): PlanAction {
  const total = result.score.total ?? 0;
  const shortfall = TSME_PASS - total;
  const yearEnd = yearEndMonth(cal);
  const options: Option[] = [];
  const ip = result.indicators.find((i) => i.id === 'ip');
  if (ip?.next && ip.points !== null && input.ipII !== undefined) {
    const software = leadTime('software-copyright').months;
    const utility = leadTime('utility').months;
    if (ip.points < 24) {
      const more = Math.max(1, 4 - input.ipII);
      options.push({
        id: 'ip',
        month: 1 + utility,
        points: 24 - ip.points,
        text: words(
          `再取得 ${more} 项Ⅱ类知识产权可得 24 分（实用新型专利约 ${utility} 个月；有自主软件的，软件著作权约 ${software} 个月即可取得）`,
          `${more} more class Ⅱ rights give 24 points (utility model about ${utility} months; software copyright about ${software} months where the enterprise writes software)`,
        ),
      });
    } else {
      options.push({
        id: 'ip',
        month: 1 + leadTime('transfer').months,
        points: 30 - ip.points,
        text: ip.next.needs,
      });
    }
  }
  const staff = result.indicators.find((i) => i.id === 'staff');
  if (staff?.next && staff.points !== null)
    options.push({ id: 'staff', month: 1, points: staff.next.points - staff.points, text: staff.next.needs });
  const bySales = result.indicators.find((i) => i.id === 'rdBySales');
  let rdTargets: PlanAction['targets'] = [];
  if (
    bySales?.next &&
    bySales.points !== null &&
    input.salesRevenueFen !== undefined &&
    input.salesRevenueFen > 0n
  ) {
    const band = TSME_RD_SALES_BANDS.find((b) => b.points === bySales.next?.points);
    const yearly = band ? mulFen(input.salesRevenueFen, Rational.percent(band.atLeastPct), 'ceil') : 0n;
    const current = result.score.rd ?? 0;
    if (band && bySales.next.points > current) {
      options.push({
        id: 'rd',
        month: yearEnd,
        points: bySales.next.points - current,
        text: words(
          `${target} 年研发费用不少于 ${yuan(yearly)}（销售收入按 ${yuan(input.salesRevenueFen)} 估算，占比 ≥${band.atLeastPct}%）`,
          `R&D of at least ${yuan(yearly)} in ${target} (sales taken as ${yuan(input.salesRevenueFen)}, ≥ ${band.atLeastPct} %)`,
        ),
      });
      rdTargets = cumulativeTargets(cal, yearly, (cumulative, month) =>
        words(
          `截至 ${month} 月末累计研发费用不少于 ${yuan(cumulative)}`,
          `Cumulative R&D by month ${month} at least ${yuan(cumulative)}`,
        ),
      );
    }
  }
  options.sort((a, b) => a.month - b.month);
  let gained = 0;
  let due: number | null = null;
  let rdUsed = false;
  const steps: Bilingual[] = [
    words(
      `综合得分 ${total} 分，距 ${TSME_PASS} 分还差 ${shortfall} 分`,
      `${total} points, ${shortfall} short of ${TSME_PASS}`,
    ),
  ];
  for (const option of options) {
    const used = gained < shortfall;
    if (used) {
      gained += option.points;
      if (option.id === 'rd') rdUsed = true;
      if (gained >= shortfall) due = option.month;
    }
    steps.push(
      words(
        `${used ? '' : '（备选）'}第 ${option.month} 个月（${yearMonthOf(cal, option.month)}）前：${option.text.zh}，最多可增 ${option.points} 分`,
        `${used ? '' : '(optional) '}By month ${option.month} (${yearMonthOf(cal, option.month)}): ${option.text.en}, up to ${option.points} more points`,
      ),
    );
  }
  if (due === null)
    steps.push(
      words(
        '上述各项全部做到仍不足 60 分，需更长时间培育',
        'Even all of the above falls short of 60; more time is needed',
      ),
    );
  return action(cal, {
    id: 'tsme-score',
    criteria: ['score'],
    title: words('提高科技型中小企业评价得分', 'Raise the 科小 score'),
    startMonth: 1,
    dueMonth: due,
    steps,
    targets: rdUsed ? rdTargets : [],
  });
}
