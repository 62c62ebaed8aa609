/**
 * An antd form rule from a core contract schema, so the browser checks a field with the very rule the server
 * applies. Refinements carry `{ zh, en }` in their params; other issues fall back to zod's own message.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { Locale } from '@jinke/core/common/errors.ts';

export function issueText(issue: z.core.$ZodIssue, locale: Locale): string {
  const params: unknown = 'params' in issue ? issue.params : undefined;
  if (typeof params === 'object' && params !== null) {
    const text = (params as Record<string, unknown>)[locale === 'zh-CN' ? 'zh' : 'en'];
    if (typeof text === 'string') return text;
  }
  return issue.message;
}

/** Validates non-empty values with `schema`; emptiness is left to a `required` rule. */
export function schemaRule(schema: z.ZodType, locale: Locale): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      const issue = result.error?.issues[0];
      if (issue) throw new Error(issueText(issue, locale));
    },
  };
}
