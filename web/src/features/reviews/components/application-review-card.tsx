/**
 * The review section of an application, for bureau readers: who reviews it and where each stands, and the panel's
 * result. Applicants see nothing of the reviews (the section renders only for admin, officer and leader).
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { getProgress, getResults, getRound, reviewKeys } from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';
import { StatusTag } from './review-tags.tsx';

export function ApplicationReviewCard({
  role,
  callId,
  applicationId,
}: {
  role: Role;
  callId: string;
  applicationId: string;
}) {
  const { t } = useI18n();
  const bureau = role === 'admin' || role === 'officer' || role === 'leader';
  const round = useQuery({
    queryKey: reviewKeys.round(callId),
    queryFn: () => getRound(callId),
    enabled: bureau,
  });
  const ready = bureau && Boolean(round.data?.round);
  const progress = useQuery({
    queryKey: reviewKeys.progress(callId),
    queryFn: () => getProgress(callId),
    enabled: ready,
  });
  const results = useQuery({
    queryKey: reviewKeys.results(callId),
    queryFn: () => getResults(callId),
    enabled: ready,
  });
  if (!bureau) return null;
  const mine = progress.data?.items.find((i) => i.applicationId === applicationId);
  const result = results.data?.items.find((i) => i.applicationId === applicationId);
  return (
    <Card
      title={t(reviewsText.applicationReview)}
      style={{ marginTop: 16 }}
      extra={<Link to={`/programmes/calls/${callId}/review`}>{t(reviewsText.reviewEntry)}</Link>}
      data-testid="application-review"
    >
      {!round.data?.round ? (
        <Typography.Text type="secondary">{t(reviewsText.noRound)}</Typography.Text>
      ) : !mine ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <Descriptions column={1} size="small">
          {mine.reviewers.map((r) => (
            <Descriptions.Item key={r.code} label={r.name ?? r.code}>
              <StatusTag status={r.status} />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t(reviewsText.result)}>
            {result?.result
              ? `${result.result.decimal}（${t(reviewsText.rank)} ${result.rank}）`
              : result?.problem
                ? t(result.problem)
                : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
