import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeServer, json, meFor } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { declared, pending, results, round, submitted } from '../reviews.fixtures.ts';

describe('review page (expert)', () => {
  it('asks for the declaration, then scores and submits, then shows the others anonymously', async () => {
    let current = pending;
    const server = fakeServer({
      'GET /api/auth/me': () => json(200, meFor('expert')),
      'GET /api/reviews/applications/a-1': () => json(200, current),
      'POST /api/reviews/applications/a-1/declaration': () => {
        current = declared;
        return json(200, current);
      },
      'POST /api/reviews/applications/a-1/submit': () => {
        current = submitted;
        return json(200, current);
      },
    });
    renderApp('/reviews/applications/a-1');
    fireEvent.click(await screen.findByTestId('declare-none'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/reviews/applications/a-1/declaration')[0]!.body).toEqual({
        conflict: false,
      }),
    );
    expect((await screen.findByTestId('review-application')).textContent).toContain('甲鞋业有限公司');
    fireEvent.change(screen.getByTestId('score-innovation'), { target: { value: '8' } });
    await waitFor(() => expect(screen.getByTestId('weighted-total').textContent).toBe('加权总分: 24'));
    fireEvent.click(screen.getByTestId('review-submit'));
    fireEvent.click(await screen.findByTestId('review-submit-ok'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/reviews/applications/a-1/submit')).toHaveLength(1),
    );
    const others = await screen.findByTestId('review-others');
    expect(within(others).getByText('专家A')).toBeTruthy();
    expect(within(others).getByTestId('other-total').textContent).toBe('74.5');
  });

  it('shows the window message the server gives outside the window', async () => {
    fakeServer({
      'GET /api/auth/me': () => json(200, meFor('expert')),
      'GET /api/reviews/applications/a-1': () =>
        apiError(409, 'REVIEW_WINDOW_CLOSED', '评审时间为 2026-11-20 至 2026-12-05，已结束'),
    });
    renderApp('/reviews/applications/a-1');
    expect((await screen.findByTestId('review-error')).textContent).toContain(
      '评审时间为 2026-11-20 至 2026-12-05，已结束',
    );
  });
});

describe('call review page (officer)', () => {
  it('shows the panel and the ranked results', async () => {
    fakeServer({
      'GET /api/auth/me': () => json(200, meFor('officer')),
      'GET /api/reviews/calls/c-1/round': () => json(200, { round }),
      'GET /api/reviews/calls/c-1/progress': () => json(200, { window: round.window, items: [] }),
      'GET /api/reviews/calls/c-1/results': () => json(200, results),
      'GET /api/reviews/calls/c-1/calibration': () => json(200, { threshold: 10, minReviews: 3, items: [] }),
      'GET /api/draws': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/programmes/calls/c-1/review');
    expect((await screen.findByTestId('round-panel')).textContent).toBe('王建国、李明');
    fireEvent.click(screen.getByText('评审结果'));
    expect((await screen.findByTestId('result-value')).textContent).toBe('74.17');
    expect(screen.getByTestId('result-rank').textContent).toBe('1');
  });
});
