import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Locale } from '@jinke/core/common/errors.ts';
import { AppProviders, createQueryClient } from '../../../app/providers.tsx';
import { setCsrfToken } from '../../../lib/http.ts';
import { apiError, fakeServer, json } from '../../../test/fake-server.ts';
import { PasswordChangeForm } from './password-change-form.tsx';

function renderForm(locale: Locale = 'zh-CN') {
  const onChanged = vi.fn();
  render(
    <AppProviders queryClient={createQueryClient()} initialLocale={locale}>
      <PasswordChangeForm username="zhangsan" onChanged={onChanged} />
    </AppProviders>,
  );
  return { onChanged };
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

const ERROR = { selector: '.ant-form-item-explain-error' };

function ruleState(rule: string) {
  return screen.getByTestId(`password-rule-${rule}`).getAttribute('data-state');
}

const STRONG = 'Jinjiang#2026';

describe('password change form', () => {
  it('shows each policy rule as pending until something is typed', () => {
    fakeServer({});
    renderForm();
    expect(['too_short', 'too_few_classes', 'contains_username'].map(ruleState)).toEqual(['pending', 'pending', 'pending']);
  });

  it('marks the broken rules live while the new password is typed, with the shared policy', async () => {
    fakeServer({});
    renderForm();
    type('password-new', 'abc');
    await waitFor(() => expect(ruleState('too_short')).toBe('failed'));
    expect(ruleState('too_few_classes')).toBe('failed');
    expect(ruleState('contains_username')).toBe('passed');

    type('password-new', 'ZhangSan-2026x');
    await waitFor(() => expect(ruleState('contains_username')).toBe('failed'));
    expect(ruleState('too_short')).toBe('passed');
    expect(ruleState('too_few_classes')).toBe('passed');

    type('password-new', STRONG);
    await waitFor(() => expect(ruleState('contains_username')).toBe('passed'));
  });

  it('refuses a password the policy rejects, without asking the server', async () => {
    const server = fakeServer({ 'POST /api/auth/password': () => json(200, { ok: true }) });
    renderForm();
    type('password-current', 'Old-password-1');
    type('password-new', 'abcdefghijkl');
    type('password-confirm', 'abcdefghijkl');
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByText('密码须包含大写字母、小写字母、数字、符号中的至少三类', ERROR)).toBeTruthy();
    expect(server.calls).toHaveLength(0);
  });

  it('refuses when the confirmation differs, and when the new password equals the current one', async () => {
    const server = fakeServer({ 'POST /api/auth/password': () => json(200, { ok: true }) });
    renderForm();
    type('password-current', STRONG);
    type('password-new', STRONG);
    type('password-confirm', `${STRONG}x`);
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByText('两次输入的新密码不一致', ERROR)).toBeTruthy();
    expect(await screen.findByText('新密码不能与当前密码相同', ERROR)).toBeTruthy();
    expect(server.calls).toHaveLength(0);
  });

  it('requires every field, in English when the UI is English', async () => {
    fakeServer({});
    renderForm('en-US');
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByText('Enter your current password', ERROR)).toBeTruthy();
    expect(await screen.findByText('Enter a new password', ERROR)).toBeTruthy();
    expect(await screen.findByText('Enter the new password again', ERROR)).toBeTruthy();
  });

  it('sends both passwords with the CSRF token and reports success when the input is valid', async () => {
    const server = fakeServer({ 'POST /api/auth/password': () => json(200, { ok: true }) });
    setCsrfToken('csrf-1');
    const { onChanged } = renderForm();
    type('password-current', 'Old-password-1');
    type('password-new', STRONG);
    type('password-confirm', STRONG);
    fireEvent.click(screen.getByTestId('password-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    const [call] = server.callsTo('POST', '/api/auth/password');
    expect(call?.body).toEqual({ currentPassword: 'Old-password-1', newPassword: STRONG });
    expect(call?.headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it('shows a wrong current password under the current-password field', async () => {
    fakeServer({ 'POST /api/auth/password': () => apiError(400, 'PASSWORD_WRONG', '当前密码不正确') });
    const { onChanged } = renderForm();
    type('password-current', 'Not-my-password-1');
    type('password-new', STRONG);
    type('password-confirm', STRONG);
    fireEvent.click(screen.getByTestId('password-submit'));
    const message = await screen.findByText('当前密码不正确', ERROR);
    expect(message.closest('.ant-form-item')?.querySelector('[data-testid="password-current"]')).toBeTruthy();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows the server’s policy problems under the new-password field in the UI language', async () => {
    fakeServer({
      'POST /api/auth/password': () =>
        apiError(400, 'PASSWORD_POLICY', 'The password does not meet the policy', {
          fields: [{ field: 'newPassword', message: 'newPassword 密码不能包含用户名 / must not contain the username', rule: 'contains_username' }],
        }),
    });
    renderForm('en-US');
    type('password-current', 'Old-password-1');
    type('password-new', STRONG);
    type('password-confirm', STRONG);
    fireEvent.click(screen.getByTestId('password-submit'));
    const message = await screen.findByText('must not contain the username', ERROR);
    expect(message.closest('.ant-form-item')?.querySelector('[data-testid="password-new"]')).toBeTruthy();
  });
});
