/**
 * The 12-month cultivation plan (培育计划) of a health check: for each gap of a 高企 or 科小 assessment, what closes
 * it and by which month, ordered by what can be closed soonest. Pure: the same assessment always gives the same plan.
 *
 * The logic, in short (docs: cultivation health check):
 * - Months 1–12 are the twelve calendar months after the assessment date. The **target year** is the accounting
 *   year of month 1: its figures are the ones still open to change, and they are the latest year of the next
 *   application window (高企 applies in target year + 1 with the target year as 近一年).
 * - Missing data (undecided criteria) come first: month 1.
 * - 科技人员 ratio: people must be in place from month 1; the monthly head count target is the one that brings the
 *   target year's 全年月平均数 to 10 % (months before the plan counted at the current figure). A 科技人员 must work
 *   ≥ 183 days in the year (195号 三（四）): when fewer remain, the target moves to the next year from January.
 * - R&D ÷ sales, 境内研发, 高新收入: a yearly amount for the target year, found by sliding the three-year window one
 *   year on (the earliest year drops out) with the target year's sales and revenue assumed equal to the latest
 *   known year's; given as cumulative month-end targets (amount × month ÷ 12) to be met by December.
 * - IP: the lead time of each route (cultivation-plan.data.ts) from filing in month 1; the soonest route sets the
 *   due month, invention patents usually fall beyond the 12 months.
 * - Gaps no plan can close in a year (size limits, incidents, a field outside the catalogue) are listed without a
 *   due month.
 */
import type { Bilingual } from './criteria.ts';
import type { HnteAssessmentInput, HnteAssessmentResult } from './hnte-assessment.rules.ts';
import type { TsmeInput } from './tsme.contract.ts';
import type { TsmeResult } from './tsme.rules.ts';
import {
  planCalendar,
  yearMonthOf,
  type PlanAction,
  type PlanCalendar,
} from './cultivation-plan.calendar.ts';
import { hnteActions } from './cultivation-plan.hnte.ts';
import { tsmeActions } from './cultivation-plan.tsme.ts';

export type { PlanAction, PlanCalendar, PlanTarget } from './cultivation-plan.calendar.ts';
export { IP_LEAD_TIMES, fieldWords } from './cultivation-plan.data.ts';

export interface PlanMonth {
  month: number;
  yearMonth: string;
  /** Ids of the actions due this month. */
  due: string[];
  /** Targets of this month, with the action they belong to. */
  targets: { action: string; target: Bilingual }[];
}

export interface CultivationPlan {
  kind: 'hnte' | 'tsme';
  /** The assessment date the plan starts from. */
  start: string;
  targetYear: number;
  /** The year an application can be made once every action is done; null when some gap cannot be closed in a year. */
  applicationYear: number | null;
  months: PlanMonth[];
  /** Soonest first; actions without a due month last. */
  actions: PlanAction[];
  notes: Bilingual[];
}

function assemble(
  kind: CultivationPlan['kind'],
  cal: PlanCalendar,
  actions: PlanAction[],
  notes: Bilingual[],
  applicationYear: number | null,
): CultivationPlan {
  const order = actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.dueMonth ?? 99) - (y.a.dueMonth ?? 99) || x.i - y.i)
    .map(({ a }) => a);
  const months: PlanMonth[] = [];
  for (let k = 1; k <= 12; k++) {
    months.push({
      month: k,
      yearMonth: yearMonthOf(cal, k),
      due: order.filter((a) => a.dueMonth === k).map((a) => a.id),
      targets: order.flatMap((a) =>
        a.targets.filter((t) => t.month === k).map((t) => ({ action: a.id, target: t.target })),
      ),
    });
  }
  const blocked = order.some((a) => a.dueMonth === null);
  return {
    kind,
    start: cal.start,
    targetYear: cal.targetYear,
    applicationYear: blocked ? null : applicationYear,
    months,
    actions: order,
    notes,
  };
}

/** The 高企 plan from an assessment and the input it was computed from. */
export function planHnteCultivation(
  input: HnteAssessmentInput,
  result: HnteAssessmentResult,
): CultivationPlan {
  const cal = planCalendar(input.assessmentDate);
  const { actions, notes, applicationYear } = hnteActions(input, result, cal);
  return assemble('hnte', cal, actions, notes, applicationYear);
}

/** The 科小 plan: 科小 is evaluated every year on the previous year's figures. */
export function planTsmeCultivation(input: TsmeInput, result: TsmeResult): CultivationPlan {
  const cal = planCalendar(input.assessmentDate);
  const { actions, notes, applicationYear } = tsmeActions(input, result, cal);
  return assemble('tsme', cal, actions, notes, applicationYear);
}
