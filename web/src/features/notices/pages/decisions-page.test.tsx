import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { awaiting, call, notice, objection, staffNotice } from '../notices.fixtures.ts';

function serve(role: Role, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/programmes/calls/c-1': () => json(200, call),
    'GET /api/programmes/applications': () =>
      json(200, { items: awaiting, total: 2, page: 1, pageSize: 200 }),
    'GET /api/programmes/notices': () => json(200, { items: [{ ...staffNotice, startsOn: '2000-01-01' }] }),
    'GET /api/programmes/notices/n-1': () => json(200, notice),
    'GET /api/programmes/notices/n-1/objections': () => json(200, { items: [objection] }),
    ...extra,
  });
}

describe('decisions page', () => {
  it('sends one batch: an approval with its amount in 分 and a decline with its template and words', async () => {
    const server = serve('officer', {
      'POST /api/programmes/calls/c-1/decisions': () =>
        json(200, { approved: 1, declined: 1, noticeId: 'n-1' }),
    });
    renderApp('/programmes/calls/c-1/decisions');
    const first = await screen.findByTestId('decision-row-a-1');
    fireEvent.click(within(first).getByText('拟立项'));
    fireEvent.change(await within(first).findByTestId('decision-amount'), { target: { value: '12.34' } });
    const second = screen.getByTestId('decision-row-a-2');
    fireEvent.click(within(second).getByText('不予立项'));
    fireEvent.change(await within(second).findByTestId('decision-reason'), {
      target: { value: '得分 58 分' },
    });
    fireEvent.change(screen.getByTestId('notice-days'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/programmes/calls/c-1/decisions')).toHaveLength(1),
    );
    const body = server.callsTo('POST', '/api/programmes/calls/c-1/decisions')[0]!.body as {
      items: unknown[];
      notice: { days: number; startsOn: string };
    };
    expect(body.items).toEqual([
      { applicationId: 'a-1', decision: 'approve', proposedFen: '12340000' },
      { applicationId: 'a-2', decision: 'decline', reason: '得分 58 分' },
    ]);
    expect(body.notice.days).toBe(5);
  });

  it('shows the server’s error under the item it names', async () => {
    serve('officer', {
      'POST /api/programmes/calls/c-1/decisions': () =>
        apiError(409, 'NOTICE_DECISION_PHASE', '乙纺织有限公司 的申报书当前环节为 notice，不在研究决定环节', {
          fields: [{ field: 'items.0.applicationId', message: '当前环节为 notice', rule: 'phase' }],
        }),
    });
    renderApp('/programmes/calls/c-1/decisions');
    const second = await screen.findByTestId('decision-row-a-2');
    fireEvent.click(within(second).getByText('不予立项'));
    fireEvent.change(await within(second).findByTestId('decision-reason'), { target: { value: '超出范围' } });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect((await within(second).findByTestId('decision-row-error')).textContent).toBe('当前环节为 notice');
  });

  it('shows a leader the notices and objections, with no decision or handling', async () => {
    serve('leader');
    renderApp('/programmes/calls/c-1/decisions');
    const card = await screen.findByTestId('notice-card-n-1');
    expect(await within(card).findByTestId('objection-row-o-1')).toBeTruthy();
    expect(screen.queryByTestId('decision-panel')).toBeNull();
    expect(within(card).queryByTestId('objection-handle-open')).toBeNull();
    expect(within(card).queryByTestId('notice-confirm')).toBeNull();
  });

  it('lets an officer dismiss an objection with a response', async () => {
    const server = serve('officer', {
      'POST /api/programmes/objections/o-1/handle': () =>
        json(200, {
          ...objection,
          outcome: 'dismissed',
          response: '经核查异议不成立',
          handledAt: 'x',
          handledBy: '张',
        }),
    });
    renderApp('/programmes/calls/c-1/decisions');
    const row = await screen.findByTestId('objection-row-o-1');
    fireEvent.click(within(row).getByTestId('objection-handle-open'));
    fireEvent.change(await screen.findByTestId('objection-response'), {
      target: { value: '经核查异议不成立' },
    });
    fireEvent.click(screen.getByTestId('objection-handle-ok'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/programmes/objections/o-1/handle')).toHaveLength(1),
    );
    expect(server.callsTo('POST', '/api/programmes/objections/o-1/handle')[0]!.body).toEqual({
      outcome: 'dismissed',
      response: '经核查异议不成立',
    });
  });
});
