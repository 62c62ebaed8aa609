import { describe, expect, it } from 'vitest';
import { computeIdCardCheckDigit, validateIdCardNumber } from './id-card.ts';

/** Builds a number with a correct check character from its parts, for cases the standard does not print. */
function withCheck(body17: string): string {
  return body17 + computeIdCardCheckDigit(body17);
}

describe('validateIdCardNumber', () => {
  it('accepts the standard example 11010519491231002X as a woman born 1949-12-31', () => {
    expect(validateIdCardNumber('11010519491231002X')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      divisionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts the standard example 440524188001010014 as a man born 1880-01-01', () => {
    expect(validateIdCardNumber('440524188001010014')).toMatchObject({
      ok: true,
      divisionCode: '440524',
      birthDate: '1880-01-01',
      sex: 'male',
    });
  });

  it('normalises a lower-case x and surrounding space', () => {
    expect(validateIdCardNumber(' 11010519491231002x ')).toMatchObject({
      ok: true,
      normalized: '11010519491231002X',
    });
  });

  it('computes the check character (Σ = 167 → X for the first example)', () => {
    expect(computeIdCardCheckDigit('11010519491231002')).toBe('X');
    expect(computeIdCardCheckDigit('44052418800101001')).toBe('4');
    expect(() => computeIdCardCheckDigit('1101051949123100')).toThrow(RangeError);
  });

  it('names the expected check character when the check is wrong', () => {
    expect(validateIdCardNumber('110105194912310021')).toEqual({
      ok: false,
      rule: 'check_digit',
      expected: 'X',
      message: { zh: '校验码应为 X', en: 'The check character should be X' },
    });
  });

  it('rejects every single-digit change of the body when the date stays real', () => {
    const valid = '440524188001010014';
    for (let i = 0; i < 18; i++) {
      for (const char of '0123456789X') {
        if (char === valid[i]) continue;
        const corrupted = valid.slice(0, i) + char + valid.slice(i + 1);
        expect(validateIdCardNumber(corrupted).ok, `${corrupted} must fail`).toBe(false);
      }
    }
  });

  it.each(['11010519491231002', '11010519491231002XX', '110105491231002', ''])(
    'rejects %s with length',
    (text) => {
      expect(validateIdCardNumber(text)).toMatchObject({ ok: false, rule: 'length' });
    },
  );

  it.each(['1101051949123100XX', '11010519491231A02X', '110105-9491231002X'])(
    'rejects %s with charset',
    (text) => {
      expect(validateIdCardNumber(text)).toMatchObject({ ok: false, rule: 'charset' });
    },
  );

  it.each([
    ['00010519491231002', 'province 00'],
    ['99010519491231002', 'province 99'],
    ['11000019491231002', 'a province-level code'],
  ])('rejects %s with division when the address code is %s', (body) => {
    expect(validateIdCardNumber(withCheck(body))).toMatchObject({ ok: false, rule: 'division' });
  });

  it('accepts a Jinjiang address code 350582', () => {
    expect(validateIdCardNumber(withCheck('35058219900101123'))).toMatchObject({
      ok: true,
      divisionCode: '350582',
      birthDate: '1990-01-01',
      sex: 'male',
    });
  });

  it.each([
    ['11010519490229002', '29 February of a common year'],
    ['11010519491301002', 'month 13'],
    ['11010519490000002', 'month 00'],
    ['11010519490431002', '31 April'],
    ['11010518000101002', 'year 1800'],
  ])('rejects %s with birth_date for %s', (body) => {
    expect(validateIdCardNumber(withCheck(body))).toMatchObject({ ok: false, rule: 'birth_date' });
  });

  it('accepts 29 February of a leap year', () => {
    expect(validateIdCardNumber(withCheck('11010520000229002'))).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
  });

  it('rejects a birth date after asOf and accepts one on it', () => {
    const number = withCheck('35058220260601002');
    expect(validateIdCardNumber(number, { asOf: '2026-05-31' })).toMatchObject({
      ok: false,
      rule: 'birth_date',
    });
    expect(validateIdCardNumber(number, { asOf: '2026-06-01' })).toMatchObject({ ok: true });
    expect(() => validateIdCardNumber(number, { asOf: '2026-02-30' })).toThrow(RangeError);
  });
});
