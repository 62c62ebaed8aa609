/**
 * Qualifications (资质) an enterprise holds, and the status each has on a given day. Pure: the caller supplies
 * "today" as a calendar date in China Standard Time. Status is derived at read time and never stored, so a
 * certificate turns from valid to expiring to expired by itself as days pass.
 */

export const qualificationKinds = [
  'hnte',
  'provincial_tech_enterprise',
  'tsme',
  'little_giant_pool',
  'provincial_key_lab',
  'provincial_eng_center',
  'new_rnd_institution',
  'academician_station',
  'postgraduate_station',
  'maker_space',
  'incubator',
  'star_space',
] as const;
export type QualificationKind = (typeof qualificationKinds)[number];

export const qualificationKindLabels: Record<QualificationKind, { zh: string; en: string }> = {
  hnte: { zh: '高新技术企业', en: 'High and new technology enterprise' },
  provincial_tech_enterprise: { zh: '省级科技型企业', en: 'Provincial technology-based enterprise' },
  tsme: { zh: '科技型中小企业', en: 'Technology-based SME' },
  little_giant_pool: { zh: '科技小巨人领军企业培育库', en: 'Little-giant leading enterprise pool' },
  provincial_key_lab: { zh: '省级重点实验室', en: 'Provincial key laboratory' },
  provincial_eng_center: {
    zh: '省级工程技术研究中心',
    en: 'Provincial engineering technology research centre',
  },
  new_rnd_institution: { zh: '新型研发机构', en: 'New-type R&D institution' },
  academician_station: { zh: '院士工作站', en: 'Academician workstation' },
  postgraduate_station: { zh: '研究生工作站', en: 'Postgraduate workstation' },
  maker_space: { zh: '众创空间', en: 'Maker space' },
  incubator: { zh: '孵化器', en: 'Incubator' },
  star_space: { zh: '星创天地', en: 'Star creative space' },
};

export const qualificationStatuses = ['not_yet_valid', 'valid', 'expiring', 'expired'] as const;
export type QualificationStatus = (typeof qualificationStatuses)[number];

export const qualificationStatusLabels: Record<QualificationStatus, { zh: string; en: string }> = {
  not_yet_valid: { zh: '未生效', en: 'Not yet valid' },
  valid: { zh: '有效', en: 'Valid' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
};

/** A certificate is "expiring" when its last valid day falls within this many calendar months from today. */
export const EXPIRING_WITHIN_MONTHS = 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(text: string): Ymd {
  const match = ISO_DATE.exec(text);
  if (match) {
    const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
    const probe = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d));
    if (probe.getUTCFullYear() === ymd.y && probe.getUTCMonth() === ymd.m - 1 && probe.getUTCDate() === ymd.d)
      return ymd;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${text}`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole calendar months later (or earlier when negative); a day the target month lacks becomes its last day. */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return format(first);
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The calendar date in China Standard Time (UTC+8, no daylight saving) of an instant. */
export function chinaDate(instant: Date): string {
  return format(new Date(instant.getTime() + 8 * 3_600_000));
}

/**
 * The last valid day a kind's rule fixes, or null when the certificate states its own term (or none).
 * - 高新技术企业: 资格自颁发证书之日起有效期为三年 (高新技术企业认定管理办法, 国科发火〔2016〕32号 第九条), so the last
 *   valid day is issued + 3 years − 1 day; a 29 February issue lands on 1 March of a common year, so it ends on
 *   28 February.
 * - 科技型中小企业: evaluated and registered year by year (科技型中小企业评价办法, 国科发政〔2017〕115号), so the
 *   registration holds to 31 December of its year.
 */
export function ruleValidTo(kind: QualificationKind, issuedOn: string): string | null {
  const { y, m, d } = parse(issuedOn);
  switch (kind) {
    case 'hnte':
      return format(new Date(Date.UTC(y + 3, m - 1, d - 1)));
    case 'tsme':
      return `${String(y).padStart(4, '0')}-12-31`;
    default:
      return null;
  }
}

/** Kinds whose term is fixed by rule: a stated valid-to date must equal the rule's. */
export function hasRuleTerm(kind: QualificationKind): boolean {
  return kind === 'hnte' || kind === 'tsme';
}

export interface QualificationDates {
  issuedOn: string;
  /** Last valid day, inclusive; null for a qualification without an end. */
  validTo: string | null;
}

/**
 * Status on `today` (all dates `YYYY-MM-DD`, both ends inclusive):
 * - not_yet_valid: today < issuedOn;
 * - expired: today > validTo;
 * - expiring: validTo ≤ today + 6 calendar months (month-end clamped);
 * - valid: otherwise, and always when there is no validTo.
 */
export function qualificationStatus(q: QualificationDates, today: string): QualificationStatus {
  parse(today);
  parse(q.issuedOn);
  if (today < q.issuedOn) return 'not_yet_valid';
  if (q.validTo === null) return 'valid';
  parse(q.validTo);
  if (today > q.validTo) return 'expired';
  if (q.validTo <= addMonths(today, EXPIRING_WITHIN_MONTHS)) return 'expiring';
  return 'valid';
}

/** Currently valid means in force today, whether or not it expires soon. */
export function isInForce(status: QualificationStatus): boolean {
  return status === 'valid' || status === 'expiring';
}
