/** The saved assessments of one kind, newest first, each with its health-check report to download. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { AssessmentSummary } from '@jinke/core/cultivation/assessments.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import { assessmentKeys, downloadReport, listAssessments, type AssessmentKind } from '../assessments.api.ts';
import { assessmentText } from '../assessments.messages.ts';
import { StatusTag } from './assessment-criteria.tsx';

const passOf = (v: AssessmentSummary['verdict']) => (v === 'pass' ? true : v === 'fail' ? false : null);

export function SavedAssessments({ kind }: { kind: AssessmentKind }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);
  const list = useQuery({ queryKey: assessmentKeys.list(kind), queryFn: () => listAssessments(kind) });

  const download = async (id: string) => {
    setDownloading(id);
    try {
      await downloadReport(id);
    } catch (error) {
      void message.error(
        t(assessmentText.downloadFailed, { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Card size="small" title={t(assessmentText.listTitle)} data-testid={`assessment-list-${kind}`}>
      <Table<AssessmentSummary>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t(assessmentText.listEmpty) }}
        onRow={(row) => testId(`assessment-row-${row.id}`)}
        columns={[
          {
            key: 'date',
            title: t(assessmentText.assessmentDate),
            render: (_: unknown, row) => formatDate(row.assessmentDate, locale),
          },
          {
            key: 'verdict',
            title: t(assessmentText.verdict),
            render: (_: unknown, row) => (
              <StatusTag pass={passOf(row.verdict)} testId={`assessment-verdict-${row.id}`} />
            ),
          },
          {
            key: 'score',
            title: t(assessmentText.score),
            render: (_: unknown, row) => row.scoreTotal ?? '—',
          },
          {
            key: 'savedAt',
            title: t(assessmentText.savedAt),
            render: (_: unknown, row) => formatDateTime(row.createdAt, locale),
          },
          {
            key: 'savedBy',
            title: t(assessmentText.savedBy),
            render: (_: unknown, row) => row.createdByName ?? '—',
          },
          {
            key: 'actions',
            title: '',
            render: (_: unknown, row) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                loading={downloading === row.id}
                onClick={() => void download(row.id)}
                data-testid={`assessment-download-${row.id}`}
              >
                {t(assessmentText.download)}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
