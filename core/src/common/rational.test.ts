import { describe, expect, it } from 'vitest';
import { Rational, divRound } from './rational.ts';

describe('Rational', () => {
  it('reduces and normalises the sign when built', () => {
    const r = Rational.of(6, -8);
    expect(r.num).toBe(-3n);
    expect(r.den).toBe(4n);
    expect(r.toString()).toBe('-3/4');
  });

  it('reduces exactly when the terms exceed the safe integer range', () => {
    const big = 2n ** 60n * 3n;
    expect(Rational.of(big, 2n ** 61n).toString()).toBe('3/2');
    expect(Rational.of(9_007_199_254_740_993n * 7n, 9_007_199_254_740_993n * 5n).toString()).toBe('7/5');
    expect(Rational.of(-(2n ** 70n), 2n ** 53n + 2n).toString()).toBe(`-${2n ** 69n}/${2n ** 52n + 1n}`);
    expect(Rational.of(0n, 2n ** 64n).toString()).toBe('0');
  });

  it('refuses a zero denominator and unsafe numbers when built', () => {
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
    expect(() => Rational.of(2 ** 53, 1)).toThrow(RangeError);
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(RangeError);
  });

  it('parses decimal literals exactly when given text', () => {
    expect(Rational.parse('0.35').eq(Rational.of(7, 20))).toBe(true);
    expect(Rational.parse('-12.50').eq(Rational.of(-25, 2))).toBe(true);
    expect(Rational.parse('1e-3').eq(Rational.of(1, 1000))).toBe(true);
    expect(Rational.parse('2.5E2').eq(Rational.of(250))).toBe(true);
    expect(Rational.tryParse('1,000')).toBeNull();
    expect(() => Rational.parse('abc')).toThrow(RangeError);
  });

  it('reads a JSON number as the decimal it was written as when given 0.1', () => {
    expect(Rational.fromNumber(0.1).eq(Rational.of(1, 10))).toBe(true);
    expect(Rational.fromNumber(12.5).toString()).toBe('25/2');
    expect(() => Rational.fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('keeps the 15 % growth edge exact where floating point does not (HNTE-GR-12)', () => {
    const float = 0.5 * (1150000 / 1000000 + 1322500 / 1150000) - 1;
    expect(float).toBeLessThan(0.15);
    const exact = Rational.of(1150000, 1000000)
      .add(Rational.of(1322500, 1150000))
      .mul(Rational.of(1, 2))
      .sub(Rational.ONE);
    expect(exact.eq(Rational.percent(15))).toBe(true);
    expect(exact.gte(Rational.percent(15))).toBe(true);
  });

  it('compares by cross-multiplication when values are close', () => {
    const a = Rational.of(1, 3);
    const b = Rational.of(333333333333, 1000000000000);
    expect(a.gt(b)).toBe(true);
    expect(b.lt(a)).toBe(true);
    expect(a.cmp(Rational.of(2, 6))).toBe(0);
    expect(Rational.min(a, b)).toBe(b);
    expect(Rational.max(a, b)).toBe(a);
  });

  it('rounds half away from zero, floor and ceil when asked', () => {
    expect(Rational.of(5, 2).round()).toBe(3n);
    expect(Rational.of(-5, 2).round()).toBe(-3n);
    expect(Rational.of(7, 3).round()).toBe(2n);
    expect(Rational.of(-7, 2).floor()).toBe(-4n);
    expect(Rational.of(-7, 2).ceil()).toBe(-3n);
    expect(Rational.of(7, 2).ceil()).toBe(4n);
    expect(divRound(9n, 3n, 'ceil')).toBe(3n);
    expect(() => divRound(1n, 0n, 'floor')).toThrow(RangeError);
  });

  it('formats decimals and percentages when displayed', () => {
    expect(Rational.of(13, 250).toPercent()).toBe('5.2');
    expect(Rational.of(21000000, 30500000).toPercent(4)).toBe('68.8525');
    expect(Rational.of(1, 3).toDecimal(4)).toBe('0.3333');
    expect(Rational.of(2, 3).toDecimal(4)).toBe('0.6667');
    expect(Rational.of(-1, 8).toDecimal(2)).toBe('-0.13');
    expect(Rational.of(1, 1000).toDecimal(2)).toBe('0');
    expect(Rational.of(191111111, 1000000).toFixed(2)).toBe('191.11');
    expect(Rational.of(1, 2).toFixed(3)).toBe('0.500');
    expect(Rational.of(7).toString()).toBe('7');
    expect(JSON.stringify({ r: Rational.of(1, 3) })).toBe('{"r":"1/3"}');
  });

  it('knows terminating decimals and integers when asked', () => {
    expect(Rational.of(1, 8).isTerminating()).toBe(true);
    expect(Rational.of(1, 3).isTerminating()).toBe(false);
    expect(Rational.of(4, 2).isInteger()).toBe(true);
    expect(Rational.of(-4, 2).abs().eq(Rational.of(2))).toBe(true);
    expect(Rational.of(0, 5).isZero()).toBe(true);
    expect(Rational.of(-1, 5).sign()).toBe(-1);
  });
});
