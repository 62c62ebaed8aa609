/**
 * Indicator definitions as versioned data: what a figure means, where it comes from, the period and breakdowns it
 * has, and the text that defines it. A definition is a record, so adding an indicator is adding data, not code.
 */
import { z } from 'zod';
import { INDICATOR_ID } from './formula.ts';

const text = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });

export const indicatorId = z
  .string()
  .regex(INDICATOR_ID, {
    message: '指标编号应为小写字母、数字、下划线和点 / lower-case letters, digits, _ and .',
  })
  .max(80);

export const indicatorSource = z.discriminatedUnion('kind', [
  /** Counted from platform records by a named query the server implements (e.g. `patents.valid_invention`). */
  z.object({ kind: z.literal('computed'), query: z.string().trim().min(1).max(80) }),
  /** Reported by a department (GDP, resident population, loan totals): entered with, when required, an attachment. */
  z.object({
    kind: z.literal('reported'),
    department: text,
    attachmentRequired: z.boolean().default(true),
  }),
  /** Derived from other indicators by a formula (see formula.ts). */
  z.object({ kind: z.literal('formula'), formula: z.string().trim().min(1).max(500) }),
]);
export type IndicatorSource = z.output<typeof indicatorSource>;

export const indicatorBreakdowns = ['town', 'industry'] as const;

export const indicatorDefinition = z.object({
  id: indicatorId,
  version: z.int().min(1).default(1),
  name: text,
  unit: text,
  /** Decimal places shown; values are kept exact. */
  decimals: z.int().min(0).max(6).default(0),
  source: indicatorSource,
  period: z.enum(['year', 'year-end']),
  breakdowns: z.array(z.enum(indicatorBreakdowns)).max(2).default([]),
  /** The text that defines the figure: document and article, or the seed document's sentence. */
  citation: z.string().trim().min(1).max(300),
  /** Whether the bureau publishes it on the open-data page. */
  published: z.boolean().default(false),
});
export type IndicatorDefinition = z.output<typeof indicatorDefinition>;
export type IndicatorDefinitionInput = z.input<typeof indicatorDefinition>;
