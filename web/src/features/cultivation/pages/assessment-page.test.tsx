import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AssessmentSummary, PrefillResponse } from '@jinke/core/cultivation/assessments.contract.ts';
import { fakeServer, json, meFor, type RecordedCall } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';

const WAN = 1_000_000;
const ENTERPRISE_ID = '5a0c7c9e-2f55-4a3b-9d1e-8f6b2c4d7e10';

const hntePrefill: PrefillResponse = {
  kind: 'hnte',
  assessmentDate: '2026-11-20',
  ruleVersion: '国科发火〔2016〕32号+195号 r1',
  enterprise: {
    id: ENTERPRISE_ID,
    uscc: '91350582MA2XXXXX0X',
    name: '晋江交发科技有限公司',
    townCode: '350582101',
    townName: '安海镇',
    registeredOn: '2015-01-01',
    hitechField: '10801',
  },
  input: {
    assessmentDate: '2026-11-20',
    registrationDate: '2015-01-01',
    techInKeyFields: true,
    staff: { techStaff: 15, totalStaff: 120 },
    years: [
      { year: 2023, salesFen: 4_000 * WAN, rdFen: 220 * WAN, netAssetsFen: 1_000 * WAN },
      { year: 2024 },
      { year: 2025, salesFen: 5_290 * WAN, rdFen: 260 * WAN, netAssetsFen: 1_822_500_000 },
    ],
    score: { ip: { count: { countI: 1, countII: 2 } }, rdManagement: {}, growth: {} },
  },
  missing: [
    'hasCoreIpOwnership',
    'majorIncidentWithinYear',
    'years[year=2023].domesticRdFen',
    'years[year=2024].salesFen',
    'years[year=2024].rdFen',
    'years[year=2024].domesticRdFen',
    'years[year=2024].netAssetsFen',
    'years[year=2025].domesticRdFen',
    'years[year=2025].hiTechRevenueFen',
    'years[year=2025].totalRevenueFen',
    'score.ip.advanced.points',
  ],
  notes: [{ path: 'years[year=2024]', zh: '2024 年度数据缺失', en: 'No figures for 2024' }],
  sources: [
    {
      path: 'registrationDate',
      zh: '主体库成立日期 2015-01-01',
      en: 'Registry registration date 2015-01-01',
    },
  ],
};

const tsmePrefill: PrefillResponse = {
  ...hntePrefill,
  kind: 'tsme',
  input: {
    assessmentDate: '2026-11-20',
    residentEnterprise: true,
    employees: 100,
    techStaff: 12,
    salesRevenueFen: 2_000 * WAN,
    totalAssetsFen: 3_000 * WAN,
    ipI: 0,
    ipII: 1,
    direct: {
      hnteCertificate: { issuedOn: '2024-12-10', validUntil: '2027-12-09' },
      nationalAwards: [],
      ledStandards: [],
    },
  },
  missing: ['rdExpenseFen', 'totalCostFen', 'prohibitedIndustry', 'incidentOrBlacklisted'],
  notes: [],
  sources: [],
};

const saved: AssessmentSummary = {
  id: '9d1e8f6b-2c4d-4e10-a0c7-c9e2f554a3b0',
  kind: 'hnte',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '晋江交发科技有限公司',
  uscc: '91350582MA2XXXXX0X',
  assessmentDate: '2026-11-20',
  ruleId: 'cultivation.hnte-assessment',
  ruleVersion: '国科发火〔2016〕32号+195号 r1',
  verdict: 'fail',
  failures: ['tech-staff'],
  undecided: [],
  scoreTotal: 78,
  createdAt: '2026-11-20T02:00:00.000Z',
  createdByName: '测试enterprise',
};

function serve(list: AssessmentSummary[] = []) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('enterprise')),
    'GET /api/cultivation/assessments/prefill': (call: RecordedCall) =>
      json(200, new URLSearchParams(call.search).get('kind') === 'tsme' ? tsmePrefill : hntePrefill),
    'GET /api/cultivation/assessments': () =>
      json(200, { items: list, total: list.length, page: 1, pageSize: 50 }),
    'POST /api/cultivation/assessments': () => json(201, { ...saved, input: {}, result: {} }),
    [`GET /api/cultivation/assessments/${saved.id}/report.docx`]: () =>
      new Response(new Blob(['PK']), {
        status: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'content-disposition': 'attachment; filename="r.docx"; filename*=UTF-8\'\'%E4%BD%93%E6%A3%80.docx',
        },
      }),
  });
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

/** Clicks the radio whose label holds the element with `testId`. */
function choose(testId: string) {
  const el = screen.getByTestId(testId);
  fireEvent.click(el.closest('label')?.querySelector('input') ?? el);
}

/** Fills what the prefill lacks so that every condition can be decided. */
function fillMissing() {
  choose('hnte-hasCoreIpOwnership-yes');
  choose('hnte-majorIncidentWithinYear-no');
  type('hnte-year-2023-domesticRdFen', '220');
  type('hnte-year-2024-salesFen', '4600');
  type('hnte-year-2024-rdFen', '240');
  type('hnte-year-2024-domesticRdFen', '240');
  type('hnte-year-2024-netAssetsFen', '1350');
  type('hnte-year-2025-domesticRdFen', '250');
  type('hnte-year-2025-hiTechRevenueFen', '4000');
  type('hnte-year-2025-totalRevenueFen', '5300');
}

describe('the 高企 self-assessment', () => {
  it('shows the prefilled figures and highlights what the registry lacks', async () => {
    serve();
    renderApp('/cultivation/assessment');
    expect((await screen.findByTestId('assessment-enterprise')).textContent).toBe('晋江交发科技有限公司');
    expect(screen.getByTestId<HTMLInputElement>('hnte-year-2023-salesFen').value).toBe('4000');
    expect(screen.getByTestId<HTMLInputElement>('hnte-year-2025-netAssetsFen').value).toBe('1822.5');
    expect(screen.getByTestId<HTMLInputElement>('hnte-techStaff').value).toBe('15');
    expect(screen.getByTestId('hnte-year-2024-salesFen-cell').dataset.missing).toBe('true');
    expect(screen.getByTestId('hnte-year-2023-salesFen-cell').dataset.missing).toBe('false');
    expect(screen.getByTestId('hnte-hasCoreIpOwnership-missing')).toBeTruthy();
    expect(screen.getByTestId('assessment-missing').textContent).toContain('2024 年度数据缺失');
    // The rule itself says which year is missing.
    expect(screen.getByTestId('criterion-rd-ratio-actual').textContent).toContain('缺少 2024 年度数据');
    expect(screen.getByTestId('assessment-verdict').dataset.state).toBe('undecided');
  });

  it('updates the verdict live as the missing figures are filled and a gap appears', async () => {
    serve();
    renderApp('/cultivation/assessment');
    await screen.findByTestId('assessment-enterprise');
    fillMissing();
    expect(screen.getByTestId('hnte-year-2024-salesFen-cell').dataset.missing).toBe('false');
    expect(screen.getByTestId('criterion-rd-ratio-status').dataset.pass).toBe('true');
    type('hnte-techStaff', '5');
    await waitFor(() => expect(screen.getByTestId('criterion-tech-staff-status').dataset.pass).toBe('false'));
    expect(screen.getByTestId('criterion-tech-staff-gap').textContent).toBe(
      '差距：科技人员还需 7 人（职工总数不变时）；如新招聘科技人员，需 8 人',
    );
    expect(screen.getByTestId('assessment-verdict').dataset.state).toBe('fail');
  });

  it('shows the band ranges of an expert-judged item and the points range of the chosen band', async () => {
    serve();
    renderApp('/cultivation/assessment');
    await screen.findByTestId('assessment-enterprise');
    expect(screen.getByTestId('hnte-advanced-band-B').textContent).toContain('5–6');
    choose('hnte-advanced-band-B');
    expect((await screen.findByTestId('hnte-advanced-range')).textContent).toBe('B 档 5–6 分');
    type('hnte-advanced-points', '6');
    await waitFor(() => expect(screen.getByTestId('score-ip.advanced').textContent).toBe('6'));
  });

  it('names the conflicting figures and refuses to save when tech staff exceed staff', async () => {
    const server = serve();
    renderApp('/cultivation/assessment');
    await screen.findByTestId('assessment-enterprise');
    type('hnte-techStaff', '130');
    expect((await screen.findByTestId('assessment-errors')).textContent).toContain('staff.techStaff');
    expect(screen.getByTestId<HTMLButtonElement>('assessment-save').disabled).toBe(true);
    expect(server.callsTo('POST', '/api/cultivation/assessments')).toHaveLength(0);
  });

  it('saves the input in exact 分 and lists the saved assessment with its report to download', async () => {
    const server = serve([saved]);
    const createObjectURL = vi.fn(() => 'blob:report');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    renderApp('/cultivation/assessment');
    await screen.findByTestId('assessment-enterprise');
    fillMissing();
    type('hnte-year-2025-domesticRdFen', '250.000001');
    fireEvent.click(screen.getByTestId('assessment-save'));
    await waitFor(() => expect(server.callsTo('POST', '/api/cultivation/assessments')).toHaveLength(1));
    const body = server.callsTo('POST', '/api/cultivation/assessments')[0]?.body as {
      kind: string;
      input: { years: Record<string, number>[]; hasCoreIpOwnership: boolean };
    };
    expect(body.kind).toBe('hnte');
    expect(body.input.hasCoreIpOwnership).toBe(true);
    expect(body.input.years[2]).toMatchObject({
      year: 2025,
      domesticRdFen: 250_000_001,
      salesFen: 5_290 * WAN,
    });
    const row = await screen.findByTestId(`assessment-row-${saved.id}`);
    expect(within(row).getByTestId(`assessment-verdict-${saved.id}`).textContent).toBe('不符合');
    fireEvent.click(within(row).getByTestId(`assessment-download-${saved.id}`));
    await waitFor(() =>
      expect(server.callsTo('GET', `/api/cultivation/assessments/${saved.id}/report.docx`)).toHaveLength(1),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('prefills again for another assessment date', async () => {
    const server = serve();
    renderApp('/cultivation/assessment');
    await screen.findByTestId('assessment-enterprise');
    type('assessment-date', '2019-03-31');
    await waitFor(() =>
      expect(
        server.calls.some(
          (c) =>
            c.path === '/api/cultivation/assessments/prefill' &&
            c.search.includes('assessmentDate=2019-03-31'),
        ),
      ).toBe(true),
    );
  });
});

describe('the 科小 self-assessment', () => {
  it('prefills the previous year, shows the direct-confirmation facts and scores live', async () => {
    serve();
    renderApp('/cultivation/assessment');
    await screen.findByTestId('assessment-enterprise');
    fireEvent.click(screen.getByTestId('assessment-tab-tsme'));
    expect((await screen.findByTestId<HTMLInputElement>('tsme-employees')).value).toBe('100');
    expect(screen.getByTestId('tsme-direct').textContent).toContain('2024-12-10');
    expect(screen.getByTestId('tsme-rdExpenseFen-missing')).toBeTruthy();
    // A valid HNTE certificate confirms directly once the basic conditions are known.
    choose('tsme-prohibitedIndustry-no');
    choose('tsme-incidentOrBlacklisted-no');
    await waitFor(() => expect(screen.getByTestId('assessment-verdict').dataset.state).toBe('pass'));
  });
});
