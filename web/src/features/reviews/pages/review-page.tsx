/**
 * One review: the declaration first (no conflict opens the application; a conflict voids the assignment), then the
 * application as submitted beside the scoring form (draft or submit). After submitting, the other experts' scores
 * appear as 专家A, 专家B, … when the form reveals them. Outside the window the server's 409 names its dates.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { FieldError } from '@jinke/core/common/errors.ts';
import { formFields, formSchema } from '@jinke/core/programmes/form-schema.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { Page } from '../../../ui/page.tsx';
import { DeclarationCard } from '../components/declaration-card.tsx';
import { StatusTag, WindowTag } from '../components/review-tags.tsx';
import { ScoreForm, type Scores } from '../components/score-form.tsx';
import {
  declare,
  getReview,
  reviewKeys,
  saveReview,
  submitReview,
  type ReviewDetail,
} from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';

function ApplicationContent({ app }: { app: NonNullable<ReviewDetail['application']> }) {
  const { t } = useI18n();
  const schema = formSchema.safeParse(app.formSchema);
  const rows = schema.success
    ? formFields(schema.data).map(([key, field]) => ({
        key,
        label: t(field.title),
        value: app.formData[key],
      }))
    : Object.entries(app.formData).map(([key, value]) => ({ key, label: key, value }));
  return (
    <Descriptions column={1} size="small" bordered data-testid="review-application">
      <Descriptions.Item label={t(reviewsText.enterprise)}>{app.enterpriseName}</Descriptions.Item>
      {rows.map((r) => (
        <Descriptions.Item key={r.key} label={r.label}>
          {r.value === undefined || r.value === null ? '—' : String(r.value as string | number | boolean)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: reviewKeys.review(id), queryFn: () => getReview(id), retry: false });
  const [edited, setEdited] = useState<Scores | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: reviewKeys.all });
  const onError = (e: Error) => {
    if (isApiError(e, 'VALIDATION_FAILED')) {
      const fields = (e.details as { fields?: FieldError[] } | null)?.fields ?? [];
      setErrors(Object.fromEntries(fields.map((f) => [f.field, fieldMessage(f, locale)])));
    }
    void message.error(e.message);
  };
  const declaration = useMutation({
    mutationFn: (v: { conflict: boolean; reason?: string }) => declare(id, v),
    onSuccess: refresh,
    onError,
  });
  const save = useMutation({
    mutationFn: (v: { submit: boolean; body: Scores }) => (v.submit ? submitReview : saveReview)(id, v.body),
    onSuccess: async (_d, v) => {
      void message.success(t(v.submit ? reviewsText.submitted : reviewsText.saved));
      setErrors({});
      if (v.submit) setEdited(null);
      await refresh();
    },
    onError,
  });

  const back = <Link to="/reviews">{t(reviewsText.back)}</Link>;
  if (detail.error)
    return (
      <Page title={t(reviewsText.tasksTitle)} extra={back}>
        <Alert type="error" showIcon title={detail.error.message} data-testid="review-error" />
      </Page>
    );
  if (!detail.data) return <PageSpin />;
  const r = detail.data;
  const value = edited ?? { scores: r.scores, comments: r.comments };
  const name = (c: { name: { zh: string; en: string } }) => (locale === 'zh-CN' ? c.name.zh : c.name.en);

  return (
    <Page title={`${t(reviewsText.tasksTitle)} · ${r.callTitle}`} extra={back}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <WindowTag window={r.window} /> <StatusTag status={r.status} />
      </Card>
      {r.status === 'pending' ? (
        <DeclarationCard
          pending={declaration.isPending}
          onDeclare={(conflict, reason) => declaration.mutate({ conflict, ...(reason ? { reason } : {}) })}
        />
      ) : null}
      {r.status === 'conflicted' ? <Alert type="warning" showIcon title={t(reviewsText.conflicted)} /> : null}
      {r.application ? (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card title={t(reviewsText.application)}>
              <ApplicationContent app={r.application} />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t(reviewsText.scoring)}>
              <ScoreForm
                form={r.form}
                value={value}
                onChange={setEdited}
                errors={errors}
                readOnly={r.status === 'submitted'}
                saving={save.isPending && !save.variables?.submit}
                submitting={save.isPending && save.variables?.submit}
                onSave={() => save.mutate({ submit: false, body: value })}
                onSubmit={() => save.mutate({ submit: true, body: value })}
              />
            </Card>
            {r.status === 'submitted' ? (
              <Card title={t(reviewsText.others)} style={{ marginTop: 16 }} data-testid="review-others">
                {r.others === null ? (
                  <Typography.Text type="secondary">{t(reviewsText.hidden)}</Typography.Text>
                ) : (
                  <Table
                    rowKey={(o) => o.label.zh}
                    size="small"
                    pagination={false}
                    dataSource={r.others}
                    locale={{ emptyText: t(reviewsText.noOthers) }}
                    columns={[
                      { title: t(reviewsText.expert), render: (_v, o) => t(o.label) },
                      ...r.form.categories.map((c) => ({
                        title: name(c),
                        align: 'right' as const,
                        render: (_v: unknown, o: { scores: Record<string, number> }) => o.scores[c.id] ?? '—',
                      })),
                      {
                        title: t(reviewsText.weightedTotal),
                        align: 'right' as const,
                        render: (_v, o) => <span data-testid="other-total">{o.total.decimal}</span>,
                      },
                    ]}
                  />
                )}
              </Card>
            ) : null}
          </Col>
        </Row>
      ) : null}
    </Page>
  );
}
