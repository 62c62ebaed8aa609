import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { fakeServer, json, meFor, type RecordedCall } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { divisions, listItem, XUNXING_USCC } from '../registry.fixtures.ts';

function serve(role: Role = 'officer') {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/enterprises': (call) => {
      const page = Number(new URLSearchParams(call.search).get('page') ?? 1);
      return json(200, { items: [listItem()], total: 41, page, pageSize: 20 });
    },
    'GET /api/export/enterprises.xlsx': () =>
      new Response(new Blob(['xlsx']), {
        status: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition':
            'attachment; filename="enterprises.xlsx"; filename*=UTF-8\'\'%E4%BC%81%E4%B8%9A.xlsx',
        },
      }),
  });
}

const params = (call: RecordedCall | undefined) =>
  Object.fromEntries(new URLSearchParams(call?.search ?? ''));

describe('enterprise list', () => {
  it('asks the list endpoint with the filters the address carries', async () => {
    const server = serve();
    renderApp(
      '/registry/enterprises?town=350582105&industry=C&qualification=hnte&aboveScale=true&year=2024&hitechField=40306&sort=revenue&order=desc&page=2',
    );
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    expect(params(server.callsTo('GET', '/api/enterprises').at(-1))).toEqual({
      town: '350582105',
      industry: 'C',
      qualification: 'hnte',
      aboveScale: 'true',
      year: '2024',
      hitechField: '40306',
      sort: 'revenue',
      order: 'desc',
      page: '2',
      pageSize: '20',
    });
    expect(screen.getByTestId('enterprise-total').textContent).toBe('共 41 条');
  });

  it('searches once typing pauses, from the first page, keeping the other filters', async () => {
    const server = serve();
    const { router } = renderApp('/registry/enterprises?town=350582105&page=3');
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    fireEvent.change(screen.getByTestId('enterprise-search'), { target: { value: '浔' } });
    fireEvent.change(screen.getByTestId('enterprise-search'), { target: { value: '浔兴 ' } });
    await waitFor(() => expect(params(server.callsTo('GET', '/api/enterprises').at(-1)).q).toBe('浔兴'));
    const searches = server.callsTo('GET', '/api/enterprises').filter((c) => params(c).q !== undefined);
    expect(searches.map(params)).toEqual([{ q: '浔兴', town: '350582105', page: '1', pageSize: '20' }]);
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('浔兴')}&town=350582105`);
  });

  it('exports exactly the filtered list, without paging', async () => {
    const server = serve();
    renderApp('/registry/enterprises?q=拉链&aboveScale=false&page=2');
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    fireEvent.click(screen.getByTestId('enterprise-export'));
    await waitFor(() => expect(server.callsTo('GET', '/api/export/enterprises.xlsx')).toHaveLength(1));
    expect(params(server.callsTo('GET', '/api/export/enterprises.xlsx')[0])).toEqual({
      q: '拉链',
      aboveScale: 'false',
    });
  });

  it('links each enterprise to its detail page', async () => {
    serve();
    renderApp('/registry/enterprises');
    const link = await screen.findByTestId(`enterprise-link-${XUNXING_USCC}`);
    expect(link.getAttribute('href')).toBe(`/registry/enterprises/${listItem().id}`);
    expect(link.textContent).toBe('福建浔兴拉链科技股份有限公司');
  });

  it('offers import to officers but not to leaders', async () => {
    serve('officer');
    const first = renderApp('/registry/enterprises');
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    expect(screen.queryByTestId('enterprise-import')).not.toBeNull();
    first.unmount();
    serve('leader');
    renderApp('/registry/enterprises');
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    expect(screen.queryByTestId('enterprise-import')).toBeNull();
  });

  it('shows a town user no town filter, since the server lists only their town', async () => {
    serve('town');
    renderApp('/registry/enterprises');
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    expect(screen.queryByTestId('enterprise-filter-town')).toBeNull();
    expect(screen.getByText(/仅显示本镇（街道）企业/)).toBeTruthy();
  });

  it('refuses the page to an enterprise user, whose menu has 我的企业 instead', async () => {
    serve('enterprise');
    renderApp('/registry/enterprises');
    expect(await screen.findByTestId('page-403')).toBeTruthy();
  });
});
