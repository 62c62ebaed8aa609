/**
 * Expert review forms: weighted score categories with required comments, and how a programme combines the panel's
 * totals. Scores are whole points, so the weighted total is exact (a rational out of 100).
 */
import { z } from 'zod';

const text = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });

export const scoreCategory = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
  name: text,
  /** Points an expert may give, 0..max. */
  max: z.int().min(1).max(1000),
  /** Share of the 100-point total, in whole percent. */
  weight: z.int().min(1).max(100),
  /** Characters of comment required with the score (0 → none). */
  minComment: z.int().min(0).max(2000).default(0),
});
export type ScoreCategory = z.output<typeof scoreCategory>;

export const aggregation = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mean') }),
  z.object({ method: z.literal('median') }),
  /** Drop the `trim` highest and `trim` lowest totals, average the rest (needs more than 2 × trim reviews). */
  z.object({ method: z.literal('trimmed-mean'), trim: z.int().min(1).max(5) }),
]);
export type Aggregation = z.output<typeof aggregation>;

export const reviewForm = z
  .object({
    categories: z.array(scoreCategory).min(1).max(20),
    aggregation,
    /** Experts see the others' scores only after submitting their own. */
    revealAfterSubmit: z.boolean().default(true),
  })
  .refine((f) => f.categories.reduce((sum, c) => sum + c.weight, 0) === 100, {
    path: ['categories'],
    message: '各评分项权重之和应为 100 / the weights must add up to 100',
  });
export type ReviewForm = z.output<typeof reviewForm>;

/** One expert's submitted scores, checked against the form by `checkReview`. */
export interface ReviewScores {
  scores: Record<string, number>;
  comments: Record<string, string>;
}
