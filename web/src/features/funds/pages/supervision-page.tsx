/**
 * 资金监管: the supervision flags with their reasons (funded twice, a funded patent lapsed within the clawback
 * window, above the standard), each call's budget use, and the policy standards in force. Narrowed to one call by
 * choosing it. For officers, admins and leaders.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Table, Tag, Typography } from 'antd';
import { flagKindLabels } from '@jinke/core/funds/api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { fundsKeys, getSupervision, listStandards } from '../funds.api.ts';
import { fundsText } from '../funds.messages.ts';
import { wan } from '../money.ts';

const statusText = {
  in_force: fundsText.statusInForce,
  future: fundsText.statusFuture,
  ended: fundsText.statusEnded,
} as const;

export function SupervisionPage() {
  const { t } = useI18n();
  const [callId, setCallId] = useState<string | null>(null);
  const data = useQuery({ queryKey: fundsKeys.supervision(callId), queryFn: () => getSupervision(callId) });
  const all = useQuery({ queryKey: fundsKeys.supervision(null), queryFn: () => getSupervision(null) });
  const standards = useQuery({ queryKey: fundsKeys.standards, queryFn: listStandards });
  const error = data.error ?? standards.error;

  return (
    <Page title={t(fundsText.pageTitle)}>
      {error ? (
        <Alert type="error" showIcon title={t(fundsText.loadFailed, { message: error.message })} />
      ) : null}
      <Select
        allowClear
        style={{ width: 420, marginBottom: 16 }}
        placeholder={t(fundsText.allCalls)}
        value={callId ?? undefined}
        onChange={(v: string | undefined) => setCallId(v ?? null)}
        options={(all.data?.budgets ?? []).map((b) => ({
          value: b.callId,
          label: `${b.year} ${b.callTitle}`,
        }))}
        data-testid="supervision-call"
      />
      <Card title={t(fundsText.flags)} data-testid="supervision-flags">
        <Table
          size="small"
          rowKey={(f) => `${f.kind}-${f.applicationIds.join('-')}-${f.itemKey ?? ''}`}
          loading={data.isPending}
          pagination={false}
          dataSource={data.data?.flags ?? []}
          locale={{ emptyText: t(fundsText.noFlags) }}
          onRow={() => ({ 'data-testid': 'supervision-flag' }) as object}
          columns={[
            {
              title: t(fundsText.kind),
              render: (_, f) => (
                <Tag color={f.kind === 'above-standard' ? 'orange' : 'red'}>{t(flagKindLabels[f.kind])}</Tag>
              ),
            },
            { title: t(fundsText.enterprise), render: (_, f) => `${f.enterpriseName}（${f.uscc}）` },
            { title: t(fundsText.item), render: (_, f) => f.itemKey ?? '—' },
            { title: t(fundsText.calls), render: (_, f) => f.callTitles.join('、') },
            { title: t(fundsText.why), render: (_, f) => t(f) },
          ]}
        />
      </Card>
      <Card title={t(fundsText.budgets)} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="callId"
          pagination={false}
          dataSource={data.data?.budgets ?? []}
          onRow={(b) => ({ 'data-testid': `budget-row-${b.callId}` }) as object}
          columns={[
            { title: t(fundsText.call), dataIndex: 'callTitle' },
            { title: t(fundsText.budget), align: 'right', render: (_, b) => wan(b.budgetFen) },
            { title: t(fundsText.awardedTotal), align: 'right', render: (_, b) => wan(b.awardedFen) },
            { title: t(fundsText.remaining), align: 'right', render: (_, b) => wan(b.remainingFen) },
            { title: t(fundsText.disbursedTotal), align: 'right', render: (_, b) => wan(b.disbursedFen) },
            { title: t(fundsText.clawedBackTotal), align: 'right', render: (_, b) => wan(b.clawedBackFen) },
            { title: t(fundsText.awards), align: 'right', dataIndex: 'awards' },
          ]}
        />
      </Card>
      <Card title={t(fundsText.standards)} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={standards.data?.items ?? []}
          columns={[
            { title: t(fundsText.standard), render: (_, s) => t(s.name) },
            {
              title: t(fundsText.effective),
              render: (_, s) => `${s.effectiveFrom} — ${s.effectiveTo ?? ''}`,
            },
            { title: '', render: (_, s) => <Tag>{t(statusText[s.status])}</Tag> },
            {
              title: t(fundsText.citation),
              render: (_, s) => (
                <>
                  {s.citation}
                  {s.note ? (
                    <div>
                      <Typography.Text type="secondary">{s.note}</Typography.Text>
                    </div>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
