/** The gaps shared by enterprises one or two criteria short; clicking one filters the table to exactly that set. */
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import type { GapGroup } from '../pipeline.api.ts';
import { pipelineText } from '../pipeline.messages.ts';

export function PipelineGaps({
  groups,
  active,
  onPick,
}: {
  groups: GapGroup[];
  active: string | undefined;
  onPick: (key: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t(pipelineText.gapsTitle)}
      extra={
        active ? (
          <Button size="small" onClick={() => onPick(undefined)} data-testid="pipeline-gap-clear">
            {t(pipelineText.clearGap)}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t(pipelineText.gapsHint)}</Typography.Text>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="pipeline-gaps"
    >
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(pipelineText.noGaps)} />
      ) : (
        <Flex vertical align="flex-start" gap={4}>
          {groups.map((g) => (
            <Button
              key={g.key}
              type={g.key === active ? 'primary' : 'link'}
              onClick={() => onPick(g.key === active ? undefined : g.key)}
              data-testid={`pipeline-gap-${g.key}`}
              aria-pressed={g.key === active}
            >
              {t(g.text)}
            </Button>
          ))}
        </Flex>
      )}
    </Card>
  );
}
