/**
 * A chart with its table: the same rows shown as a chart or as a table, and exported as CSV (UTF-8 with BOM, so
 * Excel reads Chinese), built in the browser from exactly what is shown.
 */
import { useState, type ReactNode } from 'react';
import { Button, Flex, Segmented, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n.tsx';
import { indicatorsText } from '../indicators.messages.ts';

export interface PanelColumn<Row> {
  key: string;
  title: string;
  value: (row: Row) => string | number | null;
}

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv<Row>(columns: readonly PanelColumn<Row>[], rows: readonly Row[]): string {
  const lines = [
    columns.map((c) => csvCell(c.title)),
    ...rows.map((r) => columns.map((c) => csvCell(c.value(r)))),
  ];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

export function ChartPanel<Row>({
  chart,
  columns,
  rows,
  fileName,
  testId,
}: {
  chart: ReactNode;
  columns: readonly PanelColumn<Row>[];
  rows: readonly Row[];
  fileName: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <div data-testid={testId}>
      <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t(indicatorsText.chartView) },
            { value: 'table', label: t(indicatorsText.tableView) },
          ]}
          data-testid={`${testId}-view`}
        />
        <Button icon={<DownloadOutlined />} onClick={download} data-testid={`${testId}-csv`}>
          {t(indicatorsText.exportCsv)}
        </Button>
      </Flex>
      {view === 'chart' ? (
        chart
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey={(r) => String(columns[0]?.value(r) ?? '')}
          dataSource={[...rows]}
          columns={columns.map((c) => ({
            key: c.key,
            title: c.title,
            render: (_: unknown, r: Row) => c.value(r) ?? '—',
          }))}
          data-testid={`${testId}-table`}
        />
      )}
    </div>
  );
}
