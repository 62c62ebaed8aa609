/**
 * A programme's application form as a JSON Schema subset (draft 2020-12 keywords only): one flat object whose
 * properties are strings, integers, numbers or booleans, with `required`, `title`, `minLength`, `maxLength`,
 * `pattern`, `enum`, `minimum` and `maximum`. The browser renders it as a form and runs `validateForm` live; the
 * server runs the same function on submission, so both name the same field with the same words.
 */
import { z } from 'zod';

const title = z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(100) });
const fieldName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
  .max(40);

export const formField = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('string'),
    title,
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(1).max(10_000).optional(),
    pattern: z.string().max(200).optional(),
    enum: z.array(z.string()).min(1).max(100).optional(),
    /** Rendered as a text area. */
    multiline: z.boolean().optional(),
  }),
  z.object({
    type: z.enum(['integer', 'number']),
    title,
    minimum: z.number().optional(),
    maximum: z.number().optional(),
  }),
  z.object({ type: z.literal('boolean'), title }),
]);
export type FormField = z.output<typeof formField>;

export const formSchema = z.object({
  type: z.literal('object'),
  properties: z.record(fieldName, formField),
  required: z.array(fieldName).default([]),
  /** The order fields are shown in; properties not listed follow in their own order. */
  order: z.array(fieldName).optional(),
});
export type FormSchema = z.output<typeof formSchema>;
export type FormData = Record<string, string | number | boolean | null>;

export interface FormProblem {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

/** The fields in display order. */
export function formFields(schema: FormSchema): [string, FormField][] {
  const order = schema.order ?? [];
  const rest = Object.keys(schema.properties).filter((k) => !order.includes(k));
  return [...order.filter((k) => k in schema.properties), ...rest].map((k) => [k, schema.properties[k]!]);
}

const empty = (v: unknown) => v === undefined || v === null || v === '';

/** Every problem of `data` against `schema`, field by field in display order; empty when it is valid. */
export function validateForm(schema: FormSchema, data: Record<string, unknown>): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const key of Object.keys(data)) {
    if (!(key in schema.properties))
      problems.push({ field: key, rule: 'unknown', zh: '不是本表的栏目', en: 'is not a field of this form' });
  }
  for (const [key, field] of formFields(schema)) {
    const value = data[key];
    const label = { zh: field.title.zh, en: field.title.en };
    const add = (rule: string, zh: string, en: string) =>
      problems.push({ field: key, rule, zh: `${label.zh}${zh}`, en: `${label.en} ${en}` });
    if (empty(value)) {
      if (schema.required.includes(key)) add('required', '为必填项', 'is required');
      continue;
    }
    switch (field.type) {
      case 'string': {
        if (typeof value !== 'string') {
          add('type', '应为文字', 'must be text');
          break;
        }
        const length = [...value].length;
        if (field.minLength !== undefined && length < field.minLength)
          add(
            'minLength',
            `至少 ${field.minLength} 个字`,
            `must have at least ${field.minLength} characters`,
          );
        if (field.maxLength !== undefined && length > field.maxLength)
          add(
            'maxLength',
            `不能超过 ${field.maxLength} 个字`,
            `must have at most ${field.maxLength} characters`,
          );
        if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value))
          add('pattern', '格式不正确', 'is not in the expected format');
        if (field.enum !== undefined && !field.enum.includes(value))
          add('enum', `应为以下之一：${field.enum.join('、')}`, `must be one of: ${field.enum.join(', ')}`);
        break;
      }
      case 'integer':
      case 'number': {
        if (
          typeof value !== 'number' ||
          !Number.isFinite(value) ||
          (field.type === 'integer' && !Number.isInteger(value))
        ) {
          add(
            'type',
            field.type === 'integer' ? '应为整数' : '应为数字',
            field.type === 'integer' ? 'must be a whole number' : 'must be a number',
          );
          break;
        }
        if (field.minimum !== undefined && value < field.minimum)
          add('minimum', `不能小于 ${field.minimum}`, `must be at least ${field.minimum}`);
        if (field.maximum !== undefined && value > field.maximum)
          add('maximum', `不能大于 ${field.maximum}`, `must be at most ${field.maximum}`);
        break;
      }
      case 'boolean':
        if (typeof value !== 'boolean') add('type', '应为是或否', 'must be yes or no');
        break;
    }
  }
  return problems;
}
