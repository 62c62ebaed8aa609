/** The signed-in frame: header (platform, user, role, scope, language, sign-out), role menu, page. */
import { createElement, Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Flex, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { roleLabels } from '@jinke/core/accounts/roles.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { PageSpin } from '../ui/page-spin.tsx';
import { useCurrentUser, useSignOut } from './auth.tsx';
import { useI18n } from './i18n.tsx';
import { entryForPath, menuFor } from './menu.ts';
import { appText } from './messages.ts';

export function AppLayout() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const location = useLocation();
  const signOut = useSignOut();
  const entries = menuFor(me.role);
  const selected = entryForPath(entries, location.pathname);

  return (
    <Layout className="jk-shell">
      <Layout.Header className="jk-header">
        <Link to="/" className="jk-brand">
          <span className="jk-emblem" aria-hidden>
            科
          </span>
          <span className="jk-brand-name">{t(appText.platformName)}</span>
        </Link>
        <Flex align="center" gap={12} className="jk-header-user">
          <span className="jk-user-name" data-testid="header-user">
            {me.displayName}
          </span>
          <Tag color="gold" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
            {t(roleLabels[me.role])}
          </Tag>
          {me.scopeName || me.scopeId ? (
            <Tooltip title={me.scopeId}>
              <Typography.Text className="jk-user-scope" data-testid="header-scope">
                {me.scopeName ?? me.scopeId}
              </Typography.Text>
            </Tooltip>
          ) : null}
          <LanguageSwitch size="small" />
          <Button
            type="text"
            size="small"
            className="jk-signout"
            icon={<LogoutOutlined />}
            onClick={() => void signOut()}
            data-testid="logout"
          >
            {t(appText.signOut)}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" breakpoint="lg" collapsible className="jk-sider">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            data-testid="menu"
            items={entries.map((entry) => ({
              key: entry.key,
              icon: createElement(entry.icon),
              label: (
                <Link to={entry.path} data-testid={`menu-${entry.key}`}>
                  {t(entry.label)}
                </Link>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout.Content className="jk-content">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
