import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';
import { draft, draftCall, openCall, queued } from '../programmes.fixtures.ts';

function serve(role: Role, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/programmes/calls': () =>
      json(200, { items: role === 'enterprise' ? [openCall] : [openCall, draftCall] }),
    'GET /api/programmes/applications': (call) => {
      const items =
        new URLSearchParams(call.search).get('phase') === 'formal_check'
          ? [queued]
          : [queued, { ...queued, id: 'a-2', phase: 'draft', clock: null }];
      return json(200, { items, total: items.length, page: 1, pageSize: 20 });
    },
    ...extra,
  });
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('programmes page', () => {
  it('shows an officer every call with its status and version, drafts a call and opens one', async () => {
    const server = serve('officer', {
      'POST /api/programmes/calls': () => json(201, { ...draftCall, formSchema: null }),
      'POST /api/programmes/calls/c-2/open': () =>
        json(200, { ...draftCall, status: 'open', formSchema: null }),
    });
    renderApp('/programmes');
    const row = await screen.findByTestId('call-row-c-1');
    expect(within(row).getByTestId('call-status').textContent).toBe('申报中');
    expect(within(row).getByText('v1')).toBeTruthy();
    expect(within(row).getByText('810.00')).toBeTruthy();
    expect(within(screen.getByTestId('call-row-c-2')).getByTestId('call-status').textContent).toBe('草稿');

    fireEvent.click(screen.getByTestId('call-new'));
    await screen.findByTestId('call-title');
    type('call-title', '2027年度专利资助');
    type('call-opens', '2026-12-01');
    type('call-closes', '2026-12-31');
    fireEvent.click(screen.getByTestId('call-form-ok'));
    await waitFor(() => expect(server.callsTo('POST', '/api/programmes/calls')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/programmes/calls')[0]!.body).toMatchObject({
      kind: 'science_plan',
      title: '2027年度专利资助',
      opensOn: '2026-12-01',
      closesOn: '2026-12-31',
      budgetFen: 0,
    });

    fireEvent.click(within(screen.getByTestId('call-row-c-2')).getByTestId('call-open'));
    await waitFor(() => expect(server.callsTo('POST', '/api/programmes/calls/c-2/open')).toHaveLength(1));
  });

  it('lets an enterprise apply and takes it to its new application', async () => {
    const server = serve('enterprise', {
      'POST /api/programmes/calls/c-1/applications': () => json(201, { ...draft, id: 'a-9' }),
      'GET /api/programmes/applications/a-9': () => json(200, { ...draft, id: 'a-9' }),
      'GET /api/programmes/applications/a-9/timeline': () => json(200, { items: [] }),
    });
    const { router } = renderApp('/programmes');
    const row = await screen.findByTestId('call-row-c-1');
    expect(screen.queryByTestId('call-new')).toBeNull();
    expect(within(row).queryByText('v1')).toBeNull();
    fireEvent.click(within(row).getByTestId('call-apply'));
    await waitFor(() => expect(currentPath(router)).toBe('/programmes/applications/a-9'));
    expect(server.callsTo('POST', '/api/programmes/calls/c-1/applications')).toHaveLength(1);
  });

  it('gives the officer the formal-check queue with the clock, and returns with a reason', async () => {
    const server = serve('officer', {
      'POST /api/programmes/applications/a-1/transitions': () => json(200, draft),
    });
    renderApp('/programmes');
    await screen.findByTestId('call-row-c-1');
    fireEvent.click(screen.getByText('形式审查'));
    const row = await screen.findByTestId('application-row-a-1');
    expect(within(row).getByTestId('clock-tag').textContent).toBe('2026-12-03');
    fireEvent.click(within(row).getByTestId('queue-return'));
    await screen.findByTestId('reason-input');
    fireEvent.click(screen.getByTestId('reason-form-ok'));
    expect(await screen.findByText('请填写理由')).toBeTruthy();
    type('reason-input', '请补充近三年审计报告');
    fireEvent.click(screen.getByTestId('reason-form-ok'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/programmes/applications/a-1/transitions')).toHaveLength(1),
    );
    expect(server.callsTo('POST', '/api/programmes/applications/a-1/transitions')[0]!.body).toEqual({
      action: 'return',
      reason: '请补充近三年审计报告',
    });
  });

  it('searches the queue on the server and pages through it', async () => {
    const server = serve('officer', {
      'GET /api/programmes/applications': () =>
        json(200, { items: [queued], total: 45, page: 1, pageSize: 20 }),
    });
    renderApp('/programmes');
    await screen.findByTestId('call-row-c-1');
    fireEvent.click(screen.getByText('形式审查'));
    await screen.findByTestId('application-row-a-1');
    expect(screen.getByText('共 45 份申报书')).toBeTruthy();
    const box = within(screen.getByTestId('queue-search')).getByRole('searchbox');
    fireEvent.change(box, { target: { value: '晋江 50%' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(
        server
          .callsTo('GET', '/api/programmes/applications')
          .map((c) => new URLSearchParams(c.search).get('q')),
      ).toContain('晋江 50%'),
    );
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() =>
      expect(
        server
          .callsTo('GET', '/api/programmes/applications')
          .map((c) => Object.fromEntries(new URLSearchParams(c.search))),
      ).toContainEqual({ phase: 'formal_check', q: '晋江 50%', page: '3', pageSize: '20' }),
    );
  });

  it('gives a leader the calls and the queue to read, without actions', async () => {
    serve('leader');
    renderApp('/programmes');
    const row = await screen.findByTestId('call-row-c-2');
    expect(within(row).queryByTestId('call-open')).toBeNull();
    expect(screen.queryByTestId('call-new')).toBeNull();
    fireEvent.click(screen.getByText('形式审查'));
    const queuedRow = await screen.findByTestId('application-row-a-1');
    expect(within(queuedRow).queryByTestId('queue-accept')).toBeNull();
  });
});
