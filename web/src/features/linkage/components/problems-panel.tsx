/**
 * The problem list (企业诉求): overdue first with a red 逾期 flag, filters by words, status, overdue, leader and town,
 * and per row the actions the user may take — officers assign and change the status; a leader may close or reopen.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Input, Select, Space, Table, Typography } from 'antd';
import type { Role } from '@jinke/core/accounts/roles.ts';
import {
  TRANSITIONS,
  problemStatuses,
  statusLabels,
  type ProblemStatus,
} from '@jinke/core/linkage/status.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { townChoices, useDivisions } from '../../registry/api.ts';
import { linkageKeys, listPeople, listProblems, type ProblemItem } from '../linkage.api.ts';
import { linkageText } from '../linkage.messages.ts';
import { AssignModal, StatusModal } from './problem-modals.tsx';
import { CategoryText, OverdueTag, ProblemStatusTag } from './problem-parts.tsx';

const LEADER_MOVES: readonly ProblemStatus[] = ['closed', 'reopened'];

export function ProblemsPanel({ role }: { role: Role }) {
  const { t } = useI18n();
  const bureau = role === 'admin' || role === 'officer';
  const internal = role !== 'enterprise';
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ProblemStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [leaderId, setLeaderId] = useState<string | undefined>();
  const [town, setTown] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [assigning, setAssigning] = useState<ProblemItem | null>(null);
  const [changing, setChanging] = useState<ProblemItem | null>(null);
  const query = {
    q: q.trim() || undefined,
    status,
    overdue: overdue || undefined,
    leaderId,
    town,
    page,
    pageSize: 20,
  };
  const problems = useQuery({ queryKey: linkageKeys.problems(query), queryFn: () => listProblems(query) });
  const people = useQuery({ queryKey: linkageKeys.people, queryFn: listPeople, enabled: bureau });
  const divisions = useDivisions();
  const moves = bureau ? problemStatuses : role === 'leader' ? LEADER_MOVES : [];
  const mayChange = (p: ProblemItem) => TRANSITIONS[p.status].some((s) => moves.includes(s));
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={`${t(linkageText.problem)} / ${t(linkageText.enterprise)}`}
          onSearch={filter(setQ)}
          data-testid="linkage-filter-q"
        />
        <Select<ProblemStatus>
          allowClear
          style={{ width: 150 }}
          placeholder={t(linkageText.allStatuses)}
          value={status}
          onChange={filter(setStatus)}
          options={problemStatuses.map((s) => ({ value: s, label: t(statusLabels[s]) }))}
          data-testid="linkage-filter-status"
        />
        {bureau ? (
          <Select<string>
            allowClear
            style={{ width: 150 }}
            placeholder={t(linkageText.allLeaders)}
            value={leaderId}
            onChange={filter(setLeaderId)}
            options={(people.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))}
            data-testid="linkage-filter-leader"
          />
        ) : null}
        {role !== 'town' && role !== 'enterprise' ? (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            placeholder={t(linkageText.allTowns)}
            value={town}
            onChange={filter(setTown)}
            options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="linkage-filter-town"
          />
        ) : null}
        <Checkbox
          checked={overdue}
          onChange={(e) => filter(setOverdue)(e.target.checked)}
          data-testid="linkage-filter-overdue"
        >
          {t(linkageText.overdueOnly)}
        </Checkbox>
        {problems.data ? (
          <Typography.Text type="secondary">
            {t(linkageText.asOf, { today: problems.data.today })}
          </Typography.Text>
        ) : null}
      </Flex>
      {problems.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(linkageText.loadFailed, { message: problems.error.message })}
        />
      ) : null}
      <Table<ProblemItem>
        rowKey="id"
        size="middle"
        loading={problems.isPending}
        dataSource={problems.data?.items ?? []}
        locale={{ emptyText: t(linkageText.noProblems) }}
        data-testid="problems-table"
        onRow={(p) => testId(`problem-row-${p.id}`)}
        pagination={{
          current: page,
          pageSize: 20,
          total: problems.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          rowExpandable: (p) => Boolean(p.description || p.resolution),
          expandedRowRender: (p) => (
            <Space orientation="vertical">
              {p.description ? <Typography.Text>{p.description}</Typography.Text> : null}
              {p.resolution ? (
                <Typography.Text type="success">
                  {t(linkageText.resolution)}：{p.resolution}
                  {p.resolvedOn ? `（${p.resolvedOn}）` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          {
            title: t(linkageText.problem),
            render: (_: unknown, p) => (
              <Space size={4} wrap>
                <span data-testid="problem-title">{p.title}</span>
                {p.overdue ? <OverdueTag /> : null}
              </Space>
            ),
          },
          { title: t(linkageText.enterprise), dataIndex: 'enterpriseName' },
          { title: t(linkageText.town), dataIndex: 'townName', width: 100 },
          {
            title: t(linkageText.category),
            dataIndex: 'category',
            width: 100,
            render: (c: ProblemItem['category']) => <CategoryText category={c} />,
          },
          ...(internal ? [{ title: t(linkageText.leader), dataIndex: 'leaderName', width: 100 }] : []),
          {
            title: internal ? t(linkageText.assignee) : t(linkageText.department),
            width: 140,
            render: (_: unknown, p: ProblemItem) =>
              [p.assigneeName, p.department].filter(Boolean).join(' · ') || '—',
          },
          { title: t(linkageText.dueOn), dataIndex: 'dueOn', width: 110 },
          {
            title: t(linkageText.status),
            dataIndex: 'status',
            width: 100,
            render: (s: ProblemStatus) => <ProblemStatusTag status={s} />,
          },
          ...(moves.length > 0
            ? [
                {
                  title: t(linkageText.actions),
                  width: 150,
                  render: (_: unknown, p: ProblemItem) => (
                    <Space size={0}>
                      {bureau ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setAssigning(p)}
                          data-testid="problem-assign-open"
                        >
                          {t(linkageText.assign)}
                        </Button>
                      ) : null}
                      {mayChange(p) ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setChanging(p)}
                          data-testid="problem-status-open"
                        >
                          {t(linkageText.changeStatus)}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {assigning ? <AssignModal problem={assigning} onClose={() => setAssigning(null)} /> : null}
      {changing ? <StatusModal problem={changing} allowed={moves} onClose={() => setChanging(null)} /> : null}
    </>
  );
}
