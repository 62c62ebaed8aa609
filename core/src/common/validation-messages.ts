/**
 * Turns zod issues into field errors with a zh-CN or en-US sentence. Field labels come from the schema's
 * `.meta({ label: { zh, en } })` when present, otherwise the dotted path is used.
 */
import type { z } from 'zod';
import type { FieldError, Locale } from './errors.ts';

type Issue = z.core.$ZodIssue;

function describe(issue: Issue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return zh ? '为必填项' : 'is required';
      return zh ? `类型应为 ${issue.expected}` : `must be of type ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string')
        return zh ? `长度不能少于 ${String(issue.minimum)} 个字符` : `must be at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array')
        return zh ? `至少需要 ${String(issue.minimum)} 项` : `needs at least ${String(issue.minimum)} items`;
      return zh ? `不能小于 ${String(issue.minimum)}` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string')
        return zh ? `长度不能超过 ${String(issue.maximum)} 个字符` : `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array')
        return zh ? `最多 ${String(issue.maximum)} 项` : `allows at most ${String(issue.maximum)} items`;
      return zh ? `不能大于 ${String(issue.maximum)}` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return zh ? `格式不正确（应为 ${issue.format}）` : `has an invalid format (expected ${issue.format})`;
    case 'invalid_value':
      return zh
        ? `取值应为 ${issue.values.map(String).join('、')} 之一`
        : `must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return zh ? `包含未知字段 ${issue.keys.join('、')}` : `has unknown fields ${issue.keys.join(', ')}`;
    case 'custom': {
      // Custom refinements carry both languages in params so the rule's own words reach the user.
      const params = (issue.params ?? {}) as { zh?: string; en?: string };
      return (zh ? params.zh : params.en) ?? issue.message;
    }
    default:
      return zh ? '取值无效' : 'is invalid';
  }
}

export function toFieldErrors(issues: readonly Issue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(body)';
    const params = issue.code === 'custom' ? ((issue.params ?? {}) as { rule?: string }) : {};
    const message = `${field} ${describe(issue, locale)}`;
    return params.rule ? { field, message, rule: params.rule } : { field, message };
  });
}

/** A refinement message in both languages, read back by `toFieldErrors`. */
export function bilingual(zh: string, en: string, rule?: string): { message: string; params: Record<string, string> } {
  return { message: en, params: rule ? { zh, en, rule } : { zh, en } };
}
