/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so day counts such as "注册成立365个日历天数以上"
 * are plain integer subtraction and never depend on the machine's time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Batches see the same few dates over and over; a bounded cache keeps parsing off the hot path.
const cache = new Map<string, number | null>();

/** Day number of a valid `YYYY-MM-DD`, or null for anything else (including 2023-02-30). */
export function parseIsoDate(text: string): number | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const day = parse(text);
  if (cache.size >= 4096) cache.clear();
  cache.set(text, day);
  return day;
}

function parse(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function dayOf(text: string): number {
  const day = parseIsoDate(text);
  if (day === null) throw new RangeError(`not a calendar date: ${text}`);
  return day;
}

const isoCache = new Map<number, string>();

export function isoOf(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size >= 4096) isoCache.clear();
    isoCache.set(day, text);
  }
  return text;
}

/**
 * Year and month of a day number by integer arithmetic on the proleptic Gregorian calendar (400-year eras of
 * 146,097 days, years starting on 1 March so the leap day ends the year). Batches ask this for every figure of
 * every enterprise; building a Date object each time cost more than the rule itself. Agrees with
 * `Date.UTC` for every day (see calendar.test.ts).
 */
function civilYearMonth(day: number): { year: number; month: number } {
  const z = day + 719_468; // days from 0000-03-01 to 1970-01-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month };
}

export function yearOfDay(day: number): number {
  return civilYearMonth(day).year;
}

export function monthOfDay(day: number): number {
  return civilYearMonth(day).month;
}

/**
 * The corresponding day `years` later (or earlier); a missing corresponding day (29 Feb) becomes the last day
 * of that month — 民法典 第二百零二条 ("没有对应日的，月末日为期间的最后一日").
 */
export function addYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear() + years;
  const mo = d.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return Date.UTC(y, mo, Math.min(d.getUTCDate(), lastOfMonth)) / MS_PER_DAY;
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

export function lastDayOfYear(year: number): number {
  return Date.UTC(year, 11, 31) / MS_PER_DAY;
}
