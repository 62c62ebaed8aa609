/**
 * Scoring: each review's weighted total, the panel's result by the programme's method, and reviewer calibration —
 * each expert's mean offset from the panels they sat on and its spread, with outliers flagged for officers.
 */
import { Rational } from '../common/rational.ts';
import type { Aggregation, ReviewForm, ReviewScores } from './review.contract.ts';

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

/** Every problem of one review: a score missing, out of range or not whole, a comment too short. */
export function checkReview(form: ReviewForm, review: ReviewScores): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of form.categories) {
    const score = review.scores[c.id];
    if (score === undefined) {
      problems.push({ field: `scores.${c.id}`, zh: `请为“${c.name.zh}”打分`, en: `score "${c.name.en}"` });
    } else if (!Number.isInteger(score) || score < 0 || score > c.max) {
      problems.push({
        field: `scores.${c.id}`,
        zh: `“${c.name.zh}”应为 0–${c.max} 的整数`,
        en: `"${c.name.en}" must be a whole number from 0 to ${c.max}`,
      });
    }
    const comment = (review.comments[c.id] ?? '').trim();
    if (comment.length < c.minComment) {
      problems.push({
        field: `comments.${c.id}`,
        zh: `“${c.name.zh}”的评审意见不少于 ${c.minComment} 字`,
        en: `the comment on "${c.name.en}" needs at least ${c.minComment} characters`,
      });
    }
  }
  for (const id of Object.keys(review.scores)) {
    if (!form.categories.some((c) => c.id === id)) {
      problems.push({
        field: `scores.${id}`,
        zh: `评分项 ${id} 不在评审表中`,
        en: `${id} is not a category of the form`,
      });
    }
  }
  return problems;
}

/** Σ score / max × weight: exact, out of 100. */
export function weightedTotal(form: ReviewForm, scores: Record<string, number>): Rational {
  return form.categories.reduce(
    (sum, c) =>
      sum.add(
        Rational.of(scores[c.id] ?? 0)
          .mul(Rational.of(c.weight))
          .div(Rational.of(c.max)),
      ),
    Rational.ZERO,
  );
}

export type PanelResult = { ok: true; value: Rational; used: number } | { ok: false; zh: string; en: string };

export function aggregateTotals(totals: readonly Rational[], how: Aggregation): PanelResult {
  if (totals.length === 0) return { ok: false, zh: '尚无评审意见', en: 'no reviews yet' };
  const sorted = [...totals].sort((a, b) => a.cmp(b));
  const mean = (values: readonly Rational[]) =>
    values.reduce((s, v) => s.add(v), Rational.ZERO).div(Rational.of(values.length));
  switch (how.method) {
    case 'mean':
      return { ok: true, value: mean(sorted), used: sorted.length };
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      const value =
        sorted.length % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.add(sorted[mid]!).div(Rational.of(2));
      return { ok: true, value, used: sorted.length };
    }
    case 'trimmed-mean': {
      if (sorted.length <= how.trim * 2) {
        return {
          ok: false,
          zh: `去掉最高、最低各 ${how.trim} 个分数需要至少 ${how.trim * 2 + 1} 份评审，现有 ${sorted.length} 份`,
          en: `trimming ${how.trim} from each end needs at least ${how.trim * 2 + 1} reviews, there are ${sorted.length}`,
        };
      }
      const kept = sorted.slice(how.trim, sorted.length - how.trim);
      return { ok: true, value: mean(kept), used: kept.length };
    }
  }
}

export interface PanelReview {
  application: string;
  expert: string;
  total: Rational;
}

export interface Calibration {
  expert: string;
  reviews: number;
  /** Mean of (own total − the mean of the other panel members' totals) over the applications reviewed. */
  meanOffset: Rational;
  /** Population standard deviation of those offsets, in points (rounded to 0.01 for display only). */
  spread: string;
  outlier: boolean;
}

/**
 * Calibration over all panels: an expert is an outlier when the mean offset is at least `threshold` points either
 * way over at least `minReviews` reviews. The offset compares with the *other* members, so one harsh expert does not
 * pull the reference towards themselves.
 */
export function calibrate(reviews: readonly PanelReview[], threshold = 10, minReviews = 3): Calibration[] {
  const byApplication = new Map<string, PanelReview[]>();
  for (const r of reviews) byApplication.set(r.application, [...(byApplication.get(r.application) ?? []), r]);
  const offsets = new Map<string, Rational[]>();
  for (const panel of byApplication.values()) {
    if (panel.length < 2) continue;
    const sum = panel.reduce((s, r) => s.add(r.total), Rational.ZERO);
    for (const r of panel) {
      const othersMean = sum.sub(r.total).div(Rational.of(panel.length - 1));
      offsets.set(r.expert, [...(offsets.get(r.expert) ?? []), r.total.sub(othersMean)]);
    }
  }
  return [...offsets.entries()]
    .map(([expert, list]) => {
      const meanOffset = list.reduce((s, v) => s.add(v), Rational.ZERO).div(Rational.of(list.length));
      const variance = list
        .reduce((s, v) => s.add(v.sub(meanOffset).mul(v.sub(meanOffset))), Rational.ZERO)
        .div(Rational.of(list.length));
      const spread = Math.sqrt(Number(variance.toDecimal(6))).toFixed(2);
      const outlier = list.length >= minReviews && meanOffset.abs().gte(Rational.of(threshold));
      return { expert, reviews: list.length, meanOffset, spread, outlier };
    })
    .sort((a, b) => (a.expert < b.expert ? -1 : a.expert > b.expert ? 1 : 0));
}
