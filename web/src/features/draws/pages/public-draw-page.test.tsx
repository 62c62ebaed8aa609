import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { PublicDraw } from '@jinke/core/draws/draws-api.contract.ts';
import { apiError, fakeServer, json } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { publicRecord } from '../draws.fixtures.ts';

/** Nobody is signed in: the session probe answers 401, the public record is open. */
function serveAnonymously(record: PublicDraw | null) {
  return fakeServer({
    'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED', '请先登录'),
    'GET /api/public/draws/p-1': () =>
      record ? json(200, record) : apiError(404, 'NOT_FOUND', '抽取记录不存在'),
  });
}

describe('public draw page', () => {
  it('re-runs the draw in the browser and says it matches, with the time it took, without signing in', async () => {
    const record = publicRecord();
    const server = serveAnonymously(record);
    renderApp('/public/draws/p-1');
    expect((await screen.findByTestId('public-draw-verdict-text')).textContent).toBe('核验一致 / Matches');
    expect(screen.getByTestId('public-draw-elapsed').textContent).toMatch(/^本机核验用时 \d+ 毫秒$/);
    expect(screen.getByTestId('public-draw-pool-hash').textContent).toContain(record.poolHash);
    expect(screen.getByTestId('public-draw-panel').textContent).toBe(record.panel!.join(''));
    expect(screen.getByTestId('public-draw-seed').textContent).toBe('2026-11-26 483920');
    expect(server.callsTo('GET', '/api/public/draws/p-1')).toHaveLength(1);
    expect(screen.queryByTestId('login-username')).toBeNull();
  });

  it('names the panel when the published panel is not what the draw gives', async () => {
    const record = publicRecord();
    const swapped = [...record.panel!].reverse();
    serveAnonymously({ ...record, panel: swapped, currentPanel: swapped });
    renderApp('/public/draws/p-1');
    expect((await screen.findByTestId('public-draw-verdict-text')).textContent).toBe('核验不一致：专家组');
  });

  it('names the pool hash in English when a published pool was changed after its hash', async () => {
    const record = publicRecord(null);
    serveAnonymously({ ...record, pool: { ...record.pool, eligible: record.pool.eligible.slice(1) } });
    renderApp('/public/draws/p-1', { locale: 'en-US' });
    expect((await screen.findByTestId('public-draw-verdict-text')).textContent).toBe(
      'Does not match: pool hash',
    );
  });

  it('checks the pool hash of a frozen draw and says it has not been drawn yet', async () => {
    serveAnonymously(publicRecord(null));
    renderApp('/public/draws/p-1');
    expect((await screen.findByTestId('public-draw-verdict-text')).textContent).toBe(
      '候选池哈希核验一致，尚未抽取',
    );
  });

  it('says the draw does not exist when the id is unknown', async () => {
    serveAnonymously(null);
    renderApp('/public/draws/p-1');
    expect((await screen.findByTestId('public-draw-error')).textContent).toContain('未找到该抽取记录');
  });
});
