/**
 * The ledger forms check with core's rules before sending: the request schema (field by field, cross-field rules
 * included) and the entry-against-project rule; the problems go under the fields they name, worded as the server
 * words them. The server's own field errors are placed the same way.
 */
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import type { Locale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import type { LedgerProblem } from '@jinke/core/cultivation/ledger.contract.ts';
import { fieldMessage } from '../../lib/form-errors.ts';

type Setter = Pick<FormInstance, 'setFields'>;

function place(form: Setter, items: { field: string; text: string }[], known: readonly string[]): boolean {
  const byField = new Map<string, string[]>();
  for (const { field, text } of items) {
    const top = field.split('.')[0] ?? field;
    if (!known.includes(top)) continue;
    byField.set(top, [...(byField.get(top) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: [name], errors })));
  return byField.size > 0;
}

/** A schema's issues under the form's fields; false when none of them names a field of the form. */
export function placeIssues(form: Setter, issues: readonly z.core.$ZodIssue[], locale: Locale, known: readonly string[]): boolean {
  return place(
    form,
    toFieldErrors(issues, locale).map((e) => ({ field: e.field, text: fieldMessage(e, locale) })),
    known,
  );
}

export function placeProblems(form: Setter, problems: readonly LedgerProblem[], locale: Locale, known: readonly string[]): boolean {
  return place(
    form,
    problems.map((p) => ({ field: p.field, text: locale === 'zh-CN' ? p.zh : p.en })),
    known,
  );
}
