/**
 * The national holiday calendar (国务院办公厅关于XXXX年部分节假日安排的通知 and their amending notices), as shipped in
 * `holidays-cn-2015-2026.json`. Pure: the caller supplies the parsed JSON (Node reads the file, the web gets it from
 * the API). A date outside the loaded notice years is an error, never a guess — a new year needs its notice first.
 *
 * Working day: Monday–Friday and not declared off, or a weekend day declared a make-up working day (调休上班).
 */
import { z } from 'zod';
import { parseCalendarDate } from '../common/ids/calendar-date.ts';

const isoDate = z
  .string()
  .refine((value) => parseCalendarDate(value) !== null, 'must be a real YYYY-MM-DD date');

const noticeSchema = z.object({
  notice: z.string(),
  notice_no: z.string(),
  notice_date: isoDate,
  notice_url: z.string(),
  note: z.string().optional(),
  amendments: z
    .array(
      z.object({ title: z.string(), no: z.string(), date: isoDate, url: z.string(), effect: z.string() }),
    )
    .optional(),
  off: z.array(z.object({ date: isoDate, name: z.string() })),
  workdays: z.array(isoDate),
});

export const holidayFileSchema = z.object({
  source: z.string(),
  retrieved: isoDate,
  conventions: z.record(z.string(), z.string()),
  working_days_per_calendar_year: z.record(z.string(), z.number().int()),
  years: z.record(z.string().regex(/^\d{4}$/), noticeSchema),
});

export type HolidayFile = z.infer<typeof holidayFileSchema>;

export interface HolidayNotice {
  /** The year in the notice title. */
  year: number;
  title: string;
  number: string;
  date: string;
  url: string;
  amendments: { title: string; number: string; date: string; url: string }[];
}

export interface HolidayCalendar {
  /** First and last calendar year the loaded notices cover completely. */
  firstYear: number;
  lastYear: number;
  /** Declared days off, with the festival as the notice names it. */
  offDays: ReadonlyMap<string, string>;
  /** Weekend days declared working days. */
  makeUpWorkdays: ReadonlySet<string>;
  notices: HolidayNotice[];
  /** Working days per calendar year as recorded in the file, for cross-checks. */
  recordedWorkingDays: Readonly<Record<string, number>>;
}

/** Validates the shipped JSON and merges all notice years (a notice may list days of the previous year). */
export function createHolidayCalendar(data: unknown): HolidayCalendar {
  const file = holidayFileSchema.parse(data);
  const offDays = new Map<string, string>();
  const makeUpWorkdays = new Set<string>();
  const notices: HolidayNotice[] = [];
  const years = Object.keys(file.years).map(Number);
  if (years.length === 0) throw new Error('the holiday calendar lists no notice year');
  for (const [year, notice] of Object.entries(file.years)) {
    for (const day of notice.off) offDays.set(day.date, day.name);
    for (const day of notice.workdays) makeUpWorkdays.add(day);
    notices.push({
      year: Number(year),
      title: notice.notice,
      number: notice.notice_no,
      date: notice.notice_date,
      url: notice.notice_url,
      amendments: (notice.amendments ?? []).map((a) => ({
        title: a.title,
        number: a.no,
        date: a.date,
        url: a.url,
      })),
    });
  }
  return {
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    offDays,
    makeUpWorkdays,
    notices: notices.sort((a, b) => a.year - b.year),
    recordedWorkingDays: file.working_days_per_calendar_year,
  };
}

/** Whether `date` (`YYYY-MM-DD`) is a working day; throws RangeError outside the loaded years or on a bad date. */
export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`not a real YYYY-MM-DD date: "${date}"`);
  if (parsed.year < calendar.firstYear || parsed.year > calendar.lastYear) {
    throw new RangeError(
      `${date} is outside the loaded holiday calendar (${calendar.firstYear}–${calendar.lastYear}); load that year's notice first`,
    );
  }
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.offDays.has(date)) return false;
  const weekday = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Number of working days in a calendar year covered by the calendar. */
export function countWorkingDays(calendar: HolidayCalendar, year: number): number {
  let count = 0;
  const day = new Date(Date.UTC(year, 0, 1));
  while (day.getUTCFullYear() === year) {
    if (isWorkingDay(calendar, day.toISOString().slice(0, 10))) count++;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return count;
}
