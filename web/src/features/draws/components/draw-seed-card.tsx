/**
 * The seed, entered once after the pool hash is published: where it comes from (fixed in advance — the witnesses at
 * the draw, or a number published later) and the value itself. Drawing asks for confirmation: it cannot be undone.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import type { SeedBody } from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';

interface SeedValues {
  source: 'witnesses' | 'published';
  detail?: string;
  seed?: string;
}

/** The published seed source: the kind in Chinese (the record's language) plus the officer's details. */
export function seedSourceText(values: SeedValues): string {
  const kind =
    values.source === 'witnesses' ? drawText.seedSourceWitnesses.zh : drawText.seedSourcePublished.zh;
  const detail = values.detail?.trim();
  return detail ? `${kind}：${detail}` : kind;
}

export function DrawSeedCard({
  busy,
  error,
  onDraw,
}: {
  busy: boolean;
  error: string | null;
  onDraw: (body: SeedBody) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<SeedValues>();
  const [confirming, setConfirming] = useState<SeedBody | null>(null);

  return (
    <Card title={t(drawText.seedCard)} data-testid="draw-seed-card">
      <Form<SeedValues>
        form={form}
        layout="vertical"
        initialValues={{ source: 'witnesses' }}
        onFinish={(values) => setConfirming({ seed: values.seed ?? '', seedSource: seedSourceText(values) })}
      >
        <Form.Item name="source" label={t(drawText.seedSource)}>
          <Radio.Group
            data-testid="draw-seed-source"
            options={[
              { value: 'witnesses', label: t(drawText.seedSourceWitnesses) },
              { value: 'published', label: t(drawText.seedSourcePublished) },
            ]}
          />
        </Form.Item>
        <Form.Item name="detail" label={t(drawText.seedSourceDetail)}>
          <Input maxLength={150} data-testid="draw-seed-detail" />
        </Form.Item>
        <Form.Item
          name="seed"
          label={t(drawText.seed)}
          rules={[{ required: true, whitespace: true }]}
          {...(error ? { validateStatus: 'error' as const, help: error } : {})}
        >
          <Input maxLength={200} data-testid="draw-seed" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="draw-seed-submit">
          {t(drawText.drawNow)}
        </Button>
      </Form>
      <Modal
        open={confirming !== null}
        title={t(drawText.drawNow)}
        onCancel={() => setConfirming(null)}
        onOk={() => {
          if (confirming) onDraw(confirming);
          setConfirming(null);
        }}
        okButtonProps={testId('draw-seed-confirm')}
      >
        {t(drawText.drawConfirm)}
      </Modal>
    </Card>
  );
}
