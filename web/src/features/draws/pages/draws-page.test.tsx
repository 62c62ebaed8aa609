import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';
import { frozenDetail, summaryOf } from '../draws.fixtures.ts';

function serve(role: Role, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/draws': () =>
      json(200, { items: [summaryOf(frozenDetail())], total: 1, page: 1, pageSize: 20 }),
    'GET /api/draws/d-1': () => json(200, frozenDetail()),
    ...extra,
  });
}

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('draws page', () => {
  it('lists the draws and opens one when its row is clicked', async () => {
    serve('leader');
    const { router } = renderApp('/draws');
    const row = await screen.findByTestId('draw-row-d-1');
    expect(within(row).getByText('2026年高企认定评审专家抽取')).toBeTruthy();
    expect(within(row).getByText('7 人 + 备选 3 人')).toBeTruthy();
    expect(screen.queryByTestId('draws-new')).toBeNull();
    fireEvent.click(row);
    await waitFor(() => expect(currentPath(router)).toBe('/draws/d-1'));
  });

  it('sends the form as the contract parses it and opens the frozen draw when an officer creates one', async () => {
    const server = serve('officer', { 'POST /api/draws': () => json(201, frozenDetail()) });
    const { router } = renderApp('/draws');
    fireEvent.click(await screen.findByTestId('draws-new'));
    await screen.findByTestId('draw-create');
    fill('draw-title', '2026年高企认定评审专家抽取');
    fill('draw-subject', '2026年度第一批高企认定');
    fill('draw-applicants', '91350582ma8rfy385r\n');
    fireEvent.click(screen.getByTestId('draw-create-ok'));
    await waitFor(() => expect(currentPath(router)).toBe('/draws/d-1'));
    expect(server.callsTo('POST', '/api/draws')[0]!.body).toEqual({
      title: '2026年高企认定评审专家抽取',
      subject: '2026年度第一批高企认定',
      spec: {
        panelSize: 7,
        alternates: 3,
        composition: [
          { kind: 'technical', minPercent: 60 },
          { kind: 'financial', min: 1 },
        ],
        fields: [],
        ipcPrefixes: [],
      },
      applicants: ['91350582MA8RFY385R'],
      overrides: [],
    });
    expect(await screen.findByTestId('draw-pool-hash')).toBeTruthy();
  });

  it('names a wrong credit code under the applicants before sending anything', async () => {
    const server = serve('officer');
    renderApp('/draws');
    fireEvent.click(await screen.findByTestId('draws-new'));
    await screen.findByTestId('draw-create');
    fill('draw-title', '抽取');
    fill('draw-subject', '批次');
    fill('draw-applicants', '91350582MA8RFY385R 91350582MA8RFY385X');
    fireEvent.click(screen.getByTestId('draw-create-ok'));
    expect(await screen.findByText(/第 2 个：校验码应为 R/)).toBeTruthy();
    expect(server.callsTo('POST', '/api/draws')).toHaveLength(0);
  });

  it('says which constraint empties the pool when the server cannot form the panel', async () => {
    serve('officer', {
      'POST /api/draws': () =>
        apiError(400, 'DRAW_POOL_TOO_SMALL', '经“领域匹配”筛选后仅剩 3 名专家，少于专家组所需 7 名', {
          constraint: 'field',
          funnel: [
            { stage: 'candidates', remaining: 3783 },
            { stage: 'available', remaining: 3500 },
            { stage: 'field', remaining: 3 },
            { stage: 'load', remaining: 3 },
            { stage: 'avoidance', remaining: 3 },
          ],
        }),
    });
    renderApp('/draws');
    fireEvent.click(await screen.findByTestId('draws-new'));
    await screen.findByTestId('draw-create');
    fill('draw-title', '抽取');
    fill('draw-subject', '批次');
    fill('draw-applicants', '91350582MA8RFY385R');
    fireEvent.click(screen.getByTestId('draw-create-ok'));
    const problem = await screen.findByTestId('draw-create-problem');
    expect(problem.textContent).toContain('经“领域匹配”筛选后仅剩 3 名专家，少于专家组所需 7 名');
    expect(within(problem).getByTestId('draw-funnel-field').textContent).toBe('领域匹配 3');
  });
});
