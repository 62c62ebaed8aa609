/**
 * Puts the server's field errors (`details.fields`) under the form fields they name, so a user sees the
 * problem where they typed, in the UI language.
 */
import type { FormInstance } from 'antd';
import type { FieldError, Locale } from '@jinke/core/common/errors.ts';
import { passwordProblemMessages, type PasswordProblem } from '@jinke/core/accounts/password-policy.ts';
import { isApiError } from './http.ts';

function isPasswordProblem(rule: string): rule is PasswordProblem {
  return Object.hasOwn(passwordProblemMessages, rule);
}

/**
 * The sentence to show under a field. The server prefixes the field's path ("newPassword 长度…") because its
 * message also stands alone; under the field the label already says which one. Password-policy problems come
 * in both languages at once, so they are re-read from the shared policy by their rule.
 */
export function fieldMessage(error: FieldError, locale: Locale): string {
  if (error.rule && isPasswordProblem(error.rule)) {
    const text = passwordProblemMessages[error.rule];
    return locale === 'zh-CN' ? text.zh : text.en;
  }
  const prefix = `${error.field} `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/** Groups field errors by field, keeping only the fields the form has (others are reported as a whole). */
export function toFormFields(errors: FieldError[], locale: Locale, known: readonly string[]): FormFieldError[] {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const top = error.field.split('.')[0] ?? error.field;
    if (!known.includes(top)) continue;
    const list = byField.get(top) ?? [];
    list.push(fieldMessage(error, locale));
    byField.set(top, list);
  }
  return [...byField].map(([field, messages]) => ({ name: [field], errors: messages }));
}

/**
 * Shows an API error on the form: field errors under their fields, and `codeToField` codes (e.g. PASSWORD_WRONG →
 * currentPassword) under the field they concern. For those domain refusals the envelope's message is already in
 * the UI language while a field message may carry both languages, so the envelope's message is used unless the
 * field errors name rules the web can word itself. Returns false when nothing could be placed on a field, so the
 * caller shows the message another way.
 */
export function applyApiError(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  locale: Locale,
  known: readonly string[],
  codeToField: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false;
  const target = codeToField[error.code];
  let fields: FormFieldError[];
  if (target && known.includes(target)) {
    const worded = error.fieldErrors.filter((f) => f.rule !== undefined && isPasswordProblem(f.rule));
    fields = worded.length > 0 ? toFormFields(worded, locale, known) : [{ name: [target], errors: [error.message] }];
  } else {
    fields = toFormFields(error.fieldErrors, locale, known);
  }
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
