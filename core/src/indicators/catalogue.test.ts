import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { checkCatalogue, computeIndicators } from './catalogue.ts';
import type { IndicatorDefinitionInput } from './definition.contract.ts';

function def(id: string, source: IndicatorDefinitionInput['source']): IndicatorDefinitionInput {
  return {
    id,
    name: { zh: id, en: id },
    unit: { zh: '件', en: 'items' },
    source,
    period: 'year-end',
    citation: '晋科〔2018〕11号',
  };
}

const per10k = [
  def('patents.valid_invention', { kind: 'computed', query: 'patents.valid_invention' }),
  def('population.resident', { kind: 'reported', department: { zh: '统计局', en: 'Statistics bureau' } }),
  def('patents.invention_per_10k', {
    kind: 'formula',
    formula: 'patents.valid_invention / population.resident * 10000',
  }),
];

describe('checkCatalogue', () => {
  it('orders every indicator after the ones it reads', () => {
    const check = checkCatalogue([...per10k].reverse());
    expect(check.ok && check.catalogue.order.indexOf('patents.invention_per_10k')).toBe(2);
  });

  it('names the indicator and the unknown id when a formula refers to an indicator not defined', () => {
    const check = checkCatalogue([
      ...per10k,
      def('rd.intensity', { kind: 'formula', formula: 'rd.total / gdp.total' }),
    ]);
    expect(check).toEqual({
      ok: false,
      problems: [
        {
          indicator: 'rd.intensity',
          rule: 'unknown-reference',
          zh: '公式引用了未定义的指标 rd.total',
          en: 'the formula refers to the unknown indicator rd.total',
        },
        {
          indicator: 'rd.intensity',
          rule: 'unknown-reference',
          zh: '公式引用了未定义的指标 gdp.total',
          en: 'the formula refers to the unknown indicator gdp.total',
        },
      ],
    });
  });

  it('shows the cycle as a path when indicators depend on each other', () => {
    const check = checkCatalogue([
      def('a', { kind: 'formula', formula: 'b + 1' }),
      def('b', { kind: 'formula', formula: 'c * 2' }),
      def('c', { kind: 'formula', formula: 'a / 3' }),
    ]);
    expect(check).toMatchObject({
      ok: false,
      problems: [{ rule: 'cycle', zh: '指标循环引用：a → b → c → a' }],
    });
  });

  it('reports a self-reference, a duplicate id, a syntax error and an invalid id', () => {
    const check = checkCatalogue([
      def('self', { kind: 'formula', formula: 'self + 1' }),
      def('x', { kind: 'computed', query: 'q' }),
      def('x', { kind: 'computed', query: 'q' }),
      def('bad', { kind: 'formula', formula: 'x *' }),
      def('Bad-Id', { kind: 'computed', query: 'q' }),
    ]);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.indicator, p.rule])).toEqual([
      ['x', 'duplicate'],
      ['Bad-Id', 'invalid'],
      ['bad', 'syntax'],
    ]);
    const cycle = checkCatalogue([def('self', { kind: 'formula', formula: 'self + 1' })]);
    expect(cycle).toMatchObject({
      ok: false,
      problems: [{ rule: 'cycle', zh: '指标循环引用：self → self' }],
    });
  });
});

describe('computeIndicators', () => {
  const check = checkCatalogue(per10k);
  if (!check.ok) throw new Error('catalogue');

  it('computes the derived figure from the base figures', () => {
    const out = computeIndicators(
      check.catalogue,
      new Map([
        ['patents.valid_invention', Rational.of(1435)],
        ['population.resident', Rational.of(2_091_837)],
      ]),
    );
    const v = out.get('patents.invention_per_10k');
    expect(v?.ok && v.value.toFixed(2)).toBe('6.86');
  });

  it('marks the derived figure missing and names the base figure that is when the population is not reported', () => {
    const out = computeIndicators(check.catalogue, new Map([['patents.valid_invention', Rational.of(1435)]]));
    expect(out.get('population.resident')).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['population.resident'],
    });
    expect(out.get('patents.invention_per_10k')).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['population.resident'],
    });
  });
});
