import type { ReactNode } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useI18n } from '../app/i18n.tsx';
import { appText } from '../app/messages.ts';

export interface FormModalProps {
  open: boolean;
  title: ReactNode;
  /** Stable name for browser tests: the OK button is `<testId>-ok`, the cancel button `<testId>-cancel`. */
  testId: string;
  okText?: ReactNode;
  okDanger?: boolean;
  confirmLoading?: boolean;
  width?: number;
  onOk: () => void;
  onCancel: () => void;
  /** The save's error, shown above the form (test id `errorTestId`, by default `<testId>-error`). */
  error?: Error | null;
  errorTestId?: string;
  children: ReactNode;
}

/** A dialog holding a form, with OK and cancel buttons that browser tests can find. */
export function FormModal(props: FormModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 560}
      onCancel={props.onCancel}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="cancel" data-testid={`${props.testId}-cancel`} onClick={props.onCancel}>
          {t(appText.cancel)}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={props.okDanger}
          data-testid={`${props.testId}-ok`}
          loading={props.confirmLoading}
          onClick={props.onOk}
        >
          {props.okText ?? t(appText.ok)}
        </Button>,
      ]}
    >
      <div data-testid={props.testId}>
        {props.error ? (
          <Alert
            type="error"
            showIcon
            title={props.error.message}
            style={{ marginBottom: 16 }}
            data-testid={props.errorTestId ?? `${props.testId}-error`}
          />
        ) : null}
        {props.children}
      </div>
    </Modal>
  );
}
