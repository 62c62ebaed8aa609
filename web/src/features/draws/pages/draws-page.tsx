/**
 * 专家抽取: the draws, newest first. Officers and administrators freeze a new pool here; the leader reads. A row opens
 * the draw.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { DrawCreateModal } from '../components/draw-create-modal.tsx';
import { StatusTag } from '../components/draw-parts.tsx';
import { drawKeys, listDraws, type DrawSummary } from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';

export function DrawsPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const mayRun = me.role === 'admin' || me.role === 'officer';
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const draws = useQuery({ queryKey: drawKeys.list(page), queryFn: () => listDraws(page) });

  return (
    <Page
      title={t(drawText.pageTitle)}
      extra={
        mayRun ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="draws-new"
          >
            {t(drawText.newDraw)}
          </Button>
        ) : null
      }
    >
      {draws.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(drawText.loadFailed, { message: draws.error.message })}
        />
      ) : null}
      <Card>
        <Table<DrawSummary>
          rowKey="id"
          loading={draws.isPending}
          dataSource={draws.data?.items ?? []}
          locale={{ emptyText: t(drawText.noDraws) }}
          data-testid="draws-table"
          pagination={{
            current: page,
            pageSize: 20,
            total: draws.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          onRow={(draw) => ({
            ...testId(`draw-row-${draw.id}`),
            onClick: () => void navigate(`/draws/${draw.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t(drawText.title), dataIndex: 'title' },
            { title: t(drawText.subject), dataIndex: 'subject' },
            {
              title: t(drawText.status),
              dataIndex: 'status',
              render: (status: DrawSummary['status']) => <StatusTag status={status} />,
            },
            {
              title: t(drawText.panelShape),
              render: (_: unknown, d: DrawSummary) =>
                t(drawText.panelShapeValue, { panel: d.panelSize, alternates: d.alternateCount }),
            },
            { title: t(drawText.poolSize), dataIndex: 'poolSize', align: 'right' },
            {
              title: t(drawText.poolHash),
              dataIndex: 'poolHash',
              render: (hash: string) => <Typography.Text code>{hash.slice(0, 16)}…</Typography.Text>,
            },
            {
              title: t(drawText.frozenAt),
              dataIndex: 'frozenAt',
              render: (v: string) => formatDateTime(v, locale),
            },
            {
              title: t(drawText.drawnAt),
              dataIndex: 'drawnAt',
              render: (v: string | null) => formatDateTime(v, locale),
            },
          ]}
        />
      </Card>
      {creating ? <DrawCreateModal open onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
