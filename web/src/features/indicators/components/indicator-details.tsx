/**
 * The selected indicator's details under the dashboard table: where a reported figure came from (the department,
 * its note and the attached document, downloadable), and a flow's months as a trend with its table.
 */
import { useMemo } from 'react';
import { App as AntApp, Button, Descriptions, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n.tsx';
import { downloadReportedAttachment, type IndicatorOverviewItem } from '../indicators.api.ts';
import { indicatorsText } from '../indicators.messages.ts';
import { ChartPanel } from './chart-panel.tsx';
import { MonthTrendChart, monthPoints, type MonthPoint } from './month-trend-chart.tsx';
import { TargetProgressChart, type ProgressBar } from './target-progress-chart.tsx';

export function ReportedSource({ year, item }: { year: number; item: IndicatorOverviewItem }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const reported = item.reported!;
  const file = reported.attachment;
  const download = async () => {
    try {
      await downloadReportedAttachment(year, item.id, file!.fileName);
    } catch (error) {
      if (error instanceof Error) void message.error(error.message);
    }
  };
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginBottom: 16 }}
      data-testid="indicator-reported-source"
    >
      <Descriptions.Item label={t(indicatorsText.source)}>
        {t(indicatorsText.reportedBy, { department: t(reported.department) })}{' '}
        {reported.attachmentRequired ? (
          <Tag color="orange">{t(indicatorsText.attachmentRequired)}</Tag>
        ) : null}
      </Descriptions.Item>
      {reported.note ? (
        <Descriptions.Item label={t(indicatorsText.reportNote)}>{reported.note}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t(indicatorsText.attachment)}>
        {file ? (
          <>
            <Button
              type="link"
              icon={<PaperClipOutlined />}
              onClick={() => void download()}
              style={{ padding: 0 }}
              data-testid="indicator-attachment-download"
            >
              {t(indicatorsText.attachmentDownload, { name: file.fileName })}
            </Button>
            <Typography.Text type="secondary" copyable={{ text: file.sm3 }} style={{ marginLeft: 8 }}>
              SM3 {file.sm3.slice(0, 16)}…
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t(indicatorsText.attachmentNone)}</Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function MonthTrend({
  item,
  year,
  months,
}: {
  item: IndicatorOverviewItem;
  year: number;
  months: readonly number[];
}) {
  const { t } = useI18n();
  const points = useMemo(() => monthPoints(months), [months]);
  const labels = useMemo(
    () => ({
      month: (m: number) => t(indicatorsText.monthLabel, { m }),
      count: t(indicatorsText.monthCount),
      cumulative: t(indicatorsText.monthCumulative),
      target: t(indicatorsText.targetMark),
    }),
    [t],
  );
  const target = item.target ? Number(item.target.value.display) : null;
  return (
    <ChartPanel<MonthPoint>
      testId="indicator-trend"
      fileName={`${item.id}-${year}-months.csv`}
      rows={points}
      columns={[
        { key: 'month', title: t(indicatorsText.month), value: (p) => p.month },
        { key: 'count', title: t(indicatorsText.monthCount), value: (p) => p.count },
        { key: 'cumulative', title: t(indicatorsText.monthCumulative), value: (p) => p.cumulative },
      ]}
      chart={<MonthTrendChart points={points} labels={labels} target={target} />}
    />
  );
}

/** Every indicator with a target: its actual against the target, as bars of progress and as a table. */
export function TargetsOverview({
  items,
  year,
  onPick,
}: {
  items: readonly IndicatorOverviewItem[];
  year: number;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const targeted = useMemo(() => items.filter((i) => i.target !== null), [items]);
  const bars = useMemo<ProgressBar[]>(
    () =>
      targeted.map((i) => ({
        id: i.id,
        name: t(i.name),
        progress: i.progress ? Number(i.progress.display) : null,
        met: i.met,
      })),
    [targeted, t],
  );
  if (targeted.length === 0) return null;
  return (
    <ChartPanel<IndicatorOverviewItem>
      testId="indicator-targets"
      fileName={`targets-${year}.csv`}
      rows={targeted}
      columns={[
        { key: 'name', title: t(indicatorsText.indicator), value: (i) => t(i.name) },
        { key: 'value', title: t(indicatorsText.value), value: (i) => i.figure?.display ?? null },
        { key: 'target', title: t(indicatorsText.target), value: (i) => i.target?.value.display ?? null },
        { key: 'progress', title: t(indicatorsText.progress), value: (i) => i.progress?.display ?? null },
      ]}
      chart={<TargetProgressChart bars={bars} onPick={onPick} />}
    />
  );
}
