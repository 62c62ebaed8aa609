/**
 * 企业库: Chinese full-text search, filters (town, industry, qualification, 规上 by year, high-tech field), a sortable
 * paged table, Excel export of exactly what is filtered, and import for officers and administrators. The filters
 * live in the address bar, so a filtered list can be bookmarked, shared and restored with the back button.
 */
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import { listEnterprises, registryKeys, type EnterpriseListItem } from '../api.ts';
import { Money, QualificationTags } from '../components/badges.tsx';
import { EnterpriseCreateModal } from '../components/enterprise-create-modal.tsx';
import { EnterpriseFilterBar } from '../components/enterprise-filter-bar.tsx';
import { RegistryListPage, listPagination } from '../components/registry-list.tsx';
import {
  ENTERPRISE_PAGE_SIZES,
  enterpriseExportQuery,
  enterpriseQuery,
  enterpriseSearchParams,
  readEnterpriseFilters,
  type EnterpriseFilters,
  type EnterpriseSort,
} from '../enterprise-filters.ts';
import { registryText } from '../registry.messages.ts';

const SORT_COLUMNS: Record<string, EnterpriseSort> = {
  name: 'name',
  registeredOn: 'registeredOn',
  revenueFen: 'revenue',
};

export function EnterprisesPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = readEnterpriseFilters(params);
  const query = enterpriseQuery(filters);

  const list = useQuery({
    queryKey: registryKeys.enterpriseList(query),
    queryFn: () => listEnterprises(query),
    placeholderData: keepPreviousData,
  });

  const apply = (next: EnterpriseFilters) => setParams(enterpriseSearchParams(next), { replace: true });

  const sortOrder = (column: string) => {
    const sort = SORT_COLUMNS[column];
    if (!sort || filters.sort !== sort) return null;
    return (filters.order ?? (sort === 'revenue' ? 'desc' : 'asc')) === 'asc'
      ? ('ascend' as const)
      : ('descend' as const);
  };

  return (
    <RegistryListPage
      title={t(menuEntries.enterprises.label)}
      prefix="enterprise"
      exportKind="enterprises"
      exportQuery={enterpriseExportQuery(filters)}
      importKind="enterprises"
      listKey={registryKeys.enterprises}
      createForm={(close) => <EnterpriseCreateModal onClose={close} />}
      notice={
        me.role === 'town' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${t(registryText.townLimited)}：${me.scopeName ?? me.scopeId ?? ''}`}
          />
        ) : null
      }
      filters={<EnterpriseFilterBar filters={filters} onChange={apply} showTown={me.role !== 'town'} />}
      error={list.error}
    >
      <Table<EnterpriseListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1200 }}
        onRow={(item) => testId(`enterprise-row-${item.uscc}`)}
        onChange={(pagination, _filters, sorter) => {
          const one: SorterResult<EnterpriseListItem> | undefined = Array.isArray(sorter)
            ? sorter[0]
            : sorter;
          const sort = one?.order ? SORT_COLUMNS[String(one.columnKey)] : undefined;
          const order = one?.order === 'ascend' ? 'asc' : one?.order === 'descend' ? 'desc' : undefined;
          const sortChanged = sort !== filters.sort || (sort !== undefined && order !== filters.order);
          const next: EnterpriseFilters = { ...filters, sort, order: sort ? order : undefined };
          next.pageSize = pagination.pageSize ?? filters.pageSize;
          next.page = sortChanged || next.pageSize !== filters.pageSize ? 1 : (pagination.current ?? 1);
          apply(next);
        }}
        // Paging and sorting both arrive through the table's onChange above.
        pagination={listPagination(filters, list.data, {
          testId: 'enterprise-total',
          pageSizes: ENTERPRISE_PAGE_SIZES,
        })}
        columns={[
          {
            key: 'name',
            title: t(registryText.enterpriseName),
            dataIndex: 'name',
            fixed: 'left',
            width: 280,
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (name: string, item) => (
              <Link to={`/registry/enterprises/${item.id}`} data-testid={`enterprise-link-${item.uscc}`}>
                {name}
              </Link>
            ),
          },
          {
            key: 'uscc',
            title: t(registryText.uscc),
            dataIndex: 'uscc',
            width: 190,
            render: (uscc: string) => <Typography.Text className="jk-mono">{uscc}</Typography.Text>,
          },
          {
            key: 'town',
            title: t(registryText.town),
            dataIndex: 'townName',
            width: 130,
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'industry',
            title: t(registryText.industry),
            width: 220,
            render: (_v, item) =>
              item.industryCode ? `${item.industryCode} ${item.industryName ?? ''}` : '—',
          },
          {
            key: 'registeredOn',
            title: t(registryText.registeredOn),
            dataIndex: 'registeredOn',
            width: 140,
            sorter: true,
            sortOrder: sortOrder('registeredOn'),
            render: (v: string | null) => formatDate(v, locale),
          },
          {
            key: 'revenueFen',
            title: t(registryText.revenue),
            dataIndex: 'revenueFen',
            width: 150,
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('revenueFen'),
            render: (v: number | null) => <Money fen={v} />,
          },
          {
            key: 'qualifications',
            title: t(registryText.qualificationsInForce),
            render: (_v, item) => <QualificationTags items={item.qualifications} />,
          },
        ]}
      />
    </RegistryListPage>
  );
}
