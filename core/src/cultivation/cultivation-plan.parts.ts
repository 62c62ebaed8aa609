/** Plan actions shared by the 高企 and 科小 plans: missing data, the 科技人员 ratio and the ways to obtain IP. */
import { Rational } from '../common/rational.ts';
import { dayOf, lastDayOfYear } from './calendar.ts';
import { words, type Bilingual, type Criterion } from './criteria.ts';
import {
  action,
  calendarMonthOf,
  planMonthOf,
  yearEndMonth,
  yearMonthOf,
  type PlanAction,
  type PlanCalendar,
  type PlanTarget,
} from './cultivation-plan.calendar.ts';
import {
  IP_LEAD_TIMES,
  TECH_STAFF_MIN_DAYS,
  fieldWords,
  leadTime,
  type IpRoute,
} from './cultivation-plan.data.ts';

export interface ActionSet {
  actions: PlanAction[];
  notes: Bilingual[];
  applicationYear: number | null;
}

function joinWords(list: Bilingual[]): Bilingual {
  return words(list.map((w) => w.zh).join('、'), list.map((w) => w.en).join(', '));
}

/** Month 1: supply what the undecided criteria lack. */
export function dataAction(cal: PlanCalendar, undecided: readonly Criterion[]): PlanAction | null {
  if (undecided.length === 0) return null;
  return action(cal, {
    id: 'data',
    criteria: undecided.map((c) => c.id),
    title: words('补齐自评数据', 'Supply the missing data'),
    startMonth: 1,
    dueMonth: 1,
    steps: undecided.map((c) => {
      const missing = joinWords(c.missing.map(fieldWords));
      return c.missing.length > 0
        ? words(`${c.title.zh}：请补充${missing.zh}`, `${c.title.en}: supply ${missing.en}`)
        : words(`${c.title.zh}：请补充相关资料`, `${c.title.en}: supply the facts it needs`);
    }),
  });
}

export interface StaffPlan {
  action: PlanAction;
  /** True when the target had to move to the year after the target year. */
  nextYear: boolean;
}

/**
 * 科技人员 ÷ 职工总数 ≥ 10 % as a 全年月平均数 of the target year. Months of the year before plan month 1 are counted
 * at the current figures; from month 1 the head count must be high enough for the average to reach 10 %. A
 * 科技人员 must work ≥ 183 days in the year, so with fewer days left the target is the next year from January.
 */
export function staffAction(
  cal: PlanCalendar,
  criterionId: string,
  tech: Rational,
  total: Rational,
): StaffPlan {
  const tenth = Rational.of(1n, 10n);
  const remaining = yearEndMonth(cal);
  const { year, month } = calendarMonthOf(cal, 1);
  const daysLeft = lastDayOfYear(year) - dayOf(`${year}-${String(month).padStart(2, '0')}-01`) + 1;
  const twelve = Rational.of(12n);
  // Reassigning existing staff (total unchanged) y persons, or hiring x new ones, from month 1 for `remaining` months.
  const reassign = total.mul(tenth).sub(tech).mul(twelve).div(Rational.of(remaining)).ceil();
  const headCount = tech.ceil() + reassign;
  const thisYear = daysLeft >= TECH_STAFF_MIN_DAYS && Rational.of(headCount).lte(total);
  if (thisYear) {
    const hire = total
      .sub(tech.mul(Rational.of(10n)))
      .mul(twelve)
      .div(Rational.of(BigInt(9 * remaining)))
      .ceil();
    const targets: PlanTarget[] = [];
    for (let k = 1; k <= remaining; k++)
      targets.push({
        month: k,
        yearMonth: yearMonthOf(cal, k),
        target: words(`月末科技人员不少于 ${headCount} 人`, `At least ${headCount} tech staff at month end`),
      });
    return {
      nextYear: false,
      action: action(cal, {
        id: 'tech-staff',
        criteria: [criterionId],
        title: words('提高科技人员占比', 'Raise the share of tech staff'),
        startMonth: 1,
        dueMonth: 1,
        steps: [
          words(
            `自 ${yearMonthOf(cal, 1)} 起每月科技人员不少于 ${headCount} 人，使 ${year} 年全年月平均数达到职工总数的 10%`,
            `From ${yearMonthOf(cal, 1)} keep at least ${headCount} tech staff each month so that the ${year} annual average reaches 10 % of all staff`,
          ),
          words(
            `途径：安排 ${reassign} 名现有员工从事研发及相关技术创新活动（职工总数不变），或新招聘 ${hire} 名科技人员`,
            `Either assign ${reassign} current employees to R&D work (same total) or hire ${hire} new tech staff`,
          ),
          words(
            `科技人员当年累计实际工作时间须在 ${TECH_STAFF_MIN_DAYS} 天以上，人员须在 ${yearMonthOf(cal, 1)} 到岗（195号 三（四））`,
            `Tech staff must work at least ${TECH_STAFF_MIN_DAYS} days in the year, so they must start in ${yearMonthOf(cal, 1)}`,
          ),
        ],
        targets,
      }),
    };
  }
  // The target year no longer allows 183 days: full next year from January.
  const january = planMonthOf(cal, year + 1, 1) ?? 12;
  const fullYear = total.mul(tenth).sub(tech).ceil();
  const hireNext = total
    .sub(tech.mul(Rational.of(10n)))
    .div(Rational.of(9n))
    .ceil();
  const countNext = tech.ceil() + fullYear;
  const targets: PlanTarget[] = [];
  for (let k = january; k <= 12; k++)
    targets.push({
      month: k,
      yearMonth: yearMonthOf(cal, k),
      target: words(`月末科技人员不少于 ${countNext} 人`, `At least ${countNext} tech staff at month end`),
    });
  return {
    nextYear: true,
    action: action(cal, {
      id: 'tech-staff',
      criteria: [criterionId],
      title: words('提高科技人员占比', 'Raise the share of tech staff'),
      startMonth: Math.max(1, january - 1),
      dueMonth: january,
      steps: [
        words(
          `${year} 年剩余时间不足 ${TECH_STAFF_MIN_DAYS} 天，新增科技人员只能计入 ${year + 1} 年度`,
          `Fewer than ${TECH_STAFF_MIN_DAYS} days are left in ${year}; new tech staff count from ${year + 1}`,
        ),
        words(
          `自 ${year + 1}-01 起每月科技人员不少于 ${countNext} 人：安排 ${fullYear} 名现有员工从事研发，或新招聘 ${hireNext} 名科技人员`,
          `From ${year + 1}-01 keep at least ${countNext} tech staff: assign ${fullYear} employees to R&D or hire ${hireNext}`,
        ),
      ],
      targets,
    }),
  };
}

/** Steps for obtaining IP of the given classes, filed in month 1; returns the soonest month a right is counted. */
export function ipRouteSteps(
  cal: PlanCalendar,
  classes: readonly ('I' | 'II')[],
  routes: readonly IpRoute[] = IP_LEAD_TIMES.map((l) => l.route),
): { steps: Bilingual[]; soonest: number | null } {
  const steps: Bilingual[] = [];
  let soonest: number | null = null;
  for (const route of routes) {
    const lead = leadTime(route);
    if (lead.ipClass !== 'either' && !classes.includes(lead.ipClass)) continue;
    const month = 1 + lead.months;
    const cls = lead.ipClass === 'I' ? 'Ⅰ类' : lead.ipClass === 'II' ? 'Ⅱ类' : 'Ⅰ/Ⅱ类';
    const condition = lead.condition ? `（${lead.condition.zh}）` : '';
    const conditionEn = lead.condition ? ` (${lead.condition.en})` : '';
    if (month <= 12) {
      soonest = soonest === null ? month : Math.min(soonest, month);
      steps.push(
        words(
          `${lead.label.zh}（${cls}）：第 1 个月提交，预计第 ${month} 个月（${yearMonthOf(cal, month)}）取得${condition}`,
          `${lead.label.en}: file in month 1, expected in month ${month} (${yearMonthOf(cal, month)})${conditionEn}`,
        ),
      );
    } else {
      steps.push(
        words(
          `${lead.label.zh}（${cls}）：审查周期约 ${lead.months} 个月，超出本计划期，宜第 1 个月同步提交以备下一周期`,
          `${lead.label.en}: about ${lead.months} months to grant, beyond this plan; file in month 1 for the next cycle`,
        ),
      );
    }
  }
  return { steps, soonest };
}

export function yearEndDue(cal: PlanCalendar): number {
  return yearEndMonth(cal);
}
