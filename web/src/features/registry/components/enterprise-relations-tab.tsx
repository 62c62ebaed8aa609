/** 荣誉与合作: honours (获奖), industry–university cooperation agreements and industry-chain tags. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Empty, Flex, Input, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { rolesFor } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import {
  addChainTag,
  listChainTags,
  listCooperation,
  listHonours,
  registryKeys,
  removeChainTag,
  type ChainTagItem,
  type CooperationItem,
  type HonourItem,
} from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { honourAwardLabels, honourGradeLabels } from '../labels.ts';

function ChainTags({ enterpriseId, mayMaintain }: { enterpriseId: string; mayMaintain: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [chain, setChain] = useState('');
  const [segment, setSegment] = useState('');
  const key = registryKeys.enterprisePart(enterpriseId, 'chain-tags');
  const tags = useQuery({ queryKey: key, queryFn: () => listChainTags(enterpriseId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () => addChainTag(enterpriseId, { chain: chain.trim(), segment: segment.trim() }),
    onSuccess: async () => {
      setChain('');
      setSegment('');
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (tag: ChainTagItem) => removeChainTag(enterpriseId, tag),
    onSuccess: refresh,
    onError: (error) => void message.error(error.message),
  });
  const items = tags.data?.items ?? [];
  return (
    <Card size="small" title={t(enterpriseText.chainTags)} loading={tags.isPending}>
      <Flex vertical gap={12}>
        <Space size={[4, 8]} wrap data-testid="chain-tags">
          {items.length === 0 ? <span>{t(enterpriseText.noChainTags)}</span> : null}
          {items.map((tag) => (
            <Tag
              key={`${tag.chain}/${tag.segment}`}
              color="geekblue"
              closable={mayMaintain}
              onClose={(event) => {
                event.preventDefault();
                remove.mutate(tag);
              }}
            >
              {tag.segment ? `${tag.chain} · ${tag.segment}` : tag.chain}
            </Tag>
          ))}
        </Space>
        {mayMaintain ? (
          <Space.Compact>
            <Input
              style={{ width: 180 }}
              value={chain}
              maxLength={64}
              placeholder={t(enterpriseText.chain)}
              onChange={(e) => setChain(e.target.value)}
              data-testid="chain-tag-chain"
            />
            <Input
              style={{ width: 160 }}
              value={segment}
              maxLength={64}
              placeholder={t(enterpriseText.segment)}
              onChange={(e) => setSegment(e.target.value)}
              data-testid="chain-tag-segment"
            />
            <Button
              icon={<PlusOutlined />}
              disabled={!chain.trim()}
              loading={add.isPending}
              onClick={() => add.mutate()}
              data-testid="chain-tag-add"
            >
              {t(enterpriseText.addChainTag)}
            </Button>
          </Space.Compact>
        ) : null}
      </Flex>
    </Card>
  );
}

export function EnterpriseRelationsTab({
  enterpriseId,
  mayMaintain,
}: {
  enterpriseId: string;
  mayMaintain: boolean;
}) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const instituteLinks = rolesFor('institutes').includes(me.role);
  const honours = useQuery({
    queryKey: registryKeys.enterprisePart(enterpriseId, 'honours'),
    queryFn: () => listHonours(enterpriseId),
  });
  const cooperation = useQuery({
    queryKey: registryKeys.enterprisePart(enterpriseId, 'cooperation'),
    queryFn: () => listCooperation(enterpriseId),
  });
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t(enterpriseText.honours)}>
        <Table<HonourItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={honours.isFetching}
          dataSource={honours.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          onRow={(h) => testId(`honour-row-${h.id}`)}
          columns={[
            { key: 'year', title: t(enterpriseText.year), dataIndex: 'year', width: 90 },
            {
              key: 'award',
              title: t(enterpriseText.award),
              dataIndex: 'award',
              render: (a: HonourItem['award']) => t(honourAwardLabels[a]),
            },
            {
              key: 'grade',
              title: t(enterpriseText.grade),
              dataIndex: 'grade',
              render: (g: HonourItem['grade']) => (g ? t(honourGradeLabels[g]) : '—'),
            },
            {
              key: 'rank',
              title: t(enterpriseText.rank),
              dataIndex: 'rankAmongUnits',
              width: 110,
              render: (r: number | null) => r ?? '—',
            },
            {
              key: 'project',
              title: t(enterpriseText.projectTitle),
              dataIndex: 'projectTitle',
              render: (p: string | null) => p ?? '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t(enterpriseText.cooperation)}>
        <Table<CooperationItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={cooperation.isFetching}
          dataSource={cooperation.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          onRow={(c) => testId(`cooperation-row-${c.id}`)}
          columns={[
            {
              key: 'partner',
              title: t(enterpriseText.partner),
              render: (_v, c) =>
                instituteLinks ? (
                  <Link to={`/registry/institutes/${c.instituteId}`}>{c.instituteName}</Link>
                ) : (
                  c.instituteName
                ),
            },
            { key: 'subject', title: t(enterpriseText.subject), dataIndex: 'subject' },
            {
              key: 'signedOn',
              title: t(enterpriseText.signedOn),
              dataIndex: 'signedOn',
              width: 150,
              render: (v: string) => formatDate(v, locale),
            },
            {
              key: 'validTo',
              title: t(enterpriseText.validTo),
              dataIndex: 'validTo',
              width: 150,
              render: (v: string | null) => formatDate(v, locale),
            },
          ]}
        />
      </Card>
      <ChainTags enterpriseId={enterpriseId} mayMaintain={mayMaintain} />
    </Flex>
  );
}
