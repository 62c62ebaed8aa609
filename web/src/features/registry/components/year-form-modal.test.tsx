import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Locale } from '@jinke/core/common/errors.ts';
import { AppProviders, createQueryClient } from '../../../app/providers.tsx';
import { setCsrfToken } from '../../../lib/http.ts';
import { apiError, fakeServer, json } from '../../../test/fake-server.ts';
import type { YearDetail } from '../api.ts';
import { XUNXING_ID, yearDetail } from '../registry.fixtures.ts';
import { YearFormModal } from './year-form-modal.tsx';

const PUT = (year: number) => `/api/enterprises/${XUNXING_ID}/years/${year}`;
const ERROR = { selector: '.ant-form-item-explain-error' };

function renderForm(
  year: YearDetail | null,
  { locale = 'zh-CN', mode = 'apply' }: { locale?: Locale; mode?: 'apply' | 'self' } = {},
) {
  const onClose = vi.fn();
  render(
    <AppProviders queryClient={createQueryClient()} initialLocale={locale}>
      <YearFormModal
        enterpriseId={XUNXING_ID}
        year={year}
        takenYears={[2024]}
        mode={mode}
        onClose={onClose}
      />
    </AppProviders>,
  );
  return { onClose };
}

function type(field: string, value: string) {
  fireEvent.change(screen.getByTestId(`year-${field}`), { target: { value } });
}

const submit = () => fireEvent.click(screen.getByTestId('year-form-ok'));

describe('yearly figures form', () => {
  it('refuses more tech staff than staff, under both fields, without asking the server', async () => {
    const server = fakeServer({ [`PUT ${PUT(2024)}`]: () => json(200, yearDetail()) });
    renderForm(yearDetail({ staff: null, techStaff: null }));
    type('staff', '10');
    type('techStaff', '12');
    submit();
    expect(await screen.findByText('不能大于职工总数 staff（10）', ERROR)).toBeTruthy();
    expect(await screen.findByText('不能小于科技人员数 techStaff（12）', ERROR)).toBeTruthy();
    expect(server.calls).toHaveLength(0);
  });

  it('refuses negative money except net assets, and amounts finer than 1 分', async () => {
    const server = fakeServer({});
    renderForm(yearDetail());
    type('revenueFen', '-5');
    type('rdFen', '1.2345678');
    type('netAssetsFen', '-20');
    type('totalAssetsFen', '100');
    submit();
    expect(await screen.findByText('金额不能为负数', ERROR)).toBeTruthy();
    expect(await screen.findByText('请输入金额（万元），最多 6 位小数', ERROR)).toBeTruthy();
    expect(screen.getAllByText(/./, ERROR)).toHaveLength(2);
    expect(server.calls).toHaveLength(0);
  });

  it('refuses net assets above total assets and a headcount that is not whole', async () => {
    fakeServer({});
    renderForm(yearDetail());
    type('netAssetsFen', '300');
    type('totalAssetsFen', '200');
    type('staff', '12.5');
    submit();
    expect(
      await screen.findByText('不能大于资产总额 totalAssetsFen（净资产 = 资产总额 − 负债总额）', ERROR),
    ).toBeTruthy();
    expect(await screen.findByText('不能小于净资产 netAssetsFen', ERROR)).toBeTruthy();
    expect(await screen.findByText('请输入整数', ERROR)).toBeTruthy();
  });

  it('words the rules in English when the interface is English', async () => {
    fakeServer({});
    renderForm(yearDetail({ staff: 5, techStaff: null }), { locale: 'en-US' });
    type('techStaff', '9');
    type('revenueFen', '-1');
    submit();
    expect(await screen.findByText('cannot exceed total staff, staff (5)', ERROR)).toBeTruthy();
    expect(await screen.findByText('must not be negative', ERROR)).toBeTruthy();
  });

  it('sends only the changed figures, amounts converted exactly from 万元 to 分', async () => {
    const server = fakeServer({ [`PUT ${PUT(2024)}`]: () => json(200, yearDetail()) });
    setCsrfToken('csrf-1');
    const { onClose } = renderForm(yearDetail());
    type('revenueFen', '1,234.56');
    type('netAssetsFen', '-0.01');
    type('totalAssetsFen', '0.000001');
    submit();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [call] = server.callsTo('PUT', PUT(2024));
    expect(call?.body).toEqual({ revenueFen: 1_234_560_000, netAssetsFen: -10_000, totalAssetsFen: 1 });
    expect(call?.headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it('records a new year chosen from the years without figures', async () => {
    const server = fakeServer({ [`PUT ${PUT(2023)}`]: () => json(200, yearDetail({ year: 2023 })) });
    const { onClose } = renderForm(null);
    submit();
    expect(await screen.findByText('必填', ERROR)).toBeTruthy();
    fireEvent.mouseDown(
      screen.getByTestId('year-year').querySelector('.ant-select-selector') ??
        screen.getByTestId('year-year'),
    );
    expect(screen.queryByTitle('2024')).toBeNull();
    fireEvent.click(await screen.findByTitle('2023'));
    type('staff', '120');
    type('techStaff', '25');
    submit();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(server.callsTo('PUT', PUT(2023))[0]?.body).toEqual({ staff: 120, techStaff: 25 });
  });

  it('marks the figures an enterprise reports for verification', () => {
    fakeServer({});
    renderForm(yearDetail(), { mode: 'self' });
    expect(screen.getAllByText('待核实')).toHaveLength(5);
  });

  it('shows the server’s refusal under the field it names', async () => {
    fakeServer({
      [`PUT ${PUT(2024)}`]: () =>
        apiError(400, 'VALIDATION_FAILED', '输入有误', {
          fields: [{ field: 'staff', message: 'staff 不能少于本年度已登记的科技人员', rule: 'x' }],
        }),
    });
    renderForm(yearDetail());
    type('staff', '4000');
    submit();
    expect(await screen.findByText('不能少于本年度已登记的科技人员', ERROR)).toBeTruthy();
  });
});
