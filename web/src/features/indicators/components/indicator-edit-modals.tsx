/**
 * Officers' edits on the dashboard: a year's target of an indicator with its optional town split (the server
 * checks that the split adds up and names the field when it does not), and a reported figure such as the resident
 * population. Values are typed as decimal text and kept exact.
 */
import { useState } from 'react';

import { Form, Input, Select, Table, Typography } from 'antd';
import { Rational } from '@jinke/core/common/rational.ts';
import type { TargetComparison } from '@jinke/core/indicators/api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useSaveAndClose } from '../../../ui/use-save-and-close.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import {
  indicatorKeys,
  setIndicatorTarget,
  setReportedValue,
  uploadReportedAttachment,
  type IndicatorOverviewItem,
} from '../indicators.api.ts';
import { indicatorsText } from '../indicators.messages.ts';

const sumOf = (values: Record<string, string>) =>
  Object.values(values).reduce((s, v) => s.add(Rational.tryParse(v.trim()) ?? Rational.ZERO), Rational.ZERO);

export function TargetModal({
  year,
  item,
  onClose,
}: {
  year: number;
  item: IndicatorOverviewItem;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(item.target?.value.display ?? '');
  const [upper, setUpper] = useState(item.target?.upper?.display ?? '');
  const [comparison, setComparison] = useState<TargetComparison>(item.target?.comparison ?? 'at_least');
  const [source, setSource] = useState(item.target?.source ?? '');
  const [towns, setTowns] = useState<Record<string, string>>(() =>
    Object.fromEntries(item.towns.filter((x) => x.target).map((x) => [x.town, x.target?.display ?? ''])),
  );
  const split = Object.entries(towns)
    .filter(([, v]) => v.trim() !== '')
    .map(([town, v]) => ({ town, value: v.trim() }));
  const save = useSaveAndClose(
    () =>
      setIndicatorTarget(year, item.id, {
        value: value.trim(),
        comparison,
        upper: upper.trim() === '' ? null : upper.trim(),
        source: source.trim() === '' ? null : source.trim(),
        ...(split.length > 0 ? { towns: split } : {}),
      }),
    indicatorsText.targetSaved,
    onClose,
    indicatorKeys.all,
  );
  return (
    <FormModal
      open
      width={640}
      title={t(indicatorsText.targetTitle, { year, name: t(item.name) })}
      testId="indicator-target-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="indicator-target-error"
    >
      <Form layout="vertical">
        <Form.Item label={`${t(indicatorsText.targetValue)}（${t(item.unit)}）`} required>
          <Input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            style={{ width: 200 }}
            data-testid="indicator-target-value"
          />
        </Form.Item>
        <Form.Item label={t(indicatorsText.targetUpper)}>
          <Input
            value={upper}
            onChange={(e) => setUpper(e.target.value)}
            style={{ width: 200 }}
            data-testid="indicator-target-upper"
          />
        </Form.Item>
        <Form.Item label={t(indicatorsText.comparison)}>
          <Select<TargetComparison>
            value={comparison}
            onChange={setComparison}
            style={{ width: 240 }}
            options={[
              { value: 'at_least', label: t(indicatorsText.comparisonAtLeast) },
              { value: 'above', label: t(indicatorsText.comparisonAbove) },
            ]}
          />
        </Form.Item>
        <Form.Item label={t(indicatorsText.targetSource)}>
          <Input value={source} maxLength={200} onChange={(e) => setSource(e.target.value)} />
        </Form.Item>
        {item.breakdown ? (
          <Form.Item label={t(indicatorsText.townSplit)}>
            <Typography.Text type="secondary" data-testid="indicator-split-sum">
              {t(indicatorsText.splitSum, { sum: sumOf(towns).toDecimal(6) })}
            </Typography.Text>
            <Table
              rowKey="town"
              size="small"
              pagination={false}
              scroll={{ y: 240 }}
              dataSource={item.towns}
              columns={[
                { key: 'name', dataIndex: 'townName', title: t(indicatorsText.town) },
                {
                  key: 'value',
                  title: t(indicatorsText.target),
                  render: (_: unknown, x: { town: string }) => (
                    <Input
                      size="small"
                      value={towns[x.town] ?? ''}
                      onChange={(e) => setTowns((prev) => ({ ...prev, [x.town]: e.target.value }))}
                      data-testid={`indicator-split-${x.town}`}
                    />
                  ),
                },
              ]}
            />
          </Form.Item>
        ) : null}
      </Form>
    </FormModal>
  );
}

export function ReportModal({
  year,
  item,
  onClose,
}: {
  year: number;
  item: IndicatorOverviewItem;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(item.figure?.display ?? '');
  const [note, setNote] = useState(item.reported?.note ?? '');
  const [file, setFile] = useState<File | null>(null);
  const kept = item.reported?.attachment ?? null;
  const save = useSaveAndClose(
    async () => {
      // The document goes first; a refused file stops here, before the figure is written.
      const attachment = file ? await uploadReportedAttachment(file) : kept;
      return setReportedValue(year, item.id, {
        value: value.trim(),
        note: note.trim() === '' ? null : note.trim(),
        attachmentId: attachment?.id ?? null,
      });
    },
    indicatorsText.reportSaved,
    onClose,
    indicatorKeys.all,
  );
  return (
    <FormModal
      open
      title={t(indicatorsText.reportTitle, { year, name: t(item.name) })}
      testId="indicator-report-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
    >
      <Form layout="vertical">
        <Form.Item label={`${t(indicatorsText.reportValue)}（${t(item.unit)}）`} required>
          <Input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            style={{ width: 200 }}
            data-testid="indicator-report-value"
          />
        </Form.Item>
        <Form.Item label={t(indicatorsText.reportNote)}>
          <Input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        <Form.Item
          label={t(indicatorsText.attachment)}
          required={item.reported?.attachmentRequired ?? false}
          extra={
            item.reported
              ? t(indicatorsText.reportedBy, { department: t(item.reported.department) })
              : undefined
          }
        >
          <input
            type="file"
            accept=".pdf,.ofd,.docx,.xlsx,.png,.jpg,.jpeg"
            aria-label={t(indicatorsText.attachmentChoose)}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="indicator-report-file"
          />
          <div>
            <Typography.Text type="secondary">
              {file
                ? file.name
                : kept
                  ? t(indicatorsText.attachmentKeep, { name: kept.fileName })
                  : t(indicatorsText.attachmentChoose)}
            </Typography.Text>
          </div>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
