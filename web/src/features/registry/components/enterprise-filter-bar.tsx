/**
 * The enterprise list's search and filters: town (hidden for town users, whom the server limits to their town),
 * industry 门类 → 大类, qualification in force, 规上 by year, high-tech field. Every change starts at page 1.
 */
import { Cascader, Select } from 'antd';
import {
  qualificationKindLabels,
  qualificationKinds,
  type QualificationKind,
} from '@jinke/core/registry/qualifications.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { withFilter, type EnterpriseFilters } from '../enterprise-filters.ts';
import { industryOptions, industryPathOf } from '../reference-options.ts';
import { registryText } from '../registry.messages.ts';
import { HitechTreeSelect, TownSelect } from './reference-pickers.tsx';
import { FilterBar } from './registry-list.tsx';
import { SearchBox } from './search-box.tsx';

/** The years offered for the 规上 flag: the last ten, newest first. */
function recentYears(now = new Date()): number[] {
  const last = now.getFullYear();
  return Array.from({ length: 10 }, (_, i) => last - i);
}

export function EnterpriseFilterBar({
  filters,
  onChange,
  showTown,
}: {
  filters: EnterpriseFilters;
  onChange: (next: EnterpriseFilters) => void;
  showTown: boolean;
}) {
  const { t } = useI18n();
  const change = (patch: Parameters<typeof withFilter>[1]) => onChange(withFilter(filters, patch));

  return (
    <FilterBar
      onReset={() => onChange({ page: 1, pageSize: filters.pageSize })}
      resetTestId="enterprise-reset"
    >
      <SearchBox
        value={filters.q}
        onSearch={(q) => change({ q })}
        placeholder={t(registryText.enterpriseSearchPlaceholder)}
        testId="enterprise-search"
      />
      {showTown ? (
        <TownSelect
          value={filters.town}
          placeholder={t(registryText.allTowns)}
          style={{ width: 180 }}
          onChange={(town) => change({ town })}
          testId="enterprise-filter-town"
        />
      ) : null}
      <Cascader
        changeOnSelect
        showSearch
        value={industryPathOf(filters.industry)}
        placeholder={t(registryText.industryPlaceholder)}
        style={{ width: 260 }}
        options={industryOptions()}
        onChange={(path) =>
          change({ industry: path && path.length > 0 ? String(path[path.length - 1]) : undefined })
        }
        data-testid="enterprise-filter-industry"
      />
      <Select<QualificationKind>
        allowClear
        value={filters.qualification}
        placeholder={t(registryText.qualificationPlaceholder)}
        style={{ width: 220 }}
        onChange={(qualification) => change({ qualification })}
        options={qualificationKinds.map((kind) => ({ value: kind, label: t(qualificationKindLabels[kind]) }))}
        data-testid="enterprise-filter-qualification"
      />
      <Select<'true' | 'false'>
        allowClear
        value={filters.aboveScale === undefined ? undefined : filters.aboveScale ? 'true' : 'false'}
        placeholder={t(registryText.aboveScale)}
        style={{ width: 130 }}
        onChange={(value) => change({ aboveScale: value === undefined ? undefined : value === 'true' })}
        options={[
          { value: 'true', label: t(registryText.aboveScaleYes) },
          { value: 'false', label: t(registryText.aboveScaleNo) },
        ]}
        data-testid="enterprise-filter-above-scale"
      />
      {filters.aboveScale !== undefined ? (
        <Select<number>
          allowClear
          value={filters.year}
          placeholder={t(registryText.latestYear)}
          style={{ width: 150 }}
          onChange={(year) => change({ year })}
          options={recentYears().map((year) => ({ value: year, label: String(year) }))}
          data-testid="enterprise-filter-year"
        />
      ) : null}
      <HitechTreeSelect<string>
        value={filters.hitechField}
        placeholder={t(registryText.hitechPlaceholder)}
        style={{ width: 280 }}
        onChange={(hitechField: string | undefined) => change({ hitechField })}
        testId="enterprise-filter-hitech"
      />
    </FilterBar>
  );
}
