/**
 * Officers' dialogs on a problem: assign it (officer, department, due date) and change its status along the moves
 * core allows (a resolution is asked for when resolving or closing). A leader's status dialog offers only closing
 * and reopening. The server's refusal is shown as it comes, naming the field.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Typography } from 'antd';
import { TRANSITIONS, statusLabels, type ProblemStatus } from '@jinke/core/linkage/status.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { useSaveAndClose } from '../../../ui/use-save-and-close.ts';
import { assignProblem, changeStatus, linkageKeys, listPeople, type ProblemItem } from '../linkage.api.ts';
import { linkageText } from '../linkage.messages.ts';

export function AssignModal({ problem, onClose }: { problem: ProblemItem; onClose: () => void }) {
  const { t } = useI18n();
  const people = useQuery({ queryKey: linkageKeys.people, queryFn: listPeople });
  const [assigneeId, setAssigneeId] = useState<string | null>(problem.assigneeId);
  const [department, setDepartment] = useState(problem.department ?? '');
  const [dueOn, setDueOn] = useState(problem.dueOn);
  const save = useSaveAndClose(
    () => assignProblem(problem.id, { assigneeId, department: department.trim() || null, dueOn }),
    linkageText.assigned,
    onClose,
    linkageKeys.all,
  );
  return (
    <FormModal
      open
      title={t(linkageText.assignTitle, { title: problem.title })}
      testId="problem-assign"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="problem-assign-error"
    >
      <Form layout="vertical">
        <Form.Item label={t(linkageText.assignee)}>
          <Select<string>
            allowClear
            value={assigneeId ?? undefined}
            onChange={(v) => setAssigneeId(v ?? null)}
            placeholder={t(linkageText.chooseOfficer)}
            loading={people.isPending}
            options={(people.data?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="problem-assign-officer"
          />
        </Form.Item>
        <Form.Item label={t(linkageText.department)}>
          <Input
            value={department}
            maxLength={100}
            onChange={(e) => setDepartment(e.target.value)}
            data-testid="problem-assign-department"
          />
        </Form.Item>
        <Form.Item label={t(linkageText.dueOn)} required>
          <Input
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            style={{ width: 200 }}
            data-testid="problem-assign-due"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function StatusModal({
  problem,
  allowed,
  onClose,
}: {
  problem: ProblemItem;
  /** The statuses the user may set, before the transition rule narrows them. */
  allowed: readonly ProblemStatus[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const moves = TRANSITIONS[problem.status].filter((s) => allowed.includes(s));
  const [status, setStatus] = useState<ProblemStatus | undefined>(moves[0]);
  const [resolution, setResolution] = useState(problem.resolution ?? '');
  const save = useSaveAndClose(
    () =>
      changeStatus(problem.id, {
        status: status ?? problem.status,
        ...(resolution.trim() ? { resolution: resolution.trim() } : {}),
      }),
    linkageText.statusSaved,
    onClose,
    linkageKeys.all,
  );
  return (
    <FormModal
      open
      title={t(linkageText.statusTitle, { title: problem.title })}
      testId="problem-status-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="problem-status-error"
    >
      <Typography.Paragraph type="secondary">
        {t(linkageText.allowedHint, {
          list: TRANSITIONS[problem.status].map((s) => t(statusLabels[s])).join(' / '),
        })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t(linkageText.newStatus)} required>
          <Select<ProblemStatus>
            value={status}
            onChange={setStatus}
            options={moves.map((s) => ({ value: s, label: t(statusLabels[s]) }))}
            style={{ width: 200 }}
            data-testid="problem-status-select"
          />
        </Form.Item>
        <Form.Item
          label={t(linkageText.resolution)}
          required={status === 'resolved' || status === 'closed'}
          extra={t(linkageText.resolutionHint)}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            data-testid="problem-status-resolution"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
