/**
 * Officers' dialog for the year's town assessment weights: one row per indicator (only those broken down by town),
 * its weight and its cap. The server checks every row and names the field it refuses (`weights.N.weight`), which
 * the dialog shows as it comes.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { WeightsRequest } from '@jinke/core/indicators/town-assessment.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { getOverview, indicatorKeys } from '../indicators.api.ts';
import { setTownWeights, townAssessmentKeys, type AssessmentWeight } from '../town-assessment.api.ts';
import { townAssessmentText as text } from '../town-assessment.messages.ts';

interface Row {
  key: number;
  indicator: string | undefined;
  weight: string;
  cap: string;
}

/** A typed number, or null (sent as is, so the server names the field) when it is not one. */
const numberOf = (typed: string): number | null => {
  const n = Number(typed.trim());
  return typed.trim() === '' || !Number.isFinite(n) ? null : n;
};

export function TownWeightsModal({
  year,
  weights,
  onClose,
}: {
  year: number;
  weights: readonly AssessmentWeight[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() =>
    weights.map((w, i) => ({
      key: i,
      indicator: w.indicator,
      weight: String(w.weight),
      cap: String(w.capPercent),
    })),
  );
  const overview = useQuery({ queryKey: indicatorKeys.overview(year), queryFn: () => getOverview(year) });
  const options = (overview.data?.items ?? [])
    .filter((i) => i.breakdown)
    .map((i) => ({ value: i.id, label: t(i.name) }));
  const update = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = useMutation({
    mutationFn: () =>
      setTownWeights(year, {
        weights: rows.map((r) => ({
          indicator: r.indicator ?? '',
          weight: numberOf(r.weight) as number,
          capPercent: numberOf(r.cap) ?? 120,
        })),
      } satisfies WeightsRequest),
    onSuccess: async () => {
      void message.success(t(text.weightsSaved));
      await queryClient.invalidateQueries({ queryKey: townAssessmentKeys.all });
      onClose();
    },
  });

  return (
    <FormModal
      open
      width={720}
      title={t(text.weightsTitle, { year })}
      testId="town-weights-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="town-weights-error"
    >
      <Typography.Paragraph type="secondary">{t(text.weightsHint)}</Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            key: 'indicator',
            title: t(text.indicator),
            render: (_: unknown, r, i) => (
              <Select<string>
                value={r.indicator}
                options={options}
                style={{ width: 300 }}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(indicator) => update(r.key, { indicator })}
                data-testid={`town-weight-indicator-${i}`}
              />
            ),
          },
          {
            key: 'weight',
            title: t(text.weight),
            width: 120,
            render: (_: unknown, r, i) => (
              <Input
                value={r.weight}
                onChange={(e) => update(r.key, { weight: e.target.value })}
                data-testid={`town-weight-value-${i}`}
              />
            ),
          },
          {
            key: 'cap',
            title: t(text.cap),
            width: 110,
            render: (_: unknown, r, i) => (
              <Input
                value={r.cap}
                onChange={(e) => update(r.key, { cap: e.target.value })}
                data-testid={`town-weight-cap-${i}`}
              />
            ),
          },
          {
            key: 'remove',
            width: 60,
            render: (_: unknown, r, i) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t(text.remove)}
                onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                data-testid={`town-weight-remove-${i}`}
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        onClick={() =>
          setRows((list) => [
            ...list,
            {
              key: Math.max(-1, ...list.map((r) => r.key)) + 1,
              indicator: undefined,
              weight: '',
              cap: '120',
            },
          ])
        }
        data-testid="town-weight-add"
      >
        {t(text.addWeight)}
      </Button>
    </FormModal>
  );
}
