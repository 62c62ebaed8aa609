/**
 * Contracts of the town assessment (市镇两级考核): the weights of an assessment year, each town's score and rank,
 * and the per-indicator actual, target, achievement and points behind them. Values are exact like the overview's
 * (`value` a reduced fraction, `display` rounded): achievement is a percentage (1 decimal), points and scores
 * have 2 decimals. A town officer gets their own town's row only, with its rank among all towns.
 */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { exactValue, indicatorYear } from './api.contract.ts';
import { indicatorId } from './definition.contract.ts';

const text = z.object({ zh: z.string(), en: z.string() });

export const assessmentTownCode = z
  .string()
  .regex(/^\d{9}$/, bilingual('应为 9 位镇街代码', 'must be a 9-digit town code', 'town'));

/** A number with at most 2 decimals, written as JSON number. */
const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

export const assessmentWeightInput = z.object({
  indicator: indicatorId,
  /** A JSON number; anything else (a string, null, 0, a negative) is the same one bilingual message. */
  weight: z.custom<number>(
    (n) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 1000 && twoDecimals(n),
    bilingual(
      '应为大于 0、不超过 1000 的数，最多 2 位小数',
      'must be a number greater than 0 and at most 1000, with at most 2 decimals',
      'weight',
    ),
  ),
  /** The cap on achievement, in percent (default 120). */
  capPercent: z
    .number()
    .int(bilingual('应为整数', 'must be a whole number', 'cap'))
    .min(100)
    .max(300)
    .default(120),
});

export const townAssessmentQuery = z.object({ year: indicatorYear.optional() });
export const weightsQuery = z.object({ year: indicatorYear });
export const townSheetParams = z.object({ town: assessmentTownCode });

export const weightsRequest = z.object({
  weights: z
    .array(assessmentWeightInput)
    .min(1)
    .max(30)
    .superRefine((weights, ctx) => {
      const seen = new Set<string>();
      weights.forEach((w, i) => {
        if (seen.has(w.indicator))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'indicator'],
            ...bilingual(`${w.indicator} 重复`, `${w.indicator} is listed twice`, 'duplicate'),
          });
        seen.add(w.indicator);
      });
    }),
});
export type WeightsRequest = z.input<typeof weightsRequest>;

export const assessmentWeight = z.object({
  indicator: indicatorId,
  name: text,
  unit: text,
  weight: z.number(),
  capPercent: z.number(),
});
export type AssessmentWeight = z.output<typeof assessmentWeight>;

export const weightsResponse = z.object({
  year: z.number(),
  weights: z.array(assessmentWeight),
  /** Who set the weights last and when; null before any are set. */
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type WeightsResponse = z.output<typeof weightsResponse>;

export const assessmentPart = z.object({
  indicator: indicatorId,
  actual: exactValue.nullable(),
  target: exactValue.nullable(),
  /** actual ÷ target in percent, capped; null when the figure or the target is missing (or the target is 0). */
  achievement: exactValue.nullable(),
  weight: z.number(),
  points: exactValue,
});
export type AssessmentPart = z.output<typeof assessmentPart>;

export const townAssessmentRow = z.object({
  town: z.string(),
  townName: z.string(),
  score: exactValue,
  rank: z.int(),
  /** False when any weighted indicator lacks a figure or a target for the town (it scores 0 there). */
  complete: z.boolean(),
  missing: z.array(indicatorId),
  parts: z.array(assessmentPart),
});
export type TownAssessmentRow = z.output<typeof townAssessmentRow>;

export const townAssessmentResponse = weightsResponse.extend({
  years: z.array(z.number()),
  scope: z.enum(['county', 'town']),
  scopeTown: z.string().nullable(),
  /** How many towns are ranked (a town officer sees one row of them). */
  townCount: z.int(),
  /** Σ weights: the score of a town at exactly 100 % on every indicator. */
  weightSum: exactValue,
  towns: z.array(townAssessmentRow),
});
export type TownAssessmentResponse = z.output<typeof townAssessmentResponse>;
