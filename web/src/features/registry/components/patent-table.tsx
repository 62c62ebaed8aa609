/** The patents table the patent list and an enterprise's 专利 tab share, and a patent's details as a block. */
import { Link } from 'react-router';
import { Descriptions, Space, Table, Tag, Typography, type TablePaginationConfig } from 'antd';
import { patentLegalStatusNames } from '@jinke/core/registry/patents.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { rolesFor } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import type { PatentItem } from '../api.ts';
import { patentTypeLabels } from '../labels.ts';
import { patentText } from '../parties.messages.ts';

const STATUS_COLORS: Record<PatentItem['legalStatus'], string> = {
  pending: 'blue',
  granted: 'green',
  rejected: 'default',
  withdrawn: 'default',
  lapsed: 'red',
  expired: 'default',
};

export function PatentStatus({ patent }: { patent: PatentItem }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[patent.legalStatus]}>{t(patentLegalStatusNames[patent.legalStatus])}</Tag>
      {patent.validToday ? <Tag color="green">{t(patentText.inForce)}</Tag> : null}
    </Space>
  );
}

export function PatentDetails({ patent }: { patent: PatentItem }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const enterpriseLinks = rolesFor('enterprises').includes(me.role);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} data-testid="patent-details">
      <Descriptions.Item label={t(patentText.applicationNo)}>
        <Typography.Text className="jk-mono" copyable>
          {patent.applicationNo}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.type)}>{t(patentTypeLabels[patent.type])}</Descriptions.Item>
      <Descriptions.Item label={t(patentText.title)} span={2}>
        {patent.title}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.status)}>
        <PatentStatus patent={patent} />
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.expiresOn)}>
        {formatDate(patent.expiresOn, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.filedOn)}>
        {formatDate(patent.filedOn, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.publishedOn)}>
        {formatDate(patent.publishedOn, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.grantedOn)}>
        {formatDate(patent.grantedOn, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.lapsedOn)}>
        {formatDate(patent.lapsedOn, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.ipc)} span={2}>
        {patent.ipcCodes.length > 0 ? patent.ipcCodes.map((c) => <Tag key={c}>{c}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.applicants)} span={2}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {patent.applicants.map((a) => (
            <li key={`${a.position}-${a.name}`}>
              {enterpriseLinks && a.holderType === 'enterprise' && a.holderId ? (
                <Link to={`/registry/enterprises/${a.holderId}`}>{a.name}</Link>
              ) : (
                a.name
              )}
            </li>
          ))}
        </ol>
      </Descriptions.Item>
      <Descriptions.Item label={t(patentText.town)}>{patent.townName ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

export function PatentTable({
  items,
  loading,
  pagination,
  emptyText,
}: {
  items: PatentItem[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  emptyText?: string;
}) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  // Towns and enterprises see patents only through an enterprise; they get the details in the row, not a page.
  const linked = rolesFor('patents').includes(me.role);
  return (
    <Table<PatentItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 1400 }}
      locale={emptyText ? { emptyText } : undefined}
      onRow={(p) => testId(`patent-row-${p.applicationNo}`)}
      expandable={linked ? undefined : { expandedRowRender: (p) => <PatentDetails patent={p} /> }}
      columns={[
        {
          key: 'applicationNo',
          title: t(patentText.applicationNo),
          dataIndex: 'applicationNo',
          width: 170,
          render: (no: string) => <Typography.Text className="jk-mono">{no}</Typography.Text>,
        },
        {
          key: 'title',
          title: t(patentText.title),
          dataIndex: 'title',
          width: 320,
          render: (title: string, p) =>
            linked ? (
              <Link to={`/registry/patents/${p.id}`} data-testid={`patent-link-${p.applicationNo}`}>
                {title}
              </Link>
            ) : (
              title
            ),
        },
        {
          key: 'type',
          title: t(patentText.type),
          dataIndex: 'type',
          width: 110,
          render: (v: PatentItem['type']) => t(patentTypeLabels[v]),
        },
        {
          key: 'status',
          title: t(patentText.status),
          width: 200,
          render: (_v, p) => <PatentStatus patent={p} />,
        },
        {
          key: 'filedOn',
          title: t(patentText.filedOn),
          dataIndex: 'filedOn',
          width: 140,
          render: (v: string) => formatDate(v, locale),
        },
        {
          key: 'grantedOn',
          title: t(patentText.grantedOn),
          dataIndex: 'grantedOn',
          width: 140,
          render: (v: string | null) => formatDate(v, locale),
        },
        {
          key: 'applicants',
          title: t(patentText.applicants),
          width: 240,
          render: (_v, p) => p.applicants.map((a) => a.name).join(locale === 'zh-CN' ? '；' : '; '),
        },
      ]}
    />
  );
}
