import { describe, expect, it } from 'vitest';
import { Rational } from '../common/rational.ts';
import { aggregateTotals, calibrate, checkReview, weightedTotal } from './aggregate.ts';
import { reviewForm } from './review.contract.ts';

const form = reviewForm.parse({
  categories: [
    { id: 'innovation', name: { zh: '创新性', en: 'Innovation' }, max: 10, weight: 40, minComment: 10 },
    { id: 'feasibility', name: { zh: '可行性', en: 'Feasibility' }, max: 10, weight: 30 },
    { id: 'benefit', name: { zh: '经济社会效益', en: 'Benefit' }, max: 5, weight: 30 },
  ],
  aggregation: { method: 'trimmed-mean', trim: 1 },
});
const r = (n: number | string) => (typeof n === 'string' ? Rational.parse(n) : Rational.of(n));

describe('review forms', () => {
  it('refuses weights that do not add up to 100', () => {
    const bad = reviewForm.safeParse({
      categories: [{ id: 'a', name: { zh: 'a', en: 'a' }, max: 10, weight: 60 }],
      aggregation: { method: 'mean' },
    });
    expect(bad.error?.issues[0]?.message).toBe('各评分项权重之和应为 100 / the weights must add up to 100');
  });

  it('names each missing score, each score out of range and each comment too short', () => {
    expect(
      checkReview(form, {
        scores: { innovation: 11, benefit: 2.5, extra: 1 },
        comments: { innovation: '很好' },
      }),
    ).toEqual([
      {
        field: 'scores.innovation',
        zh: '“创新性”应为 0–10 的整数',
        en: '"Innovation" must be a whole number from 0 to 10',
      },
      {
        field: 'comments.innovation',
        zh: '“创新性”的评审意见不少于 10 字',
        en: 'the comment on "Innovation" needs at least 10 characters',
      },
      { field: 'scores.feasibility', zh: '请为“可行性”打分', en: 'score "Feasibility"' },
      {
        field: 'scores.benefit',
        zh: '“经济社会效益”应为 0–5 的整数',
        en: '"Benefit" must be a whole number from 0 to 5',
      },
      { field: 'scores.extra', zh: '评分项 extra 不在评审表中', en: 'extra is not a category of the form' },
    ]);
  });

  it('weights the scores exactly when 7/10, 9/10 and 3/5 are given', () => {
    // 7/10 × 40 + 9/10 × 30 + 3/5 × 30 = 28 + 27 + 18 = 73
    expect(weightedTotal(form, { innovation: 7, feasibility: 9, benefit: 3 }).toString()).toBe('73');
    expect(weightedTotal(form, { innovation: 1, feasibility: 0, benefit: 0 }).toString()).toBe('4');
  });
});

describe('aggregateTotals', () => {
  const totals = [r(80), r(62), r(91), r(75), r(70)];

  it('gives the mean, the median and the trimmed mean of five totals', () => {
    expect(aggregateTotals(totals, { method: 'mean' })).toMatchObject({ ok: true, used: 5 });
    const mean = aggregateTotals(totals, { method: 'mean' });
    expect(mean.ok && mean.value.toString()).toBe('378/5');
    const median = aggregateTotals(totals, { method: 'median' });
    expect(median.ok && median.value.toString()).toBe('75');
    const trimmed = aggregateTotals(totals, { method: 'trimmed-mean', trim: 1 });
    expect(trimmed.ok && trimmed.value.toString()).toBe('75');
    expect(trimmed.ok && trimmed.used).toBe(3);
  });

  it('takes the middle two for an even median', () => {
    const median = aggregateTotals([r(60), r(70), r(81), r(90)], { method: 'median' });
    expect(median.ok && median.value.toString()).toBe('151/2');
  });

  it('says how many reviews a trimmed mean needs when there are too few', () => {
    expect(aggregateTotals([r(1), r(2)], { method: 'trimmed-mean', trim: 1 })).toEqual({
      ok: false,
      zh: '去掉最高、最低各 1 个分数需要至少 3 份评审，现有 2 份',
      en: 'trimming 1 from each end needs at least 3 reviews, there are 2',
    });
    expect(aggregateTotals([], { method: 'mean' })).toMatchObject({ ok: false, zh: '尚无评审意见' });
  });
});

describe('calibrate', () => {
  it('flags the expert who scores 20 points under the others on every panel, and no one else', () => {
    const reviews = ['A1', 'A2', 'A3'].flatMap((application) => [
      { application, expert: 'E-harsh', total: r(60) },
      { application, expert: 'E-1', total: r(80) },
      { application, expert: 'E-2', total: r(80) },
    ]);
    const result = calibrate(reviews);
    expect(result.map((c) => [c.expert, c.meanOffset.toString(), c.spread, c.outlier])).toEqual([
      ['E-1', '10', '0.00', true],
      ['E-2', '10', '0.00', true],
      ['E-harsh', '-20', '0.00', true],
    ]);
    // With the threshold above the fair experts' offset only the harsh one stands out.
    expect(
      calibrate(reviews, 15)
        .filter((c) => c.outlier)
        .map((c) => c.expert),
    ).toEqual(['E-harsh']);
  });

  it('does not flag an expert with fewer reviews than the minimum', () => {
    const reviews = [
      { application: 'A1', expert: 'E-new', total: r(40) },
      { application: 'A1', expert: 'E-1', total: r(90) },
    ];
    expect(calibrate(reviews).find((c) => c.expert === 'E-new')).toMatchObject({
      reviews: 1,
      outlier: false,
    });
  });
});
