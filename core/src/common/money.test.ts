import { describe, expect, it } from 'vitest';
import {
  formatWan,
  formatYi,
  formatYuan,
  fen,
  mulFen,
  parseMoney,
  parseMoneyOrThrow,
  toFenNumber,
  yuanString,
} from './money.ts';
import { Rational } from './rational.ts';

describe('money parsing', () => {
  it("reads officials' formats exactly when given a unit", () => {
    expect(parseMoneyOrThrow('¥312,400.00')).toBe(31_240_000n);
    expect(parseMoneyOrThrow('￥312400')).toBe(31_240_000n);
    expect(parseMoneyOrThrow('312400元')).toBe(31_240_000n);
    expect(parseMoneyOrThrow('312.4万元')).toBe(312_400_000n);
    expect(parseMoneyOrThrow('312.4万')).toBe(312_400_000n);
    expect(parseMoneyOrThrow('0.000001万元')).toBe(1n);
    expect(parseMoneyOrThrow('1.5亿元')).toBe(15_000_000_000n);
    expect(parseMoneyOrThrow('2亿')).toBe(20_000_000_000n);
    expect(parseMoneyOrThrow('-¥5.00')).toBe(-500n);
    expect(parseMoneyOrThrow('¥-5.01')).toBe(-501n);
    expect(parseMoneyOrThrow(' 5000万元 ')).toBe(5_000_000_000n);
  });

  it('refuses amounts without a unit, finer than 1 分, or malformed when parsed', () => {
    for (const bad of [
      '312400',
      '1.001元',
      '0.0000001万元',
      '1,00元',
      '¥',
      '12元元',
      '--5元',
      '-¥-5.00',
      'abc',
    ]) {
      const r = parseMoney(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.error.zh.length).toBeGreaterThan(0);
        expect(r.error.en.length).toBeGreaterThan(0);
      }
    }
    expect(() => parseMoneyOrThrow('312400')).toThrow(/unit/);
  });
});

describe('money formatting', () => {
  it('writes 元 with separators and two decimals when formatted', () => {
    expect(formatYuan(31_240_000n)).toBe('¥312,400.00');
    expect(formatYuan(1n)).toBe('¥0.01');
    expect(formatYuan(0n)).toBe('¥0.00');
    expect(formatYuan(-500n)).toBe('-¥5.00');
    expect(formatYuan(123_456_789_012n)).toBe('¥1,234,567,890.12');
    expect(formatYuan(100_000n, { symbol: false })).toBe('1,000.00');
    expect(yuanString(93_333_333n)).toBe('933333.33');
  });

  it('writes 万元 and 亿元 exactly, or rounded when asked', () => {
    expect(formatWan(312_400_000n)).toBe('312.4万元');
    expect(formatWan(31_240_000n)).toBe('31.24万元');
    expect(formatWan(1n)).toBe('0.000001万元');
    expect(formatWan(19_111_111n, { decimals: 2 })).toBe('19.11万元');
    expect(formatWan(19_115_000n, { decimals: 2 })).toBe('19.12万元');
    expect(formatWan(20_000_000n, { decimals: 2 })).toBe('20万元');
    expect(formatYi(15_000_000_000n)).toBe('1.5亿元');
  });

  it('round-trips between text and 分 when formatted then parsed', () => {
    for (const v of [0n, 1n, 99n, 31_240_000n, 987_654_321_098n]) {
      expect(parseMoneyOrThrow(formatYuan(v))).toBe(v);
      expect(parseMoneyOrThrow(formatWan(v))).toBe(v);
    }
  });

  it('multiplies by rationals with the asked rounding when computing caps and gaps', () => {
    expect(mulFen(1_000n, Rational.of(1, 9), 'floor')).toBe(111n);
    expect(mulFen(1_000n, Rational.of(1, 9), 'ceil')).toBe(112n);
    expect(mulFen(5n, Rational.percent(50), 'half-up')).toBe(3n);
    expect(mulFen(5n, Rational.percent(50), 'floor')).toBe(2n);
  });

  it('guards the JSON boundary when converting', () => {
    expect(fen(12)).toBe(12n);
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(toFenNumber(12n)).toBe(12);
    expect(() => toFenNumber(2n ** 60n)).toThrow(RangeError);
  });
});
