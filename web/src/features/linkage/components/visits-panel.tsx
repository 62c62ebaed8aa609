/** 走访记录: visits, newest first, with the leader, who took part, what was discussed and how many problems arose. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { linkageKeys, listVisits, type VisitItem } from '../linkage.api.ts';
import { linkageText } from '../linkage.messages.ts';

export function VisitsPanel() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 20 };
  const visits = useQuery({ queryKey: linkageKeys.visits(query), queryFn: () => listVisits(query) });
  return (
    <>
      {visits.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(linkageText.loadFailed, { message: visits.error.message })}
        />
      ) : null}
      <Table<VisitItem>
        rowKey="id"
        size="middle"
        loading={visits.isPending}
        dataSource={visits.data?.items ?? []}
        locale={{ emptyText: t(linkageText.noVisits) }}
        data-testid="visits-table"
        onRow={(v) => testId(`visit-row-${v.id}`)}
        pagination={{
          current: page,
          pageSize: 20,
          total: visits.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t(linkageText.visitedOn), dataIndex: 'visitedOn', width: 110 },
          { title: t(linkageText.enterprise), dataIndex: 'enterpriseName' },
          { title: t(linkageText.town), dataIndex: 'townName', width: 100 },
          { title: t(linkageText.leader), dataIndex: 'leaderName', width: 100 },
          { title: t(linkageText.summary), dataIndex: 'summary' },
          { title: t(linkageText.participants), dataIndex: 'participants', width: 180 },
          { title: t(linkageText.problemCount), dataIndex: 'problems', width: 80, align: 'right' },
        ]}
      />
    </>
  );
}
