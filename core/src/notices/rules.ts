/**
 * Pure rules of decisions and public notices (研究决定与公示): the notice's length in natural days and its last day,
 * the objection window, the templated reasons for declining, and the published-results CSV. Dates are `YYYY-MM-DD`
 * in China time; a notice runs from its first day to its last day inclusive.
 */

/** A notice runs at least five natural days; seven unless the call says otherwise; at most sixty. */
export const NOTICE_MIN_DAYS = 5;
export const NOTICE_DEFAULT_DAYS = 7;
export const NOTICE_MAX_DAYS = 60;

const DAY_MS = 86_400_000;

/** `day` moved by `days` natural days. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of a notice of `days` natural days starting on `startsOn`: 2026-11-26 + 7 → 2026-12-02. */
export function noticeEndsOn(startsOn: string, days: number): string {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`a notice runs at least one day, got ${days}`);
  return shiftDay(startsOn, days - 1);
}

export type NoticeWindow = 'not_started' | 'running' | 'ended';

/** Where `today` stands against the notice: objections are accepted on every day from the first to the last. */
export function noticeWindow(today: string, startsOn: string, endsOn: string): NoticeWindow {
  if (today < startsOn) return 'not_started';
  return today <= endsOn ? 'running' : 'ended';
}

/** The default title of a call's notice: 关于《…》拟立项项目的公示. */
export function defaultNoticeTitle(callTitle: string): string {
  return `关于${callTitle}拟立项项目的公示`;
}

export const declineReasonIds = [
  'below_threshold',
  'misrepresented',
  'out_of_scope',
  'budget_exhausted',
  'duplicate',
] as const;
export type DeclineReasonId = (typeof declineReasonIds)[number];

/** The templated reasons for declining (不予立项理由), in both languages. */
export const declineReasons: Record<DeclineReasonId, { zh: string; en: string }> = {
  below_threshold: { zh: '评审得分未达立项分数线', en: 'The review score is below the approval line' },
  misrepresented: { zh: '申报材料与实际不符', en: 'The application does not match the facts' },
  out_of_scope: { zh: '超出资助范围', en: 'Outside the scope of the programme' },
  budget_exhausted: { zh: '年度资金额度已安排完毕', en: 'The year’s budget is fully allocated' },
  duplicate: { zh: '同一项目已获其他财政资金支持', en: 'The project already has other public funding' },
};

/**
 * The reason written on the decline: the template's Chinese words, then the officer's own words after a full-width
 * colon; either alone is enough; neither (or fewer than two characters in all) is null.
 */
export function composeReason(
  template: DeclineReasonId | undefined,
  text: string | undefined,
): string | null {
  const own = (text ?? '').trim();
  const base = template ? declineReasons[template].zh : '';
  const reason = base && own ? `${base}：${own}` : base || own;
  return reason.length >= 2 ? reason : null;
}

/** The phases after confirmation: the project was approved and the result is published. */
export const RESULT_PHASES = ['approved', 'agreement', 'funded', 'midterm', 'acceptance', 'closed'] as const;

/** What a notice entry shows publicly, from its application's phase. */
export type EntryStatus = 'on_notice' | 'confirmed' | 'cancelled';
export function entryStatus(phase: string): EntryStatus {
  if ((RESULT_PHASES as readonly string[]).includes(phase)) return 'confirmed';
  return phase === 'notice' ? 'on_notice' : 'cancelled';
}

export const entryStatusLabels: Record<EntryStatus, { zh: string; en: string }> = {
  on_notice: { zh: '公示中', en: 'On notice' },
  confirmed: { zh: '已立项', en: 'Approved' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The stable columns of the published-results CSV (docs/adr/0013). */
export const RESULTS_CSV_COLUMNS = [
  'application_id',
  'call_id',
  'call_title',
  'year',
  'enterprise',
  'uscc',
  'project_title',
  'amount_fen',
  'amount_yuan',
  'status',
  'confirmed_on',
] as const;

export interface ResultRow {
  applicationId: string;
  callId: string;
  callTitle: string;
  year: number;
  enterpriseName: string;
  uscc: string;
  projectTitle: string | null;
  amountFen: string | null;
  status: string;
  confirmedOn: string | null;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `12345678` 分 → `123456.78`. */
export function fenToYuanText(fenText: string): string {
  const digits = fenText.padStart(3, '0');
  return `${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
}

/** The results as CSV: a UTF-8 byte-order mark, the header, one row per result, RFC 4180 quoting, CRLF. */
export function resultsCsv(items: readonly ResultRow[]): string {
  const lines: string[] = [RESULTS_CSV_COLUMNS.join(',')];
  for (const r of items) {
    const row: Record<(typeof RESULTS_CSV_COLUMNS)[number], string> = {
      application_id: r.applicationId,
      call_id: r.callId,
      call_title: r.callTitle,
      year: String(r.year),
      enterprise: r.enterpriseName,
      uscc: r.uscc,
      project_title: r.projectTitle ?? '',
      amount_fen: r.amountFen ?? '',
      amount_yuan: r.amountFen === null ? '' : fenToYuanText(r.amountFen),
      status: r.status,
      confirmed_on: r.confirmedOn ?? '',
    };
    lines.push(RESULTS_CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
