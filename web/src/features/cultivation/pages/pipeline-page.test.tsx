import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { PipelineItem, PipelineResponse } from '@jinke/core/cultivation/pipeline.contract.ts';
import { fakeServer, json, meFor, type RecordedCall } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';
import { divisions } from '../../registry/registry.fixtures.ts';

const USCC = '91350582MA0000001X';

function item(over: Partial<PipelineItem> = {}): PipelineItem {
  return {
    rank: 1,
    enterpriseId: 'e-1',
    name: '晋江市宏通数据科技有限公司',
    uscc: USCC,
    townCode: '350582101',
    townName: '安海镇',
    industryCode: '6531',
    industryName: '信息系统集成服务',
    readiness: 'one_gap',
    gaps: [
      {
        id: 'rd-ratio',
        label: { zh: '研发费用占比', en: 'R&D ratio' },
        gap: { zh: '研发费用还差 ¥30,000.00', en: 'R&D expense short by ¥30,000.00' },
      },
    ],
    unknowns: [{ id: 'core-ip', label: { zh: '核心知识产权', en: 'core IP' } }],
    latestSalesFen: 2_000_000_000,
    rdRatioPct: '4.95',
    rdRequiredPct: 5,
    techStaffPct: '20',
    registrationDays: 3000,
    validInventions: 0,
    validOtherPatents: 2,
    hnteValidTo: null,
    ...over,
  };
}

function response(over: Partial<PipelineResponse> = {}): PipelineResponse {
  return {
    campaign: {
      year: 2018,
      asOf: '2018-12-31',
      target: { year: 2018, targetAbove: 100, source: '晋科〔2018〕11号' },
      years: [2018, 2026],
    },
    snapshot: { computedAt: '2026-11-26T02:00:00.000Z', stale: false, enterprises: 8000 },
    summary: {
      validHnte: 98,
      scope: 'county',
      eligible: 447,
      oneGap: 37,
      twoGaps: 5791,
      far: 0,
      incomplete: 1,
      expiring: 24,
    },
    gaps: [
      {
        key: 'rd-ratio',
        criteria: ['rd-ratio'],
        count: 37,
        text: { zh: '37 家企业仅差研发费用占比', en: '37 enterprises miss only the R&D ratio' },
      },
      {
        key: 'tech-staff,rd-ratio',
        criteria: ['tech-staff', 'rd-ratio'],
        count: 12,
        text: {
          zh: '12 家企业差科技人员占比、研发费用占比两项',
          en: '12 enterprises miss the tech-staff share and R&D ratio',
        },
      },
    ],
    items: [item()],
    total: 37,
    page: 1,
    pageSize: 20,
    ...over,
  };
}

function serve(role: Role = 'officer', body: () => PipelineResponse = () => response()) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/cultivation/pipeline': () => json(200, body()),
    'GET /api/cultivation/pipeline/expiring': () =>
      json(200, {
        year: 2018,
        asOf: '2018-12-31',
        until: '2019-12-31',
        items: [
          {
            enterpriseId: 'e-2',
            name: '福建浔兴拉链科技股份有限公司',
            uscc: '91350500154381347B',
            townName: '深沪镇',
            certificateNo: 'GR201635000123',
            issuedOn: '2016-10-20',
            validTo: '2019-10-19',
            daysLeft: 292,
            readiness: 'eligible',
            gaps: [],
          },
        ],
      }),
    'GET /api/cultivation/pipeline/export.xlsx': () =>
      new Response(new Blob(['xlsx']), {
        status: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': 'attachment; filename="hnte-pipeline.xlsx"',
        },
      }),
  });
}

const params = (call: RecordedCall | undefined) =>
  Object.fromEntries(new URLSearchParams(call?.search ?? ''));

describe('pipeline page', () => {
  it('shows the valid HNTE count against the target and the readiness counts', async () => {
    serve();
    renderApp('/cultivation/pipeline');
    expect((await screen.findByTestId('pipeline-valid-hnte')).textContent).toBe('98');
    expect(screen.getByTestId('pipeline-target').textContent).toBe('年度目标：突破 100 家 · 还差 3 家');
    expect(screen.getByTestId('pipeline-count-eligible').textContent).toBe('447');
    expect(screen.getByTestId('pipeline-count-one-gap').textContent).toBe('37');
    expect(screen.getByTestId('pipeline-count-expiring').textContent).toBe('24');
  });

  it('filters the table by a shared gap when it is clicked, and clears it again', async () => {
    const server = serve();
    const { router } = renderApp('/cultivation/pipeline?town=350582101');
    fireEvent.click(await screen.findByTestId('pipeline-gap-rd-ratio'));
    await waitFor(() =>
      expect(params(server.callsTo('GET', '/api/cultivation/pipeline').at(-1))).toEqual({
        town: '350582101',
        gaps: 'rd-ratio',
        page: '1',
        pageSize: '20',
      }),
    );
    expect(currentPath(router)).toBe('/cultivation/pipeline?town=350582101&gaps=rd-ratio');
    fireEvent.click(await screen.findByTestId('pipeline-gap-clear'));
    await waitFor(() => expect(currentPath(router)).toBe('/cultivation/pipeline?town=350582101'));
  });

  it('shows each enterprise with its readiness, its gap and a link to its registry page', async () => {
    serve();
    renderApp('/cultivation/pipeline');
    const row = await screen.findByTestId(`pipeline-row-${USCC}`);
    expect(within(row).getByTestId(`pipeline-readiness-${USCC}`).textContent).toBe('差一项');
    expect(within(row).getByTestId(`pipeline-gap-tag-${USCC}-rd-ratio`).textContent).toBe('研发费用占比');
    expect(within(row).getByText('4.95%（要求 ≥5%）')).toBeTruthy();
    expect(screen.getByTestId(`pipeline-link-${USCC}`).getAttribute('href')).toBe(
      '/registry/enterprises/e-1',
    );
    expect(screen.getByTestId('pipeline-total').textContent).toBe('共 37 家');
  });

  it('exports exactly the filtered list with the campaign year, without paging', async () => {
    const server = serve();
    renderApp('/cultivation/pipeline?gaps=rd-ratio&industry=C&page=2');
    await screen.findByTestId(`pipeline-row-${USCC}`);
    fireEvent.click(screen.getByTestId('pipeline-export'));
    await waitFor(() =>
      expect(server.callsTo('GET', '/api/cultivation/pipeline/export.xlsx')).toHaveLength(1),
    );
    expect(params(server.callsTo('GET', '/api/cultivation/pipeline/export.xlsx')[0])).toEqual({
      gaps: 'rd-ratio',
      industry: 'C',
      year: '2018',
    });
  });

  it('lists the certificates expiring within a year on their tab', async () => {
    const server = serve();
    const { router } = renderApp('/cultivation/pipeline');
    fireEvent.click(await screen.findByTestId('pipeline-tab-expiring'));
    expect(await screen.findByTestId('pipeline-expiring-row-91350500154381347B')).toBeTruthy();
    expect(screen.getByText('292 天')).toBeTruthy();
    expect(currentPath(router)).toBe('/cultivation/pipeline?tab=expiring');
    expect(server.callsTo('GET', '/api/cultivation/pipeline/expiring')).toHaveLength(1);
  });

  it('says when readiness is being recomputed and asks again until it is fresh', async () => {
    let calls = 0;
    serve('officer', () =>
      response({
        snapshot: { computedAt: '2026-11-26T02:00:00.000Z', stale: calls++ === 0, enterprises: 8000 },
      }),
    );
    renderApp('/cultivation/pipeline');
    expect(await screen.findByTestId('pipeline-stale')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('pipeline-stale')).toBeNull(), { timeout: 8000 });
  });

  it('shows a town officer no town filter and the town count against the county target', async () => {
    serve('town', () => response({ summary: { ...response().summary, scope: 'town', validHnte: 9 } }));
    renderApp('/cultivation/pipeline');
    expect((await screen.findByTestId('pipeline-valid-hnte')).textContent).toBe('9');
    expect(screen.getByTestId('pipeline-target').textContent).toBe('全市目标：突破 100 家');
    expect(screen.queryByTestId('pipeline-filter-town')).toBeNull();
    expect(screen.queryByTestId('pipeline-target-open')).toBeNull();
  });

  it('refuses the page to an enterprise user', async () => {
    serve('enterprise');
    renderApp('/cultivation/pipeline');
    expect(await screen.findByTestId('page-403')).toBeTruthy();
  });
});
