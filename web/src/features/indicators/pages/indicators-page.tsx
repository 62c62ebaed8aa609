/**
 * 指标看板 for leaders, officers and town officers: every indicator of the year with its value, target and progress;
 * each value links to the records it counts. Choosing a row charts the indicator by town; a bar opens that town's
 * records. The year lives in the address bar. A town officer sees their town only (the server enforces it).
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Input,
  Progress,
  Segmented,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { ReportModal, TargetModal } from '../components/indicator-edit-modals.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import { MonthTrend, ReportedSource, TargetsOverview } from '../components/indicator-details.tsx';
import { TownBarChart } from '../components/town-bar-chart.tsx';
import {
  downloadAnnualReport,
  getOverview,
  indicatorKeys,
  type IndicatorOverviewItem,
} from '../indicators.api.ts';
import { indicatorsText } from '../indicators.messages.ts';

const sourceColor = { computed: 'blue', formula: 'purple', reported: 'orange' } as const;

/** The table's quick filters: every indicator, those with a target, those counted, those entered by a department. */
const SHOWS = {
  all: () => true,
  targets: (i: IndicatorOverviewItem) => i.target !== null,
  computed: (i: IndicatorOverviewItem) => i.source !== 'reported',
  reported: (i: IndicatorOverviewItem) => i.source === 'reported',
} as const;
type Show = keyof typeof SHOWS;

export function recordsPath(id: string, year: number, town?: string): string {
  const query = new URLSearchParams({ year: String(year) });
  if (town) query.set('town', town);
  return `/indicators/${encodeURIComponent(id)}?${query.toString()}`;
}

export function IndicatorsPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined;
  const overview = useQuery({
    queryKey: indicatorKeys.overview(year),
    queryFn: () => getOverview(year),
    placeholderData: keepPreviousData,
  });
  const data = overview.data;
  const [editing, setEditing] = useState<'target' | 'report' | null>(null);
  const mayEdit = me.role === 'admin' || me.role === 'officer';
  // The summary is county-wide: the bureau's roles only, as the server enforces.
  const mayReport = mayEdit || me.role === 'leader';
  const { message } = AntApp.useApp();
  const [reporting, setReporting] = useState(false);
  const selectedId = params.get('indicator') ?? 'hnte.valid';
  const show = (params.get('show') ?? 'all') as Show;
  const [search, setSearch] = useState('');
  const shown = useMemo(
    () =>
      (data?.items ?? []).filter(
        (i) =>
          SHOWS[show](i) &&
          (search.trim() === '' ||
            `${i.id} ${i.name.zh} ${i.name.en}`.toLowerCase().includes(search.trim().toLowerCase())),
      ),
    [data, show, search],
  );
  const selected = data?.items.find((i) => i.id === selectedId) ?? data?.items[0];

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const onAnnualReport = async (y: number) => {
    setReporting(true);
    try {
      await downloadAnnualReport(y);
      void message.success(t(indicatorsText.annualReportDone, { year: y }));
    } catch (error) {
      if (error instanceof Error)
        void message.error(t(indicatorsText.annualReportFailed, { message: error.message }));
    } finally {
      setReporting(false);
    }
  };

  const bars = useMemo(
    () =>
      (selected?.towns ?? []).map((x) => ({
        town: x.town,
        name: x.townName,
        value: x.figure ? Number(x.figure.display) : null,
      })),
    [selected],
  );

  const targetText = (i: IndicatorOverviewItem) => {
    if (!i.target) return '—';
    const n = i.target.upper
      ? t(indicatorsText.range, { n: i.target.value.display, upper: i.target.upper.display })
      : i.target.value.display;
    return t(i.target.comparison === 'above' ? indicatorsText.above : indicatorsText.atLeast, { n });
  };

  const columns = [
    {
      key: 'name',
      title: t(indicatorsText.indicator),
      render: (_: unknown, i: IndicatorOverviewItem) => (
        <Tooltip
          title={
            <>
              <div>{t(indicatorsText.formulaText, { text: i.formula })}</div>
              <div>{t(indicatorsText.citation, { text: i.citation })}</div>
            </>
          }
        >
          <span>
            {t(i.name)} <QuestionCircleOutlined style={{ color: '#999' }} />
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'value',
      title: t(indicatorsText.value),
      align: 'right' as const,
      render: (_: unknown, i: IndicatorOverviewItem) => {
        if (!i.figure) {
          const nameOf = (id: string) => {
            const input = data?.items.find((x) => x.id === id);
            return input ? t(input.name) : id;
          };
          const inputs = i.missing?.inputs.map(nameOf).join('、') ?? '';
          const text =
            i.missing?.reason === 'division-by-zero' ? indicatorsText.divisionByZero : indicatorsText.missing;
          return (
            <Typography.Text type="secondary" data-testid={`indicator-missing-${i.id}`}>
              {t(text, { inputs })}
            </Typography.Text>
          );
        }
        return i.drillable && data ? (
          <Link
            to={recordsPath(i.id, data.year)}
            data-testid={`indicator-value-${i.id}`}
            onClick={(e) => e.stopPropagation()}
          >
            {i.figure.display}
          </Link>
        ) : (
          <span data-testid={`indicator-value-${i.id}`}>{i.figure.display}</span>
        );
      },
    },
    {
      key: 'unit',
      title: t(indicatorsText.unit),
      render: (_: unknown, i: IndicatorOverviewItem) => t(i.unit),
    },
    {
      key: 'target',
      title: t(indicatorsText.target),
      align: 'right' as const,
      render: (_: unknown, i: IndicatorOverviewItem) => (
        <span data-testid={`indicator-target-${i.id}`}>{targetText(i)}</span>
      ),
    },
    {
      key: 'progress',
      title: t(indicatorsText.progress),
      width: 200,
      render: (_: unknown, i: IndicatorOverviewItem) =>
        i.progress ? (
          <span data-testid={`indicator-progress-${i.id}`}>
            <Progress
              percent={Math.min(100, Number(i.progress.display))}
              format={() => `${i.progress?.display}%`}
              status={i.met ? 'success' : 'active'}
              size="small"
            />
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'source',
      title: t(indicatorsText.source),
      render: (_: unknown, i: IndicatorOverviewItem) => (
        <Tag color={sourceColor[i.source]}>{t(indicatorsText[i.source])}</Tag>
      ),
    },
    {
      key: 'dataTime',
      title: t(indicatorsText.dataTime),
      render: (_: unknown, i: IndicatorOverviewItem) => formatDate(i.dataTime, locale),
    },
  ];

  return (
    <Page
      title={t(menuEntries.indicators.label)}
      extra={
        <Flex gap={8} align="center">
          <Select<number>
            value={data?.year}
            style={{ width: 120 }}
            options={(data?.years ?? []).map((y) => ({
              value: y,
              label: t(indicatorsText.year, { year: y }),
            }))}
            onChange={(y) => update('year', String(y))}
            data-testid="indicators-year"
          />
          {mayReport && data ? (
            <Button
              loading={reporting}
              onClick={() => void onAnnualReport(data.year)}
              data-testid="indicators-annual-report"
            >
              {t(indicatorsText.annualReport)}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {overview.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(indicatorsText.loadFailed, { message: overview.error.message })}
        />
      ) : null}
      {me.role === 'town' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t(indicatorsText.townLimited)}：${me.scopeName ?? me.scopeId ?? ''}`}
        />
      ) : null}
      {data?.items.some((i) => i.target !== null) ? (
        <Card title={t(indicatorsText.targetsTitle, { year: data.year })} style={{ marginBottom: 16 }}>
          <TargetsOverview items={data.items} year={data.year} onPick={(id) => update('indicator', id)} />
        </Card>
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={show in SHOWS ? show : 'all'}
            onChange={(v) => update('show', String(v))}
            options={(Object.keys(SHOWS) as Show[]).map((key) => ({
              value: key,
              label: `${t(indicatorsText.show[key])} ${(data?.items ?? []).filter(SHOWS[key]).length}`,
            }))}
            data-testid="indicators-show"
          />
          <Input.Search
            allowClear
            placeholder={t(indicatorsText.searchIndicators)}
            style={{ width: 240 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="indicators-search"
          />
          {data ? (
            <Typography.Text type="secondary" data-testid="indicators-as-of">
              {t(indicatorsText.asOf, { date: formatDate(`${data.year}-12-31`, locale) })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Table<IndicatorOverviewItem>
          rowKey="id"
          size="middle"
          loading={overview.isFetching}
          dataSource={shown}
          columns={columns}
          pagination={false}
          onRow={(i) => ({
            ...testId(`indicator-row-${i.id}`),
            onClick: () => update('indicator', i.id),
            style: { cursor: 'pointer', background: i.id === selected?.id ? '#e6f4ff' : undefined },
          })}
        />
      </Card>
      {selected ? (
        <Card
          title={t(indicatorsText.byTown, { name: t(selected.name) })}
          extra={
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t(indicatorsText.chartHint)}</Typography.Text>
              {mayEdit && selected.source === 'reported' ? (
                <Button onClick={() => setEditing('report')} data-testid="indicator-report-open">
                  {t(indicatorsText.report)}
                </Button>
              ) : null}
              {mayEdit ? (
                <Button onClick={() => setEditing('target')} data-testid="indicator-target-open">
                  {t(indicatorsText.setTarget)}
                </Button>
              ) : null}
            </Flex>
          }
        >
          {selected.reported && data ? <ReportedSource year={data.year} item={selected} /> : null}
          {selected.breakdown && data ? (
            <ChartPanel
              testId="indicator-towns"
              fileName={`${selected.id}-${data.year}-towns.csv`}
              rows={selected.towns}
              columns={[
                { key: 'town', title: t(indicatorsText.town), value: (x) => x.townName },
                { key: 'value', title: t(indicatorsText.townValue), value: (x) => x.figure?.display ?? null },
                {
                  key: 'target',
                  title: t(indicatorsText.townTarget),
                  value: (x) => x.target?.display ?? null,
                },
              ]}
              chart={
                <TownBarChart
                  bars={bars}
                  unit={t(selected.unit)}
                  onPick={(town) => void navigate(recordsPath(selected.id, data.year, town))}
                />
              }
            />
          ) : (
            <Typography.Text type="secondary">{t(indicatorsText.noBreakdown)}</Typography.Text>
          )}
        </Card>
      ) : null}
      {selected?.months && data ? (
        <Card title={t(indicatorsText.trend, { name: t(selected.name) })} style={{ marginTop: 16 }}>
          <MonthTrend item={selected} year={data.year} months={selected.months} />
        </Card>
      ) : null}
      {editing === 'target' && selected && data ? (
        <TargetModal year={data.year} item={selected} onClose={() => setEditing(null)} />
      ) : null}
      {editing === 'report' && selected && data ? (
        <ReportModal year={data.year} item={selected} onClose={() => setEditing(null)} />
      ) : null}
    </Page>
  );
}
