/**
 * The catalogue of rules exposed for batch use (`npx jinke rules list|run`). Each rule is a pure function of
 * one JSON input with a zod schema, an id and the article it implements. Domains add their rules in
 * `./catalogue.ts`; the CLI and the docs read only this interface.
 */
import type { z } from 'zod';

export interface RuleDefinition<I = unknown, O = unknown> {
  /** Stable id, `<domain>.<rule>`, e.g. `ids.uscc`. */
  id: string;
  title: { zh: string; en: string };
  /** Document and article, e.g. `GB 32100-2015 第4.2节`. */
  citation: string;
  input: z.ZodType<I>;
  run(input: I): O;
}

export function defineRule<I, O>(rule: RuleDefinition<I, O>): RuleDefinition<I, O> {
  return rule;
}
