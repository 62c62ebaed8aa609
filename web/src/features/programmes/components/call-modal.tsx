/** 新建申报通知: an officer drafts a call (kind, title, year, window, budget); it opens separately. */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, InputNumber, Select } from 'antd';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import {
  programmeKindLabels,
  programmeKinds,
  type ProgrammeKind,
} from '@jinke/core/programmes/api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { createCall, programmesKeys } from '../programmes.api.ts';
import { programmesText } from '../programmes.messages.ts';

export function CallModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const today = chinaDate(new Date());
  const [kind, setKind] = useState<ProgrammeKind>('science_plan');
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(today);
  const [budgetWan, setBudgetWan] = useState<number | null>(0);
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: () =>
      createCall({
        kind,
        title,
        year,
        opensOn,
        closesOn,
        budgetFen: Math.round((budgetWan ?? 0) * 1_000_000),
        description,
      }),
    onSuccess: async () => {
      void message.success(t(programmesText.callSaved));
      await queryClient.invalidateQueries({ queryKey: programmesKeys.all });
      onClose();
    },
  });
  return (
    <FormModal
      open
      title={t(programmesText.newCallTitle)}
      testId="call-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="call-form-error"
    >
      <Form layout="vertical">
        <Form.Item label={t(programmesText.kind)} required>
          <Select<ProgrammeKind>
            value={kind}
            onChange={setKind}
            options={programmeKinds.map((k) => ({ value: k, label: t(programmeKindLabels[k]) }))}
            data-testid="call-kind"
          />
        </Form.Item>
        <Form.Item label={t(programmesText.title)} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="call-title" />
        </Form.Item>
        <Form.Item label={t(programmesText.year)} required>
          <InputNumber<number>
            value={year}
            onChange={(v) => setYear(v ?? year)}
            precision={0}
            data-testid="call-year"
          />
        </Form.Item>
        <Form.Item label={t(programmesText.opensOn)} required>
          <Input
            type="date"
            value={opensOn}
            onChange={(e) => setOpensOn(e.target.value)}
            data-testid="call-opens"
          />
        </Form.Item>
        <Form.Item label={t(programmesText.closesOn)} required>
          <Input
            type="date"
            value={closesOn}
            onChange={(e) => setClosesOn(e.target.value)}
            data-testid="call-closes"
          />
        </Form.Item>
        <Form.Item label={t(programmesText.budget)} required>
          <InputNumber<number>
            value={budgetWan}
            onChange={setBudgetWan}
            min={0}
            precision={2}
            data-testid="call-budget"
          />
        </Form.Item>
        <Form.Item label={t(programmesText.description)}>
          <Input.TextArea
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="call-description"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
