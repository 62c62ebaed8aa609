/**
 * 挂钩关系: who is linked to which enterprise, since when, the last visit and the enterprise's pending and overdue
 * problems. A leader sees their own; officers filter by leader and town and may end a link.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { townChoices, useDivisions } from '../../registry/api.ts';
import { endLink, linkageKeys, listLinks, listPeople, type LinkItem } from '../linkage.api.ts';
import { linkageText } from '../linkage.messages.ts';

export function LinksPanel({ manage }: { manage: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [leaderId, setLeaderId] = useState<string | undefined>();
  const [town, setTown] = useState<string | undefined>();
  const query = { leaderId, town };
  const links = useQuery({ queryKey: linkageKeys.links(query), queryFn: () => listLinks(query) });
  const people = useQuery({ queryKey: linkageKeys.people, queryFn: listPeople, enabled: manage });
  const divisions = useDivisions();
  const unlink = useMutation({
    mutationFn: endLink,
    onSuccess: async () => {
      void message.success(t(linkageText.unlinked));
      await queryClient.invalidateQueries({ queryKey: linkageKeys.all });
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <>
      {manage ? (
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            style={{ width: 150 }}
            placeholder={t(linkageText.allLeaders)}
            value={leaderId}
            onChange={setLeaderId}
            options={(people.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))}
            data-testid="links-filter-leader"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            placeholder={t(linkageText.allTowns)}
            value={town}
            onChange={setTown}
            options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Flex>
      ) : null}
      {links.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(linkageText.loadFailed, { message: links.error.message })}
        />
      ) : null}
      <Table<LinkItem>
        rowKey="id"
        size="middle"
        loading={links.isPending}
        dataSource={links.data?.items ?? []}
        locale={{ emptyText: t(linkageText.noLinks) }}
        data-testid="links-table"
        onRow={(l) => testId(`link-row-${l.id}`)}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          ...(manage ? [{ title: t(linkageText.leader), dataIndex: 'leaderName', width: 110 }] : []),
          { title: t(linkageText.enterprise), dataIndex: 'enterpriseName' },
          { title: t(linkageText.town), dataIndex: 'townName', width: 100 },
          { title: t(linkageText.since), dataIndex: 'since', width: 110 },
          {
            title: t(linkageText.lastVisit),
            dataIndex: 'lastVisitOn',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          { title: t(linkageText.pending), dataIndex: 'pending', width: 80, align: 'right' },
          {
            title: t(linkageText.overdue),
            dataIndex: 'overdue',
            width: 80,
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          ...(manage
            ? [
                {
                  title: t(linkageText.actions),
                  width: 110,
                  render: (_: unknown, l: LinkItem) => (
                    <Popconfirm
                      title={t(linkageText.unlinkConfirm, {
                        leader: l.leaderName,
                        enterprise: l.enterpriseName,
                      })}
                      onConfirm={() => unlink.mutate(l.id)}
                    >
                      <Button type="link" size="small" danger data-testid="link-end">
                        {t(linkageText.unlink)}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
