/** The enterprise's R&D projects: kind, dates, contractor, entries and their sum; create, edit, delete. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { payeeTypeLabels, projectKindLabels } from '@jinke/core/cultivation/ledger.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { deleteProject, ledgerKeys, listProjects, type ProjectItem } from '../ledger.api.ts';
import { yuan } from '../ledger.labels.ts';
import { ledgerText } from '../ledger.messages.ts';
import { LedgerProjectForm } from './ledger-project-form.tsx';

export function LedgerProjects({
  editable,
  onShowEntries,
}: {
  editable: boolean;
  onShowEntries: (projectId: string) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ project: ProjectItem | null } | null>(null);
  const projects = useQuery({ queryKey: ledgerKeys.projects(), queryFn: () => listProjects() });
  const remove = useMutation({
    mutationFn: (id: string) => deleteProject(id),
    onSuccess: async () => {
      void message.success(t(ledgerText.removed));
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    },
    onError: (error) => void message.error(t(ledgerText.failed, { message: error.message })),
  });

  return (
    <Flex vertical gap={12} data-testid="ledger-projects">
      {editable ? (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ project: null })} data-testid="ledger-project-add">
            {t(ledgerText.addProject)}
          </Button>
        </div>
      ) : null}
      {projects.error ? <Alert type="error" showIcon title={t(ledgerText.loadFailed, { message: projects.error.message })} /> : null}
      <Table<ProjectItem>
        rowKey="id"
        size="small"
        loading={projects.isFetching}
        dataSource={projects.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t(ledgerText.noProjects) }}
        onRow={(p) => testId(`ledger-project-row-${p.code}`)}
        columns={[
          { key: 'code', title: t(ledgerText.code), dataIndex: 'code', width: 130, fixed: 'left' },
          { key: 'name', title: t(ledgerText.name), dataIndex: 'name' },
          {
            key: 'kind',
            title: t(ledgerText.kind),
            width: 200,
            render: (_v, p) => (
              <Space size={4} wrap>
                <Tag>{t(projectKindLabels[p.kind])}</Tag>
                {p.payeeType ? <Tag>{t(payeeTypeLabels[p.payeeType])}</Tag> : null}
                {p.capitalised ? <Tag color="purple">{t(ledgerText.capitalisedField)}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'dates',
            title: `${t(ledgerText.startsOn)} – ${t(ledgerText.endsOn)}`,
            width: 210,
            render: (_v, p) => `${p.startsOn} – ${p.endsOn ?? ''}`,
          },
          { key: 'count', title: t(ledgerText.entryCount), dataIndex: 'entryCount', width: 80, align: 'right' },
          {
            key: 'total',
            title: t(ledgerText.projectTotal),
            width: 150,
            align: 'right',
            render: (_v, p) => <span data-testid={`ledger-project-total-${p.code}`}>{yuan(p.totalFen)}</span>,
          },
          {
            key: 'actions',
            title: t(ledgerText.actions),
            width: editable ? 250 : 100,
            fixed: 'right',
            render: (_v, p) => (
              <Space size={4}>
                <Button size="small" icon={<UnorderedListOutlined />} onClick={() => onShowEntries(p.id)} data-testid={`ledger-project-entries-${p.code}`}>
                  {t(ledgerText.showEntries)}
                </Button>
                {editable ? (
                  <>
                    <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ project: p })} data-testid={`ledger-project-edit-${p.code}`}>
                      {t(ledgerText.edit)}
                    </Button>
                    <Popconfirm
                      title={t(ledgerText.removeProject, { code: p.code, count: p.entryCount })}
                      onConfirm={() => remove.mutate(p.id)}
                      okButtonProps={testId(`ledger-project-remove-ok-${p.code}`)}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} data-testid={`ledger-project-remove-${p.code}`}>
                        {t(ledgerText.remove)}
                      </Button>
                    </Popconfirm>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {dialog ? <LedgerProjectForm project={dialog.project} onClose={() => setDialog(null)} /> : null}
    </Flex>
  );
}
