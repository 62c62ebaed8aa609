/**
 * 挂钩联系: the problems enterprises raise with their linked leaders (overdue flagged in red), the visits, and the
 * links. What each role sees follows the server's policy: a leader their linked enterprises; officers everything
 * and the links to manage; a town officer their town's visits and problems; an enterprise its own problems only.
 */
import { useState } from 'react';
import { Alert, Button, Card, Tabs } from 'antd';
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { LinkModal } from '../components/link-modal.tsx';
import { LinksPanel } from '../components/links-panel.tsx';
import { ProblemsPanel } from '../components/problems-panel.tsx';
import { VisitModal } from '../components/visit-modal.tsx';
import { VisitsPanel } from '../components/visits-panel.tsx';
import { linkageText } from '../linkage.messages.ts';

export function LinkagePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const bureau = me.role === 'admin' || me.role === 'officer';
  const mayRecord = bureau || me.role === 'leader';
  const [recording, setRecording] = useState(false);
  const [linking, setLinking] = useState(false);

  const tabs = [
    { key: 'problems', label: t(linkageText.tabProblems), children: <ProblemsPanel role={me.role} /> },
    ...(me.role === 'enterprise'
      ? []
      : [{ key: 'visits', label: t(linkageText.tabVisits), children: <VisitsPanel /> }]),
    ...(mayRecord
      ? [
          {
            key: 'links',
            label: t(bureau ? linkageText.tabLinks : linkageText.tabMyLinks),
            children: <LinksPanel manage={bureau} />,
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t(linkageText.pageTitle)}
      extra={
        <>
          {bureau ? (
            <Button icon={<LinkOutlined />} onClick={() => setLinking(true)} data-testid="linkage-link">
              {t(linkageText.link)}
            </Button>
          ) : null}
          {mayRecord ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="linkage-record-visit"
            >
              {t(linkageText.recordVisit)}
            </Button>
          ) : null}
        </>
      }
    >
      {me.role === 'enterprise' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(linkageText.readOnlyHint)} />
      ) : null}
      <Card>
        <Tabs
          items={tabs.map((tab) => ({
            ...tab,
            label: <span data-testid={`linkage-tab-${tab.key}`}>{tab.label}</span>,
          }))}
        />
      </Card>
      {recording ? <VisitModal onClose={() => setRecording(false)} /> : null}
      {linking ? <LinkModal onClose={() => setLinking(false)} /> : null}
    </Page>
  );
}
