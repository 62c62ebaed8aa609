/**
 * The drawn panel with names: the current seats (a replaced seat says whom it replaces), the alternates still in
 * line, the replacements recorded, and — for officers — a decline per member, which seats the next fitting alternate.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Form, Input, Radio, Table, Typography } from 'antd';
import type { DrawDetail, NamedExpert } from '@jinke/core/draws/draws-api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import type { DeclineBody } from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';
import { CodeList, HashText, KindTag } from './draw-parts.tsx';

type Event = DrawDetail['events'][number];

function DeclineModal({
  member,
  busy,
  onOk,
  onCancel,
}: {
  member: NamedExpert;
  busy: boolean;
  onOk: (body: DeclineBody) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ kind: 'declined' | 'conflicted'; reason?: string }>();
  return (
    <FormModal
      open
      title={t(drawText.declineTitle, { code: member.code, name: member.name ?? '—' })}
      testId="draw-decline"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => onOk({ code: member.code, kind: v.kind, reason: v.reason ?? '' }))
          .catch(() => undefined)
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'declined' }}>
        <Form.Item name="kind" label={t(drawText.declineKind)}>
          <Radio.Group
            options={[
              { value: 'declined', label: t(drawText.declined) },
              { value: 'conflicted', label: t(drawText.conflicted) },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(drawText.declineReason)}
          rules={[{ required: true, whitespace: true, min: 2 }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="draw-decline-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function DrawPanel({
  draw,
  mayRun,
  busy,
  onDecline,
}: {
  draw: DrawDetail;
  mayRun: boolean;
  busy: boolean;
  onDecline: (body: DeclineBody) => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const [declining, setDeclining] = useState<NamedExpert | null>(null);
  const replaced = new Map(draw.events.map((e) => [e.replacement, e.code]));
  const seats = draw.currentPanel.map((member, index) => ({ ...member, seat: index + 1 }));

  const expertColumns = [
    { title: t(drawText.expertCode), dataIndex: 'code' },
    { title: t(drawText.expertName), dataIndex: 'name' },
    { title: t(drawText.kind), dataIndex: 'kind', render: (kind: string) => <KindTag kind={kind} /> },
    { title: t(drawText.expertTitle), dataIndex: 'title' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t(drawText.drawnDone)}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t(drawText.seedShown)}>
            <Typography.Text code data-testid="draw-seed-value">
              {draw.seed}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(drawText.seedSource)}>
            <span data-testid="draw-seed-source-value">{draw.seedSource}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(drawText.key)}>
            {draw.key ? <HashText value={draw.key} testId="draw-key" /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t(drawText.drawnAt)}>
            {formatDateTime(draw.drawnAt, locale)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t(drawText.currentPanel)}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={seats}
          data-testid="draw-panel"
          columns={[
            { title: t(drawText.seat), dataIndex: 'seat', width: 64 },
            ...expertColumns,
            {
              title: '',
              key: 'note',
              render: (_: unknown, m: NamedExpert) =>
                replaced.has(m.code) ? (
                  <Typography.Text type="warning">
                    {t(drawText.replacedFrom, { code: replaced.get(m.code) ?? '' })}
                  </Typography.Text>
                ) : null,
            },
            ...(mayRun
              ? [
                  {
                    title: '',
                    key: 'decline',
                    render: (_: unknown, m: NamedExpert) => (
                      <Button
                        size="small"
                        onClick={() => setDeclining(m)}
                        data-testid={`draw-decline-${m.code}`}
                      >
                        {t(drawText.decline)}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {draw.events.length > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t(drawText.drawnPanel)}：
            <CodeList codes={draw.panel.map((p) => p.code)} testId="draw-drawn-panel" />
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card title={t(drawText.alternatesList)}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={draw.currentAlternates}
          locale={{ emptyText: t(drawText.noAlternates) }}
          data-testid="draw-alternates"
          columns={expertColumns}
        />
      </Card>
      {draw.events.length > 0 ? (
        <Card title={t(drawText.events)}>
          <Table<Event>
            rowKey="seq"
            size="small"
            pagination={false}
            dataSource={draw.events}
            data-testid="draw-events"
            columns={[
              { title: '#', dataIndex: 'seq', width: 48 },
              {
                title: t(drawText.expertName),
                render: (_: unknown, e: Event) => `${e.code} ${e.name ?? ''}`,
              },
              {
                title: t(drawText.declineKind),
                dataIndex: 'kind',
                render: (kind: Event['kind']) =>
                  t(kind === 'declined' ? drawText.declined : drawText.conflicted),
              },
              { title: t(drawText.declineReason), dataIndex: 'reason' },
              {
                title: t(drawText.replacement),
                render: (_: unknown, e: Event) => `${e.replacement} ${e.replacementName ?? ''}`,
              },
              { title: t(drawText.eventWho), dataIndex: 'actorName' },
              {
                title: t(drawText.eventWhen),
                dataIndex: 'occurredAt',
                render: (v: string) => formatDateTime(v, locale),
              },
            ]}
          />
        </Card>
      ) : null}
      {declining ? (
        <DeclineModal
          member={declining}
          busy={busy}
          onCancel={() => setDeclining(null)}
          onOk={(body) =>
            void onDecline(body).then(
              () => setDeclining(null),
              () => undefined,
            )
          }
        />
      ) : null}
    </Flex>
  );
}
