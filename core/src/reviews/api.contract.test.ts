import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, declarationRequest, roundRequest } from './api.contract.ts';
import { reviewForm } from './review.contract.ts';

const drawId = '8f0c2b1e-4a57-4d8b-9a41-0d6b2f3c9e10';

describe('review API contract', () => {
  it('offers default categories that form a valid form: 30 / 25 / 25 / 20', () => {
    const form = reviewForm.parse({ categories: DEFAULT_CATEGORIES, aggregation: { method: 'mean' } });
    expect(form.categories.map((c) => [c.name.zh, c.weight])).toEqual([
      ['技术创新性', 30],
      ['市场前景', 25],
      ['实施基础', 25],
      ['经济社会效益', 20],
    ]);
    expect(form.revealAfterSubmit).toBe(true);
  });

  it('refuses a window that closes before it opens, naming closesOn', () => {
    const bad = roundRequest.safeParse({
      drawId,
      form: { categories: DEFAULT_CATEGORIES, aggregation: { method: 'median' } },
      opensOn: '2026-12-01',
      closesOn: '2026-11-30',
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['closesOn', 'the window cannot close before it opens'],
    ]);
  });

  it('needs a reason with a declared conflict, none without', () => {
    expect(declarationRequest.safeParse({ conflict: false }).success).toBe(true);
    expect(declarationRequest.safeParse({ conflict: true, reason: ' ' }).error?.issues[0]?.path).toEqual([
      'reason',
    ]);
    expect(declarationRequest.parse({ conflict: true, reason: ' 曾任该企业顾问 ' })).toEqual({
      conflict: true,
      reason: '曾任该企业顾问',
    });
  });
});
