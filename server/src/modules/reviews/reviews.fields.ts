/** The 400 review endpoints answer bad input with: every field named, in the caller's language. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

export type Scoped = RequestContext & { actor: Actor };

export interface FieldProblem {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

export function formError(locale: Locale, problems: readonly FieldProblem[]): AppError {
  const first = problems[0]!;
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${first.field} ${first.zh}`,
      en: `The submitted data is invalid: ${first.field} ${first.en}`,
    },
    details: {
      fields: problems.map((p) => ({
        field: p.field,
        message: locale === 'en-US' ? p.en : p.zh,
        rule: p.rule,
      })),
    },
  });
}

export function fieldError(locale: Locale, field: string, rule: string, zh: string, en: string): AppError {
  return formError(locale, [{ field, rule, zh, en }]);
}
