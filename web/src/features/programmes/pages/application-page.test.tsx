import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { draft, returnedTimeline } from '../programmes.fixtures.ts';

function serve(extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('enterprise')),
    'GET /api/programmes/applications/a-1': () => json(200, draft),
    'GET /api/programmes/applications/a-1/timeline': () => json(200, returnedTimeline),
    'PUT /api/programmes/applications/a-1/form': (call) =>
      json(200, { ...draft, formData: (call.body as { formData: object }).formData }),
    ...extra,
  });
}

describe('application page', () => {
  it('renders the pre-filled form from the schema, the clock and the reason in the timeline', async () => {
    serve();
    renderApp('/programmes/applications/a-1');
    const name = await screen.findByTestId<HTMLInputElement>('form-field-enterpriseName');
    expect(name.value).toBe('甲鞋业有限公司');
    expect(screen.getByTestId<HTMLInputElement>('form-field-projectTitle').value).toBe('智能');
    expect(screen.getByText('营业收入（万元）')).toBeTruthy();
    expect(screen.getByTestId('application-phase').textContent).toBe('需补正材料');
    expect(screen.getByTestId('clock-tag').textContent).toBe('补正中，暂停计时');
    const items = await screen.findAllByTestId('timeline-item');
    expect(items).toHaveLength(3);
    expect(within(items[2]!).getByTestId('timeline-reason').textContent).toBe('请补充近三年审计报告');
    expect(within(items[2]!).getByText('2026-11-26 13:00')).toBeTruthy();
  });

  it('autosaves what the applicant types', async () => {
    const server = serve();
    renderApp('/programmes/applications/a-1');
    const title = await screen.findByTestId('form-field-projectTitle');
    fireEvent.change(title, { target: { value: '智能鞋底成型装备研发' } });
    await waitFor(
      () => expect(server.callsTo('PUT', '/api/programmes/applications/a-1/form')).toHaveLength(1),
      {
        timeout: 3000,
      },
    );
    expect(server.callsTo('PUT', '/api/programmes/applications/a-1/form')[0]!.body).toEqual({
      formData: { ...draft.formData, projectTitle: '智能鞋底成型装备研发' },
    });
  });

  it('shows the fields the server refuses under them, and asks a reason before withdrawing', async () => {
    const server = serve({
      'POST /api/programmes/applications/a-1/transitions': (call) =>
        (call.body as { action: string }).action === 'resubmit'
          ? apiError(400, 'VALIDATION_FAILED', '提交的数据有误', {
              fields: [
                {
                  field: 'formData.projectTitle',
                  message: 'formData.projectTitle 项目名称至少 4 个字',
                  rule: 'minLength',
                },
              ],
            })
          : json(200, { ...draft, phase: 'withdrawn', editable: false, actions: [] }),
    });
    renderApp('/programmes/applications/a-1');
    fireEvent.click(await screen.findByTestId('action-resubmit'));
    expect((await screen.findByTestId('form-error-projectTitle')).textContent).toBe('项目名称至少 4 个字');
    fireEvent.click(screen.getByTestId('action-withdraw_submitted'));
    fireEvent.change(await screen.findByTestId('reason-input'), { target: { value: '项目调整，放弃申报' } });
    fireEvent.click(screen.getByTestId('reason-form-ok'));
    await waitFor(() =>
      expect(
        server.callsTo('POST', '/api/programmes/applications/a-1/transitions').map((c) => c.body),
      ).toEqual([{ action: 'resubmit' }, { action: 'withdraw_submitted', reason: '项目调整，放弃申报' }]),
    );
  });
});
