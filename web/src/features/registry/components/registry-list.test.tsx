import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Locale } from '@jinke/core/common/errors.ts';
import type { BankItem, TalentItem } from '@jinke/core/registry/parties.contract.ts';
import { fakeServer, json, meFor, type RecordedCall } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { divisions, listItem, XUNXING_ID, XUNXING_USCC } from '../registry.fixtures.ts';

const params = (call: RecordedCall | undefined) =>
  Object.fromEntries(new URLSearchParams(call?.search ?? ''));

const xlsx = () =>
  new Response(new Blob(['xlsx']), {
    status: 200,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });

const talent: TalentItem = {
  id: 't-1',
  kind: 'team',
  name: '石墨烯导热膜创业团队',
  leaderName: '王磊',
  enterpriseId: XUNXING_ID,
  enterpriseName: '福建浔兴拉链科技股份有限公司',
  programme: '晋江市创业团队',
  year: 2024,
  field: '新材料',
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
};

const bank: BankItem = {
  id: 'b-1',
  code: 'BANK-01',
  name: '晋江农商银行',
  kind: 'bank',
  uscc: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
};

function serveEnterprises(total: number, totalCapped?: boolean) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('officer')),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/enterprises': () =>
      json(200, {
        items: [listItem()],
        total,
        ...(totalCapped === undefined ? {} : { totalCapped }),
        page: 1,
        pageSize: 20,
      }),
  });
}

async function enterpriseTotal(locale: Locale = 'zh-CN') {
  renderApp('/registry/enterprises?q=鞋', { locale });
  await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
  return screen.getByTestId('enterprise-total').textContent;
}

describe('list totals', () => {
  it('shows a capped count as a lower bound', async () => {
    serveEnterprises(10_000, true);
    expect(await enterpriseTotal()).toBe('共 10,000+ 条');
  });

  it('words a capped count in English too', async () => {
    serveEnterprises(10_000, true);
    expect(await enterpriseTotal('en-US')).toBe('10,000+ records');
  });

  it('keeps an exact count as a plain number, whether or not the server says it is exact', async () => {
    serveEnterprises(12_345, false);
    expect(await enterpriseTotal()).toBe('共 12345 条');
  });

  it('reads a list without the cap flag as exact', async () => {
    serveEnterprises(12_345);
    expect(await enterpriseTotal()).toMatch(/^共 \d+ 条$/);
  });
});

describe('exports of talents and banks', () => {
  function serveParties() {
    return fakeServer({
      'GET /api/auth/me': () => json(200, meFor('officer')),
      'GET /api/carriers': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /api/talents': () => json(200, { items: [talent], total: 1, page: 1, pageSize: 20 }),
      'GET /api/banks': () => json(200, { items: [bank], total: 1, page: 1, pageSize: 20 }),
      'GET /api/export/carriers.xlsx': xlsx,
      'GET /api/export/talents.xlsx': xlsx,
      'GET /api/export/banks.xlsx': xlsx,
    });
  }

  it('exports the talents the search selects, without paging', async () => {
    const server = serveParties();
    renderApp('/registry/parties?tab=talents');
    await screen.findByTestId('talent-row-t-1');
    fireEvent.change(screen.getByTestId('talents-search'), { target: { value: '石墨烯' } });
    await waitFor(() => expect(params(server.callsTo('GET', '/api/talents').at(-1)).q).toBe('石墨烯'));
    expect(screen.getByTestId('talents-total').textContent).toBe('共 1 条');
    fireEvent.click(screen.getByTestId('talents-export'));
    await waitFor(() => expect(server.callsTo('GET', '/api/export/talents.xlsx')).toHaveLength(1));
    expect(params(server.callsTo('GET', '/api/export/talents.xlsx')[0])).toEqual({ q: '石墨烯' });
  });

  it('exports banks and carriers from their own tabs', async () => {
    const server = serveParties();
    renderApp('/registry/parties');
    fireEvent.click(await screen.findByTestId('carriers-export'));
    await waitFor(() => expect(server.callsTo('GET', '/api/export/carriers.xlsx')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('parties-tab-banks'));
    await screen.findByTestId('bank-row-BANK-01');
    fireEvent.click(screen.getByTestId('banks-export'));
    await waitFor(() => expect(server.callsTo('GET', '/api/export/banks.xlsx')).toHaveLength(1));
    expect(params(server.callsTo('GET', '/api/export/banks.xlsx')[0])).toEqual({});
  });
});
