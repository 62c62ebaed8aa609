/**
 * 镇街考核 for leaders, officers and town officers: the year's ranking of the towns (rank, score, whether the data
 * is complete, each weighted indicator's achievement), a bar chart of the scores with a table view, and a town's
 * sheet (actual, target, achievement, weight, points) with its .xlsx download. Officers and administrators set
 * the weights. A town officer sees their own town's row and sheet only (the server enforces it). The year and the
 * chosen town live in the address bar.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Flex,
  Segmented,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { TownBarChart } from '../components/town-bar-chart.tsx';
import { TownWeightsModal } from '../components/town-weights-modal.tsx';
import {
  downloadTownSheet,
  getTownAssessment,
  townAssessmentKeys,
  type AssessmentPart,
  type TownAssessmentResponse,
  type TownAssessmentRow,
} from '../town-assessment.api.ts';
import { townAssessmentText as text } from '../town-assessment.messages.ts';

export function TownAssessmentPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined;
  const query = useQuery({
    queryKey: townAssessmentKeys.year(year),
    queryFn: () => getTownAssessment(year),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const mayEdit = me.role === 'admin' || me.role === 'officer';
  const [editing, setEditing] = useState(false);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [downloading, setDownloading] = useState<string | null>(null);
  const chosen = me.role === 'town' ? data?.scopeTown : params.get('town');
  const selected = data?.towns.find((x) => x.town === chosen) ?? null;
  const nameOf = (id: string) => {
    const w = data?.weights.find((x) => x.indicator === id);
    return w ? t(w.name) : id;
  };

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const onDownload = async (row: TownAssessmentRow) => {
    if (!data) return;
    setDownloading(row.town);
    try {
      await downloadTownSheet(data.year, row.town);
      void message.success(t(text.downloaded, { town: row.townName }));
    } catch (error) {
      if (error instanceof Error) void message.error(t(text.downloadFailed, { message: error.message }));
    } finally {
      setDownloading(null);
    }
  };

  const bars = useMemo(
    () =>
      (data?.towns ?? []).map((x) => ({ town: x.town, name: x.townName, value: Number(x.score.display) })),
    [data],
  );

  const downloadButton = (row: TownAssessmentRow) => (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={downloading === row.town}
      onClick={(e) => {
        e.stopPropagation();
        void onDownload(row);
      }}
      data-testid={`town-assessment-download-${row.town}`}
    >
      {t(text.download)}
    </Button>
  );

  const columns = [
    {
      key: 'rank',
      title: t(text.rank),
      width: 70,
      render: (_: unknown, r: TownAssessmentRow) => (
        <span data-testid={`town-assessment-rank-${r.town}`}>{r.rank}</span>
      ),
    },
    { key: 'town', title: t(text.town), dataIndex: 'townName' },
    {
      key: 'score',
      title: t(text.score),
      align: 'right' as const,
      render: (_: unknown, r: TownAssessmentRow) => (
        <strong data-testid={`town-assessment-score-${r.town}`}>{r.score.display}</strong>
      ),
    },
    {
      key: 'complete',
      title: t(text.complete),
      render: (_: unknown, r: TownAssessmentRow) =>
        r.complete ? (
          <Tag color="green">{t(text.completeYes)}</Tag>
        ) : (
          <Tooltip title={t(text.missing, { names: r.missing.map(nameOf).join('、') })}>
            <Tag color="orange" data-testid={`town-assessment-incomplete-${r.town}`}>
              {t(text.completeNo)}
            </Tag>
          </Tooltip>
        ),
    },
    ...(data?.weights ?? []).map((w, i) => ({
      key: `w-${w.indicator}`,
      title: t(text.achievement, { name: t(w.name) }),
      align: 'right' as const,
      render: (_: unknown, r: TownAssessmentRow) => {
        const p = r.parts[i];
        return p?.achievement ? `${p.achievement.display}%` : '—';
      },
    })),
    {
      key: 'download',
      title: '',
      render: (_: unknown, r: TownAssessmentRow) => downloadButton(r),
    },
  ];

  return (
    <Page
      title={t(menuEntries.townAssessment.label)}
      extra={
        <Flex gap={8} align="center">
          <Select<number>
            value={data?.year}
            style={{ width: 120 }}
            options={(data?.years ?? []).map((y) => ({ value: y, label: t(text.year, { year: y }) }))}
            onChange={(y) => update('year', String(y))}
            data-testid="town-assessment-year"
          />
          {mayEdit && data ? (
            <Button onClick={() => setEditing(true)} data-testid="town-assessment-weights-open">
              {t(text.setWeights)}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {query.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(text.loadFailed, { message: query.error.message })}
        />
      ) : null}
      {me.role === 'town' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t(text.townLimited)}：${me.scopeName ?? me.scopeId ?? ''}`}
        />
      ) : null}
      {data && data.weights.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(text.noWeights)}
          data-testid="town-assessment-no-weights"
        />
      ) : null}
      {data ? <WeightsLine data={data} locale={locale} /> : null}
      {me.role !== 'town' ? (
        <>
          <Card
            style={{ marginBottom: 16 }}
            title={t(text.scores)}
            extra={
              <Flex gap={8} align="center">
                <Typography.Text type="secondary">{t(text.chartHint)}</Typography.Text>
                <Segmented<'chart' | 'table'>
                  value={view}
                  onChange={setView}
                  options={[
                    { value: 'chart', label: t(text.chart) },
                    { value: 'table', label: t(text.table) },
                  ]}
                  data-testid="town-assessment-view"
                />
              </Flex>
            }
          >
            {view === 'chart' ? (
              <TownBarChart bars={bars} unit={t(text.points)} onPick={(town) => update('town', town)} />
            ) : (
              <Table
                rowKey="town"
                size="small"
                pagination={false}
                dataSource={bars}
                data-testid="town-assessment-score-table"
                columns={[
                  { key: 'name', title: t(text.town), dataIndex: 'name' },
                  { key: 'value', title: t(text.score), dataIndex: 'value', align: 'right' as const },
                ]}
              />
            )}
          </Card>
          <Card style={{ marginBottom: 16 }} title={data ? t(text.ranking, { year: data.year }) : null}>
            <Table<TownAssessmentRow>
              rowKey="town"
              size="middle"
              loading={query.isFetching}
              dataSource={data?.towns ?? []}
              columns={columns}
              pagination={false}
              scroll={{ x: true }}
              onRow={(r) => ({
                ...testId(`town-assessment-row-${r.town}`),
                onClick: () => update('town', r.town),
                style: { cursor: 'pointer', background: r.town === selected?.town ? '#e6f4ff' : undefined },
              })}
            />
          </Card>
        </>
      ) : null}
      {selected && data ? (
        <TownSheet data={data} row={selected} nameOf={nameOf} download={downloadButton(selected)} />
      ) : null}
      {editing && data ? (
        <TownWeightsModal year={data.year} weights={data.weights} onClose={() => setEditing(false)} />
      ) : null}
    </Page>
  );
}

function WeightsLine({ data, locale }: { data: TownAssessmentResponse; locale: 'zh-CN' | 'en-US' }) {
  const { t } = useI18n();
  if (data.weights.length === 0) return null;
  return (
    <Typography.Paragraph type="secondary" data-testid="town-assessment-weights">
      {data.weights.map((w) => `${t(w.name)} ${w.weight}`).join(' · ')}
      <br />
      {t(text.weightsSummary, {
        sum: data.weightSum.display,
        by: data.setBy ?? t(text.seeded),
        at: data.setAt ? formatDate(data.setAt, locale) : '',
      })}
    </Typography.Paragraph>
  );
}

function TownSheet({
  data,
  row,
  nameOf,
  download,
}: {
  data: TownAssessmentResponse;
  row: TownAssessmentRow;
  nameOf: (id: string) => string;
  download: React.ReactNode;
}) {
  const { t } = useI18n();
  const capOf = (id: string) => data.weights.find((w) => w.indicator === id)?.capPercent ?? 120;
  return (
    <Card
      title={t(text.sheetTitle, { town: row.townName, year: data.year })}
      extra={download}
      data-testid="town-assessment-sheet"
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t(text.rank)}>
          <span data-testid="town-assessment-sheet-rank">
            {t(text.rankOf, { rank: row.rank, count: data.townCount })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t(text.score)}>
          <strong data-testid="town-assessment-sheet-score">
            {row.score.display} / {data.weightSum.display}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label={t(text.complete)}>
          {row.complete
            ? t(text.completeYes)
            : t(text.missing, { names: row.missing.map(nameOf).join('、') })}
        </Descriptions.Item>
      </Descriptions>
      <Table<AssessmentPart>
        rowKey="indicator"
        size="small"
        pagination={false}
        dataSource={row.parts}
        columns={[
          { key: 'indicator', title: t(text.indicator), render: (_: unknown, p) => nameOf(p.indicator) },
          {
            key: 'actual',
            title: t(text.actual),
            align: 'right',
            render: (_: unknown, p) => p.actual?.display ?? '—',
          },
          {
            key: 'target',
            title: t(text.target),
            align: 'right',
            render: (_: unknown, p) => p.target?.display ?? '—',
          },
          {
            key: 'achievement',
            title: t(text.achievementShort),
            align: 'right',
            render: (_: unknown, p) => (p.achievement ? `${p.achievement.display}%` : '—'),
          },
          { key: 'weight', title: t(text.weight), align: 'right', dataIndex: 'weight' },
          { key: 'cap', title: t(text.cap), align: 'right', render: (_: unknown, p) => capOf(p.indicator) },
          {
            key: 'points',
            title: t(text.pointsShort),
            align: 'right',
            render: (_: unknown, p) => (
              <span data-testid={`town-assessment-points-${p.indicator}`}>{p.points.display}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
