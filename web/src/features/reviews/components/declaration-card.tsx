/** The conflict-of-interest declaration an expert makes before the application opens: none, or one with a reason. */
import { useState } from 'react';
import { Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { reviewsText } from '../reviews.messages.ts';

export function DeclarationCard({
  pending,
  onDeclare,
}: {
  pending: boolean;
  onDeclare: (conflict: boolean, reason?: string) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Card title={t(reviewsText.declareTitle)} data-testid="declaration">
      <Typography.Paragraph>{t(reviewsText.declareBody)}</Typography.Paragraph>
      <Space>
        <Button type="primary" loading={pending} onClick={() => onDeclare(false)} data-testid="declare-none">
          {t(reviewsText.declareNone)}
        </Button>
        <Button danger onClick={() => setAsking(true)} data-testid="declare-conflict">
          {t(reviewsText.declareConflict)}
        </Button>
      </Space>
      <Modal
        open={asking}
        title={t(reviewsText.declareConflict)}
        okText={t(reviewsText.conflictConfirm)}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: pending }}
        onOk={() => onDeclare(true, reason.trim())}
        onCancel={() => setAsking(false)}
      >
        <Typography.Text>{t(reviewsText.conflictReason)}</Typography.Text>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="conflict-reason"
        />
      </Modal>
    </Card>
  );
}
