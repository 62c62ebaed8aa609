/**
 * One expert: who they are, what they review (高新技术领域, IPC), the relations review draws avoid, and contact
 * details masked unless an officer asks to reveal them (audited). The expert and officers edit availability,
 * relations and phone.
 */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import type { ExpertRelation } from '@jinke/core/registry/experts.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { rolesFor } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/http.ts';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { getExpert, registryKeys } from '../api.ts';
import { relationKindLabels } from '../labels.ts';
import { expertText } from '../parties.messages.ts';
import { mayRevealExpert } from '../registry-access.ts';
import { registryText } from '../registry.messages.ts';
import { ExpertEditModal } from './expert-edit-modal.tsx';

export function AvailableTag({ available }: { available: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={available ? 'green' : 'default'}>
      {available ? t(expertText.availableYes) : t(expertText.availableNo)}
    </Tag>
  );
}

export function ExpertDetailView({ id, title, extra }: { id: string; title?: string; extra?: ReactNode }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const [reveal, setReveal] = useState(false);
  const [editing, setEditing] = useState(false);
  const expert = useQuery({
    queryKey: registryKeys.expert(id, reveal),
    queryFn: () => getExpert(id, reveal),
  });
  const mayEdit = me.role === 'expert' || me.role === 'officer' || me.role === 'admin';
  const instituteLinks = rolesFor('institutes').includes(me.role);

  if (expert.isPending) return <PageSpin />;
  if (expert.error) {
    const missing = isApiError(expert.error) && (expert.error.status === 404 || expert.error.status === 400);
    return (
      <Alert type="warning" showIcon title={missing ? t(registryText.notFound) : expert.error.message} />
    );
  }
  const e = expert.data;
  return (
    <Page
      title={<span data-testid="expert-name">{title ?? e.name}</span>}
      extra={
        <>
          {extra}
          {mayRevealExpert(me.role) && !e.personalDataRevealed && (e.phone || e.idCard) ? (
            <Tooltip title={t(expertText.revealHint)}>
              <Button icon={<EyeOutlined />} onClick={() => setReveal(true)} data-testid="expert-reveal">
                {t(expertText.reveal)}
              </Button>
            </Tooltip>
          ) : null}
          {mayEdit ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="expert-edit-open"
            >
              {me.role === 'expert' ? t(expertText.editMine) : t(registryText.edit)}
            </Button>
          ) : null}
        </>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} data-testid="expert-details">
            <Descriptions.Item label={t(expertText.code)}>
              <Typography.Text className="jk-mono">{e.code}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.name)}>{e.name}</Descriptions.Item>
            <Descriptions.Item label={t(expertText.title)}>{e.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(expertText.available)}>
              <span data-testid="expert-available-value">
                <AvailableTag available={e.available} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.institute)}>
              {e.instituteId && e.instituteName && instituteLinks ? (
                <Link to={`/registry/institutes/${e.instituteId}`}>{e.instituteName}</Link>
              ) : (
                (e.instituteName ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.employerUscc)}>
              {e.employerUscc ? <Typography.Text className="jk-mono">{e.employerUscc}</Typography.Text> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.fields)} span={2}>
              {e.fields.length > 0
                ? e.fields.map((f) => <Tag key={f.code}>{`${f.code} ${f.name}`}</Tag>)
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.ipcClasses)} span={2}>
              {e.ipcClasses.length > 0 ? e.ipcClasses.map((c) => <Tag key={c}>{c}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.expertise)} span={2}>
              {e.expertise ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.phone)}>
              <span data-testid="expert-phone-value">{e.phone ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(expertText.idCard)}>
              <span data-testid="expert-id-card-value">{e.idCard ?? '—'}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t(expertText.relations)} size="small">
          <Table<ExpertRelation>
            rowKey={(r) => `${r.kind}-${r.name}-${r.uscc ?? ''}`}
            size="small"
            pagination={false}
            dataSource={e.relations}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(expertText.noRelations)} />
              ),
            }}
            columns={[
              {
                key: 'kind',
                title: t(expertText.relationKind),
                dataIndex: 'kind',
                render: (k: ExpertRelation['kind']) => t(relationKindLabels[k]),
              },
              { key: 'name', title: t(expertText.relationName), dataIndex: 'name' },
              {
                key: 'uscc',
                title: t(expertText.relationUscc),
                dataIndex: 'uscc',
                render: (v?: string) => v ?? '—',
              },
              {
                key: 'until',
                title: t(expertText.relationUntil),
                dataIndex: 'until',
                render: (v?: string) => formatDate(v, locale),
              },
            ]}
          />
        </Card>
      </Space>
      {editing ? (
        <ExpertEditModal expert={e} onClose={() => setEditing(false)} onSaved={() => setReveal(false)} />
      ) : null}
    </Page>
  );
}
