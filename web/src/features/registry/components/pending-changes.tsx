/**
 * Changes an enterprise proposed that wait for an officer (名称, 信用代码, 人数, 营收 and the yearly figures): the
 * recorded and the proposed value side by side; an officer verifies (the value applies) or rejects with a reason.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { testId } from '../../../ui/test-id.ts';
import { decidePendingChange, registryKeys, type PendingChangeItem } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { fieldKeyLabel, formatMoney } from '../labels.ts';

/** A proposed or recorded value in words: amounts in 万元, lists joined, flags as 是/否. */
export function useValueText() {
  const { t, locale } = useI18n();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field.endsWith('Fen') && typeof value === 'number') return formatMoney(value, locale);
    if (typeof value === 'boolean') return value ? t({ zh: '是', en: 'Yes' }) : t({ zh: '否', en: 'No' });
    if (Array.isArray(value)) return value.map(String).join(locale === 'zh-CN' ? '、' : ', ');
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
    return JSON.stringify(value) ?? '—';
  };
}

function RejectDialog({
  change,
  enterpriseId,
  onClose,
}: {
  change: PendingChangeItem;
  enterpriseId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useMutation({
    mutationFn: (reason: string) => decidePendingChange(change.id, { decision: 'reject', reason }),
    onSuccess: async () => {
      void message.success(t(enterpriseText.decided));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(enterpriseId) });
      onClose();
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <FormModal
      open
      testId="pending-reject-dialog"
      title={t(enterpriseText.rejectTitle, { field: fieldKeyLabel(change.field, t) })}
      confirmLoading={reject.isPending}
      okDanger
      okText={t(enterpriseText.reject)}
      onOk={() =>
        void form.validateFields().then(
          (v) => reject.mutate(v.reason.trim()),
          () => undefined,
        )
      }
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t(enterpriseText.rejectReason)}
          rules={[{ required: true, whitespace: true, message: t(enterpriseText.rejectReasonRequired) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="pending-reject-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function PendingChanges({
  enterpriseId,
  changes,
  mayDecide,
}: {
  enterpriseId: string;
  changes: PendingChangeItem[];
  mayDecide: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const valueText = useValueText();
  const [rejecting, setRejecting] = useState<PendingChangeItem | null>(null);
  const approve = useMutation({
    mutationFn: (change: PendingChangeItem) => decidePendingChange(change.id, { decision: 'verify' }),
    onSuccess: async () => {
      void message.success(t(enterpriseText.decided));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(enterpriseId) });
    },
    onError: (error) => void message.error(error.message),
  });
  if (changes.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>{t(enterpriseText.pendingTitle)}</Typography.Title>
      <Table<PendingChangeItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={changes}
        onRow={(change) => testId(`pending-row-${change.field}`)}
        style={{ marginBottom: 16 }}
        columns={[
          {
            key: 'field',
            title: t(enterpriseText.pendingField),
            render: (_v, c) => fieldKeyLabel(c.field, t),
          },
          {
            key: 'old',
            title: t(enterpriseText.pendingOld),
            render: (_v, c) => valueText(c.field, c.oldValue),
          },
          {
            key: 'new',
            title: t(enterpriseText.pendingNew),
            render: (_v, c) => <Typography.Text strong>{valueText(c.field, c.newValue)}</Typography.Text>,
          },
          {
            key: 'by',
            title: t(enterpriseText.pendingBy),
            dataIndex: 'submittedBy',
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'at',
            title: t(enterpriseText.pendingAt),
            dataIndex: 'submittedAt',
            render: (v: string) => formatDateTime(v, locale),
          },
          ...(mayDecide
            ? [
                {
                  key: 'decide',
                  title: '',
                  width: 190,
                  render: (_v: unknown, c: PendingChangeItem) => (
                    <Space>
                      <Popconfirm title={t(enterpriseText.verifyHint)} onConfirm={() => approve.mutate(c)}>
                        <Button
                          type="primary"
                          size="small"
                          loading={approve.isPending && approve.variables.id === c.id}
                          data-testid={`pending-approve-${c.field}`}
                        >
                          {t(enterpriseText.approve)}
                        </Button>
                      </Popconfirm>
                      <Button
                        danger
                        size="small"
                        onClick={() => setRejecting(c)}
                        data-testid={`pending-reject-${c.field}`}
                      >
                        {t(enterpriseText.reject)}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {rejecting ? (
        <RejectDialog change={rejecting} enterpriseId={enterpriseId} onClose={() => setRejecting(null)} />
      ) : null}
    </>
  );
}
