/**
 * Import of a filled-in ledger workbook: the template, the upload, then either what was written or every bad row by
 * sheet, row, column, value and reason. Nothing is written when any row is wrong, so a report means "fix and upload
 * again".
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  LEDGER_SHEETS,
  ledgerImportInvalidDetails,
  type LedgerImportInvalidDetails,
} from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import { testId } from '../../../ui/test-id.ts';
import { downloadLedgerTemplate, ledgerKeys, uploadLedger, type LedgerImportSummary } from '../ledger.api.ts';
import { ledgerText } from '../ledger.messages.ts';

const MAX_BYTES = 30 * 1024 * 1024;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string }
  | { kind: 'succeeded'; summary: LedgerImportSummary }
  | { kind: 'rejected'; details: LedgerImportInvalidDetails }
  | { kind: 'failed'; message: string };

interface ProblemLine {
  key: string;
  sheet: 'projects' | 'entries';
  row: number;
  column: string;
  value: string | null;
  zh: string;
  en: string;
}

export function problemLines(details: LedgerImportInvalidDetails): ProblemLine[] {
  return details.badRows.flatMap((b) =>
    b.problems.map((p, i) => ({ key: `${b.sheet}-${b.row}-${i}`, sheet: b.sheet, row: b.row, column: p.column, value: p.value, zh: p.zh, en: p.en })),
  );
}

export function LedgerImportDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);

  const upload = async (file: File) => {
    setNotice(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setNotice(t(ledgerText.onlyXlsx));
    if (file.size > MAX_BYTES) return setNotice(t(ledgerText.tooLarge));
    setPhase({ kind: 'uploading', name: file.name });
    try {
      const summary = await uploadLedger(file);
      setPhase({ kind: 'succeeded', summary });
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    } catch (error) {
      const details = isApiError(error, 'LEDGER_IMPORT_ROWS_INVALID') ? ledgerImportInvalidDetails.safeParse(error.details) : null;
      if (details?.success) setPhase({ kind: 'rejected', details: details.data });
      else setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same (fixed) file again fires another change.
    event.target.value = '';
    if (file) void upload(file);
  };

  const lines = phase.kind === 'rejected' ? problemLines(phase.details) : [];
  return (
    <Modal
      open
      width={900}
      title={t(ledgerText.importTitle)}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="ledger-import-close">
          {t(ledgerText.close)}
        </Button>,
      ]}
    >
      <Flex vertical gap={16} data-testid="ledger-import-dialog">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(ledgerText.importIntro)}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadLedgerTemplate().catch((e: Error) => setNotice(e.message))} data-testid="ledger-import-template">
            {t(ledgerText.template)}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={phase.kind === 'uploading'}
            onClick={() => input.current?.click()}
            data-testid="ledger-import-choose"
          >
            {phase.kind === 'rejected' || phase.kind === 'failed' ? t(ledgerText.uploadAgain) : t(ledgerText.chooseFile)}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={onFile}
            data-testid="ledger-import-file"
          />
        </Flex>
        {notice ? <Alert type="warning" showIcon title={notice} data-testid="ledger-import-notice" /> : null}
        {phase.kind === 'uploading' ? <Alert type="info" showIcon title={t(ledgerText.uploading, { name: phase.name })} /> : null}
        {phase.kind === 'succeeded' ? (
          <Alert
            type="success"
            showIcon
            data-testid="ledger-import-success"
            title={t(ledgerText.imported, {
              created: phase.summary.projectsCreated,
              updated: phase.summary.projectsUpdated,
              entries: phase.summary.entriesCreated,
              replaced: phase.summary.entriesReplaced,
            })}
          />
        ) : null}
        {phase.kind === 'failed' ? <Alert type="error" showIcon title={phase.message} data-testid="ledger-import-failed" /> : null}
        {phase.kind === 'rejected' ? (
          <Flex vertical gap={12} data-testid="ledger-import-report">
            <Alert
              type="error"
              showIcon
              data-testid="ledger-import-rejected"
              data-bad-rows={phase.details.badRowCount}
              title={t(ledgerText.rejected, {
                rows: phase.details.projectRows + phase.details.entryRows,
                bad: phase.details.badRowCount,
              })}
              description={phase.details.truncated ? t(ledgerText.truncated, { shown: phase.details.badRows.length }) : undefined}
            />
            <Table<ProblemLine>
              size="small"
              rowKey="key"
              dataSource={lines}
              pagination={lines.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              onRow={(line) => testId(`ledger-import-problem-${line.sheet}-${line.row}`)}
              columns={[
                { key: 'sheet', title: t(ledgerText.badSheet), width: 120, render: (_v, l) => LEDGER_SHEETS[l.sheet] },
                { key: 'row', title: t(ledgerText.badRow), dataIndex: 'row', width: 70 },
                { key: 'column', title: t(ledgerText.badColumn), dataIndex: 'column', width: 140 },
                {
                  key: 'value',
                  title: t(ledgerText.badValue),
                  width: 140,
                  render: (_v, l) => (l.value ? <Typography.Text code>{l.value}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
                },
                { key: 'reason', title: t(ledgerText.badReason), render: (_v, l) => (locale === 'zh-CN' ? l.zh : l.en) },
              ]}
            />
          </Flex>
        ) : null}
      </Flex>
    </Modal>
  );
}
