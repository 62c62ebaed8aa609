/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so no time zone shifts a day. Kept small and local to
 * the identifier rules (birth dates, filing dates); nothing here reads the clock.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` and returns null unless it names a real day of the Gregorian calendar. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return realDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The date when year/month/day name a real day (so 2023-02-29 and 1990-13-01 are null). */
export function realDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps them literal.
  probe.setUTCFullYear(year);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Adds whole years and days; a 29 February start that lands in a common year rolls to 1 March before the days. */
export function addYearsAndDays(date: CalendarDate, years: number, days: number): CalendarDate {
  const probe = new Date(0);
  probe.setUTCFullYear(date.year + years, date.month - 1, date.day);
  probe.setUTCDate(probe.getUTCDate() + days);
  return { year: probe.getUTCFullYear(), month: probe.getUTCMonth() + 1, day: probe.getUTCDate() };
}
