/**
 * 申报书: the form rendered from the call's schema, pre-filled from the registry and saved automatically while the
 * phase lets the applicant edit; the attachments; the actions the workflow offers the reader (with a reason where
 * one is needed, and why a disabled one is disabled); the formal-check clock; and the timeline with public phase
 * names and the reasons given.
 */
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Row,
  Space,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { FieldError } from '@jinke/core/common/errors.ts';
import { validateForm, type FormData } from '@jinke/core/programmes/form-schema.ts';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { Page } from '../../../ui/page.tsx';
import { useCurrentUser } from '../../../app/auth.tsx';
import { FundsSection } from '../../funds/components/funds-section.tsx';
import { ApplicationReviewCard } from '../../reviews/components/application-review-card.tsx';
import { ClockTag } from '../components/clock-tag.tsx';
import { ReasonModal } from '../components/reason-modal.tsx';
import { SchemaForm } from '../components/schema-form.tsx';
import {
  act,
  attachmentUrl,
  getApplication,
  programmesKeys,
  saveForm,
  timeline,
  uploadAttachment,
} from '../programmes.api.ts';
import { programmesText } from '../programmes.messages.ts';

const AUTOSAVE_MS = 800;
/** An instant as China time, to the minute. */
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: programmesKeys.application(id), queryFn: () => getApplication(id) });
  const history = useQuery({ queryKey: programmesKeys.timeline(id), queryFn: () => timeline(id) });
  // What the applicant typed since the last load; the server's copy until then.
  const [edited, setEdited] = useState<FormData | null>(null);
  const values = edited ?? detail.data?.formData ?? null;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState<{ id: string; label: Text } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: programmesKeys.all });

  const save = useMutation({
    mutationFn: (formData: FormData) => saveForm(id, { formData }),
    onError: (e) => void message.error(e.message),
  });
  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (values && detail.data?.editable) await save.mutateAsync(values);
  };
  const change = (next: FormData) => {
    setEdited(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      save.mutate(next);
    }, AUTOSAVE_MS);
  };
  const run = useMutation({
    mutationFn: async (v: { action: string; reason?: string }) => {
      await flush();
      return act(id, v.action, v.reason);
    },
    onSuccess: async (app, v) => {
      const label =
        app.actions.find((a) => a.id === v.action)?.label ??
        detail.data?.actions.find((a) => a.id === v.action)?.label;
      void message.success(t(programmesText.done, { action: label ? t(label) : t(app.phaseName) }));
      setAsking(null);
      setErrors({});
      setEdited(null);
      await refresh();
    },
    onError: (e) => {
      if (isApiError(e, 'VALIDATION_FAILED')) {
        const fields = ((e.details as { fields?: FieldError[] } | null)?.fields ?? []).filter((f) =>
          f.field.startsWith('formData.'),
        );
        setErrors(
          Object.fromEntries(fields.map((f) => [f.field.slice('formData.'.length), fieldMessage(f, locale)])),
        );
      }
      void message.error(e.message);
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(id, file),
    onSuccess: async (info) => {
      void message.success(t(programmesText.uploaded, { name: info.fileName }));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });

  if (detail.error)
    return (
      <Alert type="error" showIcon title={t(programmesText.loadFailed, { message: detail.error.message })} />
    );
  if (!detail.data || values === null) return <PageSpin />;
  const app = detail.data;
  const live = app.editable ? validateForm(app.formSchema, values) : [];
  // A field the server named keeps a message only while core's check still finds it wrong, in the UI language.
  const shown = Object.fromEntries(
    Object.keys(errors).flatMap((k) => {
      const problem = live.find((p) => p.field === k);
      return problem ? [[k, t(problem)]] : [];
    }),
  );

  return (
    <Page
      title={`${t(programmesText.applicationTitle)} · ${app.callTitle}`}
      extra={<Link to="/programmes">{t(programmesText.back)}</Link>}
    >
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card
            title={t(programmesText.form)}
            extra={
              app.editable ? (
                <Typography.Text type="secondary" data-testid="autosave-state">
                  {save.isPending
                    ? t(programmesText.saving)
                    : save.isSuccess
                      ? t(programmesText.savedAt)
                      : ''}
                </Typography.Text>
              ) : null
            }
          >
            {app.editable ? (
              <Alert type="info" showIcon title={t(programmesText.prefilled)} style={{ marginBottom: 16 }} />
            ) : (
              <Alert
                type="warning"
                showIcon
                title={t(programmesText.readOnly)}
                style={{ marginBottom: 16 }}
              />
            )}
            <SchemaForm
              schema={app.formSchema}
              value={values}
              onChange={change}
              disabled={!app.editable}
              errors={shown}
            />
          </Card>
          <Card title={t(programmesText.attachments)} style={{ marginTop: 16 }}>
            <List
              dataSource={app.attachments}
              locale={{ emptyText: t(programmesText.noAttachments) }}
              renderItem={(a) => (
                <List.Item data-testid="attachment-item">
                  <a href={attachmentUrl(app.id, a.id)}>{a.fileName}</a>
                  <Typography.Text type="secondary" copyable={{ text: a.sm3 }}>
                    SM3 {a.sm3.slice(0, 16)}…
                  </Typography.Text>
                </List.Item>
              )}
            />
            {app.editable ? (
              <Upload
                showUploadList={false}
                accept=".pdf,.ofd,.docx,.xlsx,.png,.jpg,.jpeg"
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                  {t(programmesText.upload)}
                </Button>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {t(programmesText.uploadHint)}
                </Typography.Text>
              </Upload>
            ) : null}
          </Card>
          <FundsSection applicationId={app.id} phase={app.phase} />
        </Col>
        <Col xs={24} lg={8}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t(programmesText.enterprise)}>{app.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t(programmesText.phase)}>
                <Tag color="blue" data-testid="application-phase">
                  {t(app.phaseName)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t(programmesText.closesOn)}>{app.closesOn}</Descriptions.Item>
              {app.clock ? (
                <Descriptions.Item label={t(programmesText.dueOn)}>
                  <ClockTag clock={app.clock} />
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Space wrap style={{ marginTop: 12 }}>
              {app.actions.map((a) => (
                <Tooltip key={a.id} title={a.blockedBy.map((b) => t(b)).join('；') || undefined}>
                  <Button
                    type={
                      a.id === 'submit' || a.id === 'resubmit' || a.id === 'accept' ? 'primary' : 'default'
                    }
                    danger={a.requiresReason}
                    loading={run.isPending && run.variables?.action === a.id}
                    onClick={() =>
                      a.requiresReason
                        ? setAsking({ id: a.id, label: a.label })
                        : run.mutate({ action: a.id })
                    }
                    data-testid={`action-${a.id}`}
                  >
                    {t(a.label)}
                  </Button>
                </Tooltip>
              ))}
            </Space>
          </Card>
          <ApplicationReviewCard role={me.role} callId={app.callId} applicationId={app.id} />
          <Card title={t(programmesText.timeline)} style={{ marginTop: 16 }}>
            <Timeline
              data-testid="timeline"
              items={(history.data?.items ?? []).map((e, i) => ({
                key: i,
                children: (
                  <div data-testid="timeline-item">
                    <Typography.Text strong>{t(e.actionName)}</Typography.Text> → {t(e.toName)}
                    <br />
                    <Typography.Text type="secondary">{chinaTime(e.at)}</Typography.Text>
                    {e.reason ? (
                      <Alert
                        type="warning"
                        title={e.reason}
                        style={{ marginTop: 4 }}
                        data-testid="timeline-reason"
                      />
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {asking ? (
        <ReasonModal
          action={asking.label}
          pending={run.isPending}
          onOk={(reason) => run.mutate({ action: asking.id, reason })}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </Page>
  );
}
