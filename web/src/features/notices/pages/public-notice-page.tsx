/**
 * One public notice (no sign-in): its period and the proposed projects with amounts and status, and while it runs
 * the objection form — real name, mobile number, which project, the grounds — checked here as the server checks it.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Select, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { objectionRequest, type ObjectionRequest } from '@jinke/core/notices/notices.contract.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { EntriesTable } from '../components/entries-table.tsx';
import { windowText } from '../components/notices-panel.tsx';
import { PublicShell } from '../components/public-shell.tsx';
import { fileObjection, noticesKeys, publicNotice, type NoticeDetail } from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';

type Fields = Partial<Record<keyof ObjectionRequest, string>>;

function ObjectionForm({ notice }: { notice: NoticeDetail }) {
  const { t, locale } = useI18n();
  const [value, setValue] = useState<ObjectionRequest>({ applicationId: '', name: '', phone: '', text: '' });
  const [problems, setProblems] = useState<Fields>({});
  const save = useMutation({
    mutationFn: () => fileObjection(notice.id, value),
    onError: (e) => {
      if (!isApiError(e)) return;
      const fields =
        (e.details as { fields?: { field: string; message: string; rule?: string }[] } | null)?.fields ?? [];
      setProblems(Object.fromEntries(fields.map((f) => [f.field, fieldMessage(f, locale)])));
    },
  });
  if (save.isSuccess)
    return <Result status="success" title={t(noticesText.objectionFiled)} data-testid="objection-filed" />;
  const submit = () => {
    const parsed = objectionRequest.safeParse(value);
    if (!parsed.success) {
      setProblems(
        Object.fromEntries(
          toFieldErrors(parsed.error.issues, locale).map((f) => [f.field, fieldMessage(f, locale)]),
        ),
      );
      return;
    }
    setProblems({});
    save.mutate();
  };
  const item = (key: keyof ObjectionRequest) => ({
    validateStatus: problems[key] ? ('error' as const) : undefined,
    help: problems[key],
    required: true,
  });
  const set = (patch: Partial<ObjectionRequest>) => setValue((v) => ({ ...v, ...patch }));
  return (
    <Form layout="vertical" data-testid="objection-form">
      <Form.Item label={t(noticesText.objectionWhich)} {...item('applicationId')}>
        <Select
          value={value.applicationId || undefined}
          onChange={(v: string) => set({ applicationId: v })}
          options={notice.items
            .filter((e) => e.status === 'on_notice')
            .map((e) => ({
              value: e.applicationId,
              label: `${e.enterpriseName}${e.projectTitle ? ` · ${e.projectTitle}` : ''}`,
            }))}
          data-testid="objection-entry"
        />
      </Form.Item>
      <Form.Item label={t(noticesText.objectionName)} {...item('name')}>
        <Input
          value={value.name}
          onChange={(e) => set({ name: e.target.value })}
          data-testid="objection-name"
        />
      </Form.Item>
      <Form.Item label={t(noticesText.objectionPhone)} {...item('phone')}>
        <Input
          value={value.phone}
          onChange={(e) => set({ phone: e.target.value.trim() })}
          data-testid="objection-phone"
        />
      </Form.Item>
      <Form.Item label={t(noticesText.objectionText)} {...item('text')}>
        <Input.TextArea
          rows={4}
          value={value.text}
          onChange={(e) => set({ text: e.target.value })}
          data-testid="objection-text"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t(noticesText.objectionPrivacy)}</Typography.Paragraph>
      {save.error && Object.keys(problems).length === 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={save.error.message}
          data-testid="objection-error"
        />
      ) : null}
      <Button type="primary" loading={save.isPending} onClick={submit} data-testid="objection-submit">
        {t(noticesText.fileObjection)}
      </Button>
    </Form>
  );
}

export function PublicNoticePage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const notice = useQuery({
    queryKey: noticesKeys.publicNotice(id),
    queryFn: () => publicNotice(id),
    retry: false,
  });
  return (
    <PublicShell subtitle={t(noticesText.publicTitle)} testId="public-notice-page">
      {notice.isPending ? <PageSpin /> : null}
      {notice.error ? (
        <Alert
          type="error"
          showIcon
          data-testid="public-notice-error"
          title={isApiError(notice.error, 'NOT_FOUND') ? t(noticesText.notFound) : notice.error.message}
        />
      ) : null}
      {notice.data ? (
        <>
          <Card
            title={<span data-testid="public-notice-title">{notice.data.title}</span>}
            extra={
              <Tag color={notice.data.window === 'running' ? 'blue' : 'default'}>
                {t(windowText[notice.data.window])}
              </Tag>
            }
          >
            <Typography.Paragraph data-testid="public-notice-period">
              {t(noticesText.period)}：{notice.data.startsOn} ~ {notice.data.endsOn}
            </Typography.Paragraph>
            <EntriesTable entries={notice.data.items} />
          </Card>
          <Card title={t(noticesText.fileObjection)} style={{ marginTop: 16 }}>
            {notice.data.window === 'running' ? (
              <ObjectionForm notice={notice.data} />
            ) : (
              <Alert
                type="info"
                showIcon
                title={t(noticesText.objectionClosed, { day: notice.data.endsOn })}
              />
            )}
          </Card>
        </>
      ) : null}
    </PublicShell>
  );
}
