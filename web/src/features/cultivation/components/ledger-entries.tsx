/** Ledger entries by project, year and category, paged, with their sum; add, edit, delete. */
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Flex, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ALL_LEDGER_CATEGORIES } from '@jinke/core/cultivation/rd-categories.ts';
import { ledgerCategoryTitle } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import type { LedgerCategoryKey } from '@jinke/core/cultivation/ledger.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { deleteEntry, ledgerKeys, listEntries, listProjects, type EntryItem } from '../ledger.api.ts';
import { categoryLabel, yuan } from '../ledger.labels.ts';
import { ledgerText } from '../ledger.messages.ts';
import { LedgerEntryForm } from './ledger-entry-form.tsx';

const PAGE_SIZE = 20;

export function LedgerEntries({
  editable,
  projectId,
  onProjectChange,
}: {
  editable: boolean;
  projectId: string | undefined;
  onProjectChange: (id: string | undefined) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [category, setCategory] = useState<LedgerCategoryKey | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<{ entry: EntryItem | null } | null>(null);
  const projects = useQuery({ queryKey: ledgerKeys.projects(), queryFn: () => listProjects() });
  const query = { projectId, year, category, page, pageSize: PAGE_SIZE };
  const entries = useQuery({
    queryKey: ledgerKeys.entries(query),
    queryFn: () => listEntries(query),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteEntry(id),
    onSuccess: async () => {
      void message.success(t(ledgerText.removed));
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    },
    onError: (error) => void message.error(t(ledgerText.failed, { message: error.message })),
  });
  const projectItems = projects.data?.items ?? [];
  const thisYear = new Date().getFullYear();
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Flex vertical gap={12} data-testid="ledger-entries">
      <Flex gap={8} wrap align="center">
        {editable ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={projectItems.length === 0}
            onClick={() => setDialog({ entry: null })}
            data-testid="ledger-entry-add"
          >
            {t(ledgerText.addEntry)}
          </Button>
        ) : null}
        <Select<string | undefined>
          style={{ width: 260 }}
          value={projectId}
          onChange={filter(onProjectChange)}
          allowClear
          placeholder={`${t(ledgerText.project)}：${t(ledgerText.all)}`}
          options={projectItems.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          data-testid="ledger-filter-project"
        />
        <Select<number | undefined>
          style={{ width: 140 }}
          value={year}
          onChange={filter(setYear)}
          allowClear
          placeholder={`${t(ledgerText.yearFilter)}：${t(ledgerText.all)}`}
          options={Array.from({ length: thisYear - 2008 + 1 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
          data-testid="ledger-filter-year"
        />
        <Select<LedgerCategoryKey | undefined>
          style={{ width: 220 }}
          value={category}
          onChange={filter(setCategory)}
          allowClear
          placeholder={`${t(ledgerText.entryCategory)}：${t(ledgerText.all)}`}
          options={ALL_LEDGER_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabel(c)) }))}
          data-testid="ledger-filter-category"
        />
        {entries.data ? (
          <Typography.Text data-testid="ledger-entries-sum">
            {t(ledgerText.sum, { total: entries.data.total, amount: yuan(entries.data.sumFen) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {entries.error ? <Alert type="error" showIcon title={t(ledgerText.loadFailed, { message: entries.error.message })} /> : null}
      <Table<EntryItem>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t(ledgerText.noEntries) }}
        onRow={(e) => testId(`ledger-entry-row-${e.id}`)}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: entries.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { key: 'month', title: t(ledgerText.month), dataIndex: 'month', width: 100 },
          { key: 'project', title: t(ledgerText.project), dataIndex: 'projectCode', width: 130 },
          {
            key: 'category',
            title: t(ledgerText.entryCategory),
            width: 220,
            render: (_v, e) => (
              <Tooltip title={t(ledgerCategoryTitle(e.category))}>
                <span>{t(categoryLabel(e.category))}</span>
              </Tooltip>
            ),
          },
          {
            key: 'amount',
            title: t(ledgerText.amount),
            width: 150,
            align: 'right',
            render: (_v, e) => (
              <Space size={4}>
                {e.nonTaxable ? <Tag color="orange">{t(ledgerText.nonTaxable)}</Tag> : null}
                <span>{yuan(e.amountFen)}</span>
              </Space>
            ),
          },
          { key: 'voucher', title: t(ledgerText.voucherNo), dataIndex: 'voucherNo', width: 150 },
          { key: 'note', title: t(ledgerText.entryNote), dataIndex: 'note' },
          ...(editable
            ? [
                {
                  key: 'actions',
                  title: t(ledgerText.actions),
                  width: 170,
                  fixed: 'right' as const,
                  render: (_v: unknown, e: EntryItem) => (
                    <Space size={4}>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ entry: e })} data-testid={`ledger-entry-edit-${e.id}`}>
                        {t(ledgerText.edit)}
                      </Button>
                      <Popconfirm
                        title={t(ledgerText.removeEntry)}
                        onConfirm={() => remove.mutate(e.id)}
                        okButtonProps={testId(`ledger-entry-remove-ok-${e.id}`)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} data-testid={`ledger-entry-remove-${e.id}`}>
                          {t(ledgerText.remove)}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog ? (
        <LedgerEntryForm entry={dialog.entry} projects={projectItems} defaultProjectId={projectId} onClose={() => setDialog(null)} />
      ) : null}
    </Flex>
  );
}
