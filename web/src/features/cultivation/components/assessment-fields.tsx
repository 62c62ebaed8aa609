/** Inputs of the self-assessment forms: a labelled row that marks a missing value, text, yes/no and band fields. */
import type { ReactNode } from 'react';
import { Flex, Input, Radio, Tag, Tooltip, Typography } from 'antd';
import type { ScoreBand } from '@jinke/core/cultivation/hnte-score.bands.ts';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import type { YesNo } from '../assessments.form.ts';
import { assessmentText } from '../assessments.messages.ts';

export function FieldRow({
  label,
  missing,
  source,
  hint,
  testId,
  children,
}: {
  label: Text | string;
  missing: boolean;
  source?: string | undefined;
  hint?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div
      data-testid={`${testId}-row`}
      data-missing={missing}
      style={{
        padding: '6px 8px',
        marginBottom: 6,
        borderLeft: `3px solid ${missing ? '#fa8c16' : 'transparent'}`,
        background: missing ? '#fff7e6' : undefined,
        borderRadius: 4,
      }}
    >
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{typeof label === 'string' ? label : t(label)}</Typography.Text>
        {missing ? (
          <Tag color="orange" data-testid={`${testId}-missing`}>
            {t(assessmentText.missingTag)}
          </Tag>
        ) : null}
        {source ? (
          <Tooltip title={source}>
            <Tag color="blue">{t(assessmentText.fromRegistry)}</Tag>
          </Tooltip>
        ) : null}
      </Flex>
      <div style={{ marginTop: 4 }}>{children}</div>
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function TextInput({
  value,
  onChange,
  testId,
  missing,
  suffix,
  width = 160,
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  missing?: boolean;
  suffix?: string;
  width?: number;
}) {
  return (
    <Input
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
      status={missing ? 'warning' : undefined}
      suffix={suffix}
      style={{ width }}
      inputMode="decimal"
    />
  );
}

export function YesNoInput({
  value,
  onChange,
  testId,
  yes = assessmentText.yes,
  no = assessmentText.no,
}: {
  value: YesNo;
  onChange: (value: YesNo) => void;
  testId: string;
  yes?: Text;
  no?: Text;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      value={value === '' ? undefined : value}
      onChange={(e) => onChange(e.target.value as YesNo)}
      optionType="button"
      data-testid={testId}
    >
      <Radio.Button value="yes">
        <span data-testid={`${testId}-yes`}>{t(yes)}</span>
      </Radio.Button>
      <Radio.Button value="no">
        <span data-testid={`${testId}-no`}>{t(no)}</span>
      </Radio.Button>
    </Radio.Group>
  );
}

/** A band choice whose buttons show each band's point range, then the points within the chosen band. */
export function BandInput({
  bands,
  band,
  points,
  onChange,
  testId,
}: {
  bands: readonly ScoreBand[];
  band: string;
  points: string;
  onChange: (band: string, points: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const chosen = bands.find((b) => b.band === band);
  const single = chosen !== undefined && chosen.min === chosen.max;
  return (
    <Flex gap={8} wrap align="center">
      <Radio.Group
        value={band === '' ? undefined : band}
        optionType="button"
        onChange={(e) => {
          const next = bands.find((b) => b.band === e.target.value);
          // A band with one possible score takes it; otherwise the points are asked for within the range.
          onChange(String(e.target.value), next && next.min === next.max ? String(next.min) : '');
        }}
        data-testid={`${testId}-band`}
      >
        {bands.map((b) => (
          <Tooltip key={b.band} title={`${t(b.label)}：${b.min}–${b.max}`}>
            <Radio.Button value={b.band}>
              <span data-testid={`${testId}-band-${b.band}`}>
                {b.band}{' '}
                <span style={{ fontSize: 12, opacity: 0.7 }}>
                  ({b.min === b.max ? b.min : `${b.min}–${b.max}`})
                </span>
              </span>
            </Radio.Button>
          </Tooltip>
        ))}
      </Radio.Group>
      {chosen && !single ? (
        <>
          <TextInput
            value={points}
            onChange={(p) => onChange(band, p)}
            testId={`${testId}-points`}
            width={80}
          />
          <Typography.Text type="secondary" data-testid={`${testId}-range`}>
            {t(assessmentText.pointsRange, { band: chosen.band, min: chosen.min, max: chosen.max })}
          </Typography.Text>
        </>
      ) : null}
    </Flex>
  );
}
