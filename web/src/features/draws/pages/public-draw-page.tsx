/**
 * The public verification page of a draw (no sign-in): it fetches the published record — pool as codes and kinds,
 * pool hash, seed and its source, panel, alternates, replacements — and re-runs everything in this browser with the
 * same core code the server ran (`checkPublishedDraw`), then says whether it matches and, if not, which part differs.
 */
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { canonicalPoolText } from '@jinke/core/draws/pool.ts';
import { publishedPartNames } from '@jinke/core/draws/published.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { appText } from '../../../app/messages.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/http.ts';
import { LanguageSwitch } from '../../../ui/language-switch.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import {
  CodeList,
  FunnelList,
  HashText,
  KindTag,
  SpecDescriptions,
  StatusTag,
} from '../components/draw-parts.tsx';
import { drawKeys, fetchAndVerify, type PublicDraw, type VerifiedRecord } from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';

function downloadPool(record: PublicDraw): void {
  const blob = new Blob([canonicalPoolText(record.pool)], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `draw-${record.id}-pool.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function Verdict({ verified }: { verified: VerifiedRecord }) {
  const { t, locale } = useI18n();
  const { check, elapsedMs } = verified;
  const elapsed = t(drawText.elapsed, { ms: elapsedMs.toFixed(0) });
  if (check.matches) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="public-draw-verdict"
        title={
          <span data-testid="public-draw-verdict-text">
            {t(check.stage === 'drawn' ? drawText.matches : drawText.poolOnlyMatches)}
          </span>
        }
        description={<span data-testid="public-draw-elapsed">{elapsed}</span>}
      />
    );
  }
  const parts = check.differs.map((p) =>
    locale === 'en-US' ? publishedPartNames[p].en : publishedPartNames[p].zh,
  );
  return (
    <Alert
      type="error"
      showIcon
      data-testid="public-draw-verdict"
      title={
        <span data-testid="public-draw-verdict-text">
          {t(drawText.differs, { parts: parts.join(locale === 'en-US' ? ', ' : '、') })}
        </span>
      }
      description={<span data-testid="public-draw-elapsed">{elapsed}</span>}
    />
  );
}

function Record({ verified }: { verified: VerifiedRecord }) {
  const { t, locale } = useI18n();
  const { record, check } = verified;
  const hashOk = !check.differs.includes('poolHash');
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <span>
            {record.title} <StatusTag status={record.status} />
          </span>
        }
      >
        <Verdict verified={verified} />
        <Descriptions size="small" column={1} bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={t(drawText.subject)}>{record.subject}</Descriptions.Item>
          <Descriptions.Item label={t(drawText.algorithm)}>{record.algorithm}</Descriptions.Item>
          <Descriptions.Item label={`${t(drawText.poolHash)} · ${t(drawText.published)}`}>
            <HashText value={record.poolHash} testId="public-draw-pool-hash" />
          </Descriptions.Item>
          <Descriptions.Item label={`${t(drawText.poolHash)} · ${t(drawText.recomputed)}`}>
            <Typography.Text type={hashOk ? 'success' : 'danger'} code style={{ wordBreak: 'break-all' }}>
              {check.recomputed.poolHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(drawText.funnel)}>
            <FunnelList funnel={record.funnel} />
            <Typography.Text type="secondary">
              {t(drawText.avoidanceCount, { count: record.avoidanceExclusions })}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(drawText.frozenAt)}>
            {formatDateTime(record.frozenAt, locale)}
          </Descriptions.Item>
          {record.status === 'drawn' ? (
            <>
              <Descriptions.Item label={t(drawText.seedSource)}>{record.seedSource}</Descriptions.Item>
              <Descriptions.Item label={t(drawText.seedShown)}>
                <Typography.Text code data-testid="public-draw-seed">
                  {record.seed}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t(drawText.key)}>
                {record.key ? <HashText value={record.key} testId="public-draw-key" /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t(drawText.drawnAt)}>
                {formatDateTime(record.drawnAt, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t(drawText.panelCodes)}>
                <CodeList codes={record.panel} testId="public-draw-panel" />
              </Descriptions.Item>
              <Descriptions.Item label={t(drawText.alternateCodes)}>
                <CodeList codes={record.alternates} testId="public-draw-alternates" />
              </Descriptions.Item>
              {record.declines.length > 0 ? (
                <>
                  <Descriptions.Item label={t(drawText.events)}>
                    <ul style={{ margin: 0 }}>
                      {record.declines.map((d) => (
                        <li key={d.seq}>
                          {d.code} → {d.replacement}（
                          {t(d.kind === 'declined' ? drawText.declined : drawText.conflicted)}，
                          {formatDateTime(d.occurredAt, locale)}）
                        </li>
                      ))}
                    </ul>
                  </Descriptions.Item>
                  <Descriptions.Item label={t(drawText.currentCodes)}>
                    <CodeList codes={record.currentPanel} testId="public-draw-current" />
                  </Descriptions.Item>
                </>
              ) : null}
            </>
          ) : (
            <Descriptions.Item label={t(drawText.seedShown)}>{t(drawText.notYetDrawn)}</Descriptions.Item>
          )}
          {record.overridden.length > 0 ? (
            <Descriptions.Item label={t(drawText.overriddenPublic)}>
              <ul style={{ margin: 0 }}>
                {record.overridden.map((o) => (
                  <li key={o.code}>
                    {o.code}：{o.reason}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t(drawText.spec)}>
        <SpecDescriptions spec={record.pool.spec} />
      </Card>
      <Card
        title={t(drawText.poolList, { count: record.pool.eligible.length })}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadPool(record)}
            data-testid="public-draw-download"
          >
            {t(drawText.downloadPool)}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t(drawText.downloadHint)}</Typography.Paragraph>
        <Table
          rowKey="code"
          size="small"
          dataSource={record.pool.eligible}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: t(drawText.expertCode), dataIndex: 'code' },
            { title: t(drawText.kind), dataIndex: 'kind', render: (kind: string) => <KindTag kind={kind} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}

export function PublicDrawPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const verified = useQuery({
    queryKey: drawKeys.public(id),
    queryFn: () => fetchAndVerify(id),
    retry: false,
  });
  const missing = isApiError(verified.error) && verified.error.status === 404;

  return (
    <div style={{ minHeight: '100vh', background: '#eef2f8' }} data-testid="public-draw-page">
      <header className="jk-login-banner" style={{ background: '#0f3a7a' }}>
        <div className="jk-login-emblem" aria-hidden>
          科
        </div>
        <div>
          <div className="jk-login-title">{t(appText.platformName)}</div>
          <div className="jk-login-subtitle">{t(drawText.publicTitle)}</div>
        </div>
        <div className="jk-login-lang">
          <LanguageSwitch size="small" />
        </div>
      </header>
      <main style={{ maxWidth: 1080, margin: '24px auto', padding: '0 16px', width: '100%' }}>
        <Typography.Paragraph>{t(drawText.publicIntro)}</Typography.Paragraph>
        {verified.isPending ? <PageSpin /> : null}
        {verified.error ? (
          <Alert
            type="error"
            showIcon
            data-testid="public-draw-error"
            title={
              missing ? t(drawText.notFound) : t(drawText.loadFailed, { message: verified.error.message })
            }
          />
        ) : null}
        {verified.data ? <Record verified={verified.data} /> : null}
        {verified.data ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            <Tag>{t(appText.bureauName)}</Tag>
          </Typography.Paragraph>
        ) : null}
      </main>
    </div>
  );
}
