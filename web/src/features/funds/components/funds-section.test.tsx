import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { draft } from '../../programmes/programmes.fixtures.ts';
import { funded, supervision } from '../funds.fixtures.ts';

function serve(role: Role, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/programmes/applications/a-1': () => json(200, { ...draft, phase: 'funded', editable: false }),
    'GET /api/programmes/applications/a-1/timeline': () => json(200, { items: [] }),
    'GET /api/funds/applications/a-1': () => json(200, funded),
    'GET /api/funds/supervision': () => json(200, supervision),
    'GET /api/funds/standards': () => json(200, { items: [] }),
    ...extra,
  });
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('funds section', () => {
  it('shows the officer the computation, the adjusted amount with its reason and the instalments', async () => {
    serve('officer');
    renderApp('/programmes/applications/a-1');
    const section = await screen.findByTestId('funds-section');
    expect(
      within(section)
        .getAllByTestId('funds-line')
        .map((l) => l.textContent),
    ).toEqual([
      '申请资金 ¥0.00–¥200,000.00 部分 × 100% = ¥200,000.00',
      '申请资金 ¥200,000.00–¥500,000.00 部分 × 50% = ¥150,000.00',
    ]);
    expect(within(section).getByTestId('funds-approved').textContent).toBe('¥380,000.00（38万元）');
    expect(within(section).getByTestId('funds-adjustment-reason').textContent).toContain(
      '专家建议增加设备经费',
    );
    expect(within(section).getByTestId('funds-totals').textContent).toBe(
      '已拨付 ¥200,000.00，已追回 ¥0.00，实际拨付 ¥200,000.00，待拨付 ¥180,000.00',
    );
    expect(within(section).getByTestId('funds-instalment-1').textContent).toContain('JJKJ-2026-0001');
  });

  it('sends an instalment in 分 and shows the refusal above the form', async () => {
    const server = serve('officer', {
      'POST /api/funds/applications/a-1/disbursements': () =>
        apiError(
          409,
          'FUNDS_OVER_AWARD',
          '累计拨付将超过核定金额：核定 38万元（¥380,000.00），已拨付 20万元（¥200,000.00），本次最多 18万元（¥180,000.00）',
        ),
    });
    renderApp('/programmes/applications/a-1');
    fireEvent.click(await screen.findByTestId('funds-disburse'));
    type('funds-amount', '20万元');
    type('funds-voucher', 'JJKJ-2026-0002');
    fireEvent.click(screen.getByTestId('funds-form-ok'));
    expect((await screen.findByTestId('funds-form-error')).textContent).toContain('本次最多 18万元');
    expect(server.callsTo('POST', '/api/funds/applications/a-1/disbursements')[0]!.body).toMatchObject({
      budgetLine: '市级科技三项经费',
      amountFen: '20000000',
      voucherNo: 'JJKJ-2026-0002',
    });
  });

  it('asks a reason before adjusting and sends nothing without one', async () => {
    const server = serve('officer');
    renderApp('/programmes/applications/a-1');
    fireEvent.click(await screen.findByTestId('funds-adjust'));
    type('funds-amount', '360000');
    fireEvent.click(screen.getByTestId('funds-form-ok'));
    expect(await screen.findByText('请填写理由（至少 2 个字）')).toBeTruthy();
    expect(server.callsTo('PUT', '/api/funds/applications/a-1/award')).toHaveLength(0);
  });

  it('shows the leader the section without actions', async () => {
    serve('leader');
    renderApp('/programmes/applications/a-1');
    await screen.findByTestId('funds-section');
    expect(screen.queryByTestId('funds-adjust')).toBeNull();
    expect(screen.queryByTestId('funds-disburse')).toBeNull();
  });
});

describe('supervision page', () => {
  it('lists the flags with their reasons and the budget use per call', async () => {
    serve('leader');
    renderApp('/funds/supervision');
    const flag = await screen.findByTestId('supervision-flag');
    expect(flag.textContent).toContain('重复资助');
    expect(flag.textContent).toContain('在同一资助项目中获资助 2 次');
    await waitFor(() => expect(screen.getByTestId('budget-row-c-1').textContent).toContain('772万元'));
  });
});
