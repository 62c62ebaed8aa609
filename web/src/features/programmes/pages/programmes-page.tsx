/**
 * 项目申报: the calls (officers draft and open them; enterprises apply), an enterprise's own applications, and for
 * bureau users the formal-check queue with its working-day clocks and all applications. A leader reads only.
 */
import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { ApplicationsPanel } from '../components/applications-panel.tsx';
import { CallModal } from '../components/call-modal.tsx';
import { CallsPanel } from '../components/calls-panel.tsx';
import { programmesText } from '../programmes.messages.ts';

export function ProgrammesPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const bureau = me.role === 'admin' || me.role === 'officer';
  const [creating, setCreating] = useState(false);
  const tabs = [
    { key: 'calls', label: t(programmesText.tabCalls), children: <CallsPanel role={me.role} /> },
    ...(me.role === 'enterprise'
      ? [{ key: 'mine', label: t(programmesText.tabMine), children: <ApplicationsPanel /> }]
      : [
          {
            key: 'queue',
            label: t(programmesText.tabQueue),
            children: <ApplicationsPanel queue actions={bureau} />,
          },
          { key: 'all', label: t(programmesText.tabApplications), children: <ApplicationsPanel /> },
        ]),
  ];
  return (
    <Page
      title={t(programmesText.pageTitle)}
      extra={
        bureau ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="call-new"
          >
            {t(programmesText.newCall)}
          </Button>
        ) : null
      }
    >
      <Card>
        <Tabs items={tabs} destroyOnHidden />
      </Card>
      {creating ? <CallModal onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
