import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeServer, json, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { notice } from '../notices.fixtures.ts';

/** Nobody is signed in: the session probe answers 401, the notice is public. */
function serve(extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED', '请先登录'),
    'GET /api/public/notices/n-1': () => json(200, notice),
    ...extra,
  });
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('public notice page', () => {
  it('lists the entries with amounts and statuses, without signing in', async () => {
    serve();
    renderApp('/public/notices/n-1');
    expect((await screen.findByTestId('public-notice-title')).textContent).toBe(notice.title);
    expect(screen.getByTestId('public-notice-period').textContent).toBe('公示期：2026-11-26 ~ 2026-12-02');
    const first = screen.getByTestId('entry-row-a-1');
    expect(within(first).getByText('50万元')).toBeTruthy();
    expect(within(first).getByTestId('entry-status').textContent).toBe('公示中');
    expect(within(screen.getByTestId('entry-row-a-3')).getByTestId('entry-status').textContent).toBe(
      '已取消',
    );
    expect(screen.queryByTestId('login-username')).toBeNull();
  });

  it('names the bad fields under them before sending anything', async () => {
    const server = serve({
      'POST /api/public/notices/n-1/objections': () =>
        json(201, { id: 'o-1', receivedAt: '2026-11-27T02:00:00.000Z', noticeEndsOn: '2026-12-02' }),
    });
    renderApp('/public/notices/n-1');
    await screen.findByTestId('objection-form');
    type('objection-name', '王五');
    type('objection-phone', '12345');
    type('objection-text', '不对');
    fireEvent.click(screen.getByTestId('objection-submit'));
    expect(await screen.findByText('应为 11 位大陆手机号码')).toBeTruthy();
    expect(screen.getByText('长度不能少于 10 个字符')).toBeTruthy();
    expect(server.callsTo('POST', '/api/public/notices/n-1/objections')).toHaveLength(0);
  });

  it('says objections are closed after the last day', async () => {
    serve({ 'GET /api/public/notices/n-1': () => json(200, { ...notice, window: 'ended' }) });
    renderApp('/public/notices/n-1');
    expect(await screen.findByText('公示期已于 2026-12-02 结束，不再受理异议')).toBeTruthy();
    expect(screen.queryByTestId('objection-form')).toBeNull();
  });

  it('says the notice does not exist in English', async () => {
    serve({ 'GET /api/public/notices/n-1': () => apiError(404, 'NOT_FOUND', 'Not found') });
    renderApp('/public/notices/n-1', { locale: 'en-US' });
    await waitFor(() =>
      expect(screen.getByTestId('public-notice-error').textContent).toContain(
        'The notice does not exist or has not begun',
      ),
    );
  });
});
