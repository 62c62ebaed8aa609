import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { OpenDataItem, OpenDataResponse } from '@jinke/core/indicators/open-data.contract.ts';
import { apiError, fakeServer, json, type RecordedCall } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';

function item(over: Partial<OpenDataItem> = {}): OpenDataItem {
  return {
    id: 'patents.grants',
    name: { zh: '专利授权量', en: 'Patents granted' },
    unit: { zh: '件', en: 'patents' },
    decimals: 0,
    source: 'computed',
    period: 'year',
    value: '5550',
    display: '5550',
    missing: null,
    asOf: '2017-12-31',
    formula: 'count(patents.grants)',
    citation: '晋科〔2018〕11号：全年专利授权5550件',
    dataTime: '2026-11-26T02:00:00.000Z',
    ...over,
  };
}

const perTenK = (display: string | null): OpenDataItem =>
  item({
    id: 'patents.invention_per_10k',
    name: { zh: '每万人口发明专利拥有量', en: 'Invention patents per 10,000 residents' },
    unit: { zh: '件/万人', en: 'per 10,000' },
    decimals: 2,
    source: 'formula',
    period: 'year-end',
    value: display === null ? null : '14350000/2091837',
    display,
    missing: display === null ? 'missing' : null,
    formula: 'patents.valid_invention ÷ population.resident × 10000',
    citation: '晋科〔2018〕11号：每万人口发明专利拥有量6.86件',
  });

function figures(year: number): OpenDataResponse {
  return {
    year,
    years: [2017, 2018],
    publisher: { zh: '晋江市科技和知识产权局', en: 'Jinjiang Science, Technology and IP Bureau' },
    licence: { zh: '本页数据由晋江市科技和知识产权局发布', en: 'Published by the bureau' },
    items:
      year === 2017
        ? [item(), perTenK('6.86')]
        : [item({ value: '6120', display: '6120', asOf: '2018-12-31' }), perTenK(null)],
  };
}

const yearOf = (call: RecordedCall) => new URLSearchParams(call.search).get('year');

/** Nobody is signed in: the session probe answers 401; the open data answers any year it has. */
function serveAnonymously() {
  return fakeServer({
    'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED', '请先登录'),
    'GET /api/public/indicators': (call) => {
      const year = Number(yearOf(call) ?? 2018);
      return year === 2017 || year === 2018
        ? json(200, figures(year))
        : apiError(404, 'INDICATOR_NO_DATA', `${year} 年没有指标数据（有数据的年度：2017–2018）`);
    },
    'GET /api/public/indicators.csv': (call) =>
      new Response(new Blob(['\uFEFFindicator_id,year\r\n']), {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="jinke-indicators-${yearOf(call)}.csv"`,
        },
      }),
  });
}

describe('the open-data page', () => {
  it('shows the latest year’s published figures without signing in, with unit, formula and definition', async () => {
    const server = serveAnonymously();
    renderApp('/public/indicators');
    expect((await screen.findByTestId('open-data-value-patents.grants')).textContent).toBe('6120');
    expect(screen.getByTestId('open-data-heading').textContent).toBe('2018 年 · 科技指标公开数据');
    expect(screen.getByTestId('open-data-value-patents.invention_per_10k').textContent).toBe('暂无数据');
    const row = screen.getByTestId('open-data-row-patents.invention_per_10k');
    expect(row.textContent).toContain('件/万人');
    expect(row.textContent).toContain('patents.valid_invention ÷ population.resident × 10000');
    expect(row.textContent).toContain('晋科〔2018〕11号：每万人口发明专利拥有量6.86件');
    expect(row.textContent).toContain('年末时点');
    expect(screen.getByTestId('open-data-licence').textContent).toBe('本页数据由晋江市科技和知识产权局发布');
    expect(screen.queryByTestId('login-username')).toBeNull();
    // The first call takes the server's latest year; the charts then read each other year once.
    await waitFor(() =>
      expect(server.callsTo('GET', '/api/public/indicators').map(yearOf)).toEqual([null, '2017']),
    );
    expect(screen.getByTestId('open-data-chart-patents.grants')).toBeTruthy();
    expect(screen.getByTestId('open-data-chart-patents.invention_per_10k')).toBeTruthy();
  });

  it('switches to another year from the selector, keeping it in the address bar', async () => {
    const server = serveAnonymously();
    const { router } = renderApp('/public/indicators');
    await screen.findByTestId('open-data-value-patents.grants');
    const select = screen.getByTestId('open-data-year');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
    fireEvent.click(await screen.findByTitle('2017 年'));
    await waitFor(() => expect(currentPath(router)).toBe('/public/indicators?year=2017'));
    await waitFor(() =>
      expect(screen.getByTestId('open-data-value-patents.grants').textContent).toBe('5550'),
    );
    expect(screen.getByTestId('open-data-value-patents.invention_per_10k').textContent).toBe('6.86');
    expect(screen.getByTestId('open-data-heading').textContent).toBe('2017 年 · 科技指标公开数据');
    expect(server.calls.every((c) => c.path === '/api/auth/me' || c.path.startsWith('/api/public/'))).toBe(
      true,
    );
  });

  it('downloads the shown year as CSV and as JSON', async () => {
    const server = serveAnonymously();
    URL.createObjectURL = () => 'blob:open-data';
    URL.revokeObjectURL = () => undefined;
    renderApp('/public/indicators?year=2017');
    await screen.findByTestId('open-data-value-patents.grants');
    fireEvent.click(screen.getByTestId('open-data-download-csv'));
    await waitFor(() => expect(server.callsTo('GET', '/api/public/indicators.csv')).toHaveLength(1));
    expect(yearOf(server.callsTo('GET', '/api/public/indicators.csv')[0]!)).toBe('2017');
    const before = server.callsTo('GET', '/api/public/indicators').length;
    fireEvent.click(screen.getByTestId('open-data-download-json'));
    await waitFor(() => expect(server.callsTo('GET', '/api/public/indicators').length).toBe(before + 1));
    expect(yearOf(server.callsTo('GET', '/api/public/indicators').at(-1)!)).toBe('2017');
  });

  it('speaks English when chosen', async () => {
    serveAnonymously();
    renderApp('/public/indicators', { locale: 'en-US' });
    expect((await screen.findByTestId('open-data-heading')).textContent).toBe(
      '2018 · Open data: science and technology indicators',
    );
    expect(screen.getByTestId('open-data-value-patents.invention_per_10k').textContent).toBe('Not available');
    expect(screen.getByTestId('open-data-row-patents.grants').textContent).toContain('Patents granted');
    expect(screen.getByTestId('open-data-licence').textContent).toBe('Published by the bureau');
  });

  it('says so when the year has no figures, and offers the latest year', async () => {
    serveAnonymously();
    const { router } = renderApp('/public/indicators?year=2030');
    expect((await screen.findByTestId('open-data-error')).textContent).toContain(
      '2030 年没有指标数据（有数据的年度：2017–2018）',
    );
    fireEvent.click(screen.getByTestId('open-data-latest'));
    await waitFor(() => expect(currentPath(router)).toBe('/public/indicators'));
    expect((await screen.findByTestId('open-data-value-patents.grants')).textContent).toBe('6120');
  });

  it('is linked from the sign-in page', async () => {
    serveAnonymously();
    const { router } = renderApp('/login');
    fireEvent.click(await screen.findByTestId('login-open-data'));
    await waitFor(() => expect(currentPath(router)).toBe('/public/indicators'));
    expect(await screen.findByTestId('open-data-value-patents.grants')).toBeTruthy();
  });
});
