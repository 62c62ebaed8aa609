/**
 * The calls: for bureau users every call with its status, frozen definition version and submissions, and (officers)
 * opening and closing; for an enterprise the open calls with "apply" or "my application".
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Space, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { CallStatus } from '@jinke/core/programmes/api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import {
  closeCall,
  listCalls,
  openCall,
  programmesKeys,
  startApplication,
  type CallItem,
} from '../programmes.api.ts';
import { programmesText } from '../programmes.messages.ts';
import { reviewsText } from '../../reviews/reviews.messages.ts';
import { noticesText } from '../../notices/notices.messages.ts';

const statusText = {
  draft: programmesText.statusDraft,
  open: programmesText.statusOpen,
  closed: programmesText.statusClosed,
} satisfies Record<CallStatus, unknown>;
const statusColour: Record<CallStatus, string> = { draft: 'default', open: 'green', closed: 'red' };

export function CallsPanel({ role }: { role: Role }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const manage = role === 'admin' || role === 'officer';
  const calls = useQuery({ queryKey: programmesKeys.calls({}), queryFn: () => listCalls() });
  const refresh = () => queryClient.invalidateQueries({ queryKey: programmesKeys.all });
  const change = useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'open' | 'close' }) =>
      to === 'open' ? openCall(id) : closeCall(id),
    onSuccess: async (_d, v) => {
      if (v.to === 'open') void message.success(t(programmesText.opened));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const apply = useMutation({
    mutationFn: (callId: string) => startApplication(callId),
    onSuccess: async (app) => {
      await refresh();
      void navigate(`/programmes/applications/${app.id}`);
    },
    onError: (e) => {
      const existing = isApiError(e, 'PROGRAMME_APPLICATION_EXISTS')
        ? (e.details as { applicationId?: string } | null)?.applicationId
        : undefined;
      if (existing) void navigate(`/programmes/applications/${existing}`);
      else void message.error(e.message);
    },
  });
  if (calls.error)
    return (
      <Alert type="error" showIcon title={t(programmesText.loadFailed, { message: calls.error.message })} />
    );
  return (
    <Table<CallItem>
      rowKey="id"
      loading={calls.isPending}
      dataSource={calls.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t(programmesText.noCalls) }}
      onRow={(c) => ({ 'data-testid': `call-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t(programmesText.title),
          dataIndex: 'title',
          render: (v: string) => <span data-testid="call-title-cell">{v}</span>,
        },
        { title: t(programmesText.kind), render: (_v, c) => t(c.kindName) },
        { title: t(programmesText.window), render: (_v, c) => `${c.opensOn} ~ ${c.closesOn}` },
        {
          title: t(programmesText.budget),
          align: 'right',
          render: (_v, c) => (c.budgetFen / 1_000_000).toFixed(2),
        },
        {
          title: t(programmesText.status),
          render: (_v, c) => (
            <Tag color={statusColour[c.status]} data-testid="call-status">
              {t(statusText[c.status])}
            </Tag>
          ),
        },
        ...(role === 'enterprise'
          ? []
          : [
              {
                title: t(programmesText.version),
                render: (_v: unknown, c: CallItem) =>
                  c.definitionVersion === null ? '—' : `v${c.definitionVersion}`,
              },
              { title: t(programmesText.submitted), align: 'right' as const, dataIndex: 'submittedCount' },
            ]),
        {
          key: 'actions',
          render: (_v, c) => (
            <Space>
              {manage && c.status === 'draft' ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => change.mutate({ id: c.id, to: 'open' })}
                  data-testid="call-open"
                >
                  {t(programmesText.open)}
                </Button>
              ) : null}
              {manage && c.status === 'open' ? (
                <Button
                  size="small"
                  onClick={() => change.mutate({ id: c.id, to: 'close' })}
                  data-testid="call-close"
                >
                  {t(programmesText.close)}
                </Button>
              ) : null}
              {role !== 'enterprise' && c.status !== 'draft' ? (
                <Button
                  size="small"
                  onClick={() => void navigate(`/programmes/calls/${c.id}/review`)}
                  data-testid="call-review"
                >
                  {t(reviewsText.reviewEntry)}
                </Button>
              ) : null}
              {role !== 'enterprise' && c.status !== 'draft' ? (
                <Button
                  size="small"
                  onClick={() => void navigate(`/programmes/calls/${c.id}/decisions`)}
                  data-testid="call-decisions"
                >
                  {t(noticesText.entry)}
                </Button>
              ) : null}
              {role === 'enterprise' ? (
                c.myApplicationId ? (
                  <Button
                    size="small"
                    onClick={() => void navigate(`/programmes/applications/${c.myApplicationId}`)}
                    data-testid="call-mine"
                  >
                    {t(programmesText.continue)}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    loading={apply.isPending}
                    onClick={() => apply.mutate(c.id)}
                    data-testid="call-apply"
                  >
                    {t(programmesText.apply)}
                  </Button>
                )
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
