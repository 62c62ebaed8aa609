/** User administration (admin): search, role filter, paging; create, edit and the account actions. */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { roleLabels, roles, sectionLabels, type Role } from '@jinke/core/accounts/roles.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { accountKeys, getUser, listUsers, type UserItem, type UserListQuery } from '../api.ts';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { UserActions } from '../components/user-actions.tsx';
import { UserFormModal } from '../components/user-form-modal.tsx';
import { scopeTypeLabels } from '../labels.ts';
import { userText } from '../users.messages.ts';

const PAGE_SIZES = [10, 20, 50, 100];

function isRole(value: string | null): value is Role {
  return value !== null && (roles as readonly string[]).includes(value);
}

function readQuery(params: URLSearchParams): UserListQuery {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const role = params.get('role');
  return {
    q: params.get('q') ?? undefined,
    role: isRole(role) ? role : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserItem } | { kind: 'reset'; user: UserItem } | null;

export function UsersPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  const users = useQuery({ queryKey: accountKeys.userList(query), queryFn: () => listUsers(query), placeholderData: keepPreviousData });

  const reveal = useMutation({
    mutationFn: (user: UserItem) => getUser(user.id, true),
    onSuccess: (user) => setRevealed((current) => ({ ...current, [user.id]: user.phone ?? '—' })),
    onError: (error) => void message.error(error.message),
  });

  const update = (changes: Partial<Record<'q' | 'role' | 'page' | 'pageSize', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const scopeOf = (user: UserItem) => {
    if (!user.scopeType) {
      if (user.role !== 'officer' || user.sections.length === 0) return t(userText.bureauWide);
      return (
        <Space size={[0, 4]} wrap>
          {user.sections.map((s) => (
            <Tag key={s}>{t(sectionLabels[s])}</Tag>
          ))}
        </Space>
      );
    }
    return (
      <Tooltip title={user.scopeId}>
        <Typography.Text type="secondary">{t(scopeTypeLabels[user.scopeType])}</Typography.Text>{' '}
        {user.scopeName ?? user.scopeId ?? '—'}
      </Tooltip>
    );
  };

  const statusOf = (user: UserItem) => {
    const tags = [];
    if (user.disabled) tags.push(<Tag key="disabled" color="red">{t(userText.statusDisabled)}</Tag>);
    if (user.locked) {
      const tip = user.lockedUntil ? t(userText.lockedUntil, { time: formatDateTime(user.lockedUntil, locale) }) : undefined;
      tags.push(
        <Tooltip key="locked" title={tip}>
          <Tag color="orange">{t(userText.statusLocked)}</Tag>
        </Tooltip>,
      );
    }
    if (user.mustChangePassword) tags.push(<Tag key="must" color="gold">{t(userText.statusMustChange)}</Tag>);
    if (tags.length === 0) tags.push(<Tag key="ok" color="green">{t(userText.statusActive)}</Tag>);
    return <Space size={[0, 4]} wrap>{tags}</Space>;
  };

  return (
    <Page
      title={t(menuEntries.users.label)}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="users-create">
          {t(userText.create)}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={query.q}
            placeholder={t(userText.searchPlaceholder)}
            style={{ width: 280 }}
            onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
            data-testid="users-search"
          />
          <Select<Role | ''>
            value={query.role ?? ''}
            style={{ width: 200 }}
            onChange={(value) => update({ role: value || undefined, page: undefined })}
            data-testid="users-role-filter"
            options={[{ value: '', label: t(userText.allRoles) }, ...roles.map((r) => ({ value: r, label: t(roleLabels[r]) }))]}
          />
        </Flex>
        <Table<UserItem>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          scroll={{ x: 1480 }}
          onRow={(user) => testId(`user-row-${user.username}`)}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: users.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t(userText.total, { total }),
            onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
          }}
          columns={[
            { key: 'username', title: t(userText.username), dataIndex: 'username', width: 130, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { key: 'displayName', title: t(userText.displayName), dataIndex: 'displayName', width: 150 },
            { key: 'role', title: t(userText.role), dataIndex: 'role', width: 150, render: (r: Role) => t(roleLabels[r]) },
            { key: 'scope', title: t(userText.scope), width: 220, render: (_v, user) => scopeOf(user) },
            {
              key: 'phone',
              title: t(userText.phone),
              width: 190,
              render: (_v, user) => {
                if (revealed[user.id]) return <span data-testid={`user-phone-${user.username}`}>{revealed[user.id]}</span>;
                if (!user.phone) return '—';
                return (
                  <Space size={4}>
                    <span data-testid={`user-phone-${user.username}`}>{user.phone}</span>
                    <Tooltip title={t(userText.revealPhoneHint)}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EyeOutlined />}
                        loading={reveal.isPending && reveal.variables.id === user.id}
                        onClick={() => reveal.mutate(user)}
                        data-testid={`user-reveal-phone-${user.username}`}
                      >
                        {t(userText.revealPhone)}
                      </Button>
                    </Tooltip>
                  </Space>
                );
              },
            },
            { key: 'status', title: t(userText.status), width: 160, render: (_v, user) => statusOf(user) },
            {
              key: 'lastLoginAt',
              title: t(userText.lastLogin),
              dataIndex: 'lastLoginAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v, locale),
            },
            {
              key: 'actions',
              title: t(userText.actions),
              fixed: 'right',
              width: 300,
              render: (_v, user) => (
                <UserActions
                  user={user}
                  onEdit={() => setDialog({ kind: 'edit', user })}
                  onResetPassword={() => setDialog({ kind: 'reset', user })}
                />
              ),
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'create' ? <UserFormModal key="create" user={null} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <UserFormModal key={dialog.user.id} user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}
