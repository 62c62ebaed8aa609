/**
 * 我的载体 (service providers): the carrier the account acts for — the server lists only it — and the two figures a
 * provider reports itself: floor area and number of tenants.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { areaSchema, carrierKindNames, updateCarrierRequest } from '@jinke/core/registry/parties.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { applyApiError } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { listCarriers, registryKeys, updateCarrier, type CarrierItem } from '../api.ts';
import { countRule } from '../components/number-rules.ts';
import { showIssues } from '../form-issues.ts';
import { partyText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

interface Values {
  areaM2?: string;
  tenants?: string;
}

function FiguresModal({ carrier, onClose }: { carrier: CarrierItem; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: { areaM2: string | null; tenants: number | null }) => updateCarrier(carrier.id, body),
    onSuccess: async () => {
      void message.success(t(registryText.saved));
      await queryClient.invalidateQueries({ queryKey: ['registry', 'carriers'] });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, ['areaM2', 'tenants'])) void message.error(error.message);
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
      areaM2: v.areaM2?.trim() ? v.areaM2.trim() : null,
      tenants: v.tenants?.trim() ? Number(v.tenants.trim()) : null,
    };
    const checked = updateCarrierRequest.safeParse(body);
    if (!checked.success) return showIssues(form, checked.error.issues, locale);
    save.mutate(body);
  };
  return (
    <FormModal
      open
      testId="carrier-figures"
      title={t(partyText.editFigures)}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          areaM2: carrier.areaM2 ?? undefined,
          tenants: carrier.tenants === null ? undefined : String(carrier.tenants),
        }}
      >
        <Form.Item name="areaM2" label={t(partyText.area)} rules={[schemaRule(areaSchema, locale)]}>
          <Input inputMode="decimal" data-testid="carrier-area" />
        </Form.Item>
        <Form.Item name="tenants" label={t(partyText.tenants)} rules={[countRule(t, locale)]}>
          <Input inputMode="numeric" data-testid="carrier-tenants" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function MyCarrierPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const own = useQuery({
    queryKey: registryKeys.parties('carriers', { own: me.scopeId }),
    queryFn: () => listCarriers({ pageSize: 20 }),
  });
  if (own.isPending) return <PageSpin />;
  if (own.error)
    return <Alert type="error" showIcon title={t(registryText.loadFailed, { message: own.error.message })} />;
  const carrier = own.data.items.find((c) => c.code === me.scopeId) ?? own.data.items[0];
  if (!carrier)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="my-carrier-missing"
        title={t(partyText.noRecord, { code: me.scopeId ?? '—' })}
      />
    );
  return (
    <Page
      title={`${t(menuEntries.myCarrier.label)} · ${carrier.name}`}
      extra={
        <Button
          type="primary"
          icon={<EditOutlined />}
          onClick={() => setEditing(true)}
          data-testid="carrier-figures-open"
        >
          {t(partyText.editFigures)}
        </Button>
      }
    >
      <Card>
        <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} data-testid="carrier-details">
          <Descriptions.Item label={t(partyText.code)}>
            <Typography.Text className="jk-mono">{carrier.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(partyText.name)}>{carrier.name}</Descriptions.Item>
          <Descriptions.Item label={t(partyText.kind)}>{t(carrierKindNames[carrier.kind])}</Descriptions.Item>
          <Descriptions.Item label={t(registryText.town)}>{carrier.townName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(partyText.operatorUscc)}>
            {carrier.operatorUscc ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t(partyText.area)}>{carrier.areaM2 ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(partyText.tenants)}>{carrier.tenants ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(registryText.updatedAt)}>
            {formatDateTime(carrier.updatedAt, locale)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {editing ? <FiguresModal carrier={carrier} onClose={() => setEditing(false)} /> : null}
    </Page>
  );
}
