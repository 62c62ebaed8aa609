/**
 * The side menu, as data: each entry once, and per role the list of entries it sees, in order. A domain that
 * ships a page adds its entry here and its key to the roles that may use it — one line per role.
 * Route guards read the same table (`rolesFor`), so the menu and the access rule cannot drift apart.
 */
import type { ComponentType } from 'react';
import { AuditOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { roles, type Role } from '@jinke/core/accounts/roles.ts';
import type { Text } from './i18n.tsx';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  label: Text;
  /** One line for the workbench: what the page lets the user do. */
  description: Text;
}

export const menuEntries = {
  home: {
    key: 'home',
    path: '/',
    icon: HomeOutlined,
    label: { zh: '工作台', en: 'Workbench' },
    description: { zh: '您的角色、所属范围和可用功能', en: 'Your role, scope and what you can use' },
  },
  users: {
    key: 'users',
    path: '/admin/users',
    icon: TeamOutlined,
    label: { zh: '用户管理', en: 'Users' },
    description: {
      zh: '创建和维护账号，分配角色与范围，重置密码、解锁、停用',
      en: 'Create and maintain accounts, assign roles and scopes, reset passwords, unlock, disable',
    },
  },
  audit: {
    key: 'audit',
    path: '/admin/audit',
    icon: AuditOutlined,
    label: { zh: '审计日志', en: 'Audit log' },
    description: {
      zh: '查询每一次操作留痕，导出并校验审计链的完整性',
      en: 'Search every recorded action, export it and verify the integrity of the chain',
    },
  },
  account: {
    key: 'account',
    path: '/account',
    icon: UserOutlined,
    label: { zh: '我的账号', en: 'My account' },
    description: {
      zh: '查看个人信息，修改密码，管理登录设备',
      en: 'See your profile, change your password, manage signed-in devices',
    },
  },
} satisfies Record<string, MenuEntry>;

export type MenuKey = keyof typeof menuEntries;

export const menuByRole: Record<Role, readonly MenuKey[]> = {
  admin: ['home', 'users', 'audit', 'account'],
  officer: ['home', 'account'],
  leader: ['home', 'account'],
  town: ['home', 'account'],
  enterprise: ['home', 'account'],
  expert: ['home', 'account'],
  bank: ['home', 'account'],
  provider: ['home', 'account'],
};

export function menuFor(role: Role): MenuEntry[] {
  return menuByRole[role].map((key) => menuEntries[key]);
}

/** The roles whose menu has `key`: what a route guard allows. */
export function rolesFor(key: MenuKey): Role[] {
  return roles.filter((role) => menuByRole[role].includes(key));
}

/** The entry a location belongs to: the longest menu path that prefixes it. */
export function entryForPath(entries: readonly MenuEntry[], pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches = entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
