/**
 * 登记走访: choose one of the links (a leader sees their own), the day and what was discussed, and add the problems
 * the enterprise raised, each with a category and a due date. The server checks that a due date is not before the
 * visit and names the field (`problems.N.dueOn`) when it is.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Flex, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { categoryLabels, problemCategories, type ProblemCategory } from '@jinke/core/linkage/api.contract.ts';
import { chinaDate } from '@jinke/core/linkage/status.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { linkageKeys, listLinks, recordVisit } from '../linkage.api.ts';
import { linkageText } from '../linkage.messages.ts';

interface Draft {
  title: string;
  category: ProblemCategory;
  dueOn: string;
  department: string;
  description: string;
}

const emptyDraft = (): Draft => ({
  title: '',
  category: 'policy',
  dueOn: '',
  department: '',
  description: '',
});

export function VisitModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const links = useQuery({ queryKey: linkageKeys.links({}), queryFn: () => listLinks({}) });
  const [linkId, setLinkId] = useState<string | undefined>();
  const [visitedOn, setVisitedOn] = useState(() => chinaDate(new Date()));
  const [summary, setSummary] = useState('');
  const [participants, setParticipants] = useState('');
  const [problems, setProblems] = useState<Draft[]>([]);
  const link = links.data?.items.find((l) => l.id === linkId);

  const save = useMutation({
    mutationFn: () =>
      recordVisit({
        enterpriseId: link?.enterpriseId ?? '',
        ...(link ? { leaderId: link.leaderId } : {}),
        visitedOn,
        summary: summary.trim(),
        participants: participants.trim(),
        problems: problems.map((p) => ({
          title: p.title.trim(),
          category: p.category,
          dueOn: p.dueOn,
          description: p.description.trim(),
          ...(p.department.trim() ? { department: p.department.trim() } : {}),
        })),
      }),
    onSuccess: async () => {
      void message.success(t(linkageText.visitSaved));
      await queryClient.invalidateQueries({ queryKey: linkageKeys.all });
      onClose();
    },
  });
  const edit = (i: number, change: Partial<Draft>) =>
    setProblems((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <FormModal
      open
      width={720}
      title={t(linkageText.visitTitle)}
      testId="visit-form"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}

      error={save.error}
      errorTestId="visit-form-error"
    >
      <Form layout="vertical">
        <Form.Item label={t(linkageText.enterprise)} required>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            value={linkId}
            onChange={setLinkId}
            placeholder={t(linkageText.chooseEnterprise)}
            loading={links.isPending}
            options={(links.data?.items ?? []).map((l) => ({
              value: l.id,
              label: `${l.enterpriseName}（${l.leaderName}）`,
            }))}
            data-testid="visit-link"
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label={t(linkageText.visitedOn)} required>
            <Input
              type="date"
              value={visitedOn}
              onChange={(e) => setVisitedOn(e.target.value)}
              data-testid="visit-date"
            />
          </Form.Item>
          <Form.Item label={t(linkageText.participants)} style={{ flex: 1 }}>
            <Input
              value={participants}
              maxLength={500}
              onChange={(e) => setParticipants(e.target.value)}
              data-testid="visit-participants"
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t(linkageText.summary)} required>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            data-testid="visit-summary"
          />
        </Form.Item>
        {problems.map((p, i) => (
          <Card
            key={i}
            size="small"
            style={{ marginBottom: 12 }}
            title={t(linkageText.problemN, { n: i + 1 })}
            extra={
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t(linkageText.removeProblem)}
                onClick={() => setProblems((list) => list.filter((_, j) => j !== i))}
              />
            }
            data-testid={`visit-problem-${i}`}
          >
            <Form.Item label={t(linkageText.problem)} required>
              <Input
                value={p.title}
                maxLength={100}
                onChange={(e) => edit(i, { title: e.target.value })}
                data-testid={`visit-problem-${i}-title`}
              />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item label={t(linkageText.category)} required>
                <Select<ProblemCategory>
                  value={p.category}
                  onChange={(category) => edit(i, { category })}
                  style={{ width: 160 }}
                  options={problemCategories.map((c) => ({ value: c, label: t(categoryLabels[c]) }))}
                  data-testid={`visit-problem-${i}-category`}
                />
              </Form.Item>
              <Form.Item label={t(linkageText.dueOn)} required>
                <Input
                  type="date"
                  value={p.dueOn}
                  onChange={(e) => edit(i, { dueOn: e.target.value })}
                  data-testid={`visit-problem-${i}-due`}
                />
              </Form.Item>
              <Form.Item label={t(linkageText.department)}>
                <Input
                  value={p.department}
                  maxLength={100}
                  onChange={(e) => edit(i, { department: e.target.value })}
                  data-testid={`visit-problem-${i}-department`}
                />
              </Form.Item>
            </Flex>
            <Form.Item label={t(linkageText.description)} style={{ marginBottom: 0 }}>
              <Input.TextArea
                rows={2}
                maxLength={2000}
                value={p.description}
                onChange={(e) => edit(i, { description: e.target.value })}
              />
            </Form.Item>
          </Card>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => setProblems((list) => [...list, emptyDraft()])}
          data-testid="visit-add-problem"
        >
          {t(linkageText.addProblem)}
        </Button>
      </Form>
    </FormModal>
  );
}
