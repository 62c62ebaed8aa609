/**
 * Statutory clocks in working days (工作日), counted with the official holiday calendars. While an applicant
 * corrects a returned application the clock is suspended (补正期间不计入办理时限). A date the loaded calendars do
 * not cover is an error (RangeError from the calendar), never a guess.
 */
import { isWorkingDay, type HolidayCalendar } from '../registry/holidays.ts';

const DAY_MS = 86_400_000;

export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** A half-open stretch [from, to) during which the clock stands still; `to` null while it lasts. */
export interface Suspension {
  from: string;
  to: string | null;
}

function suspendedOn(date: string, suspensions: readonly Suspension[]): boolean {
  return suspensions.some((s) => date >= s.from && (s.to === null || date < s.to));
}

/**
 * The day by which `limit` working days have run, counting from the day after `start` (the day a phase opens does
 * not count, as the usual "自受理之日起 N 个工作日内" is read) and skipping suspended days.
 */
export function dueDate(
  calendar: HolidayCalendar,
  start: string,
  limit: number,
  suspensions: readonly Suspension[] = [],
): string {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number of days: ${limit}`);
  if (suspensions.some((s) => s.to === null))
    throw new RangeError('the clock is suspended; there is no due date yet');
  let day = start;
  let counted = 0;
  while (counted < limit) {
    day = nextDay(day);
    if (isWorkingDay(calendar, day) && !suspendedOn(day, suspensions)) counted++;
  }
  return day;
}

/** Working days that have run after `start` up to and including `today`, suspended days excluded. */
export function elapsedWorkingDays(
  calendar: HolidayCalendar,
  start: string,
  today: string,
  suspensions: readonly Suspension[] = [],
): number {
  let count = 0;
  for (let day = nextDay(start); day <= today; day = nextDay(day)) {
    if (isWorkingDay(calendar, day) && !suspendedOn(day, suspensions)) count++;
  }
  return count;
}

export interface ClockState {
  limit: number;
  elapsed: number;
  remaining: number;
  /** Null while suspended: the due day moves with the suspension. */
  dueOn: string | null;
  suspended: boolean;
  overdue: boolean;
}

export function clockState(
  calendar: HolidayCalendar,
  clock: { start: string; limit: number; suspensions?: readonly Suspension[] },
  today: string,
): ClockState {
  const suspensions = clock.suspensions ?? [];
  const suspended = suspendedOn(today, suspensions) || suspensions.some((s) => s.to === null);
  const elapsed = elapsedWorkingDays(calendar, clock.start, today, suspensions);
  return {
    limit: clock.limit,
    elapsed,
    remaining: Math.max(0, clock.limit - elapsed),
    dueOn: suspended ? null : dueDate(calendar, clock.start, clock.limit, suspensions),
    suspended,
    overdue: elapsed > clock.limit,
  };
}
