import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { summariseLedgerYear, type LedgerYearGroup } from '@jinke/core/cultivation/ledger-summary.rules.ts';
import type { LedgerSummary } from '@jinke/core/cultivation/ledger-summary.contract.ts';
import type { LedgerImportInvalidDetails } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import type { EntryItem, ProjectItem } from '@jinke/core/cultivation/ledger.contract.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';

const ENTERPRISE = { id: '5b0c8a9e-1d2f-4e3a-9b8c-7d6e5f4a3b21', uscc: '91350582MA2XXXXX0X', name: '晋江交发科技有限公司' };
const PROJECT_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ERROR = { selector: '.ant-form-item-explain-error' };

const project: ProjectItem = {
  id: PROJECT_ID,
  enterpriseId: ENTERPRISE.id,
  code: 'RD-A',
  name: '智能交通信号控制系统研发',
  kind: 'own',
  startsOn: '2023-03-15',
  endsOn: '2023-12-31',
  capitalised: false,
  payeeType: null,
  relatedParty: false,
  contractRegistered: null,
  contractor: null,
  note: null,
  entryCount: 1,
  totalFen: 9_000_000,
  firstMonth: '2023-03',
  lastMonth: '2023-03',
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
};

const entry: EntryItem = {
  id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  projectId: PROJECT_ID,
  projectCode: 'RD-A',
  month: '2023-03',
  category: 'staff',
  amountFen: 9_000_000,
  nonTaxable: false,
  voucherNo: '记-2023-03-018',
  note: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
};

/** The summary as the server computes it, from the hand-computed ledger of the server tests (2023). */
function summary(): LedgerSummary {
  const g = (projectCode: string, category: LedgerYearGroup['category'], amountFen: number, kind: LedgerYearGroup['kind'] = 'own'): LedgerYearGroup => ({
    year: 2023,
    q4: false,
    entryCount: 1,
    projectCode,
    kind,
    capitalised: false,
    payeeType: kind === 'own' ? null : 'organisation',
    relatedParty: false,
    contractRegistered: null,
    category,
    nonTaxable: false,
    amountFen: BigInt(amountFen),
  });
  const groups = [
    g('RD-A', 'staff', 9_000_000),
    g('RD-A', 'direct_inputs', 900_000),
    g('RD-A', 'other', 1_100_001),
    g('RD-A', 'building_depreciation', 500_000),
    g('ENT', 'entrusted', 1_000_000, 'entrusted_domestic'),
    g('ENT', 'subsidy_netted', 200_000, 'entrusted_domestic'),
  ];
  const registry = { industryCode: '6531', registeredOn: '2015-11-16', tsmeYears: new Set<number>() };
  const years = [2021, 2022, 2023].map(
    (year) => summariseLedgerYear({ year, groups: groups.filter((x) => x.year === year), registry, registryRdFen: null }).summary,
  );
  return { enterprise: { ...ENTERPRISE, industryCode: '6531', industryName: '信息系统集成服务' }, years, assumptions: [] };
}

function serve(extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('enterprise')),
    'GET /api/cultivation/ledger/summary': () => json(200, summary()),
    'GET /api/cultivation/ledger/projects': () => json(200, { enterprise: ENTERPRISE, items: [project] }),
    'GET /api/cultivation/ledger/entries': () => json(200, { items: [entry], total: 1, sumFen: 9_000_000, page: 1, pageSize: 20 }),
    ...extra,
  });
}

async function chooseOption(testId: string, title: string) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  fireEvent.click(await screen.findByTitle(title));
}

describe('the R&D ledger page', () => {
  it('shows both calibres of a year side by side with the difference, the warnings and the 加计扣除 with its document', async () => {
    serve();
    renderApp('/cultivation/ledger');
    const year = await screen.findByTestId('ledger-year-2023');
    expect(within(year).getByTestId('ledger-hnte-total-2023').textContent).toContain('¥123,000.01');
    expect(within(year).getByTestId('ledger-super-base-2023').textContent).toContain('¥116,000.00');
    expect(within(year).getByTestId('ledger-difference-2023').textContent).toContain('¥7,000.01');
    expect(within(year).getByTestId('ledger-deduction-2023').textContent).toContain('¥116,000.00');
    expect(within(year).getByTestId('ledger-rate-2023').textContent).toBe('扣除比例 100%：财政部 税务总局公告2023年第7号 一');
    expect(within(year).getByTestId('ledger-warning-2023-super-other-cap').textContent).toContain('不得加计扣除 ¥0.01');
    expect(within(year).getByTestId('ledger-line-2023-other-costs').textContent).toContain('¥0.01');
    expect(within(year).getByTestId('ledger-line-2023-only-hnte:building_depreciation').textContent).toContain('¥5,000.00');
    expect(within(year).getByTestId('ledger-hnte-2023-total').textContent).toBe('¥123,000.01');
    expect(within(year).getByTestId('ledger-super-2023-total').textContent).toBe('¥116,000.00');
    // An empty year still shows, with no warnings.
    expect(within(await screen.findByTestId('ledger-year-2021')).getByTestId('ledger-warnings-2021').textContent).toContain(
      '均可由政策规定解释',
    );
  });

  it('creates a project, checking its dates before sending', async () => {
    const server = serve({ 'POST /api/cultivation/ledger/projects': () => json(201, { ...project, id: 'new', code: 'RD-B' }) });
    renderApp('/cultivation/ledger');
    fireEvent.click(await screen.findByTestId('ledger-tab-projects'));
    fireEvent.click(await screen.findByTestId('ledger-project-add'));
    const type = (field: string, value: string) => fireEvent.change(screen.getByTestId(`ledger-project-${field}`), { target: { value } });
    type('code', 'RD-B');
    type('name', '新材料研发');
    type('startsOn', '2024-01-01');
    type('endsOn', '2023-12-31');
    fireEvent.click(screen.getByTestId('ledger-project-form-ok'));
    expect(await screen.findByText('早于开始日期 startsOn（2024-01-01）', ERROR)).toBeTruthy();
    expect(server.callsTo('POST', '/api/cultivation/ledger/projects')).toHaveLength(0);
    type('endsOn', '');
    fireEvent.click(screen.getByTestId('ledger-project-form-ok'));
    await waitFor(() => expect(server.callsTo('POST', '/api/cultivation/ledger/projects')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/cultivation/ledger/projects')[0]?.body).toEqual({
      code: 'RD-B',
      name: '新材料研发',
      kind: 'own',
      startsOn: '2024-01-01',
      endsOn: null,
      capitalised: false,
      payeeType: null,
      relatedParty: false,
      contractRegistered: null,
      contractor: null,
      note: null,
    });
  });

  it('records an entry in 元 as exact 分, refusing a month outside the project before sending', async () => {
    const server = serve({ 'POST /api/cultivation/ledger/entries': () => json(201, entry) });
    renderApp('/cultivation/ledger');
    fireEvent.click(await screen.findByTestId('ledger-tab-entries'));
    await screen.findByTestId(`ledger-entry-row-${entry.id}`);
    expect(screen.getByTestId('ledger-entries-sum').textContent).toBe('共 1 笔，合计 ¥90,000.00');
    await waitFor(() => expect(screen.getByTestId('ledger-entry-add').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('ledger-entry-add'));
    await screen.findByTestId('ledger-entry-form');
    fireEvent.change(screen.getByTestId('ledger-entry-month'), { target: { value: '2023-02' } });
    await chooseOption('ledger-entry-category', '材料、燃料、动力，试制，样品样机，仪器设备运行维护与租赁');
    fireEvent.change(screen.getByTestId('ledger-entry-amount'), { target: { value: '1,234.56' } });
    fireEvent.click(screen.getByTestId('ledger-entry-form-ok'));
    expect(await screen.findByText('不在项目 RD-A 的起止期间（2023-03 – 2023-12）内', ERROR)).toBeTruthy();
    expect(server.callsTo('POST', '/api/cultivation/ledger/entries')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('ledger-entry-month'), { target: { value: '2023-04' } });
    fireEvent.click(screen.getByTestId('ledger-entry-form-ok'));
    await waitFor(() => expect(server.callsTo('POST', '/api/cultivation/ledger/entries')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/cultivation/ledger/entries')[0]?.body).toEqual({
      projectId: PROJECT_ID,
      month: '2023-04',
      category: 'direct_inputs',
      amountFen: 123_456,
      nonTaxable: false,
      voucherNo: null,
      note: null,
    });
  });

  it('refuses a negative amount in the entry form', async () => {
    const server = serve();
    renderApp('/cultivation/ledger');
    fireEvent.click(await screen.findByTestId('ledger-tab-entries'));
    await screen.findByTestId(`ledger-entry-row-${entry.id}`);
    await waitFor(() => expect(screen.getByTestId('ledger-entry-add').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('ledger-entry-add'));
    await screen.findByTestId('ledger-entry-form');
    fireEvent.change(screen.getByTestId('ledger-entry-amount'), { target: { value: '-5' } });
    fireEvent.click(screen.getByTestId('ledger-entry-form-ok'));
    expect(await screen.findByText('应为金额（元），最多两位小数，不能为负数', ERROR)).toBeTruthy();
    expect(server.callsTo('POST', '/api/cultivation/ledger/entries')).toHaveLength(0);
  });

  it('lists every bad row of a rejected import by sheet, row, column and reason', async () => {
    const details: LedgerImportInvalidDetails = {
      projectRows: 2,
      entryRows: 5,
      badRowCount: 2,
      truncated: false,
      badRows: [
        {
          sheet: 'projects',
          row: 4,
          values: { code: 'RD-A' },
          problems: [{ column: '项目编号*', key: 'code', value: 'RD-A', rule: 'duplicate_in_file', zh: '与第 3 行的项目编号重复', en: 'repeats the project code of row 3' }],
        },
        {
          sheet: 'entries',
          row: 7,
          values: { amount: '-5' },
          problems: [{ column: '金额（元）*', key: 'amount', value: '-5', rule: 'money_negative', zh: '金额不能为负数', en: 'must not be negative' }],
        },
      ],
    };
    const server = serve({
      'POST /api/cultivation/ledger/import': () => apiError(400, 'LEDGER_IMPORT_ROWS_INVALID', '共 7 行，其中 2 行有错，未导入任何数据', details),
    });
    renderApp('/cultivation/ledger');
    fireEvent.click(await screen.findByTestId('ledger-import'));
    const input = await screen.findByTestId('ledger-import-file');
    const file = new File([new Uint8Array([80, 75, 3, 4])], '辅助账.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(input, { target: { files: [file] } });
    expect((await screen.findByTestId('ledger-import-rejected')).textContent).toContain('共 7 行，其中 2 行有错');
    expect(screen.getByTestId('ledger-import-problem-projects-4').textContent).toContain('与第 3 行的项目编号重复');
    expect(screen.getByTestId('ledger-import-problem-entries-7').textContent).toContain('研发费用明细7金额（元）*-5金额不能为负数');
    const sent = server.callsTo('POST', '/api/cultivation/ledger/import')[0];
    expect(sent?.search).toBe(`?fileName=${encodeURIComponent('辅助账.xlsx')}`);
    expect(sent?.headers.get('x-csrf-token')).toBe('csrf-enterprise');
  });
});
