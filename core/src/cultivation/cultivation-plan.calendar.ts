/** The calendar and building blocks of the cultivation plan (cultivation-plan.ts). */
import { dayOf, isoOf, lastDayOfYear, monthOfDay, yearOfDay } from './calendar.ts';
import type { Bilingual } from './criteria.ts';

export interface PlanTarget {
  /** Plan month 1–12. */
  month: number;
  /** `YYYY-MM` of that month. */
  yearMonth: string;
  target: Bilingual;
}

export interface PlanAction {
  /** Stable id, e.g. `tech-staff`, `rd-ratio`, `ip-core`. */
  id: string;
  /** Ids of the criteria the action closes. */
  criteria: string[];
  title: Bilingual;
  /** Plan month the work starts. */
  startMonth: number;
  /** Plan month by which the gap is closed; null when it cannot be closed within the 12 months. */
  dueMonth: number | null;
  /** Last day of the due month. */
  dueDate: string | null;
  /** What closes the gap, in order. */
  steps: Bilingual[];
  /** Month-end targets (cumulative amounts, head counts). */
  targets: PlanTarget[];
}

/** The calendar of the plan: month k (1–12) is the k-th calendar month after the assessment date's month. */
export interface PlanCalendar {
  start: string;
  /** Year and month (1–12) of plan month 1. */
  firstYear: number;
  firstMonth: number;
  targetYear: number;
}

export function planCalendar(assessmentDate: string): PlanCalendar {
  const day = dayOf(assessmentDate);
  const year = yearOfDay(day);
  const month = monthOfDay(day);
  const firstYear = month === 12 ? year + 1 : year;
  const firstMonth = month === 12 ? 1 : month + 1;
  return { start: assessmentDate, firstYear, firstMonth, targetYear: firstYear };
}

/** Year and calendar month of plan month `k`. */
export function calendarMonthOf(cal: PlanCalendar, k: number): { year: number; month: number } {
  const index = cal.firstMonth - 1 + (k - 1);
  return { year: cal.firstYear + Math.floor(index / 12), month: (index % 12) + 1 };
}

export function yearMonthOf(cal: PlanCalendar, k: number): string {
  const { year, month } = calendarMonthOf(cal, k);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Plan month of a calendar month, or null outside months 1–12. */
export function planMonthOf(cal: PlanCalendar, year: number, month: number): number | null {
  const k = (year - cal.firstYear) * 12 + (month - cal.firstMonth) + 1;
  return k >= 1 && k <= 12 ? k : null;
}

/** Plan month of the month a date falls in; 1 for dates before the plan, null after it. */
export function planMonthOfDate(cal: PlanCalendar, date: string): number | null {
  const day = dayOf(date);
  const k = planMonthOf(cal, yearOfDay(day), monthOfDay(day));
  if (k !== null) return k;
  return day < dayOf(`${cal.firstYear}-${String(cal.firstMonth).padStart(2, '0')}-01`) ? 1 : null;
}

/** Last day of plan month `k`. */
export function endOfPlanMonth(cal: PlanCalendar, k: number): string {
  const { year, month } = calendarMonthOf(cal, k);
  if (month === 12) return isoOf(lastDayOfYear(year));
  const firstOfNext = dayOf(`${year}-${String(month + 1).padStart(2, '0')}-01`);
  return isoOf(firstOfNext - 1);
}

/** Plan month of December of the target year (the year-end of the figures). */
export function yearEndMonth(cal: PlanCalendar): number {
  return 12 - cal.firstMonth + 1;
}

/** An action with its due date filled from the calendar. */
export function action(
  cal: PlanCalendar,
  a: Omit<PlanAction, 'dueDate' | 'targets'> & { targets?: PlanTarget[] },
): PlanAction {
  return {
    ...a,
    targets: a.targets ?? [],
    dueDate: a.dueMonth === null ? null : endOfPlanMonth(cal, a.dueMonth),
  };
}

/** Cumulative month-end targets of a yearly amount for the plan months that fall in the target year. */
export function cumulativeTargets(
  cal: PlanCalendar,
  yearly: bigint,
  describe: (cumulative: bigint, month: number) => Bilingual,
): PlanTarget[] {
  const out: PlanTarget[] = [];
  for (let k = 1; k <= yearEndMonth(cal); k++) {
    const { month } = calendarMonthOf(cal, k);
    // Rounded up to the 分 so meeting every month-end target meets the year's.
    const cumulative = (yearly * BigInt(month) + 11n) / 12n;
    out.push({ month: k, yearMonth: yearMonthOf(cal, k), target: describe(cumulative, month) });
  }
  return out;
}
