/** HNTE certificates expiring within twelve months of the campaign day, soonest first, for re-application. */
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import { getExpiring, pipelineKeys, type ExpiringItem, type PipelineParams } from '../pipeline.api.ts';
import { pipelineText } from '../pipeline.messages.ts';
import { ReadinessTag } from './pipeline-readiness-tag.tsx';

export function PipelineExpiring({ query }: { query: PipelineParams }) {
  const { t, locale } = useI18n();
  const list = useQuery({ queryKey: pipelineKeys.expiring(query), queryFn: () => getExpiring(query) });
  if (list.error)
    return (
      <Alert type="error" showIcon title={t(pipelineText.loadFailed, { message: list.error.message })} />
    );
  return (
    <>
      {list.data ? (
        <Typography.Paragraph data-testid="pipeline-expiring-total">
          {t(pipelineText.expiringTotal, {
            n: list.data.items.length,
            until: formatDate(list.data.until, locale),
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<ExpiringItem>
        rowKey="enterpriseId"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t(pipelineText.noExpiring) }}
        onRow={(item) => testId(`pipeline-expiring-row-${item.uscc}`)}
        scroll={{ x: 1000 }}
        columns={[
          {
            key: 'name',
            title: t(pipelineText.name),
            dataIndex: 'name',
            width: 260,
            render: (name: string, item) => (
              <Link to={`/registry/enterprises/${item.enterpriseId}`}>{name}</Link>
            ),
          },
          {
            key: 'town',
            title: t(pipelineText.town),
            dataIndex: 'townName',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'no',
            title: t(pipelineText.certificateNo),
            dataIndex: 'certificateNo',
            width: 160,
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'issued',
            title: t(pipelineText.issuedOn),
            dataIndex: 'issuedOn',
            width: 140,
            render: (v: string) => formatDate(v, locale),
          },
          {
            key: 'validTo',
            title: t(pipelineText.validTo),
            dataIndex: 'validTo',
            width: 140,
            render: (v: string) => formatDate(v, locale),
          },
          {
            key: 'days',
            title: t(pipelineText.daysLeft),
            dataIndex: 'daysLeft',
            width: 100,
            align: 'right',
            render: (v: number) => (
              <Tag color={v <= 90 ? 'red' : 'gold'}>{t(pipelineText.days, { n: v })}</Tag>
            ),
          },
          {
            key: 'readiness',
            title: t(pipelineText.reapplyReadiness),
            render: (_v, item) =>
              item.readiness ? (
                <Space size={4} wrap>
                  <ReadinessTag readiness={item.readiness} />
                  {item.gaps.map((g) => (
                    <Tag key={g.id} color="volcano">
                      {t(g.label)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
