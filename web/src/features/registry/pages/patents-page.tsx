/** 专利: full-text search over titles (or an application number), filters by type, status, day in force, year, town. */
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, DatePicker, Flex, Select } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { patentLegalStatuses } from '@jinke/core/registry/patent-status.ts';
import { patentLegalStatusNames } from '@jinke/core/registry/patents.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { exportRegistry, listPatents, registryKeys, townChoices, useDivisions } from '../api.ts';
import { ImportDialog } from '../components/import-dialog.tsx';
import { PatentTable } from '../components/patent-table.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { patentTypeLabels } from '../labels.ts';
import { PAGE_SIZES, useListParams } from '../list-params.ts';
import { patentText } from '../parties.messages.ts';
import { mayImport } from '../registry-access.ts';
import { registryText } from '../registry.messages.ts';

const KEYS = ['q', 'type', 'status', 'validAt', 'filedYear', 'grantedYear', 'town'] as const;
const TYPES = ['invention', 'utility', 'design'] as const;

export function PatentsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const list = useListParams(KEYS);
  const { values } = list;
  const divisions = useDivisions();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const patents = useQuery({
    queryKey: registryKeys.patents(list.query),
    queryFn: () => listPatents(list.query),
    placeholderData: keepPreviousData,
  });
  const years = Array.from({ length: 30 }, (_, i) => new Date().getFullYear() - i);

  const onExport = async () => {
    setExporting(true);
    try {
      await exportRegistry('patents', list.query);
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
      title={t(menuEntries.patents.label)}
      extra={
        <>
          {mayImport(me.role) ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="patent-import">
              {t(registryText.importButton)}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="patent-export"
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
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={values.town}
            placeholder={t(registryText.allTowns)}
            style={{ width: 180 }}
            onChange={(town?: string) => list.update({ town })}
            options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="patent-filter-town"
          />
          <Button onClick={list.reset} data-testid="patent-reset">
            {t(registryText.reset)}
          </Button>
        </Flex>
        {patents.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(registryText.loadFailed, { message: patents.error.message })}
          />
        ) : null}
        <PatentTable
          items={patents.data?.items ?? []}
          loading={patents.isFetching}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: patents.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => <span data-testid="patent-total">{t(registryText.total, { total })}</span>,
            onChange: list.setPaging,
          }}
        />
      </Card>
      {importing ? (
        <ImportDialog
          kind="patents"
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['registry', 'patents'] })}
        />
      ) : null}
    </Page>
  );
}
