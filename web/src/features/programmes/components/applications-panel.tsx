/**
 * Applications as a table: an enterprise's own (public phase names), every application for bureau users, or the
 * formal-check queue (`queue`) with each one's working-day clock and the officer's accept / return-with-reason.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { act, listApplications, programmesKeys, type ApplicationItem } from '../programmes.api.ts';
import { programmesText } from '../programmes.messages.ts';
import { ClockTag } from './clock-tag.tsx';
import { ReasonModal } from './reason-modal.tsx';

const RETURN = programmesText.returnAction;

export function ApplicationsPanel({
  queue = false,
  actions = false,
}: {
  queue?: boolean;
  actions?: boolean;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...(queue ? { phase: 'formal_check' } : {}), ...(q ? { q } : {}), ...page };
  const list = useQuery({
    queryKey: programmesKeys.applications(query),
    queryFn: () => listApplications(query),
    placeholderData: (previous) => previous,
  });
  const [returning, setReturning] = useState<ApplicationItem | null>(null);
  const run = useMutation({
    mutationFn: (v: { id: string; action: string; reason?: string }) => act(v.id, v.action, v.reason),
    onSuccess: async (app) => {
      void message.success(t(programmesText.done, { action: t(app.phaseName) }));
      setReturning(null);
      await queryClient.invalidateQueries({ queryKey: programmesKeys.all });
    },
    onError: (e) => void message.error(e.message),
  });
  if (list.error)
    return (
      <Alert type="error" showIcon title={t(programmesText.loadFailed, { message: list.error.message })} />
    );
  return (
    <>
      <Input.Search
        allowClear
        style={{ maxWidth: 360, marginBottom: 12 }}
        placeholder={t(programmesText.searchApplications)}
        onSearch={(value) => {
          setQ(value.trim());
          setPage((p) => ({ ...p, page: 1 }));
        }}
        data-testid={queue ? 'queue-search' : 'applications-search'}
      />
      <Table<ApplicationItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t(programmesText.totalApplications, { total }),
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        locale={{ emptyText: t(queue ? programmesText.queueEmpty : programmesText.noApplications) }}
        onRow={(a) => ({ 'data-testid': `application-row-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t(programmesText.enterprise), dataIndex: 'enterpriseName' },
          { title: t(programmesText.call), dataIndex: 'callTitle' },
          {
            title: t(programmesText.phase),
            render: (_v, a) => <Tag data-testid="application-phase">{t(a.phaseName)}</Tag>,
          },
          {
            title: t(programmesText.submittedAt),
            render: (_v, a) => (a.submittedAt ? chinaDate(new Date(a.submittedAt)) : '—'),
          },
          {
            title: t(programmesText.dueOn),
            render: (_v, a) => (a.clock ? <ClockTag clock={a.clock} /> : '—'),
          },
          {
            key: 'actions',
            render: (_v, a) => (
              <Space>
                <Link to={`/programmes/applications/${a.id}`} data-testid="application-view">
                  {t(programmesText.view)}
                </Link>
                {actions && a.phase === 'formal_check' ? (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => run.mutate({ id: a.id, action: 'accept' })}
                      data-testid="queue-accept"
                    >
                      {t(programmesText.pass)}
                    </Button>
                    <Button size="small" danger onClick={() => setReturning(a)} data-testid="queue-return">
                      {t(RETURN)}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {returning ? (
        <ReasonModal
          action={RETURN}
          pending={run.isPending}
          onOk={(reason) => run.mutate({ id: returning.id, action: 'return', reason })}
          onCancel={() => setReturning(null)}
        />
      ) : null}
    </>
  );
}
