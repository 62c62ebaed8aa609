import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { evaluateFormula, FormulaSyntaxError, formulaText, parseFormula, references } from './formula.ts';

const values = (entries: Record<string, string | null>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, v === null ? null : Rational.parse(v)]));

describe('formulas', () => {
  it('gives 6.86 invention patents per 10,000 people when 1,435 patents and 2,091,837 residents are in', () => {
    const node = parseFormula('patents.valid_invention / population.resident * 10000');
    const result = evaluateFormula(
      node,
      values({ 'patents.valid_invention': '1435', 'population.resident': '2091837' }),
    );
    expect(result.ok && result.value.toFixed(2)).toBe('6.86');
    expect(result.ok && result.value.eq(Rational.of(14_350_000n, 2_091_837n))).toBe(true);
  });

  it('keeps exact arithmetic when the result would drift in floating point', () => {
    const result = evaluateFormula(parseFormula('(a - b) / b'), values({ a: '1322500', b: '1150000' }));
    expect(result.ok && result.value.eq(Rational.of(3n, 20n))).toBe(true);
  });

  it('honours precedence, parentheses, unary minus and the × ÷ − signs', () => {
    const v = values({ a: '2', b: '3', c: '4' });
    const ev = (f: string) => {
      const r = evaluateFormula(parseFormula(f), v);
      return r.ok ? r.value.toString() : r.reason;
    };
    expect(ev('a + b * c')).toBe('14');
    expect(ev('(a + b) * c')).toBe('20');
    expect(ev('-a + b')).toBe('1');
    expect(ev('c ÷ a × b − 1')).toBe('5');
    expect(ev('a - b - c')).toBe('-5');
  });

  it('is missing, not zero, and lists every missing input when some inputs have no value', () => {
    const result = evaluateFormula(
      parseFormula('rd.total / gdp.total + x'),
      values({ 'rd.total': '5', 'gdp.total': null }),
    );
    expect(result).toEqual({ ok: false, reason: 'missing', missing: ['gdp.total', 'x'] });
  });

  it('names the divisor when it is zero', () => {
    const result = evaluateFormula(parseFormula('a / (b - b)'), values({ a: '1', b: '7' }));
    expect(result).toEqual({ ok: false, reason: 'division-by-zero', divisor: 'b − b' });
  });

  it('points at the character that breaks the syntax', () => {
    const attempt = (f: string) => {
      try {
        parseFormula(f);
        return null;
      } catch (error) {
        return error instanceof FormulaSyntaxError ? [error.position, error.zh] : null;
      }
    };
    expect(attempt('a +')).toEqual([3, '公式不完整']);
    expect(attempt('(a + b')).toEqual([6, '缺少右括号']);
    expect(attempt('a $ b')).toEqual([2, '无法识别的字符“$”']);
    expect(attempt('a b')).toEqual([2, '公式在此处多出内容']);
  });

  it('lists references once in order of use and writes the formula back so it parses the same', () => {
    const node = parseFormula('(b + a) * a - -c / 2');
    expect(references(node)).toEqual(['b', 'a', 'c']);
    expect(formulaText(node)).toBe('(b + a) × a − -c ÷ 2');
    expect(parseFormula(formulaText(node))).toEqual(node);
  });
});
