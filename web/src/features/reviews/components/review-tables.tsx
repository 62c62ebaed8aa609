/** The bureau's review tables: progress per application, results with the ranking, and reviewer calibration. */
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import type { CalibrationResponse, ProgressResponse, ResultsResponse } from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';
import { StatusTag } from './review-tags.tsx';

export function ProgressTable({ data }: { data: ProgressResponse }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="applicationId"
      size="small"
      pagination={false}
      dataSource={data.items}
      data-testid="progress-table"
      columns={[
        { title: t(reviewsText.enterprise), dataIndex: 'enterpriseName' },
        { title: t(reviewsText.project), render: (_v, a) => a.projectTitle ?? '—' },
        { title: t(reviewsText.assigned), dataIndex: 'assigned', align: 'right' },
        { title: t(reviewsText.submittedCount), dataIndex: 'submitted', align: 'right' },
        { title: t(reviewsText.conflictedCount), dataIndex: 'conflicted', align: 'right' },
        {
          title: t(reviewsText.reviewers),
          render: (_v, a) => (
            <Space wrap size={4}>
              {a.reviewers.map((r) => (
                <Tooltip key={r.code} title={r.reason ?? undefined}>
                  <span>
                    {r.name ?? r.code} <StatusTag status={r.status} />
                  </span>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

export function ResultsTable({ data }: { data: ResultsResponse }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="applicationId"
      size="small"
      pagination={false}
      dataSource={data.items}
      data-testid="results-table"
      onRow={(r) => ({ 'data-testid': `result-row-${r.applicationId}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t(reviewsText.rank),
          width: 70,
          render: (_v, r) => <span data-testid="result-rank">{r.rank ?? '—'}</span>,
        },
        { title: t(reviewsText.enterprise), dataIndex: 'enterpriseName' },
        { title: t(reviewsText.project), render: (_v, r) => r.projectTitle ?? '—' },
        {
          title: t(reviewsText.result),
          align: 'right',
          render: (_v, r) =>
            r.result ? (
              <Tooltip title={`${r.result.exact} · ${t(reviewsText.used, { n: r.used })}`}>
                <Typography.Text strong data-testid="result-value">
                  {r.result.decimal}
                </Typography.Text>
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">{r.problem ? t(r.problem) : '—'}</Typography.Text>
            ),
        },
        {
          title: t(reviewsText.panel),
          render: (_v, r) => (
            <Space wrap size={4}>
              {r.reviews.map((x) => (
                <Tag key={x.code}>
                  {x.name ?? x.code} {x.total.decimal}
                </Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

export function CalibrationTable({ data }: { data: CalibrationResponse }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t(reviewsText.calibrationHint, { threshold: data.threshold, min: data.minReviews })}
      </Typography.Paragraph>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={data.items}
        data-testid="calibration-table"
        columns={[
          { title: t(reviewsText.expert), render: (_v, c) => `${c.name ?? ''}（${c.code}）` },
          { title: t(reviewsText.reviewsCount), dataIndex: 'reviews', align: 'right' },
          {
            title: t(reviewsText.meanOffset),
            align: 'right',
            render: (_v, c) => <Tooltip title={c.meanOffset.exact}>{c.meanOffset.decimal}</Tooltip>,
          },
          { title: t(reviewsText.spread), dataIndex: 'spread', align: 'right' },
          {
            title: t(reviewsText.outlier),
            render: (_v, c) => (c.outlier ? <Tag color="red">{t(reviewsText.outlier)}</Tag> : '—'),
          },
        ]}
      />
    </>
  );
}
