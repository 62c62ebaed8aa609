/** 载体·人才·金融: carriers (众创空间, 孵化器 …), talents and startup teams, banks and investors — one tab each. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Table, Tabs, Typography } from 'antd';
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
import { SearchBox } from '../components/search-box.tsx';
import { bankKindLabels, talentKindLabels } from '../labels.ts';
import { partyText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

type Kind = 'carriers' | 'talents' | 'banks';
const TABS: readonly Kind[] = ['carriers', 'talents', 'banks'];

/** Search, a kind filter and paging held by the tab itself. */
type PartyQuery = {
  q?: string;
  kind?: string;
  page: number;
  pageSize: number;
};

function usePartyList<T>(kind: Kind, fetch: (q: ListQuery) => Promise<{ items: T[]; total: number }>) {
  const [query, setQuery] = useState<PartyQuery>({ page: 1, pageSize: 20 });
  const result = useQuery({
    queryKey: registryKeys.parties(kind, query),
    queryFn: () => fetch(query),
    placeholderData: keepPreviousData,
  });
  return { query, setQuery, result };
}

function Filters({
  kind,
  query,
  setQuery,
  kinds,
}: {
  kind: Kind;
  query: PartyQuery;
  setQuery: (next: PartyQuery) => void;
  kinds: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <SearchBox
        value={query.q}
        onSearch={(q) => setQuery({ ...query, q, page: 1 })}
        placeholder={t(partyText.searchPlaceholder)}
        testId={`${kind}-search`}
      />
      <Select
        allowClear
        value={query.kind}
        placeholder={t(partyText.kind)}
        style={{ width: 200 }}
        onChange={(value?: string) => setQuery({ ...query, kind: value, page: 1 })}
        options={kinds}
        data-testid={`${kind}-filter-kind`}
      />
    </Flex>
  );
}

function paging(
  t: ReturnType<typeof useI18n>['t'],
  list: { query: PartyQuery; setQuery: (next: PartyQuery) => void; total: number | undefined },
) {
  return {
    current: list.query.page,
    pageSize: list.query.pageSize,
    total: list.total ?? 0,
    showTotal: (total: number) => t(registryText.total, { total }),
    onChange: (page: number, pageSize: number) =>
      list.setQuery({ ...list.query, page: pageSize === list.query.pageSize ? page : 1, pageSize }),
  };
}

function CarriersTab() {
  const { t } = useI18n();
  const list = usePartyList('carriers', listCarriers);
  return (
    <>
      <Filters
        kind="carriers"
        query={list.query}
        setQuery={list.setQuery}
        kinds={carrierKindSchema.options.map((k) => ({ value: k, label: t(carrierKindNames[k]) }))}
      />
      {list.result.error ? <Alert type="error" showIcon title={list.result.error.message} /> : null}
      <Table<CarrierItem>
        rowKey="id"
        size="middle"
        loading={list.result.isFetching}
        dataSource={list.result.data?.items ?? []}
        pagination={paging(t, { ...list, total: list.result.data?.total })}
        onRow={(c) => testId(`carrier-row-${c.code}`)}
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
    </>
  );
}

function TalentsTab() {
  const { t } = useI18n();
  const list = usePartyList('talents', listTalents);
  return (
    <>
      <Filters
        kind="talents"
        query={list.query}
        setQuery={list.setQuery}
        kinds={talentKindSchema.options.map((k) => ({ value: k, label: t(talentKindLabels[k]) }))}
      />
      {list.result.error ? <Alert type="error" showIcon title={list.result.error.message} /> : null}
      <Table<TalentItem>
        rowKey="id"
        size="middle"
        loading={list.result.isFetching}
        dataSource={list.result.data?.items ?? []}
        pagination={paging(t, { ...list, total: list.result.data?.total })}
        onRow={(x) => testId(`talent-row-${x.id}`)}
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
    </>
  );
}

function BanksTab() {
  const { t } = useI18n();
  const list = usePartyList('banks', listBanks);
  return (
    <>
      <Filters
        kind="banks"
        query={list.query}
        setQuery={list.setQuery}
        kinds={bankKindSchema.options.map((k) => ({ value: k, label: t(bankKindLabels[k]) }))}
      />
      {list.result.error ? <Alert type="error" showIcon title={list.result.error.message} /> : null}
      <Table<BankItem>
        rowKey="id"
        size="middle"
        loading={list.result.isFetching}
        dataSource={list.result.data?.items ?? []}
        pagination={paging(t, { ...list, total: list.result.data?.total })}
        onRow={(b) => testId(`bank-row-${b.code}`)}
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
    </>
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
