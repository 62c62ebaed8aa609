/**
 * 企业成长性 growth rates (国科发火〔2016〕195号 三（七）4), exact:
 *   增长率 = 1/2 × (第二年 ÷ 第一年 + 第三年 ÷ 第二年) − 1     (the mean of two yearly ratios, not a CAGR)
 * "为负的，按0分计算。第一年末净资产或销售收入为0的，按后两年计算；第二年末净资产或销售收入为0的，按0分计算。"
 * "企业实际经营期不满三年的按实际经营时间计算" — see interpretations I-07 and I-08.
 */
import { Rational } from '../common/rational.ts';
import type { Fen } from '../common/money.ts';
import type { Bilingual } from './criteria.ts';

export type GrowthFormula = 'three-year' | 'last-two-years' | 'two-year';

export type ZeroReason = 'second-year-zero' | 'first-year-zero' | 'one-year-only' | 'negative-base';

export type GrowthOutcome =
  | { kind: 'rate'; rate: Rational; formula: GrowthFormula; interpretation?: string }
  | { kind: 'zero-points'; reason: ZeroReason; interpretation?: string }
  | { kind: 'missing' };

/**
 * The growth rate from the year-end values of the enterprise's operating years, earliest first (at most three:
 * the three accounting years before the application year).
 */
export function growthRate(values: readonly Fen[]): GrowthOutcome {
  if (values.length === 0) return { kind: 'missing' };
  if (values.length === 1) return { kind: 'zero-points', reason: 'one-year-only', interpretation: 'I-07' };
  if (values.length === 2) {
    const [v1, v2] = values as [Fen, Fen];
    if (v2 === 0n) return { kind: 'zero-points', reason: 'second-year-zero', interpretation: 'I-07' };
    if (v1 === 0n) return { kind: 'zero-points', reason: 'first-year-zero', interpretation: 'I-07' };
    if (v1 < 0n) return { kind: 'zero-points', reason: 'negative-base', interpretation: 'I-08' };
    return {
      kind: 'rate',
      rate: Rational.of(v2, v1).sub(Rational.ONE),
      formula: 'two-year',
      interpretation: 'I-07',
    };
  }
  const [v1, v2, v3] = values.slice(-3) as [Fen, Fen, Fen];
  if (v2 === 0n) return { kind: 'zero-points', reason: 'second-year-zero' };
  if (v1 === 0n) {
    if (v2 < 0n) return { kind: 'zero-points', reason: 'negative-base', interpretation: 'I-08' };
    // "按后两年计算": the text gives no formula; the two-year ratio is used (I-07).
    return {
      kind: 'rate',
      rate: Rational.of(v3, v2).sub(Rational.ONE),
      formula: 'last-two-years',
      interpretation: 'I-07',
    };
  }
  if (v1 < 0n || v2 < 0n) return { kind: 'zero-points', reason: 'negative-base', interpretation: 'I-08' };
  // 1/2 × (v2/v1 + v3/v2) − 1 = (v2² + v1·v3 − 2·v1·v2) / (2·v1·v2), kept as one exact fraction.
  const rate = Rational.of(v2 * v2 + v1 * v3 - 2n * v1 * v2, 2n * v1 * v2);
  return { kind: 'rate', rate, formula: 'three-year' };
}

export function describeGrowth(outcome: GrowthOutcome): Bilingual {
  switch (outcome.kind) {
    case 'missing':
      return { zh: '缺少数据', en: 'No figures' };
    case 'zero-points': {
      const reasons: Record<ZeroReason, Bilingual> = {
        'second-year-zero': { zh: '第二年末数值为0，按0分计算', en: 'Second year is zero: 0 points' },
        'first-year-zero': {
          zh: '仅两年经营且第一年为0，按0分计算',
          en: 'Two operating years with a zero first year: 0 points',
        },
        'one-year-only': {
          zh: '经营不足两年，无法计算增长率，按0分计算',
          en: 'Fewer than two operating years: no growth rate, 0 points',
        },
        'negative-base': {
          zh: '基数为负（净资产为负），按0分计算',
          en: 'Negative base (negative net assets): 0 points',
        },
      };
      return reasons[outcome.reason];
    }
    case 'rate': {
      const text = outcome.rate.toPercent(4);
      const formula: Record<GrowthFormula, Bilingual> = {
        'three-year': { zh: '1/2×(第二年÷第一年+第三年÷第二年)−1', en: '½×(y2÷y1 + y3÷y2) − 1' },
        'last-two-years': {
          zh: '第一年为0，按后两年：第三年÷第二年−1',
          en: 'first year zero, last two years: y3÷y2 − 1',
        },
        'two-year': { zh: '经营两年：第二年÷第一年−1', en: 'two operating years: y2÷y1 − 1' },
      };
      const f = formula[outcome.formula];
      return { zh: `增长率 ${text}%（${f.zh}）`, en: `growth ${text} % (${f.en})` };
    }
  }
}
