/** 年度数据: one row per year with each figure's provenance and pending changes; record or edit a year. */
import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Space, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { yearFieldKey, type YearField } from '@jinke/core/registry/enterprises.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { listYears, registryKeys, type YearDetail } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { formatCount, yearFieldLabels } from '../labels.ts';
import { registryText } from '../registry.messages.ts';
import { Money, ProvenanceBadge } from './badges.tsx';
import { PendingChanges, useValueText } from './pending-changes.tsx';
import { YearFormModal } from './year-form-modal.tsx';

type Dialog = { year: YearDetail | null } | null;

export function EnterpriseYearsTab({
  enterpriseId,
  mode,
  mayDecide,
}: {
  enterpriseId: string;
  mode: 'apply' | 'self' | null;
  mayDecide: boolean;
}) {
  const { t, locale } = useI18n();
  const valueText = useValueText();
  const [dialog, setDialog] = useState<Dialog>(null);
  const years = useQuery({
    queryKey: registryKeys.enterprisePart(enterpriseId, 'years'),
    queryFn: () => listYears(enterpriseId),
  });
  const items = [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year);

  const cell = (row: YearDetail, field: YearField, shown: ReactNode) => {
    const key = yearFieldKey(row.year, field);
    const pending = row.pendingChanges.find((c) => c.field === key);
    return (
      <Space size={4} wrap>
        <span>{shown}</span>
        <ProvenanceBadge provenance={row.provenance[key]} />
        {pending ? (
          <Tooltip title={t(enterpriseText.pendingValue, { value: valueText(field, pending.newValue) })}>
            <Tag color="gold" data-testid={`year-pending-${row.year}-${field}`}>
              {t(enterpriseText.pendingTag)}
            </Tag>
          </Tooltip>
        ) : null}
      </Space>
    );
  };

  const money = (field: YearField) => ({
    key: field,
    title: `${t(yearFieldLabels[field])}`,
    width: 170,
    render: (_v: unknown, row: YearDetail) => cell(row, field, <Money fen={row[field] as number | null} />),
  });
  const headcount = (field: YearField) => ({
    key: field,
    title: t(yearFieldLabels[field]),
    width: 130,
    render: (_v: unknown, row: YearDetail) =>
      cell(row, field, formatCount(row[field] as number | null, locale)),
  });

  return (
    <Flex vertical gap={12}>
      {mode ? (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ year: null })}
            data-testid="year-add"
          >
            {t(enterpriseText.addYear)}
          </Button>
        </div>
      ) : null}
      {years.error ? (
        <Alert type="error" showIcon title={t(registryText.loadFailed, { message: years.error.message })} />
      ) : null}
      <PendingChanges
        enterpriseId={enterpriseId}
        changes={items.flatMap((row) => row.pendingChanges)}
        mayDecide={mayDecide}
      />
      <Table<YearDetail>
        rowKey="year"
        size="small"
        loading={years.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t(enterpriseText.noYears) }}
        onRow={(row) => testId(`year-row-${row.year}`)}
        columns={[
          {
            key: 'year',
            title: t(enterpriseText.year),
            dataIndex: 'year',
            width: 110,
            fixed: 'left',
            render: (y: number, row) => (
              <Space size={4}>
                <strong>{y}</strong>
                {row.recorded ? null : <Tag>{t(enterpriseText.yearPending)}</Tag>}
              </Space>
            ),
          },
          money('revenueFen'),
          money('rdFen'),
          headcount('staff'),
          headcount('techStaff'),
          money('netAssetsFen'),
          money('totalAssetsFen'),
          {
            key: 'aboveScale',
            title: t(yearFieldLabels.aboveScale),
            width: 130,
            render: (_v, row) =>
              cell(row, 'aboveScale', row.aboveScale ? t(registryText.yes) : t(registryText.no)),
          },
          ...(mode
            ? [
                {
                  key: 'edit',
                  title: t(registryText.actions),
                  width: 100,
                  fixed: 'right' as const,
                  render: (_v: unknown, row: YearDetail) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setDialog({ year: row })}
                      data-testid={`year-edit-${row.year}`}
                    >
                      {t(registryText.edit)}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog && mode ? (
        <YearFormModal
          key={dialog.year?.year ?? 'new'}
          enterpriseId={enterpriseId}
          year={dialog.year}
          takenYears={items.map((row) => row.year)}
          mode={mode}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Flex>
  );
}
