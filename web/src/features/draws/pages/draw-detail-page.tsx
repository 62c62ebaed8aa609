/**
 * One draw for the people who run it. Frozen: the pool hash to publish, the funnel, the avoidance exclusions with
 * their reasons (officers may override one, which freezes the pool again) and the seed entry. Drawn: the seed and
 * its source, the panel and alternates with names, declines. A link opens the public verification page.
 */
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Card, Descriptions, Flex, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/http.ts';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { DrawExclusions } from '../components/draw-exclusions.tsx';
import { DrawPanel } from '../components/draw-panel.tsx';
import { FunnelList, HashText, SpecDescriptions, StatusTag } from '../components/draw-parts.tsx';
import { DrawSeedCard } from '../components/draw-seed-card.tsx';
import {
  createDraw,
  declineMember,
  drawKeys,
  getDraw,
  refreezeBody,
  seedDraw,
  type DeclineBody,
  type DrawDetail,
  type SeedBody,
} from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';

export function DrawDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayRun = me.role === 'admin' || me.role === 'officer';
  const draw = useQuery({ queryKey: drawKeys.detail(id), queryFn: () => getDraw(id) });

  const settle = async (next: DrawDetail) => {
    queryClient.setQueryData(drawKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: drawKeys.all, refetchType: 'none' });
  };
  const seed = useMutation({
    mutationFn: (body: SeedBody) => seedDraw(id, body),
    onSuccess: async (next) => {
      void message.success(t(drawText.drawnDone));
      await settle(next);
    },
    onError: (error) => {
      if (!isApiError(error) || error.fieldErrors.length === 0)
        void message.error(t(drawText.actionFailed, { message: error.message }));
    },
  });
  const decline = useMutation({
    mutationFn: (body: DeclineBody) => declineMember(id, body),
    onSuccess: async (next) => {
      const last = next.events[next.events.length - 1];
      void message.success(t(drawText.declineDone, { code: last?.replacement ?? '' }));
      await settle(next);
    },
    onError: (error) => void message.error(t(drawText.actionFailed, { message: error.message })),
  });
  const refreeze = useMutation({
    mutationFn: (override: { code: string; reason: string }) => {
      if (!draw.data) throw new Error('no draw');
      return createDraw(refreezeBody(draw.data, override));
    },
    onSuccess: async (next) => {
      void message.success(t(drawText.created));
      await queryClient.invalidateQueries({ queryKey: drawKeys.all });
      await navigate(`/draws/${next.id}`);
    },
    onError: (error) => void message.error(t(drawText.actionFailed, { message: error.message })),
  });

  if (draw.isPending) return <PageSpin />;
  if (draw.error) {
    return (
      <Page title={t(drawText.pageTitle)}>
        <Alert type="error" showIcon title={t(drawText.loadFailed, { message: draw.error.message })} />
      </Page>
    );
  }
  const d = draw.data;
  const seedError =
    seed.error && isApiError(seed.error) && seed.error.fieldErrors.length > 0 ? seed.error.message : null;

  return (
    <Page
      title={
        <span data-testid="draw-title-text">
          {d.title} <StatusTag status={d.status} />
        </span>
      }
      extra={
        <Link to={`/public/draws/${d.id}`} target="_blank" data-testid="draw-public-link">
          <SafetyCertificateOutlined /> {t(drawText.publicLink)}
        </Link>
      }
    >
      <Flex vertical gap={16}>
        <Card title={t(drawText.hashCardTitle)} data-testid="draw-hash-card">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            <HashText value={d.poolHash} testId="draw-pool-hash" />
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t(drawText.hashNote)}</Typography.Paragraph>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t(drawText.poolSize)}>
              <span data-testid="draw-pool-size">{d.poolSize}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(drawText.algorithm)}>{d.algorithm}</Descriptions.Item>
            <Descriptions.Item label={t(drawText.subject)}>{d.subject}</Descriptions.Item>
            <Descriptions.Item label={t(drawText.frozenAt)}>
              {formatDateTime(d.frozenAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t(drawText.createdBy)}>{d.createdByName ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t(drawText.funnel)}</Typography.Title>
          <FunnelList funnel={d.funnel} />
        </Card>
        <Card title={t(drawText.spec)}>
          <SpecDescriptions spec={d.spec} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t(drawText.applicantList)}
          </Typography.Title>
          <ul data-testid="draw-applicants-list">
            {d.applicants.map((a) => (
              <li key={a.uscc}>
                {a.name ?? '—'} {a.uscc}
                {a.institutes.length > 0
                  ? `（${t(drawText.partners)}：${a.institutes.map((i) => i.name ?? i.id).join('、')}）`
                  : ''}
              </li>
            ))}
          </ul>
        </Card>
        <DrawExclusions
          draw={d}
          mayOverride={mayRun && d.status === 'frozen'}
          busy={refreeze.isPending}
          onOverride={(o) => refreeze.mutate(o)}
        />
        {d.status === 'frozen' && mayRun ? (
          <DrawSeedCard busy={seed.isPending} error={seedError} onDraw={(body) => seed.mutate(body)} />
        ) : null}
        {d.status === 'drawn' ? (
          <DrawPanel
            draw={d}
            mayRun={mayRun}
            busy={decline.isPending}
            onDecline={(body) => decline.mutateAsync(body)}
          />
        ) : null}
      </Flex>
    </Page>
  );
}
