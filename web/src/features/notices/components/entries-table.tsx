/** The entries of a notice: position, enterprise, project title, proposed amount and status (public and staff). */
import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { formatWan } from '@jinke/core/common/money.ts';
import { useI18n } from '../../../app/i18n.tsx';
import type { NoticeEntry } from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';

const statusColour = { on_notice: 'blue', confirmed: 'green', cancelled: 'default' } as const;

export const amountText = (fen: string | null) =>
  fen === null ? '—' : formatWan(BigInt(fen), { decimals: 2 });

export function EntriesTable({
  entries,
  extra,
}: {
  entries: NoticeEntry[];
  extra?: (e: NoticeEntry) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Table<NoticeEntry>
      rowKey="applicationId"
      size="small"
      dataSource={entries}
      pagination={false}
      onRow={(e) => ({ 'data-testid': `entry-row-${e.applicationId}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '#', dataIndex: 'position', width: 48 },
        { title: t(noticesText.enterprise), dataIndex: 'enterpriseName' },
        { title: t(noticesText.projectTitle), render: (_v, e) => e.projectTitle ?? '—' },
        { title: t(noticesText.amount), align: 'right', render: (_v, e) => amountText(e.proposedFen) },
        {
          title: t(noticesText.status),
          render: (_v, e) => (
            <Tag color={statusColour[e.status]} data-testid="entry-status">
              {t(e.statusName)}
            </Tag>
          ),
        },
        ...(extra ? [{ key: 'extra', render: (_v: unknown, e: NoticeEntry) => extra(e) }] : []),
      ]}
    />
  );
}
