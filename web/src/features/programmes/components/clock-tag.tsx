/**
 * The current phase's statutory clock in one tag: the due day, or suspended while the applicant corrects; red when
 * overdue.
 */
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import type { ClockInfo } from '../programmes.api.ts';
import { programmesText } from '../programmes.messages.ts';

export function ClockTag({ clock }: { clock: ClockInfo }) {
  const { t } = useI18n();
  const line = t(programmesText.clockLine, {
    limit: clock.limit,
    elapsed: clock.elapsed,
    remaining: clock.remaining,
  });
  return (
    <Tooltip title={line}>
      {clock.suspended ? (
        <Tag color="blue" data-testid="clock-tag">
          {t(programmesText.suspended)}
        </Tag>
      ) : (
        <Tag color={clock.overdue ? 'red' : 'default'} data-testid="clock-tag">
          {clock.dueOn}
          {clock.overdue ? ` · ${t(programmesText.overdue)}` : ''}
        </Tag>
      )}
    </Tooltip>
  );
}
