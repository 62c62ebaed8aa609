/** 变更历史: the audit trail of this enterprise, newest first, with each change's before and after. */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { roleLabels, roles, type Role } from '@jinke/core/accounts/roles.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import { ChangesView } from '../../audit/components/changes-view.tsx';
import { enterpriseHistory, registryKeys, type HistoryItem } from '../api.ts';
import { enterpriseText, historyActionLabels } from '../enterprise.messages.ts';
import { registryText } from '../registry.messages.ts';

const isRole = (value: string | null): value is Role =>
  value !== null && (roles as readonly string[]).includes(value);

export function EnterpriseHistoryTab({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const history = useQuery({
    queryKey: registryKeys.enterprisePart(enterpriseId, 'history', paging),
    queryFn: () => enterpriseHistory(enterpriseId, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="enterprise-history" data-loaded={history.isSuccess}>
      {history.error ? (
        <Alert type="error" showIcon title={t(registryText.loadFailed, { message: history.error.message })} />
      ) : null}
      <Table<HistoryItem>
        rowKey="seq"
        size="small"
        loading={history.isFetching}
        dataSource={history.data?.items ?? []}
        onRow={(item) => testId(`history-row-${item.seq}`)}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: history.data?.total ?? 0,
          showTotal: (total) => t(registryText.total, { total }),
          onChange: (page, pageSize) =>
            setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        columns={[
          {
            key: 'time',
            title: t(enterpriseText.time),
            dataIndex: 'occurredAt',
            width: 180,
            render: (v: string) => formatDateTime(v, locale),
          },
          {
            key: 'actor',
            title: t(enterpriseText.actor),
            width: 180,
            render: (_v, item) => (
              <>
                <div>{item.actorName ?? t(enterpriseText.system)}</div>
                {isRole(item.role) ? (
                  <Typography.Text type="secondary">{t(roleLabels[item.role])}</Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'action',
            title: t(enterpriseText.action),
            dataIndex: 'action',
            width: 170,
            render: (action: string) => {
              const label = historyActionLabels[action];
              return label ? t(label) : <Typography.Text code>{action}</Typography.Text>;
            },
          },
          {
            key: 'changes',
            title: t(enterpriseText.changes),
            render: (_v, item) => <ChangesView changes={item.changes} />,
          },
        ]}
      />
    </div>
  );
}
