/** 专家库 (officers and administrators): search by name and expertise, filter by field, IPC class and availability. */
import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Flex, Select, Table, Tag, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { exportRegistry, listExperts, registryKeys, type ExpertItem } from '../api.ts';
import { AvailableTag } from '../components/expert-detail-view.tsx';
import { ImportDialog } from '../components/import-dialog.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { PAGE_SIZES, useListParams } from '../list-params.ts';
import { expertText } from '../parties.messages.ts';
import { hitechOptions } from '../reference-options.ts';
import { mayImport } from '../registry-access.ts';
import { registryText } from '../registry.messages.ts';

const KEYS = ['q', 'field', 'ipc', 'available'] as const;

export function ExpertsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const list = useListParams(KEYS);
  const { values } = list;
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const experts = useQuery({
    queryKey: registryKeys.experts(list.query),
    queryFn: () => listExperts(list.query),
    placeholderData: keepPreviousData,
  });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportRegistry('experts', list.query);
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
      title={t(menuEntries.experts.label)}
      extra={
        <>
          {mayImport(me.role) ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="expert-import">
              {t(registryText.importButton)}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="expert-export"
          >
            {t(registryText.export)}
          </Button>
        </>
      }
    >
      <Card>
        <Flex gap={12} wrap className="jk-filters" style={{ marginBottom: 16 }}>
          <SearchBox
            value={values.q}
            onSearch={(q) => list.update({ q })}
            placeholder={t(expertText.searchPlaceholder)}
            testId="expert-search"
          />
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            value={values.field}
            placeholder={t(expertText.field)}
            style={{ width: 280 }}
            treeData={hitechOptions()}
            onChange={(field: string | undefined) => list.update({ field })}
            data-testid="expert-filter-field"
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
          <Button onClick={list.reset} data-testid="expert-reset">
            {t(registryText.reset)}
          </Button>
        </Flex>
        {experts.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(registryText.loadFailed, { message: experts.error.message })}
          />
        ) : null}
        <Table<ExpertItem>
          rowKey="id"
          size="middle"
          loading={experts.isFetching}
          dataSource={experts.data?.items ?? []}
          scroll={{ x: 1100 }}
          onRow={(e) => testId(`expert-row-${e.code}`)}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: experts.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t(registryText.total, { total }),
            onChange: list.setPaging,
          }}
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
      </Card>
      {importing ? (
        <ImportDialog
          kind="experts"
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['registry', 'experts'] })}
        />
      ) : null}
    </Page>
  );
}
