/**
 * 资质: each certificate with its status as of today (有效 / 6个月内到期 / 已过期), derived by the server from the
 * dates. Officers and administrators record and remove them; for 高新技术企业 and 科技型中小企业 the term follows
 * from the issue date (core's ruleValidTo), so the valid-to date is shown, not typed.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, DatePicker, Flex, Form, Input, Popconfirm, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { qualificationRequest } from '@jinke/core/registry/enterprise-relations.contract.ts';
import {
  hasRuleTerm,
  qualificationKindLabels,
  qualificationKinds,
  ruleValidTo,
  type QualificationKind,
} from '@jinke/core/registry/qualifications.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { testId } from '../../../ui/test-id.ts';
import {
  addQualification,
  listQualifications,
  registryKeys,
  removeQualification,
  type QualificationItem,
} from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { showIssues } from '../form-issues.ts';
import { registryText } from '../registry.messages.ts';
import { QualificationStatusTag } from './badges.tsx';

interface Values {
  kind?: QualificationKind;
  certificateNo?: string;
  issuedOn?: Dayjs | null;
  validTo?: Dayjs | null;
}

const DAY = 'YYYY-MM-DD';

function AddQualification({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const issuedOn = Form.useWatch('issuedOn', form);
  const fixedTerm = kind && hasRuleTerm(kind) && issuedOn ? ruleValidTo(kind, issuedOn.format(DAY)) : null;

  const save = useMutation({
    mutationFn: (body: Parameters<typeof addQualification>[1]) => addQualification(enterpriseId, body),
    onSuccess: async () => {
      void message.success(t(registryText.saved));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(enterpriseId) });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, ['kind', 'certificateNo', 'issuedOn', 'validTo']))
        void message.error(error.message);
    },
  });

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = {
      kind: v.kind as QualificationKind,
      certificateNo: v.certificateNo?.trim() ? v.certificateNo.trim() : null,
      issuedOn: v.issuedOn?.format(DAY) ?? '',
      ...(v.kind && !hasRuleTerm(v.kind) ? { validTo: v.validTo ? v.validTo.format(DAY) : null } : {}),
    };
    const checked = qualificationRequest.safeParse(body);
    if (!checked.success) return showIssues(form, checked.error.issues, locale);
    save.mutate(body);
  };

  return (
    <FormModal
      open
      testId="qualification-form"
      title={t(enterpriseText.addQualification)}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="kind"
          label={t(enterpriseText.qualificationKind)}
          rules={[{ required: true, message: t(enterpriseText.required) }]}
        >
          <Select
            options={qualificationKinds.map((k) => ({ value: k, label: t(qualificationKindLabels[k]) }))}
            data-testid="qualification-kind"
          />
        </Form.Item>
        <Form.Item name="certificateNo" label={t(enterpriseText.certificateNo)}>
          <Input maxLength={64} data-testid="qualification-certificate" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t(enterpriseText.issuedOn)}
          rules={[{ required: true, message: t(enterpriseText.required) }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="qualification-issued-on" />
        </Form.Item>
        {kind && hasRuleTerm(kind) ? (
          <Form.Item label={t(enterpriseText.validTo)}>
            <span data-testid="qualification-rule-term">
              {fixedTerm ? t(enterpriseText.ruleTerm, { date: fixedTerm }) : '—'}
            </span>
          </Form.Item>
        ) : (
          <Form.Item name="validTo" label={t(enterpriseText.validTo)}>
            <DatePicker style={{ width: '100%' }} data-testid="qualification-valid-to" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

export function EnterpriseQualificationsTab({
  enterpriseId,
  mayMaintain,
}: {
  enterpriseId: string;
  mayMaintain: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: registryKeys.enterprisePart(enterpriseId, 'qualifications'),
    queryFn: () => listQualifications(enterpriseId),
  });
  const remove = useMutation({
    mutationFn: (q: QualificationItem) => removeQualification(enterpriseId, q.id),
    onSuccess: async () => {
      void message.success(t(registryText.removed));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(enterpriseId) });
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <Flex vertical gap={12}>
      {mayMaintain ? (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="qualification-add"
          >
            {t(enterpriseText.addQualification)}
          </Button>
        </div>
      ) : null}
      {list.error ? (
        <Alert type="error" showIcon title={t(registryText.loadFailed, { message: list.error.message })} />
      ) : null}
      <Table<QualificationItem>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t(enterpriseText.noQualifications) }}
        onRow={(q) => testId(`qualification-row-${q.kind}`)}
        columns={[
          {
            key: 'kind',
            title: t(enterpriseText.qualificationKind),
            dataIndex: 'kind',
            render: (k: QualificationKind) => t(qualificationKindLabels[k]),
          },
          {
            key: 'certificateNo',
            title: t(enterpriseText.certificateNo),
            dataIndex: 'certificateNo',
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'issuedOn',
            title: t(enterpriseText.issuedOn),
            dataIndex: 'issuedOn',
            render: (v: string) => formatDate(v, locale),
          },
          {
            key: 'validTo',
            title: t(enterpriseText.validTo),
            dataIndex: 'validTo',
            render: (v: string | null) => formatDate(v, locale),
          },
          {
            key: 'status',
            title: t(enterpriseText.status),
            render: (_v, q) => (
              <QualificationStatusTag status={q.status} testId={`qualification-status-${q.id}`} />
            ),
          },
          ...(mayMaintain
            ? [
                {
                  key: 'actions',
                  title: t(registryText.actions),
                  width: 100,
                  render: (_v: unknown, q: QualificationItem) => (
                    <Popconfirm title={t(registryText.removeConfirm)} onConfirm={() => remove.mutate(q)}>
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        data-testid={`qualification-remove-${q.id}`}
                      >
                        {t(registryText.remove)}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding ? <AddQualification enterpriseId={enterpriseId} onClose={() => setAdding(false)} /> : null}
    </Flex>
  );
}
