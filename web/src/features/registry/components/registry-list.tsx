/**
 * What every registry list shares: the actions above it (新增 for the roles that may register records, 导入 for the
 * roles that may import, 导出 of exactly what is filtered), the filter bar with its reset, a load error, and the
 * table's paging with its total — `共 N 条`, or `共 10,000+ 条` when the server stopped counting.
 */
import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Flex, type TablePaginationConfig } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { exportRegistry, type ImportKind, type ListQuery, type RegistryExportKind } from '../api.ts';
import { PAGE_SIZES } from '../list-params.ts';
import { mayCreateRecords, mayImport } from '../registry-access.ts';
import { registryText } from '../registry.messages.ts';
import { ImportDialog } from './import-dialog.tsx';

/** Downloads the list's workbook with its current filters (paging is left out by `exportRegistry`). */
export function ExportButton({
  kind,
  query,
  testId,
}: {
  kind: RegistryExportKind;
  query: ListQuery;
  testId: string;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      await exportRegistry(kind, query);
      void message.success(t(registryText.exportStarted));
    } catch (error) {
      if (error instanceof Error)
        void message.error(t(registryText.exportFailed, { message: error.message }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting}
      onClick={() => void onExport()}
      data-testid={testId}
    >
      {t(registryText.export)}
    </Button>
  );
}

/**
 * The exact count as a plain number (`共 1234 条`, which browser journeys read), or the lower bound the server
 * reports when it caps a broad search's count (`共 10,000+ 条`). `capped` is optional: not every list is capped.
 */
export function ListTotal({ total, capped, testId }: { total: number; capped?: boolean; testId?: string }) {
  const { t, locale } = useI18n();
  const text = capped
    ? t(registryText.totalCapped, { total: total.toLocaleString(locale) })
    : t(registryText.total, { total });
  return <span data-testid={testId}>{text}</span>;
}

/** The answer of every list endpoint, as far as paging needs it. */
export interface ListCount {
  total: number;
  totalCapped?: boolean;
}

/** The table's paging: the page and size from the list state, the total from the last answer. */
export function listPagination(
  list: { page: number; pageSize: number; setPaging?: (page: number, pageSize: number) => void },
  data: ListCount | undefined,
  options: { testId?: string; pageSizes?: number[] } = {},
): TablePaginationConfig {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: data?.total ?? 0,
    pageSizeOptions: options.pageSizes ?? PAGE_SIZES,
    showSizeChanger: true,
    showTotal: (total) => (
      <ListTotal total={total} capped={data?.totalCapped === true} testId={options.testId} />
    ),
    onChange: list.setPaging,
  };
}

/** The search box and filters in a row, with the reset button last when the list has one. */
export function FilterBar({
  children,
  onReset,
  resetTestId,
}: {
  children: ReactNode;
  onReset?: () => void;
  resetTestId?: string;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={12} wrap className="jk-filters" style={{ marginBottom: 16 }}>
      {children}
      {onReset ? (
        <Button onClick={onReset} data-testid={resetTestId}>
          {t(registryText.reset)}
        </Button>
      ) : null}
    </Flex>
  );
}

export function ListError({ error }: { error: Error | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t(registryText.loadFailed, { message: error.message })}
    />
  );
}

export interface RegistryListPageProps {
  title: ReactNode;
  /** Names the buttons for browser tests: `<prefix>-create-open`, `<prefix>-import`, `<prefix>-export`. */
  prefix: string;
  exportKind: RegistryExportKind;
  exportQuery: ListQuery;
  /** Offered to the roles that may import. */
  importKind?: ImportKind;
  /** The query-key prefix of the list, refreshed after an import. */
  listKey: readonly unknown[];
  /** The create form, offered to the roles that may register records; it calls `close` when done. */
  createForm?: (close: () => void) => ReactNode;
  /** Shown above the filters (e.g. that a town user sees only their town). */
  notice?: ReactNode;
  filters: ReactNode;
  error: Error | null;
  children: ReactNode;
}

export function RegistryListPage(props: RegistryListPageProps) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const close = () => setDialog(null);
  const { prefix, importKind, createForm } = props;
  return (
    <Page
      title={props.title}
      extra={
        <>
          {createForm && mayCreateRecords(me.role) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('create')}
              data-testid={`${prefix}-create-open`}
            >
              {t(registryText.create)}
            </Button>
          ) : null}
          {importKind && mayImport(me.role) ? (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setDialog('import')}
              data-testid={`${prefix}-import`}
            >
              {t(registryText.importButton)}
            </Button>
          ) : null}
          <ExportButton kind={props.exportKind} query={props.exportQuery} testId={`${prefix}-export`} />
        </>
      }
    >
      <Card>
        {props.notice}
        {props.filters}
        <ListError error={props.error} />
        {props.children}
      </Card>
      {dialog === 'create' && createForm ? createForm(close) : null}
      {dialog === 'import' && importKind ? (
        <ImportDialog
          kind={importKind}
          onClose={close}
          onImported={() => void queryClient.invalidateQueries({ queryKey: props.listKey })}
        />
      ) : null}
    </Page>
  );
}
