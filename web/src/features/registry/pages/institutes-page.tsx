/** 科研院所与平台: universities, research institutes, new R&D institutions and innovation platforms. */
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Table, Typography } from 'antd';
import {
  instituteKindNames,
  instituteKindSchema,
  type InstituteKind,
} from '@jinke/core/registry/institutes.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { testId } from '../../../ui/test-id.ts';
import { listInstitutes, registryKeys, type InstituteItem } from '../api.ts';
import { InstituteCreateModal } from '../components/institute-create-modal.tsx';
import { TownSelect } from '../components/reference-pickers.tsx';
import { FilterBar, RegistryListPage, listPagination } from '../components/registry-list.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { useListParams } from '../list-params.ts';
import { instituteText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

const KEYS = ['q', 'kind', 'town'] as const;

export function InstitutesPage() {
  const { t } = useI18n();
  const list = useListParams(KEYS);
  const { values } = list;
  const institutes = useQuery({
    queryKey: registryKeys.institutes(list.query),
    queryFn: () => listInstitutes(list.query),
    placeholderData: keepPreviousData,
  });

  return (
    <RegistryListPage
      title={t(menuEntries.institutes.label)}
      prefix="institute"
      exportKind="institutes"
      exportQuery={list.query}
      listKey={['registry', 'institutes']}
      createForm={(close) => <InstituteCreateModal onClose={close} />}
      filters={
        <FilterBar onReset={list.reset} resetTestId="institute-reset">
          <SearchBox
            value={values.q}
            onSearch={(q) => list.update({ q })}
            placeholder={t(instituteText.searchPlaceholder)}
            testId="institute-search"
          />
          <Select<InstituteKind>
            allowClear
            value={values.kind as InstituteKind | undefined}
            placeholder={t(instituteText.allKinds)}
            style={{ width: 180 }}
            onChange={(kind) => list.update({ kind })}
            options={instituteKindSchema.options.map((k) => ({ value: k, label: t(instituteKindNames[k]) }))}
            data-testid="institute-filter-kind"
          />
          <TownSelect
            value={values.town}
            placeholder={t(registryText.allTowns)}
            style={{ width: 180 }}
            onChange={(town) => list.update({ town })}
            testId="institute-filter-town"
          />
        </FilterBar>
      }
      error={institutes.error}
    >
      <Table<InstituteItem>
        rowKey="id"
        size="middle"
        loading={institutes.isFetching}
        dataSource={institutes.data?.items ?? []}
        onRow={(i) => testId(`institute-row-${i.id}`)}
        pagination={listPagination(list, institutes.data, { testId: 'institute-total' })}
        columns={[
          {
            key: 'name',
            title: t(instituteText.name),
            dataIndex: 'name',
            render: (name: string, i) => <Link to={`/registry/institutes/${i.id}`}>{name}</Link>,
          },
          {
            key: 'kind',
            title: t(instituteText.kind),
            dataIndex: 'kind',
            width: 160,
            render: (k: InstituteKind) => t(instituteKindNames[k]),
          },
          {
            key: 'uscc',
            title: t(instituteText.uscc),
            dataIndex: 'uscc',
            width: 200,
            render: (v: string | null) =>
              v ? <Typography.Text className="jk-mono">{v}</Typography.Text> : '—',
          },
          {
            key: 'town',
            title: t(registryText.town),
            dataIndex: 'townName',
            width: 140,
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'address',
            title: t(instituteText.address),
            dataIndex: 'address',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </RegistryListPage>
  );
}
