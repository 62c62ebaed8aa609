/**
 * The scoring form: each category with its weight, a whole score from 0 to its maximum and the comment it needs;
 * the weighted total is computed live with core's `weightedTotal`, the same rule the server stores on submission.
 * Read-only once submitted.
 */
import { Button, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { weightedTotal } from '@jinke/core/reviews/aggregate.ts';
import type { ReviewForm, ScoreCategory } from '@jinke/core/reviews/review.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { reviewsText } from '../reviews.messages.ts';

export interface Scores {
  scores: Record<string, number>;
  comments: Record<string, string>;
}

export function ScoreForm({
  form,
  value,
  onChange,
  errors,
  readOnly,
  saving,
  submitting,
  onSave,
  onSubmit,
}: {
  form: ReviewForm;
  value: Scores;
  onChange: (next: Scores) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  saving?: boolean;
  submitting?: boolean;
  onSave?: () => void;
  onSubmit?: () => void;
}) {
  const { t, locale } = useI18n();
  const total = weightedTotal(form, value.scores);
  const setScore = (id: string, v: number | null) => {
    const scores = { ...value.scores };
    if (v === null) delete scores[id];
    else scores[id] = v;
    onChange({ ...value, scores });
  };
  return (
    <div data-testid="score-form">
      <Table<ScoreCategory>
        rowKey="id"
        pagination={false}
        dataSource={form.categories}
        columns={[
          {
            title: t(reviewsText.category),
            width: 160,
            render: (_v, c) => (locale === 'zh-CN' ? c.name.zh : c.name.en),
          },
          { title: t(reviewsText.weight), width: 70, render: (_v, c) => `${c.weight}%` },
          {
            title: t(reviewsText.score),
            width: 150,
            render: (_v, c) => (
              <Form.Item
                style={{ margin: 0 }}
                validateStatus={errors[`scores.${c.id}`] ? 'error' : undefined}
                help={errors[`scores.${c.id}`]}
                extra={t(reviewsText.max, { max: c.max })}
              >
                <InputNumber
                  min={0}
                  max={c.max}
                  precision={0}
                  disabled={readOnly}
                  value={value.scores[c.id] ?? null}
                  onChange={(v) => setScore(c.id, v)}
                  data-testid={`score-${c.id}`}
                />
              </Form.Item>
            ),
          },
          {
            title: t(reviewsText.comment),
            render: (_v, c) => (
              <Form.Item
                style={{ margin: 0 }}
                validateStatus={errors[`comments.${c.id}`] ? 'error' : undefined}
                help={errors[`comments.${c.id}`]}
                extra={c.minComment > 0 ? t(reviewsText.minComment, { n: c.minComment }) : undefined}
              >
                <Input.TextArea
                  rows={2}
                  disabled={readOnly}
                  value={value.comments[c.id] ?? ''}
                  onChange={(e) =>
                    onChange({ ...value, comments: { ...value.comments, [c.id]: e.target.value } })
                  }
                  data-testid={`comment-${c.id}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Typography.Text strong data-testid="weighted-total">
          {t(reviewsText.weightedTotal)}: {total.toDecimal(2)}
        </Typography.Text>
        {readOnly ? null : (
          <>
            <Button onClick={onSave} loading={saving} data-testid="review-save">
              {t(reviewsText.save)}
            </Button>
            <Popconfirm
              title={t(reviewsText.submitConfirm)}
              onConfirm={onSubmit}
              okButtonProps={{ 'data-testid': 'review-submit-ok' }}
            >
              <Button type="primary" loading={submitting} data-testid="review-submit">
                {t(reviewsText.submit)}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
    </div>
  );
}
