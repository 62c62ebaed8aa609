/** 专家库 (officers and administrators): search by name and expertise, filter by field, IPC class and availability. */
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { testId } from '../../../ui/test-id.ts';
import { listExperts, registryKeys, type ExpertItem } from '../api.ts';
import { AvailableTag } from '../components/expert-detail-view.tsx';
import { ExpertCreateModal } from '../components/expert-create-modal.tsx';
import { HitechTreeSelect } from '../components/reference-pickers.tsx';
import { FilterBar, RegistryListPage, listPagination } from '../components/registry-list.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { useListParams } from '../list-params.ts';
import { expertText } from '../parties.messages.ts';

const KEYS = ['q', 'field', 'ipc', 'available'] as const;

export function ExpertsPage() {
  const { t } = useI18n();
  const list = useListParams(KEYS);
  const { values } = list;
  const experts = useQuery({
    queryKey: registryKeys.experts(list.query),
    queryFn: () => listExperts(list.query),
    placeholderData: keepPreviousData,
  });

  return (
    <RegistryListPage
      title={t(menuEntries.experts.label)}
      prefix="expert"
      exportKind="experts"
      exportQuery={list.query}
      importKind="experts"
      listKey={['registry', 'experts']}
      createForm={(close) => <ExpertCreateModal onClose={close} />}
      filters={
        <FilterBar onReset={list.reset} resetTestId="expert-reset">
          <SearchBox
            value={values.q}
            onSearch={(q) => list.update({ q })}
            placeholder={t(expertText.searchPlaceholder)}
            testId="expert-search"
          />
          <HitechTreeSelect<string>
            value={values.field}
            placeholder={t(expertText.field)}
            style={{ width: 280 }}
            onChange={(field: string | undefined) => list.update({ field })}
            testId="expert-filter-field"
          />
          <SearchBox
            value={values.ipc}
            onSearch={(ipc) => list.update({ ipc })}
            placeholder={t(expertText.ipcPlaceholder)}
            testId="expert-filter-ipc"
            width={200}
          />
          <Select
            allowClear
            value={values.available}
            placeholder={t(expertText.available)}
            style={{ width: 150 }}
            onChange={(available?: string) => list.update({ available })}
            options={[
              { value: 'true', label: t(expertText.availableYes) },
              { value: 'false', label: t(expertText.availableNo) },
            ]}
            data-testid="expert-filter-available"
          />
        </FilterBar>
      }
      error={experts.error}
    >
      <Table<ExpertItem>
        rowKey="id"
        size="middle"
        loading={experts.isFetching}
        dataSource={experts.data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(e) => testId(`expert-row-${e.code}`)}
        pagination={listPagination(list, experts.data, { testId: 'expert-total' })}
        columns={[
          {
            key: 'code',
            title: t(expertText.code),
            dataIndex: 'code',
            width: 120,
            render: (c: string) => <Typography.Text className="jk-mono">{c}</Typography.Text>,
          },
          {
            key: 'name',
            title: t(expertText.name),
            dataIndex: 'name',
            width: 140,
            render: (name: string, e) => (
              <Link to={`/registry/experts/${e.id}`} data-testid={`expert-link-${e.code}`}>
                {name}
              </Link>
            ),
          },
          {
            key: 'title',
            title: t(expertText.title),
            dataIndex: 'title',
            width: 170,
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'institute',
            title: t(expertText.institute),
            dataIndex: 'instituteName',
            width: 200,
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'fields',
            title: t(expertText.fields),
            render: (_v, e) => e.fields.map((f) => <Tag key={f.code}>{f.name}</Tag>),
          },
          {
            key: 'available',
            title: t(expertText.available),
            width: 120,
            render: (_v, e) => <AvailableTag available={e.available} />,
          },
        ]}
      />
    </RegistryListPage>
  );
}
