/**
 * The pipeline's cards: valid HNTE against the year's target, enterprises eligible now, one criterion short, and
 * certificates expiring within a year.
 */
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { PipelineResponse } from '../pipeline.api.ts';
import { pipelineText } from '../pipeline.messages.ts';

export function PipelineSummary({
  data,
  onShowExpiring,
}: {
  data: PipelineResponse;
  onShowExpiring: () => void;
}) {
  const { t, locale } = useI18n();
  const { summary, campaign } = data;
  const target = campaign.target;
  const town = summary.scope === 'town';
  const percent =
    target && target.targetAbove > 0
      ? Math.min(100, (summary.validHnte / (target.targetAbove + 1)) * 100)
      : 0;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Card data-testid="pipeline-card-hnte">
          <Statistic
            title={`${t(town ? pipelineText.validHnteTown : pipelineText.validHnte)} · ${t(
              pipelineText.asOf,
              {
                date: formatDate(campaign.asOf, locale),
              },
            )}`}
            value={summary.validHnte}
            suffix={target && !town ? ` / >${target.targetAbove}` : undefined}
            valueRender={(node) => <span data-testid="pipeline-valid-hnte">{node}</span>}
          />
          {target ? (
            <>
              {town ? null : (
                <Progress
                  percent={Math.round(percent)}
                  status={summary.validHnte > target.targetAbove ? 'success' : 'active'}
                  showInfo={false}
                  size="small"
                />
              )}
              <Typography.Text type="secondary" data-testid="pipeline-target">
                {t(town ? pipelineText.targetCounty : pipelineText.target, { n: target.targetAbove })}
                {town
                  ? null
                  : ` · ${
                      summary.validHnte > target.targetAbove
                        ? t(pipelineText.targetMet)
                        : t(pipelineText.targetShort, { n: target.targetAbove + 1 - summary.validHnte })
                    }`}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="pipeline-target">
              {t(pipelineText.noTarget)}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card>
          <Statistic
            title={t(pipelineText.eligible)}
            value={summary.eligible}
            valueRender={(node) => <span data-testid="pipeline-count-eligible">{node}</span>}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card>
          <Statistic
            title={t(pipelineText.oneGap)}
            value={summary.oneGap}
            valueRender={(node) => <span data-testid="pipeline-count-one-gap">{node}</span>}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card hoverable onClick={onShowExpiring} data-testid="pipeline-card-expiring">
          <Statistic
            title={t(pipelineText.expiring)}
            value={summary.expiring}
            valueRender={(node) => <span data-testid="pipeline-count-expiring">{node}</span>}
          />
        </Card>
      </Col>
    </Row>
  );
}
