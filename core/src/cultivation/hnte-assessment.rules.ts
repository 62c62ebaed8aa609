/**
 * 高企 self-assessment: the eight recognition conditions and the innovation-capability score in one pass.
 * The score's achievable range decides condition (七); growth figures default to the year records.
 * This is the rule run in batches (10,000 enterprises per run), so it does no more than the two parts.
 */
import { z } from 'zod';
import type { Fen } from '../common/money.ts';
import { dayOf, yearOfDay } from './calendar.ts';
import { checkConditionsConsistency, hnteConditionsShape } from './hnte-conditions.contract.ts';
import { assessHnteConditions, hnteWindow, type HnteConditionsResult } from './hnte-conditions.rules.ts';
import { checkScoreConsistency, hnteScoreShape, type GrowthSeries } from './hnte-score.contract.ts';
import { scoreHnte, type HnteScoreResult } from './hnte-score.rules.ts';

const { innovationScore: _score, ...conditionFields } = hnteConditionsShape;

const assessmentObject = z.object({
  ...conditionFields,
  score: z.object(hnteScoreShape).default({ ip: {}, rdManagement: {}, growth: {} }),
});

type AssessmentDraft = z.output<typeof assessmentObject>;

/** Sales and net assets of the 近三个会计年度 window, when every year of the window has them. */
export function derivedGrowthSeries(
  v: Pick<AssessmentDraft, 'assessmentDate' | 'applicationDate' | 'registrationDate' | 'years'>,
): GrowthSeries {
  const applicationYear = yearOfDay(dayOf(v.applicationDate ?? v.assessmentDate));
  const window = hnteWindow(
    applicationYear,
    v.registrationDate ? yearOfDay(dayOf(v.registrationDate)) : undefined,
  );
  const sales: Fen[] = [];
  const netAssets: Fen[] = [];
  for (const year of window) {
    const y = v.years.find((r) => r.year === year);
    if (y?.salesFen !== undefined) sales.push(y.salesFen);
    if (y?.netAssetsFen !== undefined) netAssets.push(y.netAssetsFen);
  }
  return {
    ...(window.length > 0 && sales.length === window.length ? { sales } : {}),
    ...(window.length > 0 && netAssets.length === window.length ? { netAssets } : {}),
  };
}

const SCORE_PATH = ['score'] as const;

// The draft has no innovationScore (the score is computed), so it passes to the conditions checks as it is.
export const hnteAssessmentInput = assessmentObject.superRefine((v, ctx) => {
  checkConditionsConsistency(v, ctx);
  checkScoreConsistency(v.score, ctx, SCORE_PATH, () => derivedGrowthSeries(v));
});

export type HnteAssessmentInput = z.output<typeof hnteAssessmentInput>;
export type HnteAssessmentRawInput = z.input<typeof hnteAssessmentInput>;

export interface HnteAssessmentResult extends HnteConditionsResult {
  score: HnteScoreResult;
}

export function assessHnte(input: HnteAssessmentInput): HnteAssessmentResult {
  const score = scoreHnte(input.score, derivedGrowthSeries(input));
  const unscored: string[] = [];
  for (const path of score.unscored) unscored.push(`score.${path}`);
  // The input carries no innovationScore: condition (七) is decided by the computed range alone.
  const conditions = assessHnteConditions(input, {
    min: score.minTotal,
    max: score.maxTotal,
    unscored,
  });
  return { ...conditions, score };
}
