/** The readiness class of an enterprise as a coloured tag. */
import { Tag } from 'antd';
import { readinessLabels, type Readiness } from '@jinke/core/cultivation/pipeline.readiness.ts';
import { useI18n } from '../../../app/i18n.tsx';

export const readinessColors: Record<Readiness, string> = {
  eligible: 'green',
  one_gap: 'gold',
  two_gaps: 'orange',
  far: 'red',
  incomplete: 'default',
};

export function ReadinessTag({ readiness, testId }: { readiness: Readiness; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={readinessColors[readiness]} data-testid={testId} data-readiness={readiness}>
      {t(readinessLabels[readiness])}
    </Tag>
  );
}
