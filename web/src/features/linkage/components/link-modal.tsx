/** 新增挂钩: an officer links a leader to a registered enterprise found by name or credit code, from a day. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, Select } from 'antd';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { listEnterprises } from '../../registry/api.ts';
import { createLink, linkageKeys, listPeople } from '../linkage.api.ts';
import { linkageText } from '../linkage.messages.ts';

export function LinkModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: linkageKeys.people, queryFn: listPeople });
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['linkage', 'enterprise-search', search],
    queryFn: () => listEnterprises({ q: search.trim() || undefined, pageSize: 20 }),
  });
  const [leaderId, setLeaderId] = useState<string | undefined>();
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>();
  const [since, setSince] = useState(() => chinaDate(new Date()));
  const save = useMutation({
    mutationFn: () => createLink({ leaderId: leaderId ?? '', enterpriseId: enterpriseId ?? '', since }),
    onSuccess: async () => {
      void message.success(t(linkageText.linkSaved));
      await queryClient.invalidateQueries({ queryKey: linkageKeys.all });
      onClose();
    },
  });
  return (
    <FormModal
      open
      title={t(linkageText.linkTitle)}
      testId="link-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="link-form-error"
    >
      <Form layout="vertical">
        <Form.Item label={t(linkageText.leader)} required>
          <Select<string>
            value={leaderId}
            onChange={setLeaderId}
            placeholder={t(linkageText.chooseLeader)}
            loading={people.isPending}
            options={(people.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))}
            data-testid="link-leader"
          />
        </Form.Item>
        <Form.Item label={t(linkageText.enterprise)} required>
          <Select<string>
            showSearch={{ filterOption: false, onSearch: setSearch }}
            value={enterpriseId}
            onChange={setEnterpriseId}
            placeholder={t(linkageText.searchEnterprise)}
            loading={found.isFetching}
            options={(found.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}（${e.townName ?? e.uscc}）`,
            }))}
            data-testid="link-enterprise"
          />
        </Form.Item>
        <Form.Item label={t(linkageText.since)} required>
          <Input
            type="date"
            value={since}
            onChange={(e) => setSince(e.target.value)}
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
