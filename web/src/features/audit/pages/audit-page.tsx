/** The audit log viewer (admin): filters, the trail newest first, Excel export, chain verification. */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, DatePicker, Form, Input, Space, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { roleLabels, roles, type Role } from '@jinke/core/accounts/roles.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { testId } from '../../../ui/test-id.ts';
import { auditKeys, exportAudit, listAudit, type AuditEntryItem, type AuditFilterValues } from '../api.ts';
import { AuditVerify } from '../components/audit-verify.tsx';
import { ChangesView } from '../components/changes-view.tsx';
import { auditText } from '../messages.ts';

const TEXT_FILTERS = ['action', 'entityType', 'entityId', 'actor'] as const;
const PAGE_SIZES = [20, 50, 100, 200];
const DAY = 'YYYY-MM-DD';

interface FormValues {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function readFilters(params: URLSearchParams): AuditFilterValues {
  const filters: AuditFilterValues = {};
  for (const key of [...TEXT_FILTERS, 'from', 'to'] as const) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

function isRole(value: string | null): value is Role {
  return value !== null && (roles as readonly string[]).includes(value);
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 50;
  const [exporting, setExporting] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const trail = useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => listAudit(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const apply = (next: AuditFilterValues, paging: { page?: number; pageSize?: number } = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next) as [string, string | undefined][]) if (value) search.set(key, value);
    if (paging.page && paging.page > 1) search.set('page', String(paging.page));
    if (paging.pageSize && paging.pageSize !== 50) search.set('pageSize', String(paging.pageSize));
    setParams(search, { replace: true });
  };

  const onSearch = (values: FormValues) => {
    const [from, to] = values.period ?? [null, null];
    apply({
      action: values.action?.trim(),
      entityType: values.entityType?.trim(),
      entityId: values.entityId?.trim(),
      actor: values.actor?.trim(),
      from: from?.format(DAY),
      to: to?.format(DAY),
    });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await exportAudit(filters);
    } catch (error) {
      if (error instanceof Error) void message.error(t(auditText.exportFailed, { message: error.message }));
    } finally {
      setExporting(false);
    }
  };

  const initial: FormValues = {
    ...filters,
    period: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
  };

  return (
    <Page
      title={t(menuEntries.audit.label)}
      extra={
        <>
          <AuditVerify />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()} data-testid="audit-export">
            {t(auditText.export)}
          </Button>
        </>
      }
    >
      <Card>
        <Form<FormValues> form={form} layout="inline" initialValues={initial} onFinish={onSearch} className="jk-filters">
          <Form.Item name="action" label={t(auditText.action)}>
            <Input allowClear placeholder={t(auditText.actionPlaceholder)} data-testid="audit-filter-action" />
          </Form.Item>
          <Form.Item name="entityType" label={t(auditText.entityType)}>
            <Input allowClear data-testid="audit-filter-entity-type" />
          </Form.Item>
          <Form.Item name="entityId" label={t(auditText.entityId)}>
            <Input allowClear data-testid="audit-filter-entity-id" />
          </Form.Item>
          <Form.Item name="actor" label={t(auditText.actor)}>
            <Input allowClear data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item name="period" label={t(auditText.period)}>
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-period" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                {t(auditText.search)}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({ action: undefined, entityType: undefined, entityId: undefined, actor: undefined, period: null });
                  apply({});
                }}
                data-testid="audit-reset"
              >
                {t(auditText.reset)}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Table<AuditEntryItem>
          rowKey="seq"
          size="small"
          style={{ marginTop: 16 }}
          loading={trail.isFetching}
          dataSource={trail.data?.items ?? []}
          scroll={{ x: 1400 }}
          onRow={(entry) => testId(`audit-row-${entry.seq}`)}
          pagination={{
            current: page,
            pageSize,
            total: trail.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t(auditText.total, { total }),
            onChange: (nextPage, nextSize) => apply(filters, { page: nextPage, pageSize: nextSize }),
          }}
          columns={[
            { key: 'seq', title: t(auditText.seq), dataIndex: 'seq', width: 80 },
            {
              key: 'occurredAt',
              title: t(auditText.occurredAt),
              dataIndex: 'occurredAt',
              width: 170,
              render: (value: string) => formatDateTime(value, locale),
            },
            {
              key: 'actor',
              title: t(auditText.actorName),
              width: 150,
              render: (_v, entry) => (
                <>
                  <div>{entry.actorName ?? t(auditText.system)}</div>
                  <Typography.Text type="secondary">
                    {isRole(entry.role) ? t(roleLabels[entry.role]) : (entry.role ?? '')}
                    {entry.scope ? ` · ${entry.scope}` : ''}
                  </Typography.Text>
                </>
              ),
            },
            {
              key: 'action',
              title: t(auditText.action),
              dataIndex: 'action',
              width: 180,
              render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
            },
            {
              key: 'entity',
              title: t(auditText.entity),
              width: 200,
              render: (_v, entry) => (
                <>
                  <div>{entry.entityType}</div>
                  {entry.entityId ? <Typography.Text type="secondary" copyable>{entry.entityId}</Typography.Text> : null}
                </>
              ),
            },
            { key: 'changes', title: t(auditText.changes), render: (_v, entry) => <ChangesView changes={entry.changes} /> },
            { key: 'ip', title: t(auditText.ip), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
            {
              key: 'hash',
              title: t(auditText.hash),
              dataIndex: 'hash',
              width: 140,
              render: (hash: string, entry) => (
                <Tooltip title={<span className="jk-mono">{`${t(auditText.requestId)}: ${entry.requestId ?? '—'}\n${hash}`}</span>}>
                  <Typography.Text className="jk-mono" copyable={{ text: hash }}>
                    {hash.slice(0, 12)}…
                  </Typography.Text>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
