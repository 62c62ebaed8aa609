import { describe, expect, it } from 'vitest';
import {
  computePatentCheckDigit,
  generatePatentApplicationNumber,
  patentTypeOfTypeDigit,
  validatePatentApplicationNumber,
} from './patent-number.ts';

// Real numbers (domain rules §6.2, PAT-01…09).
const REAL_NEW = [
  { text: '201710601862.3', year: 2017, type: 'invention', serial: '0601862' },
  { text: '201220687633.0', year: 2012, type: 'utility', serial: '0687633' },
  { text: '201510958772.0', year: 2015, type: 'invention', serial: '0958772' },
  { text: '201811564288.X', year: 2018, type: 'invention', serial: '1564288' },
] as const;
const REAL_OLD = [
  { text: '95115608.X', year: 1995, type: 'invention', serial: '15608' },
  { text: '97101765.4', year: 1997, type: 'invention', serial: '01765' },
  { text: '90101673.X', year: 1990, type: 'invention', serial: '01673' },
] as const;

describe('validatePatentApplicationNumber', () => {
  it.each(REAL_NEW)('accepts the real 12-digit number $text', ({ text, year, type, serial }) => {
    expect(validatePatentApplicationNumber(text)).toEqual({
      ok: true,
      normalized: text,
      year,
      typeDigit: text[4],
      type,
      serial,
      checkDigit: text[13],
      format: 'new',
    });
  });

  it.each(REAL_OLD)('accepts the real 8-digit number $text', ({ text, year, type, serial }) => {
    expect(validatePatentApplicationNumber(text)).toMatchObject({
      ok: true,
      normalized: text,
      year,
      type,
      serial,
      format: 'old',
    });
  });

  it.each([
    ['2017106018623', 'without the dot'],
    ['CN201710601862.3', 'with the CN prefix'],
    ['ZL201710601862.3', 'as a patent number (ZL)'],
    ['zl 2017 1 0601862.3', 'in lower case with spaces'],
    ['201710601862·3', 'with the Chinese middle dot'],
    ['２０１７１０６０１８６２．３', 'in full-width digits'],
    [' 201710601862.3 ', 'with surrounding space'],
  ])('normalises %s when written %s', (text) => {
    expect(validatePatentApplicationNumber(text)).toMatchObject({ ok: true, normalized: '201710601862.3' });
  });

  it('accepts the printed form with spaces 2012 2 0687633.0 as a utility model', () => {
    expect(validatePatentApplicationNumber('2012 2 0687633.0')).toMatchObject({
      ok: true,
      normalized: '201220687633.0',
      type: 'utility',
    });
  });

  it('accepts a lower-case x check when the old number ends in X', () => {
    expect(validatePatentApplicationNumber('95115608.x')).toMatchObject({
      ok: true,
      normalized: '95115608.X',
    });
    expect(validatePatentApplicationNumber('95115608X')).toMatchObject({
      ok: true,
      normalized: '95115608.X',
    });
  });

  it('rejects every single-digit change of a real number with check_digit or type_digit', () => {
    for (const { text } of [...REAL_NEW, ...REAL_OLD]) {
      const body = text.slice(0, text.indexOf('.'));
      for (let i = 0; i < body.length; i++) {
        for (const digit of '0123456789') {
          if (digit === body[i]) continue;
          const corrupted = `${body.slice(0, i)}${digit}${body.slice(i + 1)}${text.slice(body.length)}`;
          const result = validatePatentApplicationNumber(corrupted);
          expect(result.ok, `${corrupted} must fail`).toBe(false);
        }
      }
    }
  });

  it('names the expected check character when the check is wrong', () => {
    expect(validatePatentApplicationNumber('201710601862.4')).toEqual({
      ok: false,
      rule: 'check_digit',
      expected: '3',
      message: { zh: '校验位应为 3', en: 'The check character should be 3' },
    });
    expect(validatePatentApplicationNumber('201811564288.1')).toMatchObject({
      rule: 'check_digit',
      expected: 'X',
    });
    expect(validatePatentApplicationNumber('95115608.0')).toMatchObject({
      rule: 'check_digit',
      expected: 'X',
    });
  });

  it.each(['4', '5', '6', '7', '0'])('rejects the reserved type digit %s with type_digit', (digit) => {
    const body = `2017${digit}0601862`;
    const result = validatePatentApplicationNumber(`${body}.${computePatentCheckDigit(body)}`);
    expect(result).toMatchObject({ ok: false, rule: 'type_digit' });
    expect(!result.ok && result.message.zh).toContain(`“${digit}”`);
  });

  it('rejects a reserved type digit in an old number with type_digit', () => {
    const body = '95415608';
    expect(validatePatentApplicationNumber(`${body}.${computePatentCheckDigit(body)}`)).toMatchObject({
      rule: 'type_digit',
    });
  });

  it.each([
    '201710601862-3',
    '201710601862,3',
    '201710601862/3',
    '2017-1-0601862.3',
    '201710601862..3',
    '201710601862_3',
    '2017106018.623',
  ])('rejects the wrong separator in %s with format', (text) => {
    expect(validatePatentApplicationNumber(text)).toMatchObject({ ok: false, rule: 'format' });
  });

  it.each([
    '',
    '20171060186.3',
    '2017106018623.3',
    'CN',
    'ZL2017A0601862.3',
    'US201710601862.3',
    '9511560.X',
  ])('rejects %s with format when the digits do not fit either layout', (text) => {
    expect(validatePatentApplicationNumber(text)).toMatchObject({ ok: false, rule: 'format' });
  });

  it('suggests the check character when it is missing', () => {
    expect(validatePatentApplicationNumber('201710601862')).toMatchObject({
      ok: false,
      rule: 'format',
      expected: '3',
    });
  });

  it('rejects a 12-digit number before 2003 with year', () => {
    const body = '200210601862';
    expect(validatePatentApplicationNumber(`${body}.${computePatentCheckDigit(body)}`)).toMatchObject({
      rule: 'year',
    });
  });

  it('accepts a 12-digit number from 2003 and 8-digit numbers from 85 to 03', () => {
    expect(
      validatePatentApplicationNumber(generatePatentApplicationNumber(2003, 'invention', 100001)),
    ).toMatchObject({
      ok: true,
      year: 2003,
    });
    for (const yy of ['85', '99', '00', '03']) {
      const body = `${yy}100001`;
      expect(validatePatentApplicationNumber(`${body}.${computePatentCheckDigit(body)}`)).toMatchObject({
        ok: true,
        year: yy >= '85' ? 1900 + Number(yy) : 2000 + Number(yy),
      });
    }
  });

  it.each(['04', '50', '84'])('rejects the 8-digit year %s with year', (yy) => {
    const body = `${yy}100001`;
    expect(validatePatentApplicationNumber(`${body}.${computePatentCheckDigit(body)}`)).toMatchObject({
      rule: 'year',
    });
  });
});

describe('computePatentCheckDigit', () => {
  it('gives 3 for 201710601862 (Σ = 157)', () => {
    expect(computePatentCheckDigit('201710601862')).toBe('3');
  });
  it('gives X for 95115608 (Σ = 186)', () => {
    expect(computePatentCheckDigit('95115608')).toBe('X');
  });
  it('refuses bodies of other lengths', () => {
    expect(() => computePatentCheckDigit('2017106018')).toThrow(RangeError);
    expect(() => computePatentCheckDigit('2017106018A2')).toThrow(RangeError);
  });
});

describe('patentTypeOfTypeDigit', () => {
  it('maps the five assigned digits and nothing else', () => {
    expect(['1', '2', '3', '8', '9'].map(patentTypeOfTypeDigit)).toEqual([
      'invention',
      'utility',
      'design',
      'pct_invention',
      'pct_utility',
    ]);
    expect(['0', '4', '5', '6', '7', 'X', ''].map(patentTypeOfTypeDigit)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('generatePatentApplicationNumber', () => {
  it('reproduces a real number from its parts', () => {
    expect(generatePatentApplicationNumber(2017, 'invention', 601862)).toBe('201710601862.3');
    expect(generatePatentApplicationNumber(2018, 'invention', 1564288)).toBe('201811564288.X');
    expect(generatePatentApplicationNumber(1995, 'invention', 15608)).toBe('95115608.X');
  });
  it('produces valid numbers for every type', () => {
    for (const type of ['invention', 'utility', 'design', 'pct_invention', 'pct_utility'] as const) {
      const number = generatePatentApplicationNumber(2024, type, 1234567);
      expect(validatePatentApplicationNumber(number)).toMatchObject({
        ok: true,
        type,
        year: 2024,
        serial: '1234567',
      });
    }
  });
  it('refuses a serial that does not fit the format', () => {
    expect(() => generatePatentApplicationNumber(2017, 'invention', 10_000_000)).toThrow(RangeError);
    expect(() => generatePatentApplicationNumber(1995, 'invention', 100_000)).toThrow(RangeError);
    expect(() => generatePatentApplicationNumber(2017, 'invention', 0)).toThrow(RangeError);
    expect(() => generatePatentApplicationNumber(1984, 'invention', 1)).toThrow(RangeError);
  });
});
