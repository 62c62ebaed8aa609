/** 载体·人才·金融: carriers (众创空间, 孵化器 …), talents and startup teams, banks and investors — one tab each. */
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import {
  carrierKindNames,
  carrierKindSchema,
  bankKindSchema,
  talentKindSchema,
} from '@jinke/core/registry/parties.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import {
  listBanks,
  listCarriers,
  listTalents,
  registryKeys,
  type BankItem,
  type CarrierItem,
  type ListQuery,
  type TalentItem,
} from '../api.ts';
import {
  ExportButton,
  FilterBar,
  ListError,
  listPagination,
  type ListCount,
} from '../components/registry-list.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { bankKindLabels, talentKindLabels } from '../labels.ts';
import { useLocalListParams } from '../list-params.ts';
import { partyText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

type Kind = 'carriers' | 'talents' | 'banks';
const TABS: readonly Kind[] = ['carriers', 'talents', 'banks'];
const KEYS = ['q', 'kind'] as const;

/**
 * One tab: search, a kind filter and the export of what they select, then the paged table. The filters and paging
 * are held by the tab, since the tabs share the page's address.
 */
function PartyTab<T extends { id: string }>({
  kind,
  fetch,
  kinds,
  columns,
  rowTestId,
}: {
  kind: Kind;
  fetch: (query: ListQuery) => Promise<ListCount & { items: T[] }>;
  kinds: { value: string; label: string }[];
  columns: TableColumnsType<T>;
  rowTestId: (item: T) => string;
}) {
  const { t } = useI18n();
  const list = useLocalListParams(KEYS);
  const result = useQuery({
    queryKey: registryKeys.parties(kind, list.query),
    queryFn: () => fetch(list.query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <FilterBar>
        <SearchBox
          value={list.values.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t(partyText.searchPlaceholder)}
          testId={`${kind}-search`}
        />
        <Select
          allowClear
          value={list.values.kind}
          placeholder={t(partyText.kind)}
          style={{ width: 200 }}
          onChange={(value?: string) => list.update({ kind: value })}
          options={kinds}
          data-testid={`${kind}-filter-kind`}
        />
        <ExportButton kind={kind} query={list.query} testId={`${kind}-export`} />
      </FilterBar>
      <ListError error={result.error} />
      <Table<T>
        rowKey="id"
        size="middle"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        pagination={listPagination(list, result.data, { testId: `${kind}-total` })}
        onRow={(item) => testId(rowTestId(item))}
        columns={columns}
      />
    </>
  );
}

function CarriersTab() {
  const { t } = useI18n();
  return (
    <PartyTab<CarrierItem>
      kind="carriers"
      fetch={listCarriers}
      kinds={carrierKindSchema.options.map((k) => ({ value: k, label: t(carrierKindNames[k]) }))}
      rowTestId={(c) => `carrier-row-${c.code}`}
      columns={[
        { key: 'code', title: t(partyText.code), dataIndex: 'code', width: 120 },
        { key: 'name', title: t(partyText.name), dataIndex: 'name' },
        {
          key: 'kind',
          title: t(partyText.kind),
          dataIndex: 'kind',
          width: 170,
          render: (k: CarrierItem['kind']) => t(carrierKindNames[k]),
        },
        {
          key: 'town',
          title: t(registryText.town),
          dataIndex: 'townName',
          width: 140,
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'area',
          title: t(partyText.area),
          dataIndex: 'areaM2',
          width: 150,
          align: 'right',
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'tenants',
          title: t(partyText.tenants),
          dataIndex: 'tenants',
          width: 120,
          align: 'right',
          render: (v: number | null) => v ?? '—',
        },
      ]}
    />
  );
}

function TalentsTab() {
  const { t } = useI18n();
  return (
    <PartyTab<TalentItem>
      kind="talents"
      fetch={listTalents}
      kinds={talentKindSchema.options.map((k) => ({ value: k, label: t(talentKindLabels[k]) }))}
      rowTestId={(x) => `talent-row-${x.id}`}
      columns={[
        { key: 'name', title: t(partyText.name), dataIndex: 'name' },
        {
          key: 'kind',
          title: t(partyText.kind),
          dataIndex: 'kind',
          width: 120,
          render: (k: TalentItem['kind']) => t(talentKindLabels[k]),
        },
        {
          key: 'leader',
          title: t(partyText.leader),
          dataIndex: 'leaderName',
          width: 120,
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'enterprise',
          title: t(partyText.enterprise),
          width: 240,
          render: (_v, x) =>
            x.enterpriseId && x.enterpriseName ? (
              <Link to={`/registry/enterprises/${x.enterpriseId}`}>{x.enterpriseName}</Link>
            ) : (
              '—'
            ),
        },
        {
          key: 'programme',
          title: t(partyText.programme),
          dataIndex: 'programme',
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'year',
          title: t(partyText.year),
          dataIndex: 'year',
          width: 100,
          render: (v: number | null) => v ?? '—',
        },
        {
          key: 'field',
          title: t(partyText.field),
          dataIndex: 'field',
          width: 140,
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}

function BanksTab() {
  const { t } = useI18n();
  return (
    <PartyTab<BankItem>
      kind="banks"
      fetch={listBanks}
      kinds={bankKindSchema.options.map((k) => ({ value: k, label: t(bankKindLabels[k]) }))}
      rowTestId={(b) => `bank-row-${b.code}`}
      columns={[
        { key: 'code', title: t(partyText.code), dataIndex: 'code', width: 130 },
        { key: 'name', title: t(partyText.name), dataIndex: 'name' },
        {
          key: 'kind',
          title: t(partyText.kind),
          dataIndex: 'kind',
          width: 140,
          render: (k: BankItem['kind']) => t(bankKindLabels[k]),
        },
        {
          key: 'uscc',
          title: t(partyText.uscc),
          dataIndex: 'uscc',
          width: 210,
          render: (v: string | null) =>
            v ? <Typography.Text className="jk-mono">{v}</Typography.Text> : '—',
        },
      ]}
    />
  );
}

export function PartiesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Kind | null;
  const tab: Kind = asked && TABS.includes(asked) ? asked : 'carriers';
  const label = (key: Kind) => <span data-testid={`parties-tab-${key}`}>{t(partyText[key])}</span>;
  return (
    <Page title={t(menuEntries.parties.label)}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'carriers' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'carriers', label: label('carriers'), children: <CarriersTab /> },
            { key: 'talents', label: label('talents'), children: <TalentsTab /> },
            { key: 'banks', label: label('banks'), children: <BanksTab /> },
          ]}
        />
      </Card>
    </Page>
  );
}
