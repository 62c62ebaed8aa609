/** 工作台: who you are on the platform, what your role is for, and the pages you can open now. */
import { createElement } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { healthResponse } from '@jinke/core/common/health.contract.ts';
import { roleLabels, sectionLabels } from '@jinke/core/accounts/roles.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuFor } from '../../../app/menu.ts';
import { formatDate } from '../../../lib/format.ts';
import { http } from '../../../lib/http.ts';
import { scopeTypeLabels } from '../../accounts/labels.ts';
import { roleDuties, workbenchText } from '../messages.ts';

type Health = z.infer<typeof healthResponse>;

function SystemStatus() {
  const { t } = useI18n();
  const health = useQuery({ queryKey: ['health'], queryFn: () => http.get<Health>('/api/health') });
  return (
    <Card title={t(workbenchText.system)} loading={health.isPending} data-testid="workbench-health">
      {health.error ? <Alert type="error" showIcon title={t(workbenchText.healthFailed, { message: health.error.message })} /> : null}
      {health.data ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t(workbenchText.system)}>
            <Tag color="green">{t(workbenchText.systemOk)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t(workbenchText.database)}>
            {health.data.database === 'pglite' ? 'PGlite' : 'PostgreSQL'}
          </Descriptions.Item>
          <Descriptions.Item label={t(workbenchText.version)}>{health.data.version}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}

export function WorkbenchPage() {
  const me = useCurrentUser();
  const { t, locale } = useI18n();
  const entries = menuFor(me.role).filter((entry) => entry.key !== 'home');

  const scope = me.scopeType
    ? `${t(scopeTypeLabels[me.scopeType])} · ${me.scopeName ?? me.scopeId ?? '—'}`
    : t(workbenchText.bureauWide);

  return (
    <div className="jk-page">
      <Card className="jk-welcome" data-testid="workbench-welcome">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t(workbenchText.greeting, { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(workbenchText.today, { date: formatDate(new Date(), locale) })}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t(workbenchText.role)}>
            <Tag color="blue" data-testid="workbench-role">
              {t(roleLabels[me.role])}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t(workbenchText.scope)}>
            <span data-testid="workbench-scope">{scope}</span>
          </Descriptions.Item>
          {me.role === 'officer' ? (
            <Descriptions.Item label={t(workbenchText.sections)}>
              {me.sections.length > 0 ? me.sections.map((s) => <Tag key={s}>{t(sectionLabels[s])}</Tag>) : '—'}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <Typography.Text strong>{t(workbenchText.duties)}{locale === 'zh-CN' ? '：' : ': '}</Typography.Text>
          {t(roleDuties[me.role])}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={me.role === 'admin' ? 16 : 24}>
          <Card title={t(workbenchText.available)}>
            <Row gutter={[16, 16]}>
              {entries.map((entry) => (
                <Col key={entry.key} xs={24} md={12}>
                  <Link to={entry.path} className="jk-entry" data-testid={`workbench-link-${entry.key}`}>
                    <span className="jk-entry-icon">{createElement(entry.icon)}</span>
                    <span>
                      <span className="jk-entry-title">{t(entry.label)}</span>
                      <span className="jk-entry-text">{t(entry.description)}</span>
                    </span>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        {me.role === 'admin' ? (
          <Col xs={24} lg={8}>
            <SystemStatus />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
