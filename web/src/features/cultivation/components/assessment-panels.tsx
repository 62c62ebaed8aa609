/**
 * One tab of the self-assessment page: the registry prefill for the chosen day, the form with what is missing
 * highlighted, the result computed live in the browser by the same core rule the server runs, saving and the
 * saved assessments. Changing the day prefills again (the editor is keyed by the prefill's day).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Col, Flex, Input, Row, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import {
  assessmentKeys,
  fetchPrefill,
  saveAssessment,
  type AssessmentKind,
  type PrefillResponse,
} from '../assessments.api.ts';
import { computeHnte, hnteFormFrom, type HnteForm } from '../assessments.form.ts';
import { assessmentText } from '../assessments.messages.ts';
import { computeTsme, tsmeFormFrom, type TsmeForm } from '../assessments.tsme-form.ts';
import { HnteAssessmentForm } from './assessment-hnte-form.tsx';
import { HnteResultView, TsmeResultView } from './assessment-results.tsx';
import { SavedAssessments } from './assessment-saved-list.tsx';
import { TsmeAssessmentForm } from './assessment-tsme-form.tsx';

function usePrefillWords(prefill: PrefillResponse) {
  const { locale } = useI18n();
  return useMemo(() => {
    const pick = (n: { zh: string; en: string }) => (locale === 'en-US' ? n.en : n.zh);
    return {
      missing: new Set(prefill.missing),
      sources: new Map(prefill.sources.map((s) => [s.path, pick(s)])),
      notes: prefill.notes.map((n) => ({ path: n.path, text: pick(n) })),
    };
  }, [prefill, locale]);
}

function useSave(kind: AssessmentKind) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => saveAssessment(kind, input),
    onSuccess: async () => {
      void message.success(t(assessmentText.saved));
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.list(kind) });
    },
    onError: (error) => void message.error(t(assessmentText.saveFailed, { message: error.message })),
  });
}

function Layout({
  form,
  result,
  onSave,
  canSave,
  saving,
}: {
  form: ReactNode;
  result: ReactNode;
  onSave: () => void;
  canSave: boolean;
  saving: boolean;
}) {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        {form}
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={12} style={{ position: 'sticky', top: 16 }} data-testid="assessment-result">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t(assessmentText.resultTitle)}
          </Typography.Title>
          {result}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!canSave}
            loading={saving}
            onClick={onSave}
            data-testid="assessment-save"
          >
            {t(assessmentText.save)}
          </Button>
        </Flex>
      </Col>
    </Row>
  );
}

function HnteEditor({ prefill }: { prefill: PrefillResponse }) {
  const { locale } = useI18n();
  const words = usePrefillWords(prefill);
  const [form, setForm] = useState<HnteForm>(() => hnteFormFrom(prefill.input));
  const computed = useMemo(() => computeHnte(form, locale), [form, locale]);
  const save = useSave('hnte');
  return (
    <Layout
      form={
        <HnteAssessmentForm
          form={form}
          onChange={setForm}
          missing={words.missing}
          sources={words.sources}
          result={computed.ok ? computed.result : null}
        />
      }
      result={
        <HnteResultView
          result={computed.ok ? computed.result : null}
          errors={computed.ok ? [] : computed.errors}
        />
      }
      canSave={computed.ok}
      saving={save.isPending}
      onSave={() => save.mutate(computed.raw)}
    />
  );
}

function TsmeEditor({ prefill }: { prefill: PrefillResponse }) {
  const { locale } = useI18n();
  const words = usePrefillWords(prefill);
  const [form, setForm] = useState<TsmeForm>(() => tsmeFormFrom(prefill.input));
  const computed = useMemo(() => computeTsme(form, locale), [form, locale]);
  const save = useSave('tsme');
  return (
    <Layout
      form={
        <TsmeAssessmentForm form={form} onChange={setForm} missing={words.missing} sources={words.sources} />
      }
      result={
        <TsmeResultView
          result={computed.ok ? computed.result : null}
          errors={computed.ok ? [] : computed.errors}
        />
      }
      canSave={computed.ok}
      saving={save.isPending}
      onSave={() => save.mutate(computed.raw)}
    />
  );
}

function DateBar({ value, onDate }: { value: string; onDate: (date: string) => void }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} wrap align="center">
      <span>{t(assessmentText.assessmentDate)}</span>
      <Input
        type="date"
        value={value}
        onChange={(e) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onDate(e.target.value);
        }}
        style={{ width: 170 }}
        data-testid="assessment-date"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(assessmentText.assessmentDateHint)}
      </Typography.Text>
    </Flex>
  );
}

function Header({ prefill }: { prefill: PrefillResponse }) {
  const { t } = useI18n();
  const words = usePrefillWords(prefill);
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {t(assessmentText.enterprise)}：
        <strong data-testid="assessment-enterprise">{prefill.enterprise.name}</strong>
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(assessmentText.intro)}
      </Typography.Paragraph>
      {words.notes.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="assessment-missing"
          title={t(assessmentText.missingTitle)}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {words.notes.map((n) => (
                <li key={n.path} data-testid={`assessment-note-${n.path}`}>
                  {n.text}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}

export function AssessmentPanel({ kind }: { kind: AssessmentKind }) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(null);
  const prefill = useQuery({
    queryKey: assessmentKeys.prefill(kind, date),
    queryFn: () => fetchPrefill(kind, date),
  });
  let body: ReactNode;
  if (prefill.isPending) body = <PageSpin />;
  else if (prefill.error)
    body = (
      <Alert
        type="error"
        showIcon
        data-testid="assessment-load-error"
        title={t(assessmentText.loadFailed, { message: prefill.error.message })}
      />
    );
  else {
    const data = prefill.data;
    body = (
      <Flex vertical gap={16}>
        <Header prefill={data} />
        {kind === 'hnte' ? (
          <HnteEditor key={`${data.enterprise.id}-${data.assessmentDate}`} prefill={data} />
        ) : (
          <TsmeEditor key={`${data.enterprise.id}-${data.assessmentDate}`} prefill={data} />
        )}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16} data-testid={`assessment-panel-${kind}`}>
      <DateBar value={date ?? prefill.data?.assessmentDate ?? ''} onDate={setDate} />
      {body}
      <SavedAssessments kind={kind} />
    </Flex>
  );
}
