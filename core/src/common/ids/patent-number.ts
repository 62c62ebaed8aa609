/**
 * Chinese patent application numbers (专利申请号), ZC 0006-2003《专利申请号标准》, in force 2003-10-01.
 *
 * New format: 4-digit 申请年号 · 1-digit 申请种类号 · 7-digit 申请流水号, then a dot and the 校验位, e.g. 201710601862.3.
 * Old format (applications up to 2003-09-30): 2-digit year · type · 5-digit serial, dot, check, e.g. 95115608.X.
 * 种类号: 1 发明 · 2 实用新型 · 3 外观设计 · 8 进入中国国家阶段的PCT发明 · 9 进入中国国家阶段的PCT实用新型; other digits are
 * reserved. The 专利号 is "ZL" + the application number; "CN" is the country prefix.
 * Check digit: Σ digit_k·w_k with w = 2 3 4 5 6 7 8 9 2 3 4 5 (old: 2 3 4 5 6 7 8 9), r = Σ mod 11, 10 is written X.
 * The standard does not print the weights; they are the published community algorithm and reproduce every real
 * number tested (domain rules §6.2).
 */
import { idFailure, normalizeIdText, type IdFailure } from './id-result.ts';

export type PatentType = 'invention' | 'utility' | 'design' | 'pct_invention' | 'pct_utility';
export type PatentNumberFormat = 'new' | 'old';
export type PatentNumberRule = 'format' | 'type_digit' | 'check_digit' | 'year';

export const PATENT_CHECK_WEIGHTS_NEW = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
export const PATENT_CHECK_WEIGHTS_OLD = [2, 3, 4, 5, 6, 7, 8, 9] as const;

/** First year of the 12-digit format (ZC 0006-2003 in force 2003-10-01) and the years the 8-digit one covers. */
export const NEW_FORMAT_FIRST_YEAR = 2003;
export const OLD_FORMAT_FIRST_YEAR = 1985;
export const OLD_FORMAT_LAST_YEAR = 2003;

const TYPE_BY_DIGIT: Record<string, PatentType> = {
  '1': 'invention',
  '2': 'utility',
  '3': 'design',
  '8': 'pct_invention',
  '9': 'pct_utility',
};

const DIGIT_BY_TYPE: Record<PatentType, string> = {
  invention: '1',
  utility: '2',
  design: '3',
  pct_invention: '8',
  pct_utility: '9',
};

export const PATENT_TYPE_NAMES: Record<PatentType, { zh: string; en: string }> = {
  invention: { zh: '发明', en: 'Invention' },
  utility: { zh: '实用新型', en: 'Utility model' },
  design: { zh: '外观设计', en: 'Design' },
  pct_invention: { zh: '进入中国国家阶段的PCT发明', en: 'PCT invention (Chinese national phase)' },
  pct_utility: { zh: '进入中国国家阶段的PCT实用新型', en: 'PCT utility model (Chinese national phase)' },
};

export interface PatentNumberOk {
  ok: true;
  /** `YYYYTNNNNNNN.C` (new) or `YYTNNNNN.C` (old). */
  normalized: string;
  /** Full year, also for the old format (95 → 1995). */
  year: number;
  typeDigit: string;
  type: PatentType;
  serial: string;
  checkDigit: string;
  format: PatentNumberFormat;
}

export type PatentNumberResult = PatentNumberOk | IdFailure<PatentNumberRule>;

/** The 申请种类号 meaning, or null for a reserved digit. */
export function patentTypeOfTypeDigit(digit: string): PatentType | null {
  return TYPE_BY_DIGIT[digit] ?? null;
}

/** Check digit of a 12-digit (new) or 8-digit (old) body; throws on any other input. */
export function computePatentCheckDigit(body: string): string {
  const weights =
    body.length === 12 ? PATENT_CHECK_WEIGHTS_NEW : body.length === 8 ? PATENT_CHECK_WEIGHTS_OLD : null;
  if (!weights || !/^\d+$/.test(body))
    throw new RangeError(`patent number body must be 12 or 8 digits, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

const FORMAT_MESSAGE = {
  zh: '专利申请号格式应为“年号4位+种类号1位+流水号7位.校验位”（如 201710601862.3）或2003年10月前的“年号2位+种类号1位+流水号5位.校验位”（如 95115608.X）',
  en: 'A patent application number is 4-digit year + type digit + 7-digit serial, a dot and a check character (e.g. 201710601862.3), or before October 2003 2-digit year + type + 5-digit serial (e.g. 95115608.X)',
};

function formatFailure(): IdFailure<PatentNumberRule> {
  return idFailure('format', FORMAT_MESSAGE.zh, FORMAT_MESSAGE.en);
}

/**
 * Validates an application or patent number. Accepts the `CN`/`ZL` prefixes, spaces anywhere (as printed in
 * `2012 2 0687633.0`), the check digit with or without the dot (also the middle dot `·` of Chinese typesetting)
 * and full-width characters. Any other separator is a format error.
 */
export function validatePatentApplicationNumber(text: string): PatentNumberResult {
  const compact = normalizeIdText(text)
    .replace(/\s+/g, '')
    .replace(/^(?:CN|ZL)/, '')
    .replace(/[·•]/g, '.');
  const match = /^(\d{12}|\d{8})\.?([0-9X])$/.exec(compact);
  if (!match) {
    const bare = /^(\d{12}|\d{8})$/.exec(compact);
    if (bare) {
      const expected = computePatentCheckDigit(bare[1] ?? '');
      return idFailure(
        'format',
        `缺少校验位（应为 ${bare[1] ?? ''}.${expected}）`,
        `The check character is missing (should be ${bare[1] ?? ''}.${expected})`,
        expected,
      );
    }
    return formatFailure();
  }
  const body = match[1] ?? '';
  const check = match[2] ?? '';
  const format: PatentNumberFormat = body.length === 12 ? 'new' : 'old';
  const twoDigitYear = Number(body.slice(0, 2));
  // Old two-digit years: 85–99 are 1985–1999 (the patent law took effect in 1985), 00–03 are 2000–2003.
  const year =
    format === 'new'
      ? Number(body.slice(0, 4))
      : twoDigitYear >= 85
        ? 1900 + twoDigitYear
        : 2000 + twoDigitYear;
  const typeDigit = format === 'new' ? (body[4] ?? '') : (body[2] ?? '');
  const serial = format === 'new' ? body.slice(5) : body.slice(3);

  if (format === 'new' && year < NEW_FORMAT_FIRST_YEAR) {
    return idFailure(
      'year',
      `12位申请号自2003年10月1日起使用，年号不能早于${NEW_FORMAT_FIRST_YEAR}，实为${year}`,
      `12-digit numbers are used from 2003-10-01; the year cannot be before ${NEW_FORMAT_FIRST_YEAR}, got ${year}`,
    );
  }
  if (format === 'old' && year > OLD_FORMAT_LAST_YEAR) {
    return idFailure(
      'year',
      `8位申请号只用于1985年至2003年9月的申请，年号“${body.slice(0, 2)}”不在85–03之间`,
      `8-digit numbers cover applications from 1985 to September 2003; the year "${body.slice(0, 2)}" is not 85–03`,
    );
  }
  const type = patentTypeOfTypeDigit(typeDigit);
  if (!type) {
    return idFailure(
      'type_digit',
      `申请种类号“${typeDigit}”无效（1 发明、2 实用新型、3 外观设计、8 PCT发明、9 PCT实用新型）`,
      `Type digit "${typeDigit}" is not assigned (1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model)`,
    );
  }
  const expected = computePatentCheckDigit(body);
  if (check !== expected) {
    return idFailure(
      'check_digit',
      `校验位应为 ${expected}`,
      `The check character should be ${expected}`,
      expected,
    );
  }
  return {
    ok: true,
    normalized: `${body}.${check}`,
    year,
    typeDigit,
    type,
    serial,
    checkDigit: check,
    format,
  };
}

/**
 * A valid application number: new format for years from 2003 on, old 8-digit format for 1985–2002. The serial must
 * fit its width (7 digits new, 5 digits old) and is zero-padded.
 */
export function generatePatentApplicationNumber(year: number, type: PatentType, serial: number): string {
  if (!Number.isInteger(year) || year < OLD_FORMAT_FIRST_YEAR || year > 9999) {
    throw new RangeError(`year must be an integer from ${OLD_FORMAT_FIRST_YEAR}, got ${year}`);
  }
  const isNew = year >= NEW_FORMAT_FIRST_YEAR;
  const width = isNew ? 7 : 5;
  if (!Number.isInteger(serial) || serial < 1 || serial >= 10 ** width) {
    throw new RangeError(`serial must be an integer from 1 to ${10 ** width - 1}, got ${serial}`);
  }
  const yearPart = isNew ? String(year) : String(year % 100).padStart(2, '0');
  const body = `${yearPart}${DIGIT_BY_TYPE[type]}${String(serial).padStart(width, '0')}`;
  return `${body}.${computePatentCheckDigit(body)}`;
}
