/** Asks for the reason an action needs (returning, rejecting, withdrawing); the applicant sees it in the timeline. */
import { useState } from 'react';
import { Form, Input } from 'antd';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { programmesText } from '../programmes.messages.ts';

export function ReasonModal({
  action,
  pending,
  onOk,
  onCancel,
}: {
  action: Text;
  pending: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim().length < 2;
  return (
    <FormModal
      open
      title={t(action)}
      testId="reason-form"
      confirmLoading={pending}
      onOk={() => {
        setTouched(true);
        if (!missing) onOk(reason.trim());
      }}
      onCancel={onCancel}
    >
      <Form layout="vertical">
        <Form.Item
          label={t(programmesText.reasonLabel)}
          required
          validateStatus={touched && missing ? 'error' : undefined}
          help={touched && missing ? t(programmesText.reasonRequired) : undefined}
        >
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reason-input"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
