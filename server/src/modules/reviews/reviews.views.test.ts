/** The results table, labels and window as pure functions: ranks with ties, unranked gaps, the median. */
import { describe, expect, it } from 'vitest';
import { reviewForm } from '@jinke/core/reviews/review.contract.ts';
import type { ReviewRow } from './reviews.repo.ts';
import { anonymousLabel, results, windowOf } from './reviews.views.ts';

const form = reviewForm.parse({
  categories: [
    { id: 'a', name: { zh: '甲', en: 'A' }, max: 10, weight: 60 },
    { id: 'b', name: { zh: '乙', en: 'B' }, max: 4, weight: 40 },
  ],
  aggregation: { method: 'median' },
});
const row = (application: string, expert: string, a: number, b: number): ReviewRow => ({
  id: `${application}-${expert}`,
  application_id: application,
  expert_code: expert,
  status: 'submitted',
  conflict_reason: null,
  scores: { a, b },
  comments: {},
  total: null,
  submitted_at: new Date(),
});
const app = (id: string) => ({ id, enterprise_name: id, project_title: null, phase: 'expert_review' });

describe('results', () => {
  it('takes the median of each panel, shares a rank on equal results and leaves an unreviewed one unranked', () => {
    const r = results(
      form,
      [app('P'), app('Q'), app('R'), app('S')],
      [
        // P: 6×6 + 3×10 = 66, 9×6 + 1×10 = 64, 7×6 + 4×10 = 82 → median 66
        row('P', 'E1', 6, 3),
        row('P', 'E2', 9, 1),
        row('P', 'E3', 7, 4),
        // Q: 60, 72 → median 66 (shares rank 1 with P)
        row('Q', 'E1', 10, 0),
        row('Q', 'E2', 7, 3),
        // R: 6×6 + 1×10 = 46 → 46
        row('R', 'E1', 6, 1),
      ],
      new Map([['E1', '张三']]),
    );
    expect(
      r.items.map((i) => [i.applicationId, i.result?.exact ?? null, i.rank, i.problem?.zh ?? null]),
    ).toEqual([
      ['P', '66', 1, null],
      ['Q', '66', 1, null],
      ['R', '46', 3, null],
      ['S', null, null, '尚无评审意见'],
    ]);
    expect(r.items[0]!.reviews[0]).toMatchObject({
      code: 'E1',
      name: '张三',
      total: { exact: '66', decimal: '66' },
    });
  });

  it('keeps a total that does not end as a rational and rounds its decimal', () => {
    const thirds = reviewForm.parse({
      categories: [{ id: 'a', name: { zh: '甲', en: 'A' }, max: 3, weight: 100 }],
      aggregation: { method: 'mean' },
    });
    const r = results(
      thirds,
      [app('P')],
      [row('P', 'E1', 1, 0), row('P', 'E2', 1, 0), row('P', 'E3', 2, 0)],
      new Map(),
    );
    // (100/3 + 100/3 + 200/3) / 3 = 400/9
    expect(r.items[0]!.result).toEqual({ exact: '400/9', decimal: '44.44' });
  });
});

describe('labels and windows', () => {
  it('labels 专家A … 专家Z, then 专家AA', () => {
    expect([0, 1, 25, 26].map((i) => anonymousLabel(i).zh)).toEqual(['专家A', '专家B', '专家Z', '专家AA']);
    expect(anonymousLabel(2).en).toBe('Expert C');
  });

  it('opens on its first day and closes after its last (China dates)', () => {
    expect(
      ['2026-11-19', '2026-11-20', '2026-12-05', '2026-12-06'].map(
        (d) => windowOf('2026-11-20', '2026-12-05', d).state,
      ),
    ).toEqual(['upcoming', 'open', 'open', 'closed']);
  });
});
