import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type {
  IndicatorOverviewItem,
  OverviewResponse,
  RecordsResponse,
} from '@jinke/core/indicators/api.contract.ts';
import { apiError, fakeServer, json, meFor, type RecordedCall } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';
import { divisions } from '../../registry/registry.fixtures.ts';

function item(over: Partial<IndicatorOverviewItem> = {}): IndicatorOverviewItem {
  return {
    id: 'hnte.valid',
    name: { zh: '有效高新技术企业', en: 'Valid high and new technology enterprises' },
    unit: { zh: '家', en: 'enterprises' },
    decimals: 0,
    source: 'computed',
    period: 'year-end',
    formula: 'count(hnte.valid)',
    citation: '晋科〔2018〕11号：高新技术企业力争突破100家',
    figure: { value: '101', display: '101' },
    missing: null,
    target: {
      value: { value: '100', display: '100' },
      comparison: 'above',
      upper: null,
      source: '晋科〔2018〕11号',
    },
    progress: { value: '101', display: '101.0' },
    met: true,
    asOf: '2018-12-31',
    dataTime: '2026-11-26T02:00:00.000Z',
    breakdown: true,
    drillable: true,
    reported: null,
    months: null,
    towns: [
      { town: '350582101', townName: '安海镇', figure: { value: '9', display: '9' }, target: null },
      { town: '350582102', townName: '磁灶镇', figure: { value: '5', display: '5' }, target: null },
    ],
    ...over,
  };
}

const perTenK = item({
  id: 'patents.invention_per_10k',
  name: { zh: '每万人口发明专利拥有量', en: 'Invention patents per 10,000 residents' },
  unit: { zh: '件/万人', en: 'per 10,000' },
  source: 'formula',
  figure: null,
  missing: { reason: 'missing', inputs: ['population.resident'] },
  target: { value: { value: '8', display: '8.00' }, comparison: 'above', upper: null, source: null },
  progress: null,
  met: null,
  breakdown: false,
  towns: [],
});

function overview(over: Partial<OverviewResponse> = {}): OverviewResponse {
  return {
    year: 2018,
    years: [2016, 2017, 2018],
    scope: 'county',
    scopeTown: null,
    items: [item(), perTenK],
    ...over,
  };
}

const records: RecordsResponse = {
  indicator: { id: 'hnte.valid', name: item().name, unit: item().unit },
  year: 2018,
  town: null,
  list: item().name,
  items: [
    {
      kind: 'qualification',
      id: 'q-1',
      name: '福建浔兴拉链科技股份有限公司',
      code: 'GR201835000001',
      townCode: '350582105',
      townName: '深沪镇',
      date: '2018-10-20',
      detail: '91350500154381347B',
    },
  ],
  total: 101,
  page: 1,
  pageSize: 20,
};

function serve(
  role: Role = 'leader',
  body: () => OverviewResponse = () => overview(),
  putTarget: (call: RecordedCall) => Response = () => json(200, {}),
) {
  return fakeServer({
    'PUT /api/indicators/targets/2018/hnte.valid': putTarget,
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/indicators/overview': () => json(200, body()),
    'GET /api/indicators/hnte.valid/records': () => json(200, records),
    'GET /api/indicators/report/annual.docx': () =>
      new Response(new Blob(['docx']), {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="annual-report-2018.docx"' },
      }),
    'GET /api/indicators/hnte.valid/records.xlsx': () =>
      new Response(new Blob(['xlsx']), {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="indicator-hnte.valid-2018.xlsx"' },
      }),
  });
}

const params = (call: RecordedCall | undefined) =>
  Object.fromEntries(new URLSearchParams(call?.search ?? ''));

describe('indicators dashboard', () => {
  it('shows each indicator with its value, target and progress, the value linking to its records', async () => {
    serve();
    renderApp('/indicators');
    const value = await screen.findByTestId('indicator-value-hnte.valid');
    expect(value.textContent).toBe('101');
    expect(value.getAttribute('href')).toBe('/indicators/hnte.valid?year=2018');
    expect(screen.getByTestId('indicator-target-hnte.valid').textContent).toBe('突破 100');
    expect(screen.getByTestId('indicator-progress-hnte.valid').textContent).toContain('101.0%');
    expect(screen.getByTestId('indicator-missing-patents.invention_per_10k').textContent).toBe(
      '缺少数据：population.resident',
    );
    expect(screen.getByTestId('indicator-chart')).toBeTruthy();
    // Targets against actuals: a chart of the targeted indicators, and the same as a table.
    expect(screen.getByTestId('indicator-progress-chart')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('indicator-targets-view')).getByText('表格'));
    const rows = within(await screen.findByTestId('indicator-targets-table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '指标数值年度目标完成进度',
      '有效高新技术企业101100101.0',
      '每万人口发明专利拥有量—8.00—',
    ]);
  });

  it('asks for another year when one is chosen, keeping it in the address bar', async () => {
    const server = serve();
    const { router } = renderApp('/indicators?year=2017');
    await screen.findByTestId('indicator-value-hnte.valid');
    expect(params(server.callsTo('GET', '/api/indicators/overview')[0])).toEqual({ year: '2017' });
    fireEvent.click(screen.getByTestId('indicator-row-patents.invention_per_10k'));
    await waitFor(() =>
      expect(currentPath(router)).toBe('/indicators?year=2017&indicator=patents.invention_per_10k'),
    );
    expect(await screen.findByText('该指标不分镇（街道）统计')).toBeTruthy();
  });

  it('reads in English when the locale is en-US', async () => {
    serve();
    renderApp('/indicators', { locale: 'en-US' });
    await screen.findByTestId('indicator-value-hnte.valid');
    expect(screen.getByTestId('indicator-target-hnte.valid').textContent).toBe('more than 100');
    expect(screen.getByText('Missing: population.resident')).toBeTruthy();
  });

  it('tells a town officer that only their town is shown', async () => {
    serve('town', () => overview({ scope: 'town', scopeTown: '350582101' }));
    renderApp('/indicators');
    expect(await screen.findByText('仅显示本镇（街道）数据：安海镇')).toBeTruthy();
  });

  it('lets an officer set a target with a town split and shows the server’s refusal', async () => {
    let calls = 0;
    const server = serve('officer', undefined, () =>
      calls++ === 0
        ? apiError(400, 'VALIDATION_FAILED', '提交的数据有误：towns 各镇街目标合计 9，与全市目标 10 还差 1')
        : json(200, {}),
    );
    renderApp('/indicators');
    fireEvent.click(await screen.findByTestId('indicator-target-open'));
    fireEvent.change(await screen.findByTestId('indicator-target-value'), { target: { value: '10' } });
    fireEvent.change(screen.getByTestId('indicator-split-350582101'), { target: { value: '6' } });
    fireEvent.change(screen.getByTestId('indicator-split-350582102'), { target: { value: '3' } });
    expect(screen.getByTestId('indicator-split-sum').textContent).toBe('已分解合计 9');
    fireEvent.click(screen.getByTestId('indicator-target-form-ok'));
    expect((await screen.findByTestId('indicator-target-error')).textContent).toContain('还差 1');
    const put = server.callsTo('PUT', '/api/indicators/targets/2018/hnte.valid');
    expect(put[0]?.body).toEqual({
      value: '10',
      comparison: 'above',
      upper: null,
      source: '晋科〔2018〕11号',
      towns: [
        { town: '350582101', value: '6' },
        { town: '350582102', value: '3' },
      ],
    });
    fireEvent.change(screen.getByTestId('indicator-split-350582102'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('indicator-target-form-ok'));
    await waitFor(() => expect(screen.queryByTestId('indicator-target-value')).toBeNull());
  });

  it('offers no edits to the leader', async () => {
    serve('leader');
    renderApp('/indicators');
    await screen.findByTestId('indicator-value-hnte.valid');
    expect(screen.queryByTestId('indicator-target-open')).toBeNull();
  });

  it('offers the annual summary to the bureau’s roles, for the year shown, and not to a town officer', async () => {
    for (const role of ['admin', 'officer', 'leader'] as const) {
      const server = serve(role);
      const view = renderApp('/indicators');
      fireEvent.click(await screen.findByTestId('indicators-annual-report'));
      await waitFor(() =>
        expect(server.callsTo('GET', '/api/indicators/report/annual.docx')).toHaveLength(1),
      );
      expect(params(server.callsTo('GET', '/api/indicators/report/annual.docx')[0])).toEqual({
        year: '2018',
      });
      expect(screen.getByTestId('indicators-annual-report').textContent).toContain('生成年度工作总结');
      view.unmount();
    }
    serve('town');
    renderApp('/indicators');
    await screen.findByTestId('indicator-value-hnte.valid');
    expect(screen.queryByTestId('indicators-annual-report')).toBeNull();
  });

  it('refuses the page to an enterprise user', async () => {
    serve('enterprise');
    renderApp('/indicators');
    expect(await screen.findByTestId('page-403')).toBeTruthy();
  });
});

describe('indicator records', () => {
  it('lists the records with the total and exports them for the year and town', async () => {
    const server = serve();
    renderApp('/indicators/hnte.valid?year=2018&town=350582105');
    await waitFor(() => expect(screen.getByTestId('indicator-records-total').textContent).toBe('共 101 条'));
    expect(screen.getByTestId('indicator-record-q-1').textContent).toContain('福建浔兴拉链科技股份有限公司');
    expect(params(server.callsTo('GET', '/api/indicators/hnte.valid/records')[0])).toEqual({
      year: '2018',
      town: '350582105',
      page: '1',
      pageSize: '20',
    });
    fireEvent.click(screen.getByTestId('indicator-records-export'));
    await waitFor(() =>
      expect(server.callsTo('GET', '/api/indicators/hnte.valid/records.xlsx')).toHaveLength(1),
    );
    expect(params(server.callsTo('GET', '/api/indicators/hnte.valid/records.xlsx')[0])).toEqual({
      year: '2018',
      town: '350582105',
    });
  });

  it('hides the town filter from a town officer', async () => {
    serve('town');
    renderApp('/indicators/hnte.valid?year=2018');
    await waitFor(() => expect(screen.getByTestId('indicator-records-total').textContent).toBe('共 101 条'));
    expect(screen.queryByTestId('indicator-records-town')).toBeNull();
  });
});

describe('reported figures and monthly trends', () => {
  const gdp = item({
    id: 'rnd.gdp_ratio',
    name: { zh: '全社会研发投入占GDP比重', en: 'R&D expenditure as a share of GDP' },
    unit: { zh: '%', en: '%' },
    source: 'reported',
    figure: null,
    target: null,
    progress: null,
    met: null,
    breakdown: false,
    drillable: false,
    towns: [],
    reported: {
      department: { zh: '市统计局', en: 'Statistics bureau' },
      attachmentRequired: true,
      note: null,
      attachment: null,
    },
  });
  const applications = item({
    id: 'patents.applications',
    name: { zh: '专利申请量', en: 'Patent applications' },
    unit: { zh: '件', en: 'patents' },
    period: 'year',
    figure: { value: '21', display: '21' },
    target: { value: { value: '30', display: '30' }, comparison: 'at_least', upper: null, source: null },
    months: [1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 15, 0],
  });

  it('uploads the department’s document first, then reports the figure with it', async () => {
    const server = fakeServer({
      'GET /api/auth/me': () => json(200, meFor('officer')),
      'GET /api/divisions': () => json(200, { items: divisions }),
      'GET /api/indicators/overview': () => json(200, overview({ items: [item(), gdp] })),
      'POST /api/indicators/attachments': () =>
        json(201, {
          id: '5f0c2c1e-2d6a-4b8e-9c7a-1a2b3c4d5e6f',
          fileName: '统计公报.pdf',
          contentType: 'application/pdf',
          size: 9,
          sm3: 'a'.repeat(64),
          uploadedAt: '2026-11-26T02:00:00.000Z',
        }),
      'PUT /api/indicators/reported/2018/rnd.gdp_ratio': () => json(200, {}),
    });
    renderApp('/indicators?indicator=rnd.gdp_ratio');
    expect((await screen.findByTestId('indicator-reported-source')).textContent).toContain(
      '填报单位：市统计局 须附证明材料',
    );
    fireEvent.click(screen.getByTestId('indicator-report-open'));
    fireEvent.change(await screen.findByTestId('indicator-report-value'), { target: { value: '2.65' } });
    const pdf = new File(['%PDF-1.7'], '统计公报.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('indicator-report-file'), { target: { files: [pdf] } });
    fireEvent.click(screen.getByTestId('indicator-report-form-ok'));
    await waitFor(() =>
      expect(server.callsTo('PUT', '/api/indicators/reported/2018/rnd.gdp_ratio')).toHaveLength(1),
    );
    const upload = server.callsTo('POST', '/api/indicators/attachments')[0]!;
    expect(params(upload)).toEqual({ fileName: '统计公报.pdf' });
    expect(server.callsTo('PUT', '/api/indicators/reported/2018/rnd.gdp_ratio')[0]?.body).toEqual({
      value: '2.65',
      note: null,
      attachmentId: '5f0c2c1e-2d6a-4b8e-9c7a-1a2b3c4d5e6f',
    });
  });

  it('charts a flow by month with the running total, and shows the same as a table', async () => {
    fakeServer({
      'GET /api/auth/me': () => json(200, meFor('leader')),
      'GET /api/divisions': () => json(200, { items: divisions }),
      'GET /api/indicators/overview': () => json(200, overview({ items: [applications] })),
    });
    renderApp('/indicators?indicator=patents.applications');
    expect(await screen.findByTestId('indicator-trend-chart')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('indicator-trend-view')).getByText('表格'));
    const table = await screen.findByTestId('indicator-trend-table');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toBe('111');
    expect(rows[3]).toBe('336');
    expect(rows[11]).toBe('111521');
    expect(rows[12]).toBe('12021');
  });

  it('narrows the table to the indicators with a target, or reported, and finds one by name', async () => {
    fakeServer({
      'GET /api/auth/me': () => json(200, meFor('leader')),
      'GET /api/divisions': () => json(200, { items: divisions }),
      'GET /api/indicators/overview': () => json(200, overview({ items: [item(), gdp, applications] })),
    });
    const { router } = renderApp('/indicators');
    await screen.findByTestId('indicator-row-rnd.gdp_ratio');
    const show = screen.getByTestId('indicators-show');
    expect(show.textContent).toBe('全部 3有目标 2系统计算 2部门填报 1');
    fireEvent.click(within(show).getByText('有目标 2'));
    await waitFor(() => expect(screen.queryByTestId('indicator-row-rnd.gdp_ratio')).toBeNull());
    expect(currentPath(router)).toBe('/indicators?show=targets');
    fireEvent.click(within(show).getByText('部门填报 1'));
    expect(await screen.findByTestId('indicator-row-rnd.gdp_ratio')).toBeTruthy();
    expect(screen.queryByTestId('indicator-row-hnte.valid')).toBeNull();
    fireEvent.click(within(show).getByText('全部 3'));
    fireEvent.change(
      screen.getByTestId('indicators-search').querySelector('input') ??
        screen.getByTestId('indicators-search'),
      {
        target: { value: '专利' },
      },
    );
    await waitFor(() => expect(screen.queryByTestId('indicator-row-hnte.valid')).toBeNull());
    expect(screen.getByTestId('indicator-row-patents.applications')).toBeTruthy();
  });
});
