/** The window and status tags shared by the review pages. */
import { Tag } from 'antd';
import type { ReviewStatus, WindowState } from '@jinke/core/reviews/api.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import type { ReviewWindow } from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';

const windowText = {
  upcoming: reviewsText.windowUpcoming,
  open: reviewsText.windowOpen,
  closed: reviewsText.windowClosed,
} satisfies Record<WindowState, unknown>;
const windowColour: Record<WindowState, string> = { upcoming: 'default', open: 'green', closed: 'red' };

export const statusText = {
  pending: reviewsText.statusPending,
  declared: reviewsText.statusDeclared,
  draft: reviewsText.statusDraft,
  submitted: reviewsText.statusSubmitted,
  conflicted: reviewsText.statusConflicted,
} satisfies Record<ReviewStatus, unknown>;
const statusColour: Record<ReviewStatus, string> = {
  pending: 'default',
  declared: 'blue',
  draft: 'gold',
  submitted: 'green',
  conflicted: 'volcano',
};

export function WindowTag({ window }: { window: ReviewWindow }) {
  const { t } = useI18n();
  return (
    <span data-testid="review-window">
      {window.opensOn} ~ {window.closesOn}{' '}
      <Tag color={windowColour[window.state]}>{t(windowText[window.state])}</Tag>
    </span>
  );
}

export function StatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColour[status]} data-testid="review-status">
      {t(statusText[status])}
    </Tag>
  );
}
