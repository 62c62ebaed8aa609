/**
 * Spreadsheet import (officers and administrators): template download, upload of the filled-in workbook, the
 * progress of a large file processed in the background (202 → `GET /api/jobs/:id`), and then either the summary
 * or the bad-row report with its errors.xlsx. Nothing is written when any row is wrong, so a report means
 * "fix and upload again".
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  importRowsInvalidDetails,
  importSummary,
  sheetKindNames,
  type ImportRowsInvalidDetails,
  type ImportSummary,
} from '@jinke/core/registry/import.contract.ts';
import { accountKeys } from '../../accounts/api.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import {
  downloadImportErrors,
  downloadTemplate,
  getJob,
  registryKeys,
  uploadImport,
  type ImportKind,
  type JobItem,
} from '../api.ts';
import { registryText } from '../registry.messages.ts';
import { ImportReport } from './import-report.tsx';

const MAX_BYTES = 30 * 1024 * 1024;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string }
  | { kind: 'queued'; jobId: string }
  | { kind: 'succeeded'; summary: ImportSummary }
  | { kind: 'rejected'; details: ImportRowsInvalidDetails }
  | { kind: 'failed'; message: string };

/** A finished job as a phase: its summary, its bad rows, or its error message. */
export function phaseOfJob(job: JobItem): Phase | null {
  if (job.status === 'succeeded') {
    const summary = importSummary.safeParse(job.result);
    return summary.success
      ? { kind: 'succeeded', summary: summary.data }
      : { kind: 'failed', message: job.status };
  }
  if (job.status === 'failed') {
    const details =
      job.error?.code === 'IMPORT_ROWS_INVALID'
        ? importRowsInvalidDetails.safeParse(job.error.details)
        : null;
    if (details?.success) return { kind: 'rejected', details: details.data };
    return { kind: 'failed', message: job.error?.message ?? job.status };
  }
  return null;
}

function JobProgress({ jobId, onFinished }: { jobId: string; onFinished: (phase: Phase) => void }) {
  const { t } = useI18n();
  const job = useQuery({
    queryKey: registryKeys.job(jobId),
    queryFn: () => getJob(jobId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 1000;
    },
    staleTime: 0,
  });
  const data = job.data;
  useEffect(() => {
    const finished = data ? phaseOfJob(data) : null;
    if (finished) onFinished(finished);
  }, [data, onFinished]);
  const percent = data?.total ? Math.min(100, Math.floor((data.progress / data.total) * 100)) : 0;
  return (
    <Flex vertical gap={8} data-testid="import-progress" data-status={data?.status ?? 'queued'}>
      <Typography.Text>{t(registryText.queued)}</Typography.Text>
      <Progress percent={percent} status="active" />
      {data ? (
        <Typography.Text type="secondary">
          {data.total
            ? t(registryText.progress, { done: data.progress, total: data.total })
            : t(registryText.progressUnknown, { done: data.progress })}
        </Typography.Text>
      ) : null}
      {job.error ? <Alert type="error" showIcon title={job.error.message} /> : null}
    </Flex>
  );
}

export function ImportDialog({
  kind,
  onClose,
  onImported,
}: {
  kind: ImportKind;
  onClose: () => void;
  onImported?: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [busy, setBusy] = useState<'template' | 'errors' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const finish = (next: Phase) => {
    setPhase(next);
    if (next.kind === 'succeeded') onImported?.();
  };

  const fail = (error: unknown) => {
    if (isApiError(error, 'UNAUTHENTICATED'))
      void queryClient.invalidateQueries({ queryKey: accountKeys.me });
    if (isApiError(error, 'IMPORT_ROWS_INVALID')) {
      const details = importRowsInvalidDetails.safeParse(error.details);
      if (details.success) return finish({ kind: 'rejected', details: details.data });
    }
    finish({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  };

  const upload = async (file: File) => {
    setNotice(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setNotice(t(registryText.onlyXlsx));
    if (file.size > MAX_BYTES) return setNotice(t(registryText.tooLarge));
    setPhase({ kind: 'uploading', name: file.name });
    try {
      const accepted = await uploadImport(kind, file);
      if (accepted.status === 'queued') setPhase({ kind: 'queued', jobId: accepted.jobId });
      else if (accepted.summary) finish({ kind: 'succeeded', summary: accepted.summary });
      else setPhase({ kind: 'queued', jobId: accepted.jobId });
    } catch (error) {
      fail(error);
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same (fixed) file again fires another change.
    event.target.value = '';
    if (file) void upload(file);
  };

  const run = async (what: 'template' | 'errors', action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } catch (error) {
      setNotice(
        t(registryText.importFailed, { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(null);
    }
  };

  const working = phase.kind === 'uploading' || phase.kind === 'queued';
  const kindName = t(sheetKindNames[kind]);

  return (
    <Modal
      open
      width={860}
      title={t(registryText.importTitle, { kind: kindName })}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="import-close">
          {t(registryText.close)}
        </Button>,
      ]}
    >
      <Flex vertical gap={16} data-testid="import-dialog">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(registryText.importIntro)}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'template'}
            onClick={() => void run('template', () => downloadTemplate(kind))}
            data-testid="import-template"
          >
            {t(registryText.downloadTemplate)}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={working}
            loading={phase.kind === 'uploading'}
            onClick={() => input.current?.click()}
            data-testid="import-choose"
          >
            {phase.kind === 'rejected' || phase.kind === 'failed'
              ? t(registryText.uploadAgain)
              : t(registryText.chooseFile)}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={onFile}
            data-testid="import-file"
          />
        </Flex>
        {notice ? <Alert type="warning" showIcon title={notice} data-testid="import-notice" /> : null}
        {phase.kind === 'uploading' ? (
          <Alert
            type="info"
            showIcon
            title={t(registryText.uploading, { name: phase.name })}
            data-testid="import-uploading"
          />
        ) : null}
        {phase.kind === 'queued' ? <JobProgress jobId={phase.jobId} onFinished={finish} /> : null}
        {phase.kind === 'succeeded' ? (
          <Alert
            type="success"
            showIcon
            data-testid="import-success"
            title={t(registryText.importSucceeded, {
              rows: phase.summary.rows,
              created: phase.summary.created,
              updated: phase.summary.updated,
            })}
          />
        ) : null}
        {phase.kind === 'failed' ? (
          <Alert
            type="error"
            showIcon
            data-testid="import-failed"
            title={t(registryText.importFailed, { message: phase.message })}
          />
        ) : null}
        {phase.kind === 'rejected' ? (
          <ImportReport
            details={phase.details}
            downloading={busy === 'errors'}
            onDownloadErrors={() => {
              const url = phase.details.errorsUrl;
              if (url) void run('errors', () => downloadImportErrors(url, kind));
            }}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
