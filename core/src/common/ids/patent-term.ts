/**
 * Patent terms (专利权的期限), counted from the filing date (申请日; for a PCT application entering the national
 * phase, the international filing date, which 专利法实施细则 treats as the 申请日).
 *
 * - 专利法 (2020年修正, in force 2021-06-01) 第四十二条第一款: 发明专利权的期限为二十年，实用新型专利权的期限为十年，
 *   外观设计专利权的期限为十五年，均自申请日起计算。
 * - The 15-year design term applies to design applications filed on or after 2021-06-01; earlier design filings
 *   keep the 10 years of 专利法 (2008年修正) 第四十二条 (实用新型专利权和外观设计专利权的期限为十年) — CNIPA's transitional
 *   measures for the amended law (国家知识产权局公告第四二三号, 2021) decide by filing date.
 * - Filings before 1993-01-01 fall under 专利法 (1984) 第四十五条: invention 15 years; utility model and design 5 years,
 *   renewable once by 3 years. The 1992 amendment (in force 1993-01-01) introduced 20/10/10. The maximum (15/8) is used.
 * - Not computed here: 第四十二条第二款 (compensation for unreasonable delay in granting an invention) and 第三款
 *   (new-drug compensation); they extend a granted invention's term by a decision of CNIPA, recorded separately.
 *
 * The term runs from the filing date to the day before its anniversary: an application filed 1999-09-06 with a
 * 10-year term is protected up to and including 2009-09-05 (专利审查指南 第五部分第九章 期满终止).
 */
import { addYearsAndDays, formatCalendarDate, parseCalendarDate } from './calendar-date.ts';
import type { PatentType } from './patent-number.ts';

/** First filing date with the 15-year design term (专利法 2020年修正 in force). */
export const DESIGN_15_YEARS_FROM = '2021-06-01';
/** First filing date under the 1992 amendment's 20/10/10-year terms. */
export const TERMS_1993_FROM = '1993-01-01';

export interface PatentTerm {
  years: number;
  /** First day of protection (the filing date). */
  firstDay: string;
  /** Last day of protection, inclusive. */
  lastDay: string;
  citation: string;
}

function baseType(type: PatentType): 'invention' | 'utility' | 'design' {
  if (type === 'pct_invention') return 'invention';
  if (type === 'pct_utility') return 'utility';
  return type;
}

function termOf(type: PatentType, filingDate: string): { years: number; citation: string } {
  const base = baseType(type);
  // ISO dates compare correctly as strings.
  if (filingDate < TERMS_1993_FROM) {
    return base === 'invention'
      ? { years: 15, citation: '专利法(1984) 第四十五条' }
      : { years: 8, citation: '专利法(1984) 第四十五条（5年，续展3年）' };
  }
  if (base === 'invention') return { years: 20, citation: '专利法 第四十二条第一款' };
  if (base === 'utility') return { years: 10, citation: '专利法 第四十二条第一款' };
  return filingDate >= DESIGN_15_YEARS_FROM
    ? { years: 15, citation: '专利法(2020年修正) 第四十二条第一款' }
    : { years: 10, citation: '专利法(2008年修正) 第四十二条' };
}

/** The statutory term of a patent filed on `filingDate` (`YYYY-MM-DD`); throws on a date that does not exist. */
export function patentTerm(type: PatentType, filingDate: string): PatentTerm {
  const start = parseCalendarDate(filingDate);
  if (!start) throw new RangeError(`filing date must be a real YYYY-MM-DD date, got "${filingDate}"`);
  const { years, citation } = termOf(type, filingDate);
  return {
    years,
    firstDay: filingDate,
    lastDay: formatCalendarDate(addYearsAndDays(start, years, -1)),
    citation,
  };
}

/** Last day (inclusive) on which the patent can be in force, ignoring any term compensation. */
export function patentExpiryDate(type: PatentType, filingDate: string): string {
  return patentTerm(type, filingDate).lastDay;
}
