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

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
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
