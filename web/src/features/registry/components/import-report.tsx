/** What a rejected import found: how many rows were wrong, and each problem by row, column, value and reason. */
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportProblem, ImportRowsInvalidDetails } from '@jinke/core/registry/import.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { registryText } from '../registry.messages.ts';

interface ProblemLine extends ImportProblem {
  row: number;
  index: number;
}

/** One line per problem, in row order: a row with two bad cells shows twice, once for each. */
export function problemLines(details: Pick<ImportRowsInvalidDetails, 'badRows'>): ProblemLine[] {
  return [...details.badRows]
    .sort((a, b) => a.row - b.row)
    .flatMap((bad) => bad.problems.map((problem, index) => ({ ...problem, row: bad.row, index })));
}

export function ImportReport({
  details,
  onDownloadErrors,
  downloading = false,
}: {
  details: ImportRowsInvalidDetails;
  onDownloadErrors?: () => void;
  downloading?: boolean;
}) {
  const { t, locale } = useI18n();
  const lines = problemLines(details);
  return (
    <Flex vertical gap={12} data-testid="import-report">
      <Alert
        type="error"
        showIcon
        data-testid="import-rejected"
        data-bad-rows={details.badRowCount}
        title={t(registryText.importRejected, { rows: details.rows, bad: details.badRowCount })}
        description={
          details.truncated ? t(registryText.importTruncated, { shown: details.badRows.length }) : undefined
        }
      />
      {details.errorsUrl && onDownloadErrors ? (
        <div>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={onDownloadErrors}
            data-testid="import-download-errors"
          >
            {t(registryText.downloadErrors)}
          </Button>
        </div>
      ) : null}
      <Table<ProblemLine>
        size="small"
        rowKey={(line) => `${line.row}-${line.index}`}
        dataSource={lines}
        pagination={lines.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(line) => testId(`import-problem-${line.row}`)}
        columns={[
          { key: 'row', title: t(registryText.badRow), dataIndex: 'row', width: 80 },
          { key: 'column', title: t(registryText.badColumn), dataIndex: 'column', width: 180 },
          {
            key: 'value',
            title: t(registryText.badValue),
            dataIndex: 'value',
            width: 200,
            render: (value: string | null) =>
              value === null || value === '' ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Typography.Text code>{value}</Typography.Text>
              ),
          },
          {
            key: 'reason',
            title: t(registryText.badReason),
            render: (_v, line) => (locale === 'zh-CN' ? line.zh : line.en),
          },
        ]}
      />
    </Flex>
  );
}
