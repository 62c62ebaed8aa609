/**
 * A call's notices for bureau users: each with its period and entries, the objections filed on it (officers handle
 * them in a dialog; a leader reads with the phone masked), cancelling an entry after an upheld objection (the
 * workflow's `withdraw_after_objection`) and, once the notice has ended with nothing open, confirming the rest.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ObjectionOutcome } from '@jinke/core/notices/notices.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import {
  cancelEntry,
  confirmNotice,
  handleObjection,
  noticesKeys,
  objections,
  staffNotice,
  type NoticeStaffItem,
  type ObjectionItem,
} from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';
import { EntriesTable } from './entries-table.tsx';

export const windowText = {
  not_started: noticesText.windowNotStarted,
  running: noticesText.windowRunning,
  ended: noticesText.windowEnded,
} as const;
const windowColour = { not_started: 'default', running: 'blue', ended: 'green' } as const;

function HandleModal({ objection, onClose }: { objection: ObjectionItem; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ObjectionOutcome>('dismissed');
  const [response, setResponse] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = response.trim().length < 4;
  const save = useMutation({
    mutationFn: () => handleObjection(objection.id, { outcome, response: response.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: noticesKeys.all });
      onClose();
    },
  });
  return (
    <FormModal
      open
      title={t(noticesText.handleTitle)}
      testId="objection-handle"
      confirmLoading={save.isPending}
      error={save.error}
      onOk={() => {
        setTouched(true);
        if (!missing) save.mutate();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {objection.enterpriseName}：{objection.text}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t(noticesText.outcome)} required>
          <Radio.Group
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as ObjectionOutcome)}
            data-testid="objection-outcome"
            options={[
              { value: 'upheld', label: t(noticesText.upheld) },
              { value: 'dismissed', label: t(noticesText.dismissed) },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t(noticesText.response)}
          required
          validateStatus={touched && missing ? 'error' : undefined}
          help={touched && missing ? t(noticesText.responseRequired) : undefined}
        >
          <Input.TextArea
            rows={3}
            value={response}
            onChange={(e) => setResponse(e.target.value)}
            data-testid="objection-response"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function NoticeCard({ notice, manage }: { notice: NoticeStaffItem; manage: boolean }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [handling, setHandling] = useState<ObjectionItem | null>(null);
  const detail = useQuery({
    queryKey: ['notices', 'detail', notice.id],
    queryFn: () => staffNotice(notice.id),
  });
  const list = useQuery({
    queryKey: noticesKeys.objections(notice.id),
    queryFn: () => objections(notice.id),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: noticesKeys.all });
  const confirm = useMutation({
    mutationFn: () => confirmNotice(notice.id),
    onSuccess: async (out) => {
      void message.success(t(noticesText.confirmed, { count: out.confirmed }));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const cancel = useMutation({
    mutationFn: (applicationId: string) => cancelEntry(applicationId, t(noticesText.cancelReason)),
    onSuccess: async () => {
      void message.success(t(noticesText.cancelled));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const items = list.data?.items ?? [];
  const upheldFor = new Set(items.filter((o) => o.outcome === 'upheld').map((o) => o.applicationId));
  return (
    <Card
      data-testid={`notice-card-${notice.id}`}
      title={
        <Flex vertical>
          <span data-testid="notice-heading">{notice.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {t(noticesText.period)}：{notice.startsOn} ~ {notice.endsOn}（{notice.days}）
          </Typography.Text>
        </Flex>
      }
      extra={
        <Space>
          <Tag color={windowColour[notice.window]} data-testid="notice-window">
            {t(windowText[notice.window])}
          </Tag>
          <a
            href={`/public/notices/${notice.id}`}
            target="_blank"
            rel="noreferrer"
            data-testid="notice-public-link"
          >
            {t(noticesText.openPublic)}
          </a>
          {manage ? (
            <Button
              type="primary"
              disabled={notice.window !== 'ended'}
              loading={confirm.isPending}
              onClick={() => confirm.mutate()}
              data-testid="notice-confirm"
            >
              {t(noticesText.confirm)}
            </Button>
          ) : null}
        </Space>
      }
    >
      {detail.error ? <Alert type="error" showIcon title={detail.error.message} /> : null}
      <EntriesTable
        entries={detail.data?.items ?? []}
        extra={(e) =>
          manage && e.status === 'on_notice' && upheldFor.has(e.applicationId) ? (
            <Button
              size="small"
              danger
              loading={cancel.isPending}
              onClick={() => cancel.mutate(e.applicationId)}
              data-testid="entry-cancel"
            >
              {t(noticesText.cancelEntry)}
            </Button>
          ) : null
        }
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(noticesText.objections)}（{items.length}）
      </Typography.Title>
      <Table<ObjectionItem>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t(noticesText.noObjections) }}
        onRow={(o) => ({ 'data-testid': `objection-row-${o.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t(noticesText.enterprise), dataIndex: 'enterpriseName' },
          { title: t(noticesText.objector), render: (_v, o) => `${o.name} ${o.phone}` },
          { title: t(noticesText.objectionText), dataIndex: 'text', width: '32%' },
          { title: t(noticesText.receivedAt), render: (_v, o) => formatDateTime(o.receivedAt, locale) },
          {
            title: t(noticesText.outcome),
            render: (_v, o) =>
              o.outcome === null ? (
                <Tag color="orange" data-testid="objection-outcome-tag">
                  {t(noticesText.unhandled)}
                </Tag>
              ) : (
                <Flex vertical>
                  <Tag color={o.outcome === 'upheld' ? 'red' : 'green'} data-testid="objection-outcome-tag">
                    {t(o.outcome === 'upheld' ? noticesText.upheld : noticesText.dismissed)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.response}（{o.handledBy}）
                  </Typography.Text>
                </Flex>
              ),
          },
          ...(manage
            ? [
                {
                  key: 'handle',
                  render: (_v: unknown, o: ObjectionItem) =>
                    o.outcome === null ? (
                      <Button size="small" onClick={() => setHandling(o)} data-testid="objection-handle-open">
                        {t(noticesText.handle)}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {handling ? <HandleModal objection={handling} onClose={() => setHandling(null)} /> : null}
    </Card>
  );
}

export function NoticesPanel({ notices, manage }: { notices: NoticeStaffItem[]; manage: boolean }) {
  const { t } = useI18n();
  if (notices.length === 0) return <Empty description={t(noticesText.noNotices)} />;
  return (
    <Flex vertical gap={16}>
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} manage={manage} />
      ))}
    </Flex>
  );
}
