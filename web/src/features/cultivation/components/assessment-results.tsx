/** The live results of both assessments: verdict, criteria, and the 高企 score table or the 科小 indicators. */
import { Card, Flex, Table, Typography } from 'antd';
import type { HnteAssessmentResult } from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import type { ScoreItem } from '@jinke/core/cultivation/hnte-score.rules.ts';
import type { TsmeResult } from '@jinke/core/cultivation/tsme.rules.ts';
import type { FieldError } from '@jinke/core/common/errors.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { assessmentText } from '../assessments.messages.ts';
import { CriteriaList, InputErrors, Verdict, stateOf } from './assessment-criteria.tsx';

type Row = ScoreItem & { indicator: string };

export function HnteResultView({
  result,
  errors,
}: {
  result: HnteAssessmentResult | null;
  errors: FieldError[];
}) {
  const { t, locale } = useI18n();
  const w = (b: { zh: string; en: string }) => (locale === 'en-US' ? b.en : b.zh);
  if (!result) return <InputErrors errors={errors} />;
  const failed = result.criteria.filter((c) => c.pass === false).length;
  const open = result.criteria.filter((c) => c.pass === null).length;
  const verdict =
    result.eligible === true
      ? t(assessmentText.hntePass)
      : result.eligible === false
        ? t(assessmentText.hnteFail, { count: failed })
        : t(assessmentText.hnteOpen, { count: open });
  const s = result.score;
  const score =
    s.total !== null ? String(s.total) : t(assessmentText.scoreRange, { min: s.minTotal, max: s.maxTotal });
  const rows: Row[] = s.indicators.flatMap((i) =>
    i.items.map((item) => ({ ...item, indicator: w(i.title) })),
  );
  return (
    <Flex vertical gap={12}>
      <Verdict
        state={stateOf(result.eligible)}
        text={verdict}
        detail={t(assessmentText.scoreTotal, { score })}
      />
      <Card size="small">
        <CriteriaList criteria={result.criteria} />
      </Card>
      <Card size="small" title={t(assessmentText.scoreTotal, { score })}>
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={rows}
          data-testid="assessment-score-table"
          columns={[
            { key: 'indicator', title: '', dataIndex: 'indicator', width: 90 },
            { key: 'item', title: '', render: (_: unknown, r: Row) => w(r.title) },
            {
              key: 'band',
              title: t(assessmentText.band),
              render: (_: unknown, r: Row) =>
                r.band ? `${r.band}${r.basis ? ` · ${w(r.basis)}` : ''}` : '—',
            },
            {
              key: 'points',
              title: t(assessmentText.points),
              render: (_: unknown, r: Row) => (
                <span data-testid={`score-${r.id}`}>
                  {r.points !== null ? r.points : `${r.range.min}–${r.range.max}`}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

export function TsmeResultView({ result, errors }: { result: TsmeResult | null; errors: FieldError[] }) {
  const { t, locale } = useI18n();
  const w = (b: { zh: string; en: string }) => (locale === 'en-US' ? b.en : b.zh);
  if (!result) return <InputErrors errors={errors} />;
  const verdict =
    result.qualified === true
      ? t(assessmentText.tsmePass)
      : result.qualified === false
        ? t(assessmentText.tsmeFail, { count: result.failures.length })
        : t(assessmentText.tsmeOpen, { count: result.undecided.length });
  const score = result.score.total === null ? '—' : String(result.score.total);
  return (
    <Flex vertical gap={12}>
      <Verdict
        state={stateOf(result.qualified)}
        text={verdict}
        detail={t(assessmentText.tsmeScore, { score })}
      />
      <Card size="small">
        <CriteriaList criteria={result.criteria} />
      </Card>
      <Card size="small" title={t(assessmentText.tsmeScore, { score })}>
        {result.indicators.map((i) => (
          <Flex key={i.id} vertical style={{ marginBottom: 8 }} data-testid={`tsme-indicator-${i.id}`}>
            <Typography.Text strong>
              {w(i.title)}：{i.points === null ? '—' : i.points}
            </Typography.Text>
            <Typography.Text type="secondary">{w(i.actual)}</Typography.Text>
            {i.next ? <Typography.Text type="warning">{w(i.next.needs)}</Typography.Text> : null}
          </Flex>
        ))}
      </Card>
    </Flex>
  );
}
