/** The ranked pipeline: each enterprise with its readiness, gaps (what closes each), unknowns and key figures. */
import { Link } from 'react-router';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import { Money } from '../../registry/components/badges.tsx';
import type { PipelineItem } from '../pipeline.api.ts';
import { pipelineText } from '../pipeline.messages.ts';
import { ReadinessTag } from './pipeline-readiness-tag.tsx';

export type PipelineSort = 'readiness' | 'name' | 'revenue';

const SORT_COLUMNS: Record<string, PipelineSort> = { rank: 'readiness', name: 'name', sales: 'revenue' };

export interface PipelinePaging {
  page: number;
  pageSize: number;
  sort: PipelineSort | undefined;
  order: 'asc' | 'desc' | undefined;
}

export function PipelineTable({
  items,
  total,
  loading,
  paging,
  onChange,
}: {
  items: PipelineItem[];
  total: number;
  loading: boolean;
  paging: PipelinePaging;
  onChange: (next: PipelinePaging) => void;
}) {
  const { t, locale } = useI18n();
  const sortOrder = (column: string) => {
    const sort = SORT_COLUMNS[column];
    if (!sort || (paging.sort ?? 'readiness') !== sort) return null;
    const order = paging.order ?? (sort === 'revenue' ? 'desc' : 'asc');
    return order === 'asc' ? ('ascend' as const) : ('descend' as const);
  };
  return (
    <Table<PipelineItem>
      rowKey="enterpriseId"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 1400 }}
      onRow={(item) => testId(`pipeline-row-${item.uscc}`)}
      onChange={(pagination, _filters, sorter) => {
        const one: SorterResult<PipelineItem> | undefined = Array.isArray(sorter) ? sorter[0] : sorter;
        const sort = one?.order ? SORT_COLUMNS[String(one.columnKey)] : undefined;
        const order = one?.order === 'ascend' ? 'asc' : one?.order === 'descend' ? 'desc' : undefined;
        const pageSize = pagination.pageSize ?? paging.pageSize;
        const changed = sort !== paging.sort || order !== paging.order || pageSize !== paging.pageSize;
        onChange({
          sort,
          order: sort ? order : undefined,
          pageSize,
          page: changed ? 1 : (pagination.current ?? 1),
        });
      }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => <span data-testid="pipeline-total">{t(pipelineText.total, { total: n })}</span>,
      }}
      columns={[
        {
          key: 'rank',
          title: t(pipelineText.rank),
          dataIndex: 'rank',
          width: 80,
          fixed: 'left',
          sorter: true,
          sortOrder: sortOrder('rank'),
        },
        {
          key: 'name',
          title: t(pipelineText.name),
          dataIndex: 'name',
          width: 260,
          fixed: 'left',
          sorter: true,
          sortOrder: sortOrder('name'),
          render: (name: string, item) => (
            <Link
              to={`/registry/enterprises/${item.enterpriseId}`}
              data-testid={`pipeline-link-${item.uscc}`}
            >
              {name}
            </Link>
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
          key: 'readiness',
          title: t(pipelineText.readiness),
          width: 110,
          render: (_v, item) => (
            <ReadinessTag readiness={item.readiness} testId={`pipeline-readiness-${item.uscc}`} />
          ),
        },
        {
          key: 'gaps',
          title: t(pipelineText.gaps),
          width: 260,
          render: (_v, item) =>
            item.gaps.length === 0 ? (
              '—'
            ) : (
              <Space size={[4, 4]} wrap>
                {item.gaps.map((g) => (
                  <Tooltip key={g.id} title={g.gap ? t(g.gap) : undefined}>
                    <Tag color="volcano" data-testid={`pipeline-gap-tag-${item.uscc}-${g.id}`}>
                      {t(g.label)}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
        },
        {
          key: 'unknowns',
          title: t(pipelineText.unknowns),
          width: 100,
          render: (_v, item) =>
            item.unknowns.length === 0 ? (
              '—'
            ) : (
              <Tooltip
                title={t(pipelineText.unknownHint, {
                  items: item.unknowns.map((u) => t(u.label)).join(locale === 'zh-CN' ? '、' : ', '),
                })}
              >
                <Typography.Text type="secondary">
                  {t(pipelineText.unknownCount, { n: item.unknowns.length })}
                </Typography.Text>
              </Tooltip>
            ),
        },
        {
          key: 'sales',
          title: t(pipelineText.sales),
          dataIndex: 'latestSalesFen',
          width: 150,
          align: 'right',
          sorter: true,
          sortOrder: sortOrder('sales'),
          render: (v: number | null) => <Money fen={v} />,
        },
        {
          key: 'rdRatio',
          title: t(pipelineText.rdRatio),
          width: 170,
          render: (_v, item) =>
            item.rdRatioPct === null
              ? '—'
              : t(pipelineText.rdRatioValue, {
                  actual: item.rdRatioPct,
                  required: item.rdRequiredPct ?? '—',
                }),
        },
        {
          key: 'techStaff',
          title: t(pipelineText.techStaff),
          width: 120,
          render: (_v, item) => (item.techStaffPct === null ? '—' : `${item.techStaffPct}%`),
        },
        {
          key: 'certificate',
          title: t(pipelineText.certificate),
          dataIndex: 'hnteValidTo',
          width: 150,
          render: (v: string | null) => (v ? formatDate(v, locale) : '—'),
        },
      ]}
    />
  );
}
