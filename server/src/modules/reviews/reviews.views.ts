/**
 * What review readers see: the window in China time, exact totals, and the results and calibration tables built
 * from the stored reviews with core's rules (weightedTotal, aggregateTotals, calibrate).
 */
import { Rational } from '@jinke/core/common/rational.ts';
import { aggregateTotals, calibrate, weightedTotal } from '@jinke/core/reviews/aggregate.ts';
import type {
  CalibrationResponse,
  ResultItem,
  ResultsResponse,
  ReviewWindow,
  Total,
} from '@jinke/core/reviews/api.contract.ts';
import type { ReviewForm } from '@jinke/core/reviews/review.contract.ts';
import { AppError } from '../../platform/errors.ts';
import type { ReviewedApplication, ReviewRow } from './reviews.repo.ts';

export function windowOf(opensOn: string, closesOn: string, today: string): ReviewWindow {
  const state = today < opensOn ? 'upcoming' : today > closesOn ? 'closed' : 'open';
  return { opensOn, closesOn, state };
}

/** 409 naming the window's dates when today is outside it. */
export function requireOpen(window: ReviewWindow): void {
  if (window.state === 'open') return;
  throw new AppError('REVIEW_WINDOW_CLOSED', {
    userMessage: {
      zh: `评审时间为 ${window.opensOn} 至 ${window.closesOn}，${window.state === 'upcoming' ? '尚未开始' : '已结束'}`,
      en: `Reviews run from ${window.opensOn} to ${window.closesOn}; the window ${
        window.state === 'upcoming' ? 'has not opened yet' : 'has closed'
      }`,
    },
    details: { opensOn: window.opensOn, closesOn: window.closesOn },
  });
}

export const totalOf = (r: Rational): Total => ({ exact: r.toString(), decimal: r.toDecimal(2) });

/** 专家A, 专家B, … 专家Z, 专家AA, … */
export function anonymousLabel(i: number): { zh: string; en: string } {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return { zh: `专家${s}`, en: `Expert ${s}` };
}

/** The reviews that count: submitted by a member of the current panel. */
export const counted = (rows: readonly ReviewRow[], panel: ReadonlySet<string>) =>
  rows.filter((r) => r.status === 'submitted' && panel.has(r.expert_code));

/** The total stored on submission (under the frozen form); recomputed only for a row without one. */
function storedTotal(form: ReviewForm, r: ReviewRow): Rational {
  if (r.total === null) return weightedTotal(form, r.scores);
  const [num, den = '1'] = r.total.split('/');
  return Rational.of(BigInt(num!), BigInt(den));
}

export function results(
  form: ReviewForm,
  applications: readonly ReviewedApplication[],
  submitted: readonly ReviewRow[],
  names: ReadonlyMap<string, string>,
): ResultsResponse {
  const byApplication = new Map<string, ReviewRow[]>();
  for (const r of submitted) {
    const list = byApplication.get(r.application_id);
    if (list) list.push(r);
    else byApplication.set(r.application_id, [r]);
  }
  const items: (ResultItem & { value: Rational | null })[] = applications.map((a) => {
    const reviews = (byApplication.get(a.id) ?? []).map((r) => ({
      code: r.expert_code,
      name: names.get(r.expert_code) ?? null,
      total: storedTotal(form, r),
      scores: r.scores,
    }));
    const outcome = aggregateTotals(
      reviews.map((r) => r.total),
      form.aggregation,
    );
    return {
      applicationId: a.id,
      enterpriseName: a.enterprise_name,
      projectTitle: a.project_title,
      reviews: reviews.map((r) => ({ ...r, total: totalOf(r.total) })),
      result: outcome.ok ? totalOf(outcome.value) : null,
      used: outcome.ok ? outcome.used : 0,
      problem: outcome.ok ? null : { zh: outcome.zh, en: outcome.en },
      rank: null,
      value: outcome.ok ? outcome.value : null,
    };
  });
  const ranked = items.filter((i) => i.value !== null).sort((a, b) => b.value!.cmp(a.value!));
  ranked.forEach((item, i) => {
    const prev = ranked[i - 1];
    item.rank = prev && prev.value!.eq(item.value!) ? prev.rank : i + 1;
  });
  const order = [...ranked, ...items.filter((i) => i.value === null)];
  return { aggregation: form.aggregation, items: order.map(({ value: _value, ...rest }) => rest) };
}

export const CALIBRATION_THRESHOLD = 10;
export const CALIBRATION_MIN_REVIEWS = 3;

export function calibration(
  form: ReviewForm,
  submitted: readonly ReviewRow[],
  names: ReadonlyMap<string, string>,
): CalibrationResponse {
  const list = calibrate(
    submitted.map((r) => ({
      application: r.application_id,
      expert: r.expert_code,
      total: storedTotal(form, r),
    })),
    CALIBRATION_THRESHOLD,
    CALIBRATION_MIN_REVIEWS,
  );
  return {
    threshold: CALIBRATION_THRESHOLD,
    minReviews: CALIBRATION_MIN_REVIEWS,
    items: list.map((c) => ({
      code: c.expert,
      name: names.get(c.expert) ?? null,
      reviews: c.reviews,
      meanOffset: totalOf(c.meanOffset),
      spread: c.spread,
      outlier: c.outlier,
    })),
  };
}
