/**
 * Parsers of spreadsheet cells for the registry's import templates: each turns the text of one cell into a value or
 * a problem in both languages, and states its rule for the template's 说明 sheet. Identifiers use the shared
 * validators (USCC check character, patent number check digit, identity card, GB/T 4754 codes), so a file row and
 * the API answer the same words. Pure and browser-safe.
 */
import { z } from 'zod';
import { realDate, formatCalendarDate } from '../common/ids/calendar-date.ts';
import { validateIdCardNumber } from '../common/ids/id-card.ts';
import { parseIpcSymbol } from '../common/ids/ipc-code.ts';
import { validatePatentApplicationNumber } from '../common/ids/patent-number.ts';
import { validateUscc } from '../common/ids/uscc.ts';
import { parseMoney } from '../common/money.ts';
import { findHitechField, hitechFieldByCode } from './hitech-fields.ts';
import { validateIndustryCode } from './industry.ts';

/** One cell's text as the reader gives it: trimmed text, or null when the cell is empty. */
export type CellText = string | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; rule: string; zh: string; en: string };

export interface CellParser<T> {
  parse(text: string): CellResult<T>;
  rule: { zh: string; en: string };
  format: 'text' | 'number' | 'date';
  choices?: readonly string[];
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (rule: string, zh: string, en: string): CellResult<never> => ({ ok: false, rule, zh, en });

function parser<T>(
  format: CellParser<T>['format'],
  rule: { zh: string; en: string },
  parse: (text: string) => CellResult<T>,
): CellParser<T> {
  return { parse, rule, format };
}

/** A zod schema over the cell text: empty is null (or a `required` problem), otherwise the parser decides. */
function schema<T>(p: CellParser<T>, required: boolean): z.ZodType<T | null, CellText | undefined> {
  return z
    .string()
    .nullish()
    .transform((value, ctx): T | null => {
      const text = value?.trim() ?? '';
      if (text === '') {
        if (required)
          ctx.addIssue({
            code: 'custom',
            message: 'is required',
            params: { zh: '为必填项', en: 'is required', rule: 'required' },
          });
        return null;
      }
      const result = p.parse(text);
      if (!result.ok) {
        ctx.addIssue({
          code: 'custom',
          message: result.en,
          params: { zh: result.zh, en: result.en, rule: result.rule },
        });
        return z.NEVER;
      }
      return result.value;
    });
}

const text = (max: number) =>
  parser('text', { zh: `文本，最多 ${max} 个字`, en: `text, at most ${max} characters` }, (t) =>
    [...t].length > max
      ? bad('too_long', `长度不能超过 ${max} 个字`, `must be at most ${max} characters`)
      : ok(t),
  );

const SEPARATORS = /[；;，,、\n]+/;

/** Several values in one cell, separated by ；, comma or 、; each is checked and named by its position. */
function list<T>(item: CellParser<T>, max: number): CellParser<T[]> {
  return parser(
    'text',
    {
      zh: `多个值用“；”分隔，最多 ${max} 个；每个值：${item.rule.zh}`,
      en: `several values separated by ";", at most ${max}; each: ${item.rule.en}`,
    },
    (t) => {
      const parts = t
        .split(SEPARATORS)
        .map((s) => s.trim())
        .filter(Boolean);
      if (parts.length > max) return bad('too_many', `最多 ${max} 个`, `at most ${max} values`);
      const out: T[] = [];
      for (const [index, part] of parts.entries()) {
        const r = item.parse(part);
        if (!r.ok)
          return bad(
            r.rule,
            `第 ${index + 1} 个值“${part}”：${r.zh}`,
            `value ${index + 1} "${part}": ${r.en}`,
          );
        if (!out.includes(r.value)) out.push(r.value);
      }
      return ok(out);
    },
  );
}

const uscc = parser(
  'text',
  {
    zh: '18 位统一社会信用代码（GB 32100-2015，含校验码）',
    en: '18-character unified social credit code with its check character',
  },
  (t) => {
    const r = validateUscc(t);
    return r.ok ? ok(r.normalized) : bad(`uscc_${r.rule}`, r.message.zh, r.message.en);
  },
);

const DATE_SHAPES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const date = parser(
  'date',
  {
    zh: '日期，如 2015-06-18（也可 2015/6/18、2015年6月18日）',
    en: 'a date such as 2015-06-18 (2015/6/18 and 2015年6月18日 also work)',
  },
  (t) => {
    for (const shape of DATE_SHAPES) {
      const m = shape.exec(t);
      if (!m) continue;
      const d = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
      return d
        ? ok(formatCalendarDate(d))
        : bad('date_invalid', `“${t}”不是实际存在的日期`, `"${t}" is not a real date`);
    }
    return bad(
      'date_format',
      `“${t}”不是日期，应如 2015-06-18`,
      `"${t}" is not a date; write e.g. 2015-06-18`,
    );
  },
);

const town = parser('text', { zh: '镇（街道）名称或区划代码', en: 'town name or division code' }, (t) =>
  [...t].length > 40
    ? bad('town_unknown', '不是本县（市）的镇、街道或园区', 'is not a town, street or zone of the county')
    : ok(t),
);

const industry = parser(
  'text',
  {
    zh: 'GB/T 4754-2017 小类代码，可带门类字母，如 C1951',
    en: 'a GB/T 4754-2017 class code, optionally with its section letter, e.g. C1951',
  },
  (t) => {
    const r = validateIndustryCode(t);
    return r.ok ? ok(r.code) : bad(`industry_${r.rule}`, r.message.zh, r.message.en);
  },
);

const hitechField = parser(
  'text',
  {
    zh: '《国家重点支持的高新技术领域》代码或名称，如 40301',
    en: 'a code or name of the national high-tech fields catalogue, e.g. 40301',
  },
  (t) => {
    const field = hitechFieldByCode(t) ?? findHitechField(t);
    return field
      ? ok(field.code)
      : bad(
          'hitech_field_unknown',
          `“${t}”不是《国家重点支持的高新技术领域》中的代码或名称`,
          `"${t}" is not a code or name of the high-tech fields catalogue`,
        );
  },
);

const integer = (min: number, max: number) =>
  parser('number', { zh: `整数，${min}–${max}`, en: `a whole number from ${min} to ${max}` }, (t) => {
    const m = /^([+-]?\d+)(?:\.0+)?$/.exec(t.replaceAll(',', ''));
    if (!m) return bad('integer_format', `“${t}”不是整数`, `"${t}" is not a whole number`);
    const n = Number(m[1]);
    if (n < min)
      return bad(min === 0 ? 'count_negative' : 'too_small', `不能小于 ${min}`, `must be at least ${min}`);
    if (n > max) return bad('too_big', `不能大于 ${max}`, `must be at most ${max}`);
    return ok(n);
  });

/** An amount in 元 with at most two decimals (or with its unit, e.g. 312.4万元), stored as 分. */
const money = (signed: boolean) =>
  parser(
    'number',
    signed
      ? {
          zh: '金额（元），最多两位小数，可为负数；也可写 312.4万元',
          en: 'an amount in yuan with at most 2 decimals, may be negative; 312.4万元 also works',
        }
      : {
          zh: '金额（元），最多两位小数，不能为负数；也可写 312.4万元',
          en: 'an amount in yuan with at most 2 decimals, not negative; 312.4万元 also works',
        },
    (t) => {
      const withUnit = /^[+-]?[\d,]+(\.\d+)?$/.test(t) ? `${t}元` : t;
      const r = parseMoney(withUnit);
      if (!r.ok) return bad('money_format', r.error.zh, r.error.en);
      if (!signed && r.fen < 0n) return bad('money_negative', '金额不能为负数', 'must not be negative');
      const n = Number(r.fen);
      return Number.isSafeInteger(n) ? ok(n) : bad('too_big', '金额过大', 'the amount is too large');
    },
  );

/** A floor area in m² with at most two decimals, kept as the exact decimal text (numeric(12,2)). */
const area = parser(
  'number',
  { zh: '面积（平方米），最多两位小数', en: 'an area in m² with at most 2 decimals' },
  (t) => {
    const v = t.replaceAll(',', '');
    return /^\d{1,10}(\.\d{1,2})?$/.test(v)
      ? ok(v)
      : bad('area_format', `“${t}”不是最多两位小数的面积`, `"${t}" is not an area with at most 2 decimals`);
  },
);

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '×']);
const boolean: CellParser<boolean> = {
  ...parser('text', { zh: '填“是”或“否”', en: '是 (yes) or 否 (no)' }, (t) => {
    const u = t.toUpperCase();
    if (YES.has(u)) return ok(true);
    if (NO.has(u)) return ok(false);
    return bad('boolean_format', `“${t}”应为“是”或“否”`, `"${t}" must be 是 (yes) or 否 (no)`);
  }),
  choices: ['是', '否'],
};

const contactPhone = parser(
  'text',
  {
    zh: '11 位手机号码或带区号的固定电话，如 0595-85678901',
    en: 'an 11-digit mobile number or a landline with area code, e.g. 0595-85678901',
  },
  (t) =>
    /^1[3-9]\d{9}$/.test(t) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(t)
      ? ok(t)
      : bad(
          'phone_format',
          '应为 11 位手机号码或带区号的固定电话',
          'must be an 11-digit mobile number or a landline with area code',
        ),
);

const mobilePhone = parser('text', { zh: '11 位手机号码', en: 'an 11-digit mobile number' }, (t) =>
  /^1[3-9]\d{9}$/.test(t)
    ? ok(t)
    : bad('phone_format', '应为 11 位大陆手机号码', 'must be an 11-digit mainland mobile number'),
);

const idCard = parser(
  'text',
  {
    zh: '18 位居民身份证号码（含校验码）',
    en: 'an 18-character resident identity card number with its check character',
  },
  (t) => {
    const r = validateIdCardNumber(t);
    return r.ok ? ok(r.normalized) : bad(`id_card_${r.rule}`, r.message.zh, r.message.en);
  },
);

const expertCode = parser(
  'text',
  { zh: 'EXP- 加 4–8 位数字，如 EXP-0101', en: 'EXP- and 4–8 digits, e.g. EXP-0101' },
  (t) => {
    const code = t.toUpperCase();
    return /^EXP-\d{4,8}$/.test(code)
      ? ok(code)
      : bad(
          'expert_code_format',
          '须为 EXP- 加 4–8 位数字（如 EXP-0101）',
          'must be EXP- and 4–8 digits (e.g. EXP-0101)',
        );
  },
);

const ipcSymbol = parser(
  'text',
  { zh: 'IPC 分类号，如 A43B 13/04', en: 'an IPC symbol, e.g. A43B 13/04' },
  (t) => {
    const r = parseIpcSymbol(t);
    return r.ok ? ok(r.normalized) : bad(`ipc_${r.rule}`, r.message.zh, r.message.en);
  },
);

const applicationNo = parser(
  'text',
  {
    zh: '专利申请号（ZC 0006-2003，含校验位），如 201710601862.3',
    en: 'a patent application number with its check digit, e.g. 201710601862.3',
  },
  (t) => {
    const r = validatePatentApplicationNumber(t);
    return r.ok ? ok(r.normalized) : bad(`patent_number_${r.rule}`, r.message.zh, r.message.en);
  },
);

/** One of fixed values, written by its Chinese name (or its English key, or an alias). */
function choice<K extends string>(
  names: Record<K, string>,
  aliases: Record<string, NoInfer<K>> = {},
): CellParser<K> {
  const entries = Object.entries(names) as [K, string][];
  const shown = entries.map(([, zh]) => zh);
  return {
    ...parser(
      'text',
      {
        zh: `取值：${shown.join('、')}`,
        en: `one of: ${entries.map(([k, zh]) => `${zh} (${k})`).join(', ')}`,
      },
      (t) => {
        const hit =
          entries.find(([key, zh]) => zh === t || key === t.toLowerCase()) ??
          entries.find(([key]) => key === aliases[t]);
        return hit
          ? ok(hit[0])
          : bad(
              'choice_unknown',
              `“${t}”应为 ${shown.join('、')} 之一`,
              `"${t}" must be one of ${shown.join(', ')}`,
            );
      },
    ),
    choices: shown,
  };
}

export const importCells = {
  schema,
  text,
  list,
  uscc,
  date,
  town,
  industry,
  hitechField,
  integer,
  money,
  area,
  boolean,
  contactPhone,
  mobilePhone,
  idCard,
  expertCode,
  ipcSymbol,
  applicationNo,
  choice,
};
