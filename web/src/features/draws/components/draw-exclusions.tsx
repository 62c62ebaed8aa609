/**
 * The avoidance exclusions of a frozen pool, each with its rule, the applicant it concerns and the reason; officers may
 * override a false positive before the seed (the pool is frozen again with the logged reason). Overrides in force are
 * listed below.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Table, Typography } from 'antd';
import type { DrawDetail } from '@jinke/core/draws/draws-api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { drawText, ruleText } from '../draws.messages.ts';

type Excluded = DrawDetail['excluded'][number];

export function DrawExclusions({
  draw,
  mayOverride,
  busy,
  onOverride,
}: {
  draw: DrawDetail;
  mayOverride: boolean;
  busy: boolean;
  onOverride: (override: { code: string; reason: string }) => void;
}) {
  const { t, locale } = useI18n();
  const [target, setTarget] = useState<Excluded | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const people = new Set(draw.excluded.map((e) => e.code)).size;

  return (
    <Card title={t(drawText.exclusions, { count: people })}>
      <Table<Excluded>
        rowKey={(e) => `${e.code}-${e.rule}-${e.uscc ?? ''}`}
        size="small"
        dataSource={draw.excluded}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t(drawText.noExclusions) }}
        data-testid="draw-exclusions"
        columns={[
          { title: t(drawText.expertCode), dataIndex: 'code' },
          { title: t(drawText.expertName), dataIndex: 'name' },
          {
            title: t(drawText.rule),
            dataIndex: 'rule',
            render: (rule: string) => (ruleText[rule] ? t(ruleText[rule]) : rule),
          },
          {
            title: t(drawText.applicant),
            render: (_: unknown, e: Excluded) => (e.uscc ? `${e.applicantName ?? ''} ${e.uscc}`.trim() : '—'),
          },
          {
            title: t(drawText.reason),
            render: (_: unknown, e: Excluded) => (locale === 'en-US' ? e.en : e.zh),
          },
          ...(mayOverride
            ? [
                {
                  title: '',
                  key: 'override',
                  render: (_: unknown, e: Excluded) => (
                    <Button size="small" onClick={() => setTarget(e)} data-testid={`draw-override-${e.code}`}>
                      {t(drawText.override)}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {draw.overridden.length > 0 ? (
        <div data-testid="draw-overridden" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t(drawText.overridden)}</Typography.Text>
          <ul>
            {draw.overridden.map((o) => (
              <li key={o.code}>
                {o.code} {o.name ?? ''}：{o.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {target ? (
        <FormModal
          open
          title={t(drawText.overrideTitle, { code: target.code, name: target.name ?? '—' })}
          testId="draw-override"
          confirmLoading={busy}
          onCancel={() => setTarget(null)}
          onOk={() =>
            void form
              .validateFields()
              .then((v) => onOverride({ code: target.code, reason: (v.reason ?? '').trim() }))
              .catch(() => undefined)
          }
        >
          <Typography.Paragraph type="secondary">{t(drawText.overrideHint)}</Typography.Paragraph>
          <Form form={form} layout="vertical">
            <Form.Item
              name="reason"
              label={t(drawText.reason)}
              rules={[{ required: true, whitespace: true, min: 2 }]}
            >
              <Input.TextArea rows={3} maxLength={500} data-testid="draw-override-reason" />
            </Form.Item>
          </Form>
        </FormModal>
      ) : null}
    </Card>
  );
}
