/** The live verdict and each criterion with its pass/fail tag, actual vs required, the gap and the article. */
import { Alert, Flex, Tag, Typography } from 'antd';
import type { FieldError } from '@jinke/core/common/errors.ts';
import type { Criterion } from '@jinke/core/cultivation/criteria.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { assessmentText } from '../assessments.messages.ts';

export type VerdictState = 'pass' | 'fail' | 'undecided';

export function stateOf(value: boolean | null): VerdictState {
  return value === null ? 'undecided' : value ? 'pass' : 'fail';
}

export function StatusTag({ pass, testId }: { pass: boolean | null; testId?: string }) {
  const { t } = useI18n();
  const [color, text] =
    pass === null
      ? ['default', assessmentText.openTag]
      : pass
        ? ['success', assessmentText.passTag]
        : ['error', assessmentText.failTag];
  return (
    <Tag color={color} data-testid={testId} data-pass={String(pass)}>
      {t(text)}
    </Tag>
  );
}

export function Verdict({ state, text, detail }: { state: VerdictState; text: string; detail?: string }) {
  const type = state === 'pass' ? 'success' : state === 'fail' ? 'error' : 'warning';
  return (
    <Alert
      type={type}
      showIcon
      title={
        <span data-testid="assessment-verdict" data-state={state}>
          {text}
        </span>
      }
      description={detail ? <span data-testid="assessment-score-summary">{detail}</span> : undefined}
    />
  );
}

export function InputErrors({ errors }: { errors: FieldError[] }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="assessment-errors"
      title={t(assessmentText.errorsTitle)}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {errors.map((e, i) => (
            <li key={`${e.field}-${i}`} data-testid={`assessment-error-${e.field}`}>
              {e.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function CriteriaList({ criteria }: { criteria: readonly Criterion[] }) {
  const { t, locale } = useI18n();
  const w = (b: { zh: string; en: string }) => (locale === 'en-US' ? b.en : b.zh);
  return (
    <Flex vertical data-testid="assessment-criteria">
      {criteria.map((c) => (
        <Flex
          key={c.id}
          vertical
          gap={2}
          data-testid={`criterion-${c.id}`}
          style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
        >
          <Flex gap={8} align="start">
            <StatusTag pass={c.pass} testId={`criterion-${c.id}-status`} />
            <Typography.Text strong>{w(c.title)}</Typography.Text>
          </Flex>
          <Typography.Text data-testid={`criterion-${c.id}-actual`}>
            {t(assessmentText.actual)}：{w(c.actual)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t(assessmentText.required)}：{w(c.required)}
          </Typography.Text>
          {c.gap ? (
            <Typography.Text
              type={c.pass === false ? 'danger' : 'warning'}
              data-testid={`criterion-${c.id}-gap`}
            >
              {t(assessmentText.gap)}：{w(c.gap)}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(assessmentText.article)}：{c.citation.document}
            {c.citation.article}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
