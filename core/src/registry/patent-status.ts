/**
 * Whether a patent is in force on a given day. Pure and browser-safe: the server filters lists with the same
 * dates (`patents.expires_on` is written from `patentTermLastDay`) and the web previews with this function.
 *
 * A patent right exists from the announcement of the grant (专利法 第三十九条、第四十条: 专利权自公告之日起生效), ends
 * when its term is over (第四十二条: 发明 20 年、实用新型 10 年、外观设计 15 年, from the filing date; designs filed before
 * 2021-06-01 keep 10 years) and ends early when the fee is not paid or the patentee gives it up (第四十四条), which
 * the registry records as `lapsedOn`, the first day the right no longer exists.
 */
import { patentExpiryDate } from '../common/ids/patent-term.ts';
import type { PatentType } from '../common/ids/patent-number.ts';

/** The three kinds of patent right; PCT national-phase applications are inventions or utility models. */
export type PatentKind = 'invention' | 'utility' | 'design';

export const patentLegalStatuses = [
  'pending',
  'granted',
  'rejected',
  'withdrawn',
  'lapsed',
  'expired',
] as const;
export type PatentLegalStatus = (typeof patentLegalStatuses)[number];

export interface PatentDates {
  type: PatentKind;
  /** 申请日, `YYYY-MM-DD`. */
  filedOn: string;
  /** 授权公告日; null while pending or when refused. */
  grantedOn: string | null;
  /** First day without the right after a lapse (未缴年费终止, 放弃), or null. */
  lapsedOn: string | null;
  /** A refused or withdrawn application never becomes a right, whatever the dates say. */
  legalStatus?: PatentLegalStatus;
}

export type PatentValidity = 'valid' | 'not_granted' | 'granted_later' | 'lapsed' | 'term_ended';

/** The kind of right an application number's type digit gives: PCT national-phase entries count as their kind. */
export function patentKindOf(type: PatentType): PatentKind {
  if (type === 'pct_invention') return 'invention';
  if (type === 'pct_utility') return 'utility';
  return type;
}

/** Last day (inclusive) of the statutory term: the day before the filing date's anniversary (第四十二条). */
export function patentTermLastDay(type: PatentKind, filedOn: string): string {
  return patentExpiryDate(type, filedOn);
}

/**
 * Why the patent is or is not in force on `date` (`YYYY-MM-DD`). The checks run in the order a reader asks
 * them: granted yet, lapsed already, term over. ISO dates compare correctly as strings.
 */
export function patentValidityAt(patent: PatentDates, date: string): PatentValidity {
  if (patent.legalStatus === 'rejected' || patent.legalStatus === 'withdrawn' || patent.grantedOn === null) {
    return 'not_granted';
  }
  if (patent.grantedOn > date) return 'granted_later';
  if (patent.lapsedOn !== null && patent.lapsedOn <= date) return 'lapsed';
  if (date > patentTermLastDay(patent.type, patent.filedOn)) return 'term_ended';
  return 'valid';
}

/** True when the patent right exists on `date`: granted on or before it, not lapsed by it, its term not over. */
export function patentValidAt(patent: PatentDates, date: string): boolean {
  return patentValidityAt(patent, date) === 'valid';
}
