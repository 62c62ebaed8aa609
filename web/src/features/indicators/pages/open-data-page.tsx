/**
 * 指标公开数据, the public page (no sign-in): the county figures of the indicators the bureau publishes for a year,
 * with unit, period, formula, definition and data time; a bar chart of each indicator across the years; the year's
 * data as CSV or JSON. The year lives in the address bar (`?year=`); without it the server answers the latest.
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n.tsx';
import { appText } from '../../../app/messages.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { LanguageSwitch } from '../../../ui/language-switch.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { testId } from '../../../ui/test-id.ts';
import { YearBarChart, type YearBar } from '../components/year-bar-chart.tsx';
import {
  downloadOpenDataCsv,
  downloadOpenDataJson,
  getOpenData,
  openDataKeys,
  type OpenDataItem,
  type OpenDataResponse,
} from '../open-data.api.ts';
import { openDataText } from '../open-data.messages.ts';

/** The charts read at most this many most recent years. */
const CHART_YEARS = 10;

function yearOf(text: string | null): number | undefined {
  return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

function Trends({ data }: { data: OpenDataResponse }) {
  const { t } = useI18n();
  const years = data.years.slice(-CHART_YEARS);
  const results = useQueries({
    queries: years.map((y) => ({
      queryKey: openDataKeys.year(y),
      queryFn: () => getOpenData(y),
      // The year on screen is already here; the others are fetched once.
      ...(y === data.year ? { initialData: data } : {}),
      staleTime: 5 * 60_000,
    })),
  });
  const byYear = new Map(years.map((y, n) => [y, results[n]?.data]));

  return (
    <Card
      title={t(openDataText.trends)}
      extra={<Typography.Text type="secondary">{t(openDataText.trendsHint)}</Typography.Text>}
    >
      <Row gutter={[16, 16]}>
        {data.items.map((item) => {
          const bars: YearBar[] = years.map((y) => {
            const display = byYear.get(y)?.items.find((i) => i.id === item.id)?.display;
            return { year: y, label: String(y), value: display == null ? null : Number(display) };
          });
          return (
            <Col key={item.id} xs={24} md={12}>
              <Typography.Text strong>
                {t(openDataText.chartTitle, { name: t(item.name), unit: t(item.unit) })}
              </Typography.Text>
              <YearBarChart bars={bars} unit={t(item.unit)} testId={`open-data-chart-${item.id}`} />
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

export function OpenDataPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const year = yearOf(params.get('year'));
  const query = useQuery({
    queryKey: openDataKeys.year(year),
    queryFn: () => getOpenData(year),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = query.data;
  const [downloading, setDownloading] = useState<'csv' | 'json' | null>(null);

  const download = async (kind: 'csv' | 'json', y: number) => {
    setDownloading(kind);
    try {
      await (kind === 'csv' ? downloadOpenDataCsv(y) : downloadOpenDataJson(y));
    } catch (error) {
      if (error instanceof Error)
        void message.error(t(openDataText.downloadFailed, { message: error.message }));
    } finally {
      setDownloading(null);
    }
  };

  const columns = useMemo(
    () => [
      {
        key: 'name',
        title: t(openDataText.indicator),
        render: (_: unknown, i: OpenDataItem) => (
          <Flex vertical>
            <span>{t(i.name)}</span>
            <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
              {i.id}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'value',
        title: t(openDataText.value),
        align: 'right' as const,
        render: (_: unknown, i: OpenDataItem) =>
          i.display === null ? (
            <Typography.Text type="secondary" data-testid={`open-data-value-${i.id}`}>
              {t(i.missing === 'division-by-zero' ? openDataText.divisionByZero : openDataText.noFigure)}
            </Typography.Text>
          ) : (
            <Typography.Text
              strong
              data-testid={`open-data-value-${i.id}`}
              title={i.value ?? undefined}
              style={{ whiteSpace: 'nowrap' }}
            >
              {i.display}
            </Typography.Text>
          ),
      },
      {
        key: 'unit',
        title: t(openDataText.unit),
        render: (_: unknown, i: OpenDataItem) => <span style={{ whiteSpace: 'nowrap' }}>{t(i.unit)}</span>,
      },
      {
        key: 'period',
        title: t(openDataText.period),
        render: (_: unknown, i: OpenDataItem) => (
          <Flex vertical>
            <Tag style={{ width: 'fit-content' }}>
              {t(i.period === 'year' ? openDataText.periodYear : openDataText.periodYearEnd)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(i.asOf, locale)}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'formula',
        title: t(openDataText.formula),
        render: (_: unknown, i: OpenDataItem) => <Typography.Text code>{i.formula}</Typography.Text>,
      },
      {
        key: 'citation',
        title: t(openDataText.citation),
        width: '32%',
        render: (_: unknown, i: OpenDataItem) => <span style={{ fontSize: 13 }}>{i.citation}</span>,
      },
      {
        key: 'dataTime',
        title: t(openDataText.dataTime),
        render: (_: unknown, i: OpenDataItem) => formatDateTime(i.dataTime, locale),
      },
    ],
    [t, locale],
  );

  return (
    <div style={{ minHeight: '100vh', background: '#eef2f8' }} data-testid="open-data-page">
      <header className="jk-login-banner" style={{ background: '#0f3a7a' }}>
        <div className="jk-login-emblem" aria-hidden>
          科
        </div>
        <div>
          <div className="jk-login-title">{t(appText.platformName)}</div>
          <div className="jk-login-subtitle">{t(openDataText.title)}</div>
        </div>
        <div className="jk-login-lang">
          <Flex gap={12} align="center">
            <Link to="/login" style={{ color: '#fff' }}>
              {t(openDataText.signIn)}
            </Link>
            <LanguageSwitch size="small" />
          </Flex>
        </div>
      </header>
      <main style={{ maxWidth: 1200, margin: '24px auto', padding: '0 16px', width: '100%' }}>
        <Typography.Paragraph>{t(openDataText.intro)}</Typography.Paragraph>
        {query.isPending ? <PageSpin /> : null}
        {query.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="open-data-error"
            title={t(openDataText.loadFailed, { message: query.error.message })}
            action={
              year !== undefined ? (
                <Button
                  size="small"
                  onClick={() => setParams({}, { replace: true })}
                  data-testid="open-data-latest"
                >
                  {t(openDataText.latest)}
                </Button>
              ) : null
            }
          />
        ) : null}
        {data ? (
          <Flex vertical gap={16}>
            <Card
              title={
                <Flex gap={12} align="center" wrap>
                  <span data-testid="open-data-heading">
                    {t(openDataText.year, { year: data.year })} · {t(openDataText.title)}
                  </span>
                  <Typography.Text
                    type="secondary"
                    style={{ fontWeight: 'normal' }}
                    data-testid="open-data-as-of"
                  >
                    {t(openDataText.asOf, { date: formatDate(`${data.year}-12-31`, locale) })}
                  </Typography.Text>
                </Flex>
              }
              extra={
                <Flex gap={8} align="center">
                  <Select<number>
                    aria-label={t(openDataText.yearLabel)}
                    value={data.year}
                    style={{ width: 120 }}
                    options={[...data.years]
                      .reverse()
                      .map((y) => ({ value: y, label: t(openDataText.year, { year: y }) }))}
                    onChange={(y) => setParams({ year: String(y) }, { replace: true })}
                    data-testid="open-data-year"
                  />
                  <Button
                    icon={<DownloadOutlined />}
                    loading={downloading === 'csv'}
                    onClick={() => void download('csv', data.year)}
                    data-testid="open-data-download-csv"
                  >
                    {t(openDataText.downloadCsv)}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    loading={downloading === 'json'}
                    onClick={() => void download('json', data.year)}
                    data-testid="open-data-download-json"
                  >
                    {t(openDataText.downloadJson)}
                  </Button>
                </Flex>
              }
            >
              <Table<OpenDataItem>
                rowKey="id"
                size="middle"
                loading={query.isFetching}
                dataSource={data.items}
                columns={columns}
                pagination={false}
                scroll={{ x: 960 }}
                onRow={(i) => testId(`open-data-row-${i.id}`)}
              />
            </Card>
            <Trends data={data} />
            <Card size="small" title={t(openDataText.licence)}>
              <Typography.Paragraph data-testid="open-data-licence" style={{ marginBottom: 8 }}>
                {t(data.licence)}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t(openDataText.publisher, { name: t(data.publisher) })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
                {t(openDataText.fields)}
              </Typography.Paragraph>
            </Card>
          </Flex>
        ) : null}
      </main>
    </div>
  );
}
