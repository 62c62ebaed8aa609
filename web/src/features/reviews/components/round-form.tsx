/**
 * Setting up a call's review round: a drawn expert panel, the window, the categories (name, maximum, weight,
 * comment length; weights must add up to 100), the aggregation and whether experts see the others after
 * submitting. Starts from the default categories (技术创新性 30 / 市场前景 25 / 实施基础 25 / 经济社会效益 20).
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { DEFAULT_CATEGORIES } from '@jinke/core/reviews/api.contract.ts';
import type { Aggregation, ScoreCategory } from '@jinke/core/reviews/review.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { drawKeys, listDraws } from '../../draws/draws.api.ts';
import { reviewKeys, setRound, type RoundDetail } from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';

const inDays = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export function RoundForm({
  callId,
  round,
  readOnly,
}: {
  callId: string;
  round: RoundDetail | null;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const draws = useQuery({ queryKey: drawKeys.list(1), queryFn: () => listDraws(1), enabled: !readOnly });
  const [drawId, setDrawId] = useState(round?.drawId ?? '');
  const [opensOn, setOpensOn] = useState(round?.window.opensOn ?? inDays(0));
  const [closesOn, setClosesOn] = useState(round?.window.closesOn ?? inDays(14));
  const [categories, setCategories] = useState<ScoreCategory[]>(round?.form.categories ?? DEFAULT_CATEGORIES);
  const [aggregation, setAggregation] = useState<Aggregation>(
    round?.form.aggregation ?? { method: 'trimmed-mean', trim: 1 },
  );
  const [reveal, setReveal] = useState(round?.form.revealAfterSubmit ?? true);
  const fixed = readOnly || (round?.frozen ?? false);
  const sum = categories.reduce((s, c) => s + (c.weight || 0), 0);
  const save = useMutation({
    mutationFn: () =>
      setRound(callId, {
        drawId,
        opensOn,
        closesOn,
        form: { categories, aggregation, revealAfterSubmit: reveal },
      }),
    onSuccess: async (r) => {
      void message.success(t(reviewsText.roundSaved, { v: r.round?.formVersion ?? 1 }));
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    },
    onError: (e) => void message.error(e.message),
  });
  const edit = (i: number, patch: Partial<ScoreCategory>) =>
    setCategories(categories.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const drawn = (draws.data?.items ?? []).filter((d) => d.status === 'drawn');
  const drawOptions = [
    ...(round && !drawn.some((d) => d.id === round.drawId)
      ? [{ value: round.drawId, label: round.drawTitle }]
      : []),
    ...drawn.map((d) => ({ value: d.id, label: `${d.title}（${d.subject}）` })),
  ];

  return (
    <Form layout="vertical" data-testid="round-form">
      {round?.frozen ? (
        <Alert type="info" showIcon title={t(reviewsText.frozen)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item label={t(reviewsText.draw)} extra={t(reviewsText.drawHint)}>
        <Select
          value={drawId || undefined}
          onChange={setDrawId}
          options={drawOptions}
          disabled={fixed}
          loading={draws.isPending && !readOnly}
          style={{ maxWidth: 560 }}
          data-testid="round-draw"
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t(reviewsText.opensOn)}>
          <Input
            type="date"
            value={opensOn}
            onChange={(e) => setOpensOn(e.target.value)}
            disabled={readOnly}
            data-testid="round-opens"
          />
        </Form.Item>
        <Form.Item label={t(reviewsText.closesOn)}>
          <Input
            type="date"
            value={closesOn}
            onChange={(e) => setClosesOn(e.target.value)}
            disabled={readOnly}
            data-testid="round-closes"
          />
        </Form.Item>
        <Form.Item label={t(reviewsText.aggregation)}>
          <Select
            value={aggregation.method}
            disabled={fixed}
            style={{ width: 200 }}
            onChange={(m: Aggregation['method']) =>
              setAggregation(m === 'trimmed-mean' ? { method: m, trim: 1 } : { method: m })
            }
            options={[
              { value: 'mean', label: t(reviewsText.mean) },
              { value: 'median', label: t(reviewsText.median) },
              { value: 'trimmed-mean', label: t(reviewsText.trimmed) },
            ]}
            data-testid="round-aggregation"
          />
        </Form.Item>
        {aggregation.method === 'trimmed-mean' ? (
          <Form.Item label={t(reviewsText.trim)}>
            <InputNumber
              min={1}
              max={5}
              precision={0}
              value={aggregation.trim}
              disabled={fixed}
              onChange={(v) => setAggregation({ method: 'trimmed-mean', trim: v ?? 1 })}
            />
          </Form.Item>
        ) : null}
      </Space>
      <Table<ScoreCategory>
        rowKey={(_c) => categories.indexOf(_c)}
        size="small"
        pagination={false}
        dataSource={categories}
        columns={[
          {
            title: 'ID',
            render: (_v, c, i) => (
              <Input value={c.id} disabled={fixed} onChange={(e) => edit(i, { id: e.target.value })} />
            ),
          },
          {
            title: t(reviewsText.nameZh),
            render: (_v, c, i) => (
              <Input
                value={c.name.zh}
                disabled={fixed}
                onChange={(e) => edit(i, { name: { ...c.name, zh: e.target.value } })}
              />
            ),
          },
          {
            title: t(reviewsText.nameEn),
            render: (_v, c, i) => (
              <Input
                value={c.name.en}
                disabled={fixed}
                onChange={(e) => edit(i, { name: { ...c.name, en: e.target.value } })}
              />
            ),
          },
          {
            title: t(reviewsText.maxScore),
            width: 90,
            render: (_v, c, i) => (
              <InputNumber
                min={1}
                max={1000}
                precision={0}
                value={c.max}
                disabled={fixed}
                onChange={(v) => edit(i, { max: v ?? 1 })}
              />
            ),
          },
          {
            title: t(reviewsText.weight),
            width: 90,
            render: (_v, c, i) => (
              <InputNumber
                min={1}
                max={100}
                precision={0}
                value={c.weight}
                disabled={fixed}
                onChange={(v) => edit(i, { weight: v ?? 1 })}
                data-testid={`weight-${c.id}`}
              />
            ),
          },
          {
            title: t(reviewsText.minCommentColumn),
            width: 110,
            render: (_v, c, i) => (
              <InputNumber
                min={0}
                max={2000}
                precision={0}
                value={c.minComment}
                disabled={fixed}
                onChange={(v) => edit(i, { minComment: v ?? 0 })}
              />
            ),
          },
          {
            key: 'remove',
            render: (_v, _c, i) =>
              fixed ? null : (
                <Button
                  size="small"
                  danger
                  onClick={() => setCategories(categories.filter((_x, j) => j !== i))}
                >
                  {t(reviewsText.remove)}
                </Button>
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        {fixed ? null : (
          <Button
            onClick={() =>
              setCategories([
                ...categories,
                {
                  id: `c${categories.length + 1}`,
                  name: { zh: '', en: '' },
                  max: 10,
                  weight: 0,
                  minComment: 0,
                },
              ])
            }
          >
            {t(reviewsText.addCategory)}
          </Button>
        )}
        <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="weight-sum">
          {t(reviewsText.weightSum, { sum })}
        </Typography.Text>
        <Space>
          <Switch checked={reveal} disabled={fixed} onChange={setReveal} />
          <Typography.Text>{t(reviewsText.reveal)}</Typography.Text>
        </Space>
      </Space>
      {readOnly ? null : (
        <div style={{ marginTop: 16 }}>
          <Button
            type="primary"
            disabled={!drawId || sum !== 100}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="round-save"
          >
            {t(reviewsText.saveRound)}
          </Button>
        </div>
      )}
    </Form>
  );
}
