/** The user's own signed-in sessions, each revocable. */
import { App as AntApp, Button, Card, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSignOut } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { describeUserAgent, formatDateTime } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import { accountKeys, listSessions, revokeSession, type SessionItem } from '../api.ts';
import { accountText } from '../messages.ts';

export function SessionsCard() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const { message } = AntApp.useApp();
  const sessions = useQuery({ queryKey: accountKeys.sessions, queryFn: listSessions });

  const revoke = useMutation({
    mutationFn: (session: SessionItem) => revokeSession(session.id),
    onSuccess: async (_result, session) => {
      void message.success(t(accountText.revoked));
      if (session.current) await signOut();
      else await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <Card title={t(accountText.sessions)}>
      <Typography.Paragraph type="secondary">{t(accountText.sessionsHint)}</Typography.Paragraph>
      <Table<SessionItem>
        rowKey="id"
        size="middle"
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(session) => testId(`session-row-${session.id}`)}
        columns={[
          {
            key: 'device',
            title: t(accountText.sessionDevice),
            render: (_value, session) => (
              <>
                <Tooltip title={session.userAgent}>
                  <span>{describeUserAgent(session.userAgent) ?? t(accountText.unknownDevice)}</span>
                </Tooltip>
                {session.current ? (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t(accountText.sessionCurrent)}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { key: 'ip', title: t(accountText.sessionIp), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          {
            key: 'createdAt',
            title: t(accountText.sessionCreated),
            dataIndex: 'createdAt',
            render: (value: string) => formatDateTime(value, locale),
          },
          {
            key: 'lastSeenAt',
            title: t(accountText.sessionLastSeen),
            dataIndex: 'lastSeenAt',
            render: (value: string) => formatDateTime(value, locale),
          },
          {
            key: 'expiresAt',
            title: t(accountText.sessionExpires),
            dataIndex: 'expiresAt',
            render: (value: string) => formatDateTime(value, locale),
          },
          {
            key: 'actions',
            title: '',
            render: (_value, session) => (
              <Popconfirm
                title={t(session.current ? accountText.revokeCurrentConfirm : accountText.revokeConfirm)}
                okButtonProps={testId('confirm-ok')}
                destroyOnHidden
                onConfirm={() => revoke.mutate(session)}
              >
                <Button size="small" danger data-testid={`session-revoke-${session.id}`}>
                  {t(accountText.revoke)}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
