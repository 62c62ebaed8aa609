/** 公示公告, public (no sign-in): the notices whose first day has come, newest first, running or ended. */
import { useQuery } from '@tanstack/react-query';
import { Alert, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { windowText } from '../components/notices-panel.tsx';
import { PublicShell } from '../components/public-shell.tsx';
import { noticesKeys, publicNotices, type NoticeItem } from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';

export function PublicNoticesPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: noticesKeys.publicList, queryFn: publicNotices, retry: false });
  return (
    <PublicShell subtitle={t(noticesText.publicTitle)} testId="public-notices-page">
      <Typography.Paragraph>{t(noticesText.publicIntro)}</Typography.Paragraph>
      {list.isPending ? <PageSpin /> : null}
      {list.error ? <Alert type="error" showIcon title={list.error.message} /> : null}
      {list.data ? (
        <List<NoticeItem>
          bordered
          style={{ background: '#fff' }}
          dataSource={list.data.items}
          locale={{ emptyText: t(noticesText.noPublicNotices) }}
          renderItem={(n) => (
            <List.Item
              data-testid={`public-notice-${n.id}`}
              extra={<Tag color={n.window === 'running' ? 'blue' : 'default'}>{t(windowText[n.window])}</Tag>}
            >
              <List.Item.Meta
                title={<Link to={`/public/notices/${n.id}`}>{n.title}</Link>}
                description={`${t(noticesText.period)}：${n.startsOn} ~ ${n.endsOn} · ${t(noticesText.entries)} ${n.entries}`}
              />
            </List.Item>
          )}
        />
      ) : null}
    </PublicShell>
  );
}
