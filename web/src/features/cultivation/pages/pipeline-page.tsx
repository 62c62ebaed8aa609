/**
 * 高企培育库 for officers: the count of valid HNTE against the year's target, enterprises ranked by readiness, the
 * gaps they share (click one to list exactly those enterprises), filters by town, industry and readiness, Excel
 * export of what is filtered, and the certificates expiring within a year. Filters and the tab live in the address
 * bar. A town officer sees their own town only (the server enforces it; the town filter is hidden).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Cascader, Flex, Select, Tabs, Tooltip } from 'antd';
import { AimOutlined, DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import {
  readinessClasses,
  readinessLabels,
  type Readiness,
} from '@jinke/core/cultivation/pipeline.readiness.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { townChoices, useDivisions } from '../../registry/api.ts';
import { industryOptions, industryPathOf } from '../../registry/reference-options.ts';
import { PipelineExpiring } from '../components/pipeline-expiring.tsx';
import { PipelineGaps } from '../components/pipeline-gaps.tsx';
import { PipelineSummary } from '../components/pipeline-summary.tsx';
import { PipelineTable, type PipelinePaging, type PipelineSort } from '../components/pipeline-table.tsx';
import { PipelineTargetModal } from '../components/pipeline-target-modal.tsx';
import { exportPipeline, getPipeline, pipelineKeys, type PipelineParams } from '../pipeline.api.ts';
import { pipelineText } from '../pipeline.messages.ts';

const FILTER_KEYS = ['year', 'town', 'industry', 'readiness', 'gaps', 'sort', 'order'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const PAGE_SIZES = [20, 50, 100];
/** How often a stale snapshot is asked for again while the server recomputes it. */
const STALE_POLL_MS = 2000;

function readFilters(params: URLSearchParams) {
  const values: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key)?.trim();
    if (v) values[key] = v;
  }
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    values,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    tab: params.get('tab') === 'expiring' ? ('expiring' as const) : ('list' as const),
  };
}

export function PipelinePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const { values, page, pageSize, tab } = readFilters(params);
  const [exporting, setExporting] = useState(false);
  const [editingTarget, setEditingTarget] = useState(false);
  const divisions = useDivisions();
  const isTown = me.role === 'town';
  const mayEditTarget = me.role === 'admin' || me.role === 'officer';

  const query: PipelineParams = { ...values, page, pageSize };
  const list = useQuery({
    queryKey: pipelineKeys.list(query),
    queryFn: () => getPipeline(query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.snapshot.stale ? STALE_POLL_MS : false),
  });
  const data = list.data;

  const write = (next: URLSearchParams) => setParams(next, { replace: true });
  /** A filter change starts again at page 1. */
  const update = (change: Partial<Record<FilterKey, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    write(next);
  };
  const setTab = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'expiring') next.set('tab', 'expiring');
    else next.delete('tab');
    write(next);
  };
  const setPaging = (p: PipelinePaging) => {
    const next = new URLSearchParams(params);
    const put = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
    put('sort', p.sort);
    put('order', p.order);
    put('page', p.page > 1 ? String(p.page) : undefined);
    put('pageSize', p.pageSize !== 20 ? String(p.pageSize) : undefined);
    write(next);
  };

  const { page: _page, pageSize: _size, ...exportQuery } = query;
  const onExport = async () => {
    setExporting(true);
    try {
      await exportPipeline({ ...exportQuery, year: values.year ?? data?.campaign.year });
      void message.success(t(pipelineText.exported));
    } catch (error) {
      if (error instanceof Error)
        void message.error(t(pipelineText.exportFailed, { message: error.message }));
    } finally {
      setExporting(false);
    }
  };

  const year = data?.campaign.year;
  return (
    <Page
      title={
        <Flex align="center" gap={8}>
          {t(menuEntries.pipeline.label)}
          <Tooltip title={t(pipelineText.readinessHelp)}>
            <QuestionCircleOutlined style={{ fontSize: 16 }} data-testid="pipeline-help" />
          </Tooltip>
        </Flex>
      }
      extra={
        <>
          <Select<number>
            value={year}
            style={{ width: 130 }}
            options={(data?.campaign.years ?? []).map((y) => ({
              value: y,
              label: t(pipelineText.year, { year: y }),
            }))}
            onChange={(y) => update({ year: String(y), gaps: undefined })}
            data-testid="pipeline-year"
          />
          {mayEditTarget && year !== undefined ? (
            <Button
              icon={<AimOutlined />}
              onClick={() => setEditingTarget(true)}
              data-testid="pipeline-target-open"
            >
              {t(pipelineText.setTarget)}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!data}
            onClick={() => void onExport()}
            data-testid="pipeline-export"
          >
            {t(pipelineText.export)}
          </Button>
        </>
      }
    >
      {list.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(pipelineText.loadFailed, { message: list.error.message })}
        />
      ) : null}
      {isTown ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t(pipelineText.townLimited)}：${me.scopeName ?? me.scopeId ?? ''}`}
        />
      ) : null}
      {data?.snapshot.stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(pipelineText.stale)}
          data-testid="pipeline-stale"
        />
      ) : null}
      {data ? <PipelineSummary data={data} onShowExpiring={() => setTab('expiring')} /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'list',
              label: <span data-testid="pipeline-tab-list">{t(pipelineText.tabList)}</span>,
              children: (
                <>
                  <PipelineGaps
                    groups={data?.gaps ?? []}
                    active={values.gaps}
                    onPick={(gaps) => update({ gaps })}
                  />
                  <Flex gap={12} wrap style={{ marginBottom: 16 }}>
                    {isTown ? null : (
                      <Select<string>
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        value={values.town}
                        placeholder={t(pipelineText.allTowns)}
                        style={{ width: 180 }}
                        loading={divisions.isPending}
                        onChange={(town) => update({ town })}
                        options={townChoices(divisions.data?.items ?? []).map((d) => ({
                          value: d.code,
                          label: d.name,
                        }))}
                        data-testid="pipeline-filter-town"
                      />
                    )}
                    <Cascader
                      changeOnSelect
                      showSearch
                      value={industryPathOf(values.industry)}
                      placeholder={t(pipelineText.industry)}
                      style={{ width: 260 }}
                      options={industryOptions()}
                      onChange={(path) =>
                        update({
                          industry: path && path.length > 0 ? String(path[path.length - 1]) : undefined,
                        })
                      }
                      data-testid="pipeline-filter-industry"
                    />
                    <Select<Readiness>
                      allowClear
                      value={values.readiness as Readiness | undefined}
                      placeholder={t(pipelineText.allReadiness)}
                      style={{ width: 160 }}
                      onChange={(readiness) => update({ readiness })}
                      options={readinessClasses.map((r) => ({ value: r, label: t(readinessLabels[r]) }))}
                      data-testid="pipeline-filter-readiness"
                    />
                    <Button
                      onClick={() => write(new URLSearchParams(values.year ? { year: values.year } : {}))}
                      data-testid="pipeline-reset"
                    >
                      {t(pipelineText.reset)}
                    </Button>
                  </Flex>
                  <PipelineTable
                    items={data?.items ?? []}
                    total={data?.total ?? 0}
                    loading={list.isFetching}
                    paging={{
                      page,
                      pageSize,
                      sort: values.sort as PipelineSort | undefined,
                      order: values.order as 'asc' | 'desc' | undefined,
                    }}
                    onChange={setPaging}
                  />
                </>
              ),
            },
            {
              key: 'expiring',
              label: <span data-testid="pipeline-tab-expiring">{t(pipelineText.tabExpiring)}</span>,
              children:
                tab === 'expiring' ? (
                  <PipelineExpiring query={{ year: values.year, town: isTown ? undefined : values.town }} />
                ) : null,
            },
          ]}
        />
      </Card>
      {editingTarget && year !== undefined ? (
        <PipelineTargetModal
          year={year}
          current={data?.campaign.target ?? null}
          onClose={() => setEditingTarget(false)}
        />
      ) : null}
    </Page>
  );
}
