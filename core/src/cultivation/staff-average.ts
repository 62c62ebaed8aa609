/**
 * 全年月平均数 of staff (195号 三(四) 统计方法): 月平均数 = (月初数 + 月末数) ÷ 2; 全年月平均数 = 全年各月平均数之和 ÷ 12.
 * An enterprise founded or closed during the year takes its actual operating months as the year, so the sum
 * is divided by the number of months supplied (1–12) — interpretation I-04.
 */
import { z } from 'zod';
import { Rational } from '../common/rational.ts';
import { wholeCount } from './schema-parts.ts';

export interface MonthlyHeadcount {
  /** 月初数 */
  start: number;
  /** 月末数 */
  end: number;
}

export const monthlyHeadcounts = z
  .array(z.object({ start: wholeCount, end: wholeCount }))
  .min(1)
  .max(12);

/** Exact 全年月平均数 from the months the enterprise operated (one (月初, 月末) pair per month, 1–12 pairs). */
export function annualMonthlyAverage(months: readonly MonthlyHeadcount[]): Rational {
  if (months.length === 0 || months.length > 12)
    throw new RangeError('between 1 and 12 monthly pairs are needed');
  let twiceSum = 0n;
  for (const m of months) twiceSum += BigInt(m.start) + BigInt(m.end);
  return Rational.of(twiceSum, 2n * BigInt(months.length));
}
