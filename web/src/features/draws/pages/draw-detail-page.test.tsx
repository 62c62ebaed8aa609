import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { DrawDetail } from '@jinke/core/draws/draws-api.contract.ts';
import { fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';
import { drawnDetail, frozenDetail } from '../draws.fixtures.ts';

function serve(role: Role, detail: () => DrawDetail, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/draws/d-1': () => json(200, detail()),
    ...extra,
  });
}

describe('draw detail page', () => {
  it('shows the pool hash, the funnel and each exclusion with its reason when the pool is frozen', async () => {
    serve('leader', () => frozenDetail());
    renderApp('/draws/d-1');
    expect((await screen.findByTestId('draw-pool-hash')).textContent).toContain('ab'.repeat(32));
    expect(screen.getByTestId('draw-pool-size').textContent).toBe('29');
    expect(screen.getByTestId('draw-funnel-avoidance').textContent).toBe('回避后（候选池） 29');
    const exclusions = screen.getByTestId('draw-exclusions');
    expect(within(exclusions).getByText('林建华')).toBeTruthy();
    expect(within(exclusions).getByText('本单位或合作单位人员')).toBeTruthy();
    expect(within(exclusions).getByText('系申报单位 91350582MA8RFY385R 或其合作单位的人员')).toBeTruthy();
    // The leader reads; the seed entry and overrides are for officers.
    expect(screen.queryByTestId('draw-seed-card')).toBeNull();
    expect(screen.queryByTestId('draw-override-EXP-0003')).toBeNull();
  });

  it('sends the seed with its source once confirmed, then shows the panel with names', async () => {
    let drawn = false;
    const server = serve('officer', () => (drawn ? drawnDetail() : frozenDetail()), {
      'POST /api/draws/d-1/seed': () => {
        drawn = true;
        return json(200, drawnDetail());
      },
    });
    renderApp('/draws/d-1');
    fireEvent.change(await screen.findByTestId('draw-seed'), { target: { value: '2026-11-26 483920' } });
    fireEvent.change(screen.getByTestId('draw-seed-detail'), { target: { value: '张三、李四' } });
    fireEvent.click(screen.getByTestId('draw-seed-submit'));
    fireEvent.click(await screen.findByTestId('draw-seed-confirm'));
    const panel = await screen.findByTestId('draw-panel');
    expect(server.callsTo('POST', '/api/draws/d-1/seed')[0]!.body).toEqual({
      seed: '2026-11-26 483920',
      seedSource: '见证人现场输入：张三、李四',
    });
    expect(within(panel).getByText('专家1')).toBeTruthy();
    expect(within(panel).getByText('财务专家')).toBeTruthy();
    expect(within(screen.getByTestId('draw-alternates')).getByText('EXP-0009')).toBeTruthy();
    expect(screen.getByTestId('draw-seed-source-value').textContent).toBe('见证人现场输入');
  });

  it('records a decline with its reason and shows who took the seat', async () => {
    const replaced = drawnDetail();
    const after = drawnDetail({
      currentPanel: replaced.currentPanel.map((m) =>
        m.code === 'EXP-0002' ? { code: 'EXP-0009', name: '专家9', kind: 'technical', title: '教授' } : m,
      ),
      currentAlternates: replaced.currentAlternates.filter((m) => m.code !== 'EXP-0009'),
      events: [
        {
          seq: 1,
          kind: 'declined',
          code: 'EXP-0002',
          replacement: 'EXP-0009',
          occurredAt: '2026-11-26T03:00:00.000Z',
          name: '专家2',
          replacementName: '专家9',
          reason: '出差无法参加',
          actorName: '科技局业务员',
        },
      ],
    });
    let declined = false;
    const server = serve('officer', () => (declined ? after : replaced), {
      'POST /api/draws/d-1/decline': () => {
        declined = true;
        return json(200, after);
      },
    });
    renderApp('/draws/d-1');
    fireEvent.click(await screen.findByTestId('draw-decline-EXP-0002'));
    fireEvent.change(await screen.findByTestId('draw-decline-reason'), { target: { value: '出差无法参加' } });
    fireEvent.click(screen.getByTestId('draw-decline-ok'));
    const events = await screen.findByTestId('draw-events');
    expect(server.callsTo('POST', '/api/draws/d-1/decline')[0]!.body).toEqual({
      code: 'EXP-0002',
      kind: 'declined',
      reason: '出差无法参加',
    });
    expect(within(events).getByText('出差无法参加')).toBeTruthy();
    expect(within(screen.getByTestId('draw-panel')).getByText('递补（原 EXP-0002）')).toBeTruthy();
  });

  it('freezes the pool again with the override and opens the new draw when an officer overrides an exclusion', async () => {
    const server = serve('officer', () => frozenDetail(), {
      'POST /api/draws': () => json(201, frozenDetail({ id: 'd-2' })),
      'GET /api/draws/d-2': () => json(200, frozenDetail({ id: 'd-2' })),
    });
    const { router } = renderApp('/draws/d-1');
    fireEvent.click(await screen.findByTestId('draw-override-EXP-0003'));
    fireEvent.change(await screen.findByTestId('draw-override-reason'), { target: { value: '同名不同人' } });
    fireEvent.click(screen.getByTestId('draw-override-ok'));
    await waitFor(() => expect(currentPath(router)).toBe('/draws/d-2'));
    expect(server.callsTo('POST', '/api/draws')[0]!.body).toMatchObject({
      applicants: ['91350582MA8RFY385R'],
      spec: { panelSize: 7, alternates: 3, fields: ['40303'] },
      overrides: [{ code: 'EXP-0003', reason: '同名不同人' }],
    });
  });
});
