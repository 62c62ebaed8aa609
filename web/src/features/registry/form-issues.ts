/**
 * A contract's verdict on a whole request, put under the form's fields: the browser runs the very schema the server
 * runs (cross-field rules included) and words the problems as the server would, before anything is sent. The same
 * placement serves the server's field errors and cross-record rules, as `Problem`s keyed by request path.
 */
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import type { Locale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { fieldMessage } from '../../lib/form-errors.ts';

export interface FieldErrors {
  name: string[];
  errors: string[];
}

/** Issues grouped by the form field they concern; `fieldOf` maps a request key to the form's name for it. */
export function issuesToFields(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
  fieldOf: (key: string) => string | null = (key) => key,
): FieldErrors[] {
  const byField = new Map<string, string[]>();
  for (const error of toFieldErrors(issues, locale)) {
    const name = fieldOf(error.field.split('.')[0] ?? error.field);
    if (!name) continue;
    const list = byField.get(name) ?? [];
    const text = fieldMessage(error, locale);
    if (!list.includes(text)) list.push(text);
    byField.set(name, list);
  }
  return [...byField].map(([name, errors]) => ({ name: [name], errors }));
}

/** Like `issuesToFields`, keeping the whole path, for fields inside lists (`['relations', 0, 'uscc']`). */
export function issuesToNestedFields(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
): { name: (string | number)[]; errors: string[] }[] {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const error of toFieldErrors(issues, locale)) {
    const entry = byPath.get(error.field) ?? {
      name: error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [],
    };
    const text = fieldMessage(error, locale);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byPath.set(error.field, entry);
  }
  return [...byPath.values()];
}

/** Puts a failed parse's issues under the form's fields; nested paths (list items) keep their whole path. */
export function showIssues(
  form: Pick<FormInstance, 'setFields'>,
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
  fieldOf?: (key: string) => string | null,
): void {
  form.setFields(fieldOf ? issuesToFields(issues, locale, fieldOf) : issuesToNestedFields(issues, locale));
}

export type FieldName = (string | number)[];
/** The form field a request path (`uscc`, `applicants.0.holderId`) belongs to; null when the form has none. */
export type NameOf = (path: string) => FieldName | null;

export interface Problem {
  path: string;
  message: string;
}

/** Paths fall on their top-level key, when the form has a field of that name. */
export function topLevel(known: readonly string[]): NameOf {
  return (path) => {
    const top = path.split('.')[0] ?? path;
    return known.includes(top) ? [top] : null;
  };
}

/** A failed parse's issues as problems, worded in `locale`. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], locale: Locale): Problem[] {
  return toFieldErrors(issues, locale).map((error) => ({
    path: error.field,
    message: fieldMessage(error, locale),
  }));
}

/** Puts each problem under its field (several under one field are all shown); false when none had a field. */
export function placeProblems(
  form: Pick<FormInstance, 'setFields'>,
  problems: readonly Problem[],
  nameOf: NameOf,
): boolean {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  for (const problem of problems) {
    const name = nameOf(problem.path);
    if (!name) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(problem.message)) entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}
