/**
 * One enterprise: name and credit code, its qualifications in force at a glance, and the tabs 基本信息, 年度数据,
 * 资质, 专利, 荣誉与合作 and 变更历史 (for the roles that may read the history). The open tab is kept in `?tab=`.
 */
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { isInForce } from '@jinke/core/registry/qualifications.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { getEnterprise, registryKeys } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { enterpriseChangeMode, mayMaintainEnterprise, maySeeHistory, mayVerify } from '../registry-access.ts';
import { registryText } from '../registry.messages.ts';
import { QualificationTags } from './badges.tsx';
import { EnterpriseEditModal } from './enterprise-edit-modal.tsx';
import { EnterpriseHistoryTab } from './enterprise-history-tab.tsx';
import { EnterprisePatentsTab } from './enterprise-patents-tab.tsx';
import { EnterpriseProfileTab } from './enterprise-profile-tab.tsx';
import { EnterpriseQualificationsTab } from './enterprise-qualifications-tab.tsx';
import { EnterpriseRelationsTab } from './enterprise-relations-tab.tsx';
import { EnterpriseYearsTab } from './enterprise-years-tab.tsx';

const TABS = ['profile', 'years', 'qualifications', 'patents', 'relations', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** `backTo`: where the back button goes when the page was opened directly; otherwise it returns to the filtered list. */
export function EnterpriseDetailView({ id, backTo }: { id: string; backTo?: string }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: registryKeys.enterprise(id), queryFn: () => getEnterprise(id) });
  const mode = enterpriseChangeMode(me.role);
  const history = maySeeHistory(me.role);
  const asked = params.get('tab');
  const tab: TabKey =
    TABS.includes(asked as TabKey) && (asked !== 'history' || history) ? (asked as TabKey) : 'profile';

  if (detail.isPending) return <PageSpin />;
  if (detail.error) {
    const missing = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <Alert
        type={missing ? 'warning' : 'error'}
        showIcon
        data-testid="enterprise-load-error"
        title={
          missing ? t(registryText.notFound) : t(registryText.loadFailed, { message: detail.error.message })
        }
      />
    );
  }
  const data = detail.data;

  const label = (key: TabKey, text: ReactNode) => <span data-testid={`enterprise-tab-${key}`}>{text}</span>;
  const items = [
    {
      key: 'profile',
      label: label('profile', t(enterpriseText.tabProfile)),
      children: <EnterpriseProfileTab detail={data} />,
    },
    {
      key: 'years',
      label: label('years', t(enterpriseText.tabYears)),
      children: <EnterpriseYearsTab enterpriseId={id} mode={mode} mayDecide={mayVerify(me.role)} />,
    },
    {
      key: 'qualifications',
      label: label('qualifications', t(enterpriseText.tabQualifications)),
      children: (
        <EnterpriseQualificationsTab enterpriseId={id} mayMaintain={mayMaintainEnterprise(me.role)} />
      ),
    },
    {
      key: 'patents',
      label: label('patents', t(enterpriseText.tabPatents)),
      children: <EnterprisePatentsTab enterpriseId={id} />,
    },
    {
      key: 'relations',
      label: label('relations', t(enterpriseText.tabRelations)),
      children: <EnterpriseRelationsTab enterpriseId={id} mayMaintain={mayMaintainEnterprise(me.role)} />,
    },
    ...(history
      ? [
          {
            key: 'history',
            label: label('history', t(enterpriseText.tabHistory)),
            children: <EnterpriseHistoryTab enterpriseId={id} />,
          },
        ]
      : []),
  ];

  return (
    <Page
      title={<span data-testid="enterprise-name">{data.name}</span>}
      extra={
        <>
          {backTo ? (
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => void (location.key === 'default' ? navigate(backTo) : navigate(-1))}
              data-testid="enterprise-back"
            >
              {t(registryText.back)}
            </Button>
          ) : null}
          {mode ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="enterprise-edit-open"
            >
              {mode === 'self' ? t(enterpriseText.editSelf) : t(enterpriseText.editProfile)}
            </Button>
          ) : null}
        </>
      }
    >
      <Card>
        <Space size={16} wrap style={{ marginBottom: 8 }}>
          <Typography.Text className="jk-mono" data-testid="enterprise-uscc">
            {data.uscc}
          </Typography.Text>
          {data.townName ? <Typography.Text type="secondary">{data.townName}</Typography.Text> : null}
          <QualificationTags
            items={data.qualifications
              .filter((q) => isInForce(q.status))
              .map((q) => ({ kind: q.kind, status: q.status, validTo: q.validTo }))}
          />
        </Space>
        <Tabs
          activeKey={tab}
          items={items}
          data-testid="enterprise-tabs"
          onChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === 'profile') next.delete('tab');
            else next.set('tab', key);
            setParams(next, { replace: true });
          }}
        />
      </Card>
      {editing && mode ? (
        <EnterpriseEditModal detail={data} mode={mode} onClose={() => setEditing(false)} />
      ) : null}
    </Page>
  );
}
