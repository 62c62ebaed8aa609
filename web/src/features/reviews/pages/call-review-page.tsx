/**
 * 专家评审 of one call, for the bureau: the setup (officers and administrators change it; the leader reads it), the
 * progress per application, the results ranked by the form's aggregation, and reviewer calibration.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tabs } from 'antd';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { Page } from '../../../ui/page.tsx';
import { RoundForm } from '../components/round-form.tsx';
import { CalibrationTable, ProgressTable, ResultsTable } from '../components/review-tables.tsx';
import { WindowTag } from '../components/review-tags.tsx';
import { getCalibration, getProgress, getResults, getRound, reviewKeys } from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';

export function CallReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const bureau = me.role === 'admin' || me.role === 'officer' || me.role === 'leader';
  const round = useQuery({ queryKey: reviewKeys.round(id), queryFn: () => getRound(id), enabled: bureau });
  const ready = bureau && Boolean(round.data?.round);
  const progress = useQuery({
    queryKey: reviewKeys.progress(id),
    queryFn: () => getProgress(id),
    enabled: ready,
  });
  const results = useQuery({
    queryKey: reviewKeys.results(id),
    queryFn: () => getResults(id),
    enabled: ready,
  });
  const calibration = useQuery({
    queryKey: reviewKeys.calibration(id),
    queryFn: () => getCalibration(id),
    enabled: ready,
  });
  const back = <Link to="/programmes">{t(reviewsText.back)}</Link>;

  if (!bureau) return <Alert type="error" showIcon title="403" />;
  if (round.error)
    return (
      <Alert type="error" showIcon title={t(reviewsText.loadFailed, { message: round.error.message })} />
    );
  if (!round.data) return <PageSpin />;
  const r = round.data.round;
  const manage = me.role === 'admin' || me.role === 'officer';
  const tabs = [
    {
      key: 'setup',
      label: t(reviewsText.tabSetup),
      children: (
        <RoundForm key={r ? r.updatedAt.toString() : 'new'} callId={id} round={r} readOnly={!manage} />
      ),
    },
    ...(r
      ? [
          {
            key: 'progress',
            label: t(reviewsText.tabProgress),
            children: progress.data ? <ProgressTable data={progress.data} /> : <PageSpin />,
          },
          {
            key: 'results',
            label: t(reviewsText.tabResults),
            children: results.data ? <ResultsTable data={results.data} /> : <PageSpin />,
          },
          {
            key: 'calibration',
            label: t(reviewsText.tabCalibration),
            children: calibration.data ? <CalibrationTable data={calibration.data} /> : <PageSpin />,
          },
        ]
      : []),
  ];
  return (
    <Page title={`${t(reviewsText.reviewTitle)}${r ? ` · ${r.callTitle}` : ''}`} extra={back}>
      {r ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          {t(reviewsText.window)}: <WindowTag window={r.window} /> · {t(reviewsText.panel)}:{' '}
          <span data-testid="round-panel">{r.panel.map((m) => m.name ?? m.code).join('、')}</span>
        </Card>
      ) : !manage ? (
        <Alert type="info" showIcon title={t(reviewsText.noRound)} />
      ) : null}
      <Card>
        <Tabs items={tabs} destroyOnHidden data-testid="review-tabs" />
      </Card>
    </Page>
  );
}
