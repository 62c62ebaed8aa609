/** 科研院所与平台: universities, research institutes, new R&D institutions and innovation platforms. */
import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  instituteKindNames,
  instituteKindSchema,
  type InstituteKind,
} from '@jinke/core/registry/institutes.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import {
  exportRegistry,
  listInstitutes,
  registryKeys,
  townChoices,
  useDivisions,
  type InstituteItem,
} from '../api.ts';
import { SearchBox } from '../components/search-box.tsx';
import { PAGE_SIZES, useListParams } from '../list-params.ts';
import { instituteText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

const KEYS = ['q', 'kind', 'town'] as const;

export function InstitutesPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const list = useListParams(KEYS);
  const { values } = list;
  const divisions = useDivisions();
  const [exporting, setExporting] = useState(false);
  const institutes = useQuery({
    queryKey: registryKeys.institutes(list.query),
    queryFn: () => listInstitutes(list.query),
    placeholderData: keepPreviousData,
  });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportRegistry('institutes', list.query);
      void message.success(t(registryText.exportStarted));
    } catch (error) {
      if (error instanceof Error)
        void message.error(t(registryText.exportFailed, { message: error.message }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Page
      title={t(menuEntries.institutes.label)}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void onExport()}
          data-testid="institute-export"
        >
          {t(registryText.export)}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap className="jk-filters" style={{ marginBottom: 16 }}>
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
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={values.town}
            placeholder={t(registryText.allTowns)}
            style={{ width: 180 }}
            onChange={(town?: string) => list.update({ town })}
            options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="institute-filter-town"
          />
          <Button onClick={list.reset} data-testid="institute-reset">
            {t(registryText.reset)}
          </Button>
        </Flex>
        {institutes.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(registryText.loadFailed, { message: institutes.error.message })}
          />
        ) : null}
        <Table<InstituteItem>
          rowKey="id"
          size="middle"
          loading={institutes.isFetching}
          dataSource={institutes.data?.items ?? []}
          onRow={(i) => testId(`institute-row-${i.id}`)}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: institutes.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t(registryText.total, { total }),
            onChange: list.setPaging,
          }}
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
      </Card>
    </Page>
  );
}
