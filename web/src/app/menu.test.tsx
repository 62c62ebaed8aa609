import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { roles, type Role } from '@jinke/core/accounts/roles.ts';
import { fakeServer, json, meFor } from '../test/fake-server.ts';
import { renderApp } from '../test/render-app.tsx';
import { entryForPath, menuFor, rolesFor } from './menu.ts';

const expected: Record<Role, string[]> = {
  admin: ['home', 'enterprises', 'patents', 'experts', 'institutes', 'parties', 'pipeline', 'indicators', 'townAssessment', 'training', 'draws', 'programmes', 'funds', 'linkage', 'users', 'audit', 'account'],
  officer: ['home', 'enterprises', 'patents', 'experts', 'institutes', 'parties', 'pipeline', 'indicators', 'townAssessment', 'training', 'draws', 'programmes', 'funds', 'linkage', 'account'],
  leader: ['home', 'enterprises', 'patents', 'institutes', 'parties', 'pipeline', 'indicators', 'townAssessment', 'draws', 'programmes', 'funds', 'linkage', 'account'],
  town: ['home', 'enterprises', 'pipeline', 'indicators', 'townAssessment', 'linkage', 'account'],
  enterprise: ['home', 'myEnterprise', 'hnteAssessment', 'rdLedger', 'training', 'programmes', 'linkage', 'account'],
  expert: ['home', 'myExpert', 'reviews', 'account'],
  bank: ['home', 'myBank', 'account'],
  provider: ['home', 'myCarrier', 'account'],
};

function signedInAs(role: Role) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/health': () => json(200, { status: 'ok', database: 'pglite', version: '0.1.0' }),
  });
}

describe('role menu', () => {
  it.each(roles)('lists exactly the entries of %s, in order', (role) => {
    expect(menuFor(role).map((entry) => entry.key)).toEqual(expected[role]);
  });

  it('lets only administrators open user management and the audit log', () => {
    expect(rolesFor('users')).toEqual(['admin']);
    expect(rolesFor('audit')).toEqual(['admin']);
    expect(rolesFor('home')).toEqual([...roles]);
  });

  it('selects the entry whose path is the longest prefix of the address', () => {
    const entries = menuFor('admin');
    expect(entryForPath(entries, '/')?.key).toBe('home');
    expect(entryForPath(entries, '/admin/users')?.key).toBe('users');
    expect(entryForPath(entries, '/admin/audit/123')?.key).toBe('audit');
    expect(entryForPath(entries, '/admin/usersx')).toBeUndefined();
  });

  it.each(['admin', 'enterprise', 'town'] as const)('shows %s exactly their menu items in the layout', async (role) => {
    signedInAs(role);
    renderApp('/');
    await screen.findByTestId('workbench-welcome');
    const items = screen.getAllByTestId(/^menu-/).map((el) => el.getAttribute('data-testid'));
    expect(items).toEqual(expected[role].map((key) => `menu-${key}`));
    expect(screen.getByTestId('header-user').textContent).toBe(meFor(role).displayName);
  });

  it('shows the role label and the town name in the header of a town officer', async () => {
    signedInAs('town');
    renderApp('/');
    expect((await screen.findByTestId('header-role')).textContent).toBe('镇（街道）科技专干');
    expect(screen.getByTestId('header-scope').textContent).toBe('安海镇');
  });

  it('shows the 403 page when a non-administrator opens user management by address', async () => {
    signedInAs('officer');
    renderApp('/admin/users');
    expect(await screen.findByTestId('page-403')).toBeTruthy();
  });

  it('shows the 404 page for an unknown address', async () => {
    signedInAs('leader');
    renderApp('/no/such/page');
    expect(await screen.findByTestId('page-404')).toBeTruthy();
  });

  it('switches the menu to English and remembers the choice', async () => {
    signedInAs('admin');
    renderApp('/');
    await screen.findByTestId('workbench-welcome');
    expect(screen.getByTestId('menu-users').textContent).toBe('用户管理');
    screen.getByTestId('lang-en').click();
    await waitFor(() => expect(screen.getByTestId('menu-users').textContent).toBe('Users'));
    expect(window.localStorage.getItem('jinke.locale')).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });
});
