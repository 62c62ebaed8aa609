/** 专利: full-text search over titles (or an application number), filters by type, status, day in force, year, town. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { patentLegalStatuses } from '@jinke/core/registry/patent-status.ts';
import { patentLegalStatusNames } from '@jinke/core/registry/patents.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { listPatents, registryKeys } from '../api.ts';
import { PatentCreateModal } from '../components/patent-create-modal.tsx';
import { PatentTable } from '../components/patent-table.tsx';
import { TownSelect } from '../components/reference-pickers.tsx';
import { FilterBar, RegistryListPage, listPagination } from '../components/registry-list.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { patentTypeLabels } from '../labels.ts';
import { useListParams } from '../list-params.ts';
import { patentText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

const KEYS = ['q', 'type', 'status', 'validAt', 'filedYear', 'grantedYear', 'town'] as const;
const TYPES = ['invention', 'utility', 'design'] as const;

export function PatentsPage() {
  const { t } = useI18n();
  const list = useListParams(KEYS);
  const { values } = list;
  const patents = useQuery({
    queryKey: registryKeys.patents(list.query),
    queryFn: () => listPatents(list.query),
    placeholderData: keepPreviousData,
  });
  const years = Array.from({ length: 30 }, (_, i) => new Date().getFullYear() - i);

  return (
    <RegistryListPage
      title={t(menuEntries.patents.label)}
      prefix="patent"
      exportKind="patents"
      exportQuery={list.query}
      importKind="patents"
      listKey={['registry', 'patents']}
      createForm={(close) => <PatentCreateModal onClose={close} />}
      filters={
        <FilterBar onReset={list.reset} resetTestId="patent-reset">
          <SearchBox
            value={values.q}
            onSearch={(q) => list.update({ q })}
            placeholder={t(patentText.searchPlaceholder)}
            testId="patent-search"
          />
          <Select
            allowClear
            value={values.type}
            placeholder={t(patentText.allTypes)}
            style={{ width: 140 }}
            onChange={(type?: string) => list.update({ type })}
            options={TYPES.map((v) => ({ value: v, label: t(patentTypeLabels[v]) }))}
            data-testid="patent-filter-type"
          />
          <Select
            allowClear
            value={values.status}
            placeholder={t(patentText.allStatuses)}
            style={{ width: 200 }}
            onChange={(status?: string) => list.update({ status })}
            options={patentLegalStatuses.map((v) => ({ value: v, label: t(patentLegalStatusNames[v]) }))}
            data-testid="patent-filter-status"
          />
          <DatePicker
            value={values.validAt ? dayjs(values.validAt) : null}
            placeholder={t(patentText.validAt)}
            onChange={(d) => list.update({ validAt: d ? d.format('YYYY-MM-DD') : undefined })}
            data-testid="patent-filter-valid-at"
          />
          <Select
            allowClear
            value={values.filedYear ? Number(values.filedYear) : undefined}
            placeholder={t(patentText.filedYear)}
            style={{ width: 130 }}
            onChange={(y?: number) => list.update({ filedYear: y ? String(y) : undefined })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="patent-filter-filed-year"
          />
          <Select
            allowClear
            value={values.grantedYear ? Number(values.grantedYear) : undefined}
            placeholder={t(patentText.grantedYear)}
            style={{ width: 130 }}
            onChange={(y?: number) => list.update({ grantedYear: y ? String(y) : undefined })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="patent-filter-granted-year"
          />
          <TownSelect
            value={values.town}
            placeholder={t(registryText.allTowns)}
            style={{ width: 180 }}
            onChange={(town) => list.update({ town })}
            testId="patent-filter-town"
          />
        </FilterBar>
      }
      error={patents.error}
    >
      <PatentTable
        items={patents.data?.items ?? []}
        loading={patents.isFetching}
        pagination={listPagination(list, patents.data, { testId: 'patent-total' })}
      />
    </RegistryListPage>
  );
}
