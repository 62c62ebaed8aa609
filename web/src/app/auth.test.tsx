import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me } from '@jinke/core/accounts/accounts.contract.ts';
import { apiError, fakeServer, json, meFor } from '../test/fake-server.ts';
import { currentPath, renderApp } from '../test/render-app.tsx';
import { safeNext } from './auth.tsx';

const anonymous = () => apiError(401, 'UNAUTHENTICATED', '请先登录');

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('sign-in and the auth guard', () => {
  it('sends an anonymous visitor to sign-in, keeping the address they asked for', async () => {
    fakeServer({ 'GET /api/auth/me': anonymous });
    const { router } = renderApp('/admin/audit?action=auth.');
    expect(await screen.findByTestId('login-title')).toBeTruthy();
    expect(currentPath(router)).toBe(`/login?next=${encodeURIComponent('/admin/audit?action=auth.')}`);
  });

  it('signs in and goes on to the address that was asked for, then writes with the new CSRF token', async () => {
    let me: Me | null = null;
    const server = fakeServer({
      'GET /api/auth/me': () => (me ? json(200, me) : anonymous()),
      'POST /api/auth/login': () => {
        me = meFor('admin', { csrfToken: 'fresh-token' });
        return json(200, me);
      },
      'GET /api/account/sessions': () => json(200, { items: [] }),
      'POST /api/auth/logout': () => json(200, { ok: true }),
    });
    const { router } = renderApp('/account');
    await screen.findByTestId('login-title');
    signIn('Admin1', 'Secret-pass-1');
    await screen.findByTestId('account-profile');
    expect(currentPath(router)).toBe('/account');
    expect(server.callsTo('POST', '/api/auth/login')[0]?.body).toEqual({ username: 'Admin1', password: 'Secret-pass-1' });

    fireEvent.click(screen.getByTestId('logout'));
    await screen.findByTestId('login-title');
    expect(server.callsTo('POST', '/api/auth/logout')[0]?.headers.get('x-csrf-token')).toBe('fresh-token');
  });

  it.each([
    ['LOGIN_FAILED', 401, '用户名或密码错误，请重新输入'],
    ['ACCOUNT_LOCKED', 423, '连续登录失败次数过多，账号已被锁定 15 分钟。请稍后再试，或联系系统管理员解锁。'],
    ['ACCOUNT_DISABLED', 403, '该账号已停用，无法登录。如有疑问请联系系统管理员。'],
    ['RATE_LIMITED', 429, '登录尝试过于频繁，请一分钟后再试。'],
  ])('says clearly why sign-in was refused when the server answers %s', async (code, status, text) => {
    fakeServer({ 'GET /api/auth/me': anonymous, 'POST /api/auth/login': () => apiError(status, code, 'server text') });
    const { router } = renderApp('/login');
    await screen.findByTestId('login-title');
    signIn('alice', 'whatever-1A');
    const alert = await screen.findByTestId('login-error');
    expect(alert.textContent).toBe(text);
    expect(alert.getAttribute('data-code')).toBe(code);
    expect(currentPath(router)).toBe('/login');
  });

  it('validates the sign-in form before asking the server', async () => {
    const server = fakeServer({ 'GET /api/auth/me': anonymous });
    renderApp('/login');
    await screen.findByTestId('login-title');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(server.callsTo('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('sends a user with an initial password to the forced change, whatever page they asked for', async () => {
    fakeServer({ 'GET /api/auth/me': () => json(200, meFor('enterprise', { mustChangePassword: true })) });
    const { router } = renderApp('/account');
    expect(await screen.findByText('请修改初始密码')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/change-password');
    expect(screen.queryByTestId('menu-home')).toBeNull();
  });

  it('continues to the asked page once the forced change succeeds', async () => {
    let mustChange = true;
    fakeServer({
      'GET /api/auth/me': () => json(200, meFor('officer', { mustChangePassword: mustChange })),
      'POST /api/auth/password': () => {
        mustChange = false;
        return json(200, { ok: true });
      },
    });
    const { router } = renderApp('/change-password?next=%2F');
    await screen.findByText('请修改初始密码');
    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'Initial-pass-1' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'Jinjiang#2026' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'Jinjiang#2026' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    await screen.findByTestId('workbench-welcome');
    expect(currentPath(router)).toBe('/');
  });

  it('goes back to sign-in, keeping the address, when the session expires during use', async () => {
    let signedIn = true;
    fakeServer({
      'GET /api/auth/me': () => (signedIn ? json(200, meFor('bank')) : anonymous()),
      'GET /api/account/sessions': () => {
        signedIn = false;
        return anonymous();
      },
    });
    const { router } = renderApp('/account');
    await screen.findByTestId('login-title');
    await waitFor(() => expect(currentPath(router)).toBe(`/login?next=${encodeURIComponent('/account')}`));
  });

  it('goes to the forced change when any call answers PASSWORD_CHANGE_REQUIRED', async () => {
    let mustChange = false;
    fakeServer({
      'GET /api/auth/me': () => json(200, meFor('expert', { mustChangePassword: mustChange })),
      'GET /api/account/sessions': () => {
        mustChange = true;
        return apiError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录须先修改初始密码');
      },
    });
    const { router } = renderApp('/account');
    expect(await screen.findByText('请修改初始密码')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/change-password');
  });
});

describe('safeNext', () => {
  it('accepts same-site paths only', () => {
    expect(safeNext('/admin/users?q=a')).toBe('/admin/users?q=a');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
