/**
 * 基本信息: every profile field with where its value came from (自报 / 局录入 / 导入, 核实 once attested) and, for a
 * field with a change waiting, the proposed value. Officers verify a field or decide a pending change here.
 */
import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { enterpriseFields, type EnterpriseField } from '@jinke/core/registry/enterprises.contract.ts';
import { industryByCode } from '@jinke/core/registry/industry.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import { getEnterprise, registryKeys, verifyField, type EnterpriseDetail } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { enterpriseFieldLabels, formatCount } from '../labels.ts';
import { mayRevealContact, mayVerify } from '../registry-access.ts';
import { Money, ProvenanceBadge } from './badges.tsx';
import { PendingChanges, useValueText } from './pending-changes.tsx';

function industryText(code: string | null, name: string | null): string {
  if (!code) return '—';
  const section = industryByCode(code)?.section ?? '';
  return `${section}${code} ${name ?? ''}`.trim();
}

export function EnterpriseProfileTab({ detail }: { detail: EnterpriseDetail }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const valueText = useValueText();
  const [phone, setPhone] = useState<string | null>(null);

  const verify = useMutation({
    mutationFn: (field: EnterpriseField) => verifyField(detail.id, field),
    onSuccess: async (_r, field) => {
      void message.success(t(enterpriseText.fieldVerified, { field: t(enterpriseFieldLabels[field]) }));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(detail.id) });
    },
    onError: (error) => void message.error(error.message),
  });
  const reveal = useMutation({
    mutationFn: () => getEnterprise(detail.id, true),
    onSuccess: (full) => setPhone(full.contactPhone ?? '—'),
    onError: (error) => void message.error(error.message),
  });

  const values: Record<EnterpriseField, ReactNode> = {
    uscc: (
      <Typography.Text className="jk-mono" copyable>
        {detail.uscc}
      </Typography.Text>
    ),
    name: detail.name,
    formerNames:
      detail.formerNames.length > 0 ? detail.formerNames.join(locale === 'zh-CN' ? '、' : ', ') : '—',
    legalRep: detail.legalRep ?? '—',
    registeredOn: formatDate(detail.registeredOn, locale),
    address: detail.address ?? '—',
    townCode: detail.townName ?? detail.townCode ?? '—',
    industryCode: industryText(detail.industryCode, detail.industryName),
    hitechField: detail.hitechField ? `${detail.hitechField} ${detail.hitechFieldName ?? ''}` : '—',
    staff: formatCount(detail.staff, locale),
    revenueFen: <Money fen={detail.revenueFen} />,
    contactName: detail.contactName ?? '—',
    contactPhone: (
      <Space size={4}>
        <span data-testid="profile-contact-phone">{phone ?? detail.contactPhone ?? '—'}</span>
        {detail.contactPhone && !phone && mayRevealContact(me.role) ? (
          <Tooltip title={t(enterpriseText.revealHint)}>
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() => reveal.mutate()}
              data-testid="profile-reveal-contact"
            >
              {t(enterpriseText.revealContact)}
            </Button>
          </Tooltip>
        ) : null}
      </Space>
    ),
  };

  // Pending yearly figures are shown on the 年度数据 tab.
  const profilePending = detail.pendingChanges.filter((c) => !c.field.startsWith('years.'));
  const pendingByField = new Map(profilePending.map((c) => [c.field, c]));

  return (
    <>
      <PendingChanges enterpriseId={detail.id} changes={profilePending} mayDecide={mayVerify(me.role)} />
      <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} data-testid="enterprise-profile">
        {enterpriseFields.map((field) => {
          const provenance = detail.provenance[field];
          const pending = pendingByField.get(field);
          return (
            <Descriptions.Item key={field} label={t(enterpriseFieldLabels[field])}>
              <Space size={8} wrap>
                <span data-testid={`profile-${field}`}>{values[field]}</span>
                <ProvenanceBadge provenance={provenance} testId={`provenance-${field}`} />
                {pending ? (
                  <Tooltip
                    title={t(enterpriseText.pendingValue, { value: valueText(field, pending.newValue) })}
                  >
                    <Tag color="gold" data-testid={`pending-${field}`}>
                      {t(enterpriseText.pendingTag)}
                    </Tag>
                  </Tooltip>
                ) : null}
                {provenance && !provenance.verified && mayVerify(me.role) ? (
                  <Popconfirm title={t(enterpriseText.verifyHint)} onConfirm={() => verify.mutate(field)}>
                    <Button
                      size="small"
                      type="link"
                      icon={<SafetyCertificateOutlined />}
                      loading={verify.isPending && verify.variables === field}
                      data-testid={`verify-${field}`}
                    >
                      {t(enterpriseText.verify)}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </>
  );
}
