/**
 * 立项结果, public (no sign-in): the projects confirmed after their notice — call, year, enterprise, project, amount,
 * status — for one year or all (`?year=` in the address bar), with the CSV of the same rows.
 */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Flex, Input, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n.tsx';
import { amountText } from '../components/entries-table.tsx';
import { PublicShell } from '../components/public-shell.tsx';
import { downloadResultsCsv, noticesKeys, publicResults, type ResultItem } from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';

const yearOf = (text: string | null) => (text && /^\d{4}$/.test(text) ? Number(text) : undefined);

export function PublicResultsPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const year = yearOf(params.get('year'));
  const [yearText, setYearText] = useState(year ? String(year) : '');
  const results = useQuery({
    queryKey: noticesKeys.results(year),
    queryFn: () => publicResults(year),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadResultsCsv(year);
    } catch (e) {
      if (e instanceof Error) void message.error(e.message);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <PublicShell subtitle={t(noticesText.resultsTitle)} testId="public-results-page">
      <Typography.Paragraph>{t(noticesText.resultsIntro)}</Typography.Paragraph>
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          style={{ width: 220 }}
          placeholder={t(noticesText.allYears)}
          value={yearText}
          onChange={(e) => setYearText(e.target.value)}
          onSearch={(v) => setParams(yearOf(v.trim()) ? { year: v.trim() } : {})}
          addonBefore={t(noticesText.year)}
          data-testid="results-year"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void download()}
          data-testid="results-csv"
        >
          {t(noticesText.downloadCsv)}
        </Button>
      </Flex>
      {results.error ? <Alert type="error" showIcon title={results.error.message} /> : null}
      <Table<ResultItem>
        rowKey="applicationId"
        loading={results.isPending}
        dataSource={results.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t(noticesText.noResults) }}
        style={{ background: '#fff' }}
        onRow={(r) =>
          ({ 'data-testid': `result-row-${r.applicationId}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t(noticesText.year), dataIndex: 'year', width: 72 },
          { title: t(noticesText.call), dataIndex: 'callTitle' },
          { title: t(noticesText.enterprise), dataIndex: 'enterpriseName' },
          { title: t(noticesText.projectTitle), render: (_v, r) => r.projectTitle ?? '—' },
          { title: t(noticesText.resultAmount), align: 'right', render: (_v, r) => amountText(r.amountFen) },
          { title: t(noticesText.status), render: (_v, r) => t(r.statusName) },
          { title: t(noticesText.confirmedOn), render: (_v, r) => r.confirmedOn ?? '—' },
        ]}
      />
    </PublicShell>
  );
}
