/** One institute or platform, with the experts of the pool who belong to it (for the bureau). */
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { instituteKindNames } from '@jinke/core/registry/institutes.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { rolesFor } from '../../../app/menu.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/http.ts';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { getInstitute, listExperts, registryKeys, type ExpertItem } from '../api.ts';
import { AvailableTag } from '../components/expert-detail-view.tsx';
import { expertText, instituteText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

function InstituteExperts({ instituteId }: { instituteId: string }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const linked = rolesFor('experts').includes(me.role);
  const query = { instituteId, pageSize: 100 };
  const experts = useQuery({ queryKey: registryKeys.experts(query), queryFn: () => listExperts(query) });
  return (
    <Card size="small" title={t(instituteText.experts)}>
      <Table<ExpertItem>
        rowKey="id"
        size="small"
        pagination={false}
        loading={experts.isFetching}
        dataSource={experts.data?.items ?? []}
        columns={[
          { key: 'code', title: t(expertText.code), dataIndex: 'code', width: 120 },
          {
            key: 'name',
            title: t(expertText.name),
            dataIndex: 'name',
            render: (name: string, e) =>
              linked ? <Link to={`/registry/experts/${e.id}`}>{name}</Link> : name,
          },
          {
            key: 'title',
            title: t(expertText.title),
            dataIndex: 'title',
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'available',
            title: t(expertText.available),
            render: (_v, e) => <AvailableTag available={e.available} />,
          },
        ]}
      />
    </Card>
  );
}

export function InstituteDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const institute = useQuery({ queryKey: registryKeys.institute(id), queryFn: () => getInstitute(id) });
  if (institute.isPending) return <PageSpin />;
  if (institute.error) {
    const missing =
      isApiError(institute.error) && (institute.error.status === 404 || institute.error.status === 400);
    return (
      <Alert type="warning" showIcon title={missing ? t(registryText.notFound) : institute.error.message} />
    );
  }
  const i = institute.data;
  const bureau = me.role === 'admin' || me.role === 'officer' || me.role === 'leader';
  return (
    <Page
      title={<span data-testid="institute-name">{i.name}</span>}
      extra={
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate('/registry/institutes')}
          data-testid="institute-back"
        >
          {t(registryText.back)}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }}>
            <Descriptions.Item label={t(instituteText.name)}>{i.name}</Descriptions.Item>
            <Descriptions.Item label={t(instituteText.kind)}>
              {t(instituteKindNames[i.kind])}
            </Descriptions.Item>
            <Descriptions.Item label={t(instituteText.uscc)}>
              {i.uscc ? <Typography.Text className="jk-mono">{i.uscc}</Typography.Text> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t(registryText.town)}>{i.townName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(instituteText.address)} span={2}>
              {i.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t(registryText.createdAt)}>
              {formatDateTime(i.createdAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t(registryText.updatedAt)}>
              {formatDateTime(i.updatedAt, locale)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {bureau ? <InstituteExperts instituteId={i.id} /> : null}
      </Flex>
    </Page>
  );
}
