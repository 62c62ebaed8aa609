/**
 * 研发辅助账: the enterprise's R&D projects and monthly entries, both calibres side by side per year with the
 * 加计扣除 amount, and the ledger workbook (template, import, export). Only the enterprise keeps its ledger.
 */
import { useState } from 'react';
import { App as AntApp, Alert, Button, Tabs, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined, UploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { LedgerEntries } from '../components/ledger-entries.tsx';
import { LedgerImportDialog } from '../components/ledger-import-dialog.tsx';
import { LedgerProjects } from '../components/ledger-projects.tsx';
import { LedgerSummaryView } from '../components/ledger-summary.tsx';
import { downloadLedgerTemplate, exportLedger } from '../ledger.api.ts';
import { ledgerText } from '../ledger.messages.ts';

type Tab = 'summary' | 'projects' | 'entries';

export function LedgerPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const editable = me.role === 'enterprise';
  const [tab, setTab] = useState<Tab>('summary');
  const [projectId, setProjectId] = useState<string | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<'template' | 'export' | null>(null);

  const run = async (what: 'template' | 'export', action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } catch (error) {
      void message.error(t(ledgerText.failed, { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page
      title={t(menuEntries.rdLedger.label)}
      extra={
        <>
          <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={() => void run('template', downloadLedgerTemplate)} data-testid="ledger-template">
            {t(ledgerText.template)}
          </Button>
          {editable ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="ledger-import">
              {t(ledgerText.import)}
            </Button>
          ) : null}
          <Button icon={<ExportOutlined />} loading={busy === 'export'} onClick={() => void run('export', () => exportLedger(null))} data-testid="ledger-export">
            {t(ledgerText.export)}
          </Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t(ledgerText.intro)}</Typography.Paragraph>
      {editable ? null : <Alert type="info" showIcon title={t(ledgerText.readOnly)} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        data-testid="ledger-tabs"
        items={[
          {
            key: 'summary',
            label: <span data-testid="ledger-tab-summary">{t(ledgerText.tabSummary)}</span>,
            children: <LedgerSummaryView />,
          },
          {
            key: 'projects',
            label: <span data-testid="ledger-tab-projects">{t(ledgerText.tabProjects)}</span>,
            children: (
              <LedgerProjects
                editable={editable}
                onShowEntries={(id) => {
                  setProjectId(id);
                  setTab('entries');
                }}
              />
            ),
          },
          {
            key: 'entries',
            label: <span data-testid="ledger-tab-entries">{t(ledgerText.tabEntries)}</span>,
            children: <LedgerEntries editable={editable} projectId={projectId} onProjectChange={setProjectId} />,
          },
        ]}
      />
      {importing ? <LedgerImportDialog onClose={() => setImporting(false)} /> : null}
    </Page>
  );
}
