/** Sets the campaign year's HNTE target (officers and administrators). */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, InputNumber } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { pipelineKeys, setTarget } from '../pipeline.api.ts';
import { pipelineText } from '../pipeline.messages.ts';

export function PipelineTargetModal({
  year,
  current,
  onClose,
}: {
  year: number;
  current: { targetAbove: number; source: string | null } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [targetAbove, setTargetAbove] = useState<number | null>(current?.targetAbove ?? null);
  const [source, setSource] = useState(current?.source ?? '');
  const save = useMutation({
    mutationFn: () => setTarget(year, targetAbove ?? 0, source.trim() === '' ? null : source.trim()),
    onSuccess: async () => {
      void message.success(t(pipelineText.targetSaved));
      await queryClient.invalidateQueries({ queryKey: pipelineKeys.all });
      onClose();
    },
  });
  return (
    <FormModal
      open
      title={t(pipelineText.targetTitle, { year })}
      testId="pipeline-target"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}
      error={save.error}
    >
      <Form layout="vertical">
        <Form.Item label={t(pipelineText.targetAbove)} required>
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            value={targetAbove}
            onChange={(v) => setTargetAbove(v)}
            style={{ width: 200 }}
            data-testid="pipeline-target-above"
          />
        </Form.Item>
        <Form.Item label={t(pipelineText.targetSource)}>
          <Input
            value={source}
            maxLength={200}
            onChange={(e) => setSource(e.target.value)}
            data-testid="pipeline-target-source"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
