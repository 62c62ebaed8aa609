/**
 * 研究决定与公示 for one call (bureau users): the batch decision on the applications awaiting one (admin, officers),
 * and the call's notices with their entries and objections. A leader reads only.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { DecisionPanel } from '../components/decision-panel.tsx';
import { NoticesPanel } from '../components/notices-panel.tsx';
import { getCall, noticesKeys, staffNotices } from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function DecisionsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const callId = useParams().id ?? '';
  const manage = me.role === 'admin' || me.role === 'officer';
  const call = useQuery({ queryKey: ['programmes', 'call', callId], queryFn: () => getCall(callId) });
  const notices = useQuery({ queryKey: noticesKeys.staff(callId), queryFn: () => staffNotices(callId) });
  if (call.isPending) return <PageSpin />;
  if (call.error)
    return <Alert type="error" showIcon title={t(noticesText.loadFailed, { message: call.error.message })} />;
  const today = chinaToday();
  const pending = notices.data?.items.find((n) => n.startsOn >= today) ?? null;
  return (
    <Page
      title={t(noticesText.pageTitle, { call: call.data.title })}
      extra={
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate('/programmes')}
          data-testid="decisions-back"
        >
          {t(noticesText.back)}
        </Button>
      }
    >
      <Flex vertical gap={16} data-testid="decisions-page">
        {manage ? <DecisionPanel callId={callId} pending={pending} /> : null}
        {notices.error ? <Alert type="error" showIcon title={notices.error.message} /> : null}
        <NoticesPanel notices={notices.data?.items ?? []} manage={manage} />
      </Flex>
    </Page>
  );
}
