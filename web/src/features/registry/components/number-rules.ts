/**
 * Form rules for counts and amounts typed as text: the text must read as a whole number or as 万元 (exactly, to the
 * 分), and the value must pass the contract's own schema (no negative headcount or money, within range).
 */
import type { FormRule } from 'antd';
import type { Locale } from '@jinke/core/common/errors.ts';
import { parseMoney } from '@jinke/core/common/money.ts';
import { fenSchema, headcountSchema, signedFenSchema } from '@jinke/core/registry/enterprises.contract.ts';
import type { Text } from '../../../app/i18n.tsx';
import { issueText } from '../../../lib/schema-rule.ts';
import { enterpriseText } from '../enterprise.messages.ts';

type T = (text: Text) => string;

const COUNT = /^-?\d+$/;

/** What a text input (or a number, from a test or a paste) holds, as trimmed text. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return '';
}
const WAN = /^-?\d+(\.\d{1,6})?$/;

/** A whole number of people, not negative. */
export function countRule(t: T, locale: Locale = 'zh-CN'): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = asText(value);
      if (text === '') return;
      if (!COUNT.test(text)) throw new Error(t(enterpriseText.invalidCount));
      const issue = headcountSchema.safeParse(Number(text)).error?.issues[0];
      if (issue) throw new Error(issueText(issue, locale));
    },
  };
}

/** An amount in 万元 with at most 6 decimals (1 分); negative only where the figure may be (net assets). */
export function moneyRule(t: T, locale: Locale, allowNegative: boolean): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = asText(value).replaceAll(',', '');
      if (text === '') return;
      const parsed = WAN.test(text) ? parseMoney(`${text}万元`) : null;
      if (!parsed?.ok) throw new Error(t(enterpriseText.invalidAmount));
      const schema = allowNegative ? signedFenSchema : fenSchema;
      const issue = schema.safeParse(Number(parsed.fen)).error?.issues[0];
      if (issue) throw new Error(issueText(issue, locale));
    },
  };
}
