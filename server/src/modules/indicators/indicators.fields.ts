/** The pieces the indicators services share: the scoped request and the one-field validation error. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

export type Scoped = RequestContext & { actor: Actor };

/** A 400 naming one field, in the caller's language, like request validation's. */
export function fieldError(locale: Locale, field: string, rule: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${field} ${zh}`,
      en: `The submitted data is invalid: ${field} ${en}`,
    },
    details: { fields: [{ field, message: locale === 'en-US' ? en : zh, rule }] },
  });
}
