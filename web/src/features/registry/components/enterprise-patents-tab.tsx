/** 专利: the patents one of whose applicants is this enterprise, newest filing first. */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { listEnterprisePatents, registryKeys } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { registryText } from '../registry.messages.ts';
import { PatentTable } from './patent-table.tsx';

export function EnterprisePatentsTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const patents = useQuery({
    queryKey: registryKeys.enterprisePart(enterpriseId, 'patents', paging),
    queryFn: () => listEnterprisePatents(enterpriseId, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="enterprise-patents">
      {patents.error ? (
        <Alert type="error" showIcon title={t(registryText.loadFailed, { message: patents.error.message })} />
      ) : null}
      <PatentTable
        items={patents.data?.items ?? []}
        loading={patents.isFetching}
        emptyText={t(enterpriseText.noPatents)}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: patents.data?.total ?? 0,
          showTotal: (total) => (
            <span data-testid="enterprise-patents-total">{t(registryText.total, { total })}</span>
          ),
          onChange: (page, pageSize) =>
            setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
    </div>
  );
}
