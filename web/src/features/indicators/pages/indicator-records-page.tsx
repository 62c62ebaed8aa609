/**
 * The drill-down of one indicator: the records its figure counts (for a coverage, the enterprises not covered),
 * paged, with the total, a town filter for county-wide users and the Excel export of every record. Year, town and
 * page live in the address bar.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { townChoices, useDivisions } from '../../registry/api.ts';
import { exportRecords, getRecords, indicatorKeys, type IndicatorRecord } from '../indicators.api.ts';
import { indicatorsText } from '../indicators.messages.ts';

const PAGE_SIZE = 20;

export function IndicatorRecordsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const divisions = useDivisions();
  const year = params.get('year') ?? undefined;
  const town = params.get('town') ?? undefined;
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const query = { year, town, page, pageSize: PAGE_SIZE };
  const records = useQuery({
    queryKey: indicatorKeys.records(id, query),
    queryFn: () => getRecords(id, query),
    placeholderData: keepPreviousData,
  });
  const data = records.data;

  const update = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await exportRecords(id, { year: year ?? data?.year, town });
      void message.success(t(indicatorsText.exported));
    } catch (error) {
      if (error instanceof Error)
        void message.error(t(indicatorsText.exportFailed, { message: error.message }));
    } finally {
      setExporting(false);
    }
  };

  const columns = [
    {
      key: 'index',
      title: t(indicatorsText.index),
      width: 70,
      render: (_: unknown, __: IndicatorRecord, index: number) => (page - 1) * PAGE_SIZE + index + 1,
    },
    { key: 'name', dataIndex: 'name', title: t(indicatorsText.name) },
    { key: 'code', dataIndex: 'code', title: t(indicatorsText.code) },
    { key: 'town', dataIndex: 'townName', title: t(indicatorsText.town) },
    { key: 'date', dataIndex: 'date', title: t(indicatorsText.date) },
    { key: 'detail', dataIndex: 'detail', title: t(indicatorsText.detail) },
  ];

  return (
    <Page
      title={data ? t(indicatorsText.recordsTitle, { name: t(data.indicator.name), year: data.year }) : id}
      extra={
        <>
          <Link to={`/indicators${data ? `?year=${data.year}` : ''}`} data-testid="indicator-records-back">
            <Button icon={<ArrowLeftOutlined />}>{t(indicatorsText.back)}</Button>
          </Link>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!data}
            onClick={() => void onExport()}
            data-testid="indicator-records-export"
          >
            {t(indicatorsText.export)}
          </Button>
        </>
      }
    >
      {records.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(indicatorsText.loadFailed, { message: records.error.message })}
          data-testid="indicator-records-error"
        />
      ) : null}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Typography.Text strong data-testid="indicator-records-list">
            {data ? t(data.list) : ''}
          </Typography.Text>
          <Flex gap={12} align="center">
            {me.role === 'town' ? null : (
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={town}
                placeholder={t(indicatorsText.allTowns)}
                style={{ width: 180 }}
                onChange={(value) => update({ town: value, page: undefined })}
                options={townChoices(divisions.data?.items ?? []).map((d) => ({
                  value: d.code,
                  label: d.name,
                }))}
                data-testid="indicator-records-town"
              />
            )}
            <Typography.Text data-testid="indicator-records-total">
              {data ? t(indicatorsText.total, { total: data.total }) : ''}
            </Typography.Text>
          </Flex>
        </Flex>
        <Table<IndicatorRecord>
          rowKey="id"
          size="middle"
          loading={records.isFetching}
          dataSource={data?.items ?? []}
          columns={columns}
          onRow={(r) => testId(`indicator-record-${r.id}`)}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
          }}
        />
      </Card>
    </Page>
  );
}
