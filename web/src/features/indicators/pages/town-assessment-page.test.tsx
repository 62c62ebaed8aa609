import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { OverviewResponse } from '@jinke/core/indicators/api.contract.ts';
import type {
  TownAssessmentResponse,
  TownAssessmentRow,
} from '@jinke/core/indicators/town-assessment.contract.ts';
import { apiError, fakeServer, json, meFor, type RecordedCall } from '../../../test/fake-server.ts';
import { currentPath, renderApp } from '../../../test/render-app.tsx';

const ANHAI = '350582101';
const CIZAO = '350582102';
const ev = (value: string, display = value) => ({ value, display });

const anhai: TownAssessmentRow = {
  town: ANHAI,
  townName: '安海镇',
  score: ev('54', '54.00'),
  rank: 1,
  complete: true,
  missing: [],
  parts: [
    {
      indicator: 'hnte.valid',
      actual: ev('1'),
      target: ev('1'),
      achievement: ev('100', '100.0'),
      weight: 30,
      points: ev('30', '30.00'),
    },
    {
      indicator: 'patents.applications',
      actual: ev('3'),
      target: ev('2'),
      achievement: ev('120', '120.0'),
      weight: 20,
      points: ev('24', '24.00'),
    },
  ],
};
const cizao: TownAssessmentRow = {
  town: CIZAO,
  townName: '磁灶镇',
  score: ev('5', '5.00'),
  rank: 2,
  complete: false,
  missing: ['hnte.valid'],
  parts: [
    {
      indicator: 'hnte.valid',
      actual: ev('0'),
      target: null,
      achievement: null,
      weight: 30,
      points: ev('0', '0.00'),
    },
    {
      indicator: 'patents.applications',
      actual: ev('1'),
      target: ev('4'),
      achievement: ev('25', '25.0'),
      weight: 20,
      points: ev('5', '5.00'),
    },
  ],
};

function assessment(over: Partial<TownAssessmentResponse> = {}): TownAssessmentResponse {
  return {
    year: 2018,
    years: [2017, 2018],
    scope: 'county',
    scopeTown: null,
    townCount: 22,
    weightSum: ev('50', '50.00'),
    weights: [
      {
        indicator: 'hnte.valid',
        name: { zh: '有效高新技术企业', en: 'Valid HNTE' },
        unit: { zh: '家', en: 'firms' },
        weight: 30,
        capPercent: 120,
      },
      {
        indicator: 'patents.applications',
        name: { zh: '专利申请量', en: 'Patent applications' },
        unit: { zh: '件', en: 'items' },
        weight: 20,
        capPercent: 120,
      },
    ],
    setBy: '科技局业务员',
    setAt: '2026-11-26T02:00:00.000Z',
    towns: [anhai, cizao],
    ...over,
  };
}

const overview: OverviewResponse = { year: 2018, years: [2018], scope: 'county', scopeTown: null, items: [] };

function serve(
  role: Role,
  body: () => TownAssessmentResponse = () => assessment(),
  put?: (c: RecordedCall) => Response,
) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/indicators/town-assessment': () => json(200, body()),
    'GET /api/indicators/overview': () => json(200, overview),
    'PUT /api/indicators/town-assessment/weights': put ?? (() => json(200, {})),
    [`GET /api/indicators/town-assessment/${ANHAI}.xlsx`]: () =>
      new Response(new Blob(['xlsx']), {
        status: 200,
        headers: { 'content-disposition': `attachment; filename="town-assessment-2018-${ANHAI}.xlsx"` },
      }),
  });
}

const params = (call: RecordedCall | undefined) =>
  Object.fromEntries(new URLSearchParams(call?.search ?? ''));

describe('town assessment page', () => {
  it('ranks the towns with score, completeness and achievement, charts the scores and has a table view', async () => {
    serve('leader');
    renderApp('/indicators/town-assessment');
    expect((await screen.findByTestId(`town-assessment-score-${ANHAI}`)).textContent).toBe('54.00');
    expect(screen.getByTestId(`town-assessment-rank-${CIZAO}`).textContent).toBe('2');
    expect(screen.getByTestId(`town-assessment-row-${ANHAI}`).textContent).toContain('120.0%');
    expect(screen.getByTestId(`town-assessment-incomplete-${CIZAO}`).textContent).toBe('不完整');
    expect(screen.getByTestId('indicator-chart')).toBeTruthy();
    expect(screen.getByTestId('town-assessment-weights').textContent).toContain('权重合计 50.00 分');
    expect(screen.queryByTestId('town-assessment-weights-open')).toBeNull();
    fireEvent.click(screen.getByText('表格'));
    expect((await screen.findByTestId('town-assessment-score-table')).textContent).toContain('磁灶镇');
  });

  it('shows a town’s sheet when its row is clicked, and downloads it for the year', async () => {
    const server = serve('leader');
    const { router } = renderApp('/indicators/town-assessment?year=2018');
    fireEvent.click(await screen.findByTestId(`town-assessment-row-${ANHAI}`));
    await waitFor(() =>
      expect(currentPath(router)).toBe(`/indicators/town-assessment?year=2018&town=${ANHAI}`),
    );
    expect((await screen.findByTestId('town-assessment-sheet-rank')).textContent).toBe(
      '第 1 名 / 共 22 个镇（街道）',
    );
    expect(screen.getByTestId('town-assessment-sheet-score').textContent).toBe('54.00 / 50.00');
    expect(screen.getByTestId('town-assessment-points-patents.applications').textContent).toBe('24.00');
    expect(params(server.callsTo('GET', '/api/indicators/town-assessment')[0])).toEqual({ year: '2018' });
    fireEvent.click(screen.getAllByTestId(`town-assessment-download-${ANHAI}`)[0]!);
    await waitFor(() =>
      expect(server.callsTo('GET', `/api/indicators/town-assessment/${ANHAI}.xlsx`)).toHaveLength(1),
    );
    expect(params(server.callsTo('GET', `/api/indicators/town-assessment/${ANHAI}.xlsx`)[0])).toEqual({
      year: '2018',
    });
  });

  it('gives a town officer their own sheet only, with no ranking of the others and no weights dialog', async () => {
    serve('town', () => assessment({ scope: 'town', scopeTown: ANHAI, towns: [anhai] }));
    renderApp('/indicators/town-assessment');
    expect(await screen.findByText('仅显示本镇（街道）的得分与排名：安海镇')).toBeTruthy();
    expect((await screen.findByTestId('town-assessment-sheet-rank')).textContent).toBe(
      '第 1 名 / 共 22 个镇（街道）',
    );
    expect(screen.queryByTestId(`town-assessment-row-${ANHAI}`)).toBeNull();
    expect(screen.queryByTestId('indicator-chart')).toBeNull();
    expect(screen.queryByTestId('town-assessment-weights-open')).toBeNull();
  });

  it('lets an officer change a weight, shows the server’s refusal naming the field, then saves', async () => {
    let calls = 0;
    const server = serve('officer', undefined, () =>
      calls++ === 0
        ? apiError(
            400,
            'VALIDATION_FAILED',
            '提交的数据有误：weights.0.weight 应为大于 0、不超过 1000 的数，最多 2 位小数',
          )
        : json(200, {}),
    );
    renderApp('/indicators/town-assessment');
    fireEvent.click(await screen.findByTestId('town-assessment-weights-open'));
    fireEvent.change(await screen.findByTestId('town-weight-value-0'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('town-weights-form-ok'));
    expect((await screen.findByTestId('town-weights-error')).textContent).toContain('weights.0.weight');
    const put = server.callsTo('PUT', '/api/indicators/town-assessment/weights');
    expect(params(put[0])).toEqual({ year: '2018' });
    expect(put[0]?.body).toEqual({
      weights: [
        { indicator: 'hnte.valid', weight: 0, capPercent: 120 },
        { indicator: 'patents.applications', weight: 20, capPercent: 120 },
      ],
    });
    fireEvent.change(screen.getByTestId('town-weight-value-0'), { target: { value: '40' } });
    fireEvent.click(screen.getByTestId('town-weight-remove-1'));
    fireEvent.click(screen.getByTestId('town-weights-form-ok'));
    await waitFor(() => expect(screen.queryByTestId('town-weight-value-0')).toBeNull());
    expect(server.callsTo('PUT', '/api/indicators/town-assessment/weights')[1]?.body).toEqual({
      weights: [{ indicator: 'hnte.valid', weight: 40, capPercent: 120 }],
    });
  });

  it('says when no weights are set, and reads in English', async () => {
    serve('admin', () => assessment({ weights: [], weightSum: ev('0', '0.00'), towns: [] }));
    renderApp('/indicators/town-assessment', { locale: 'en-US' });
    expect((await screen.findByTestId('town-assessment-no-weights')).textContent).toBe(
      'No weights are set for this year, so every town scores 0',
    );
    expect(screen.getByTestId('town-assessment-weights-open').textContent).toBe('Set weights');
  });

  it('refuses the page to an enterprise user', async () => {
    serve('enterprise');
    renderApp('/indicators/town-assessment');
    expect(await screen.findByTestId('page-403')).toBeTruthy();
  });
});
