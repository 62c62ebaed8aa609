/**
 * 公民身份号码 (GB 11643-1999): 6-digit 地址码 (GB/T 2260 division) · 8-digit 出生日期码 (YYYYMMDD) · 3-digit 顺序码
 * (odd for men, even for women) · 1 校验码.
 * Check (GB 11643-1999, ISO 7064 MOD 11-2): weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 on the 17 body digits,
 * r = Σ mod 11, check = "10X98765432"[r].
 *
 * The number is personal data: callers must not log it and should store it only where a rule needs it.
 */
import { formatCalendarDate, parseCalendarDate, realDate } from './calendar-date.ts';
import { idFailure, normalizeIdText, type IdFailure } from './id-result.ts';

export const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of GB/T 2260 province-level codes, plus 83 which 港澳台居民居住证 numbers use for Taiwan
 * residents (81 Hong Kong and 82 Macao are shared with the division codes).
 */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

/** Earliest accepted birth year; the standard's own example (440524188001010014) is born in 1880. */
const EARLIEST_BIRTH_YEAR = 1850;

export type IdCardRule = 'length' | 'charset' | 'division' | 'birth_date' | 'check_digit';

export interface IdCardOk {
  ok: true;
  normalized: string;
  divisionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

export type IdCardResult = IdCardOk | IdFailure<IdCardRule>;

export interface IdCardOptions {
  /** `YYYY-MM-DD`; when given, a birth date after it is rejected. No clock is read otherwise. */
  asOf?: string;
}

/** The check character of the 17-digit body; throws on any other input. */
export function computeIdCardCheckDigit(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('identity card body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_CARD_WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '1';
}

/**
 * Validates an 18-character 公民身份号码. The 15-digit first-generation numbers (before GB 11643-1999) are rejected
 * with `length`; convert them first if ever needed.
 */
export function validateIdCardNumber(text: string, options: IdCardOptions = {}): IdCardResult {
  const normalized = normalizeIdText(text);
  const length = [...normalized].length;
  if (length !== 18) {
    return idFailure(
      'length',
      `公民身份号码应为18位，实为${length}位`,
      `An identity number has 18 characters, got ${length}`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return idFailure(
      'charset',
      '公民身份号码前17位应为数字，第18位为数字或 X',
      'The first 17 characters must be digits and the last a digit or X',
    );
  }
  const divisionCode = normalized.slice(0, 6);
  if (!PROVINCE_CODES.has(divisionCode.slice(0, 2)) || divisionCode.slice(2) === '0000') {
    return idFailure(
      'division',
      `地址码 ${divisionCode} 不是县级行政区划代码`,
      `The address code ${divisionCode} is not a county-level division code`,
    );
  }
  const year = Number(normalized.slice(6, 10));
  const birth = realDate(year, Number(normalized.slice(10, 12)), Number(normalized.slice(12, 14)));
  const birthDate = birth ? formatCalendarDate(birth) : null;
  const asOf = options.asOf === undefined ? null : parseCalendarDate(options.asOf);
  if (options.asOf !== undefined && !asOf)
    throw new RangeError(`asOf must be a real YYYY-MM-DD date, got "${options.asOf}"`);
  if (!birthDate || year < EARLIEST_BIRTH_YEAR || (asOf && birthDate > formatCalendarDate(asOf))) {
    return idFailure(
      'birth_date',
      `出生日期 ${normalized.slice(6, 14)} 不是有效日期`,
      `The birth date ${normalized.slice(6, 14)} is not a valid date`,
    );
  }
  const expected = computeIdCardCheckDigit(normalized.slice(0, 17));
  if (normalized[17] !== expected) {
    return idFailure(
      'check_digit',
      `校验码应为 ${expected}`,
      `The check character should be ${expected}`,
      expected,
    );
  }
  return {
    ok: true,
    normalized,
    divisionCode,
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
  };
}
