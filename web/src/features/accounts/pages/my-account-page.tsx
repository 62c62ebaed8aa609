/** My account: profile, password change with live policy feedback, signed-in sessions. */
import { App as AntApp, Card, Col, Descriptions, Row, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { roleLabels, sectionLabels } from '@jinke/core/accounts/roles.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { accountKeys } from '../api.ts';
import { PasswordChangeForm } from '../components/password-change-form.tsx';
import { SessionsCard } from '../components/sessions-card.tsx';
import { scopeTypeLabels } from '../labels.ts';
import { accountText } from '../messages.ts';

export function MyAccountPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();

  const scope = me.scopeType
    ? `${t(scopeTypeLabels[me.scopeType])} · ${me.scopeName ?? me.scopeId ?? '—'}`
    : t(accountText.bureauWide);

  return (
    <Page title={t(menuEntries.account.label)}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t(accountText.profile)} style={{ height: '100%' }}>
            <Descriptions column={1} bordered size="small" data-testid="account-profile">
              <Descriptions.Item label={t(accountText.username)}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t(accountText.displayName)}>{me.displayName}</Descriptions.Item>
              <Descriptions.Item label={t(accountText.role)}>{t(roleLabels[me.role])}</Descriptions.Item>
              <Descriptions.Item label={t(accountText.scope)}>{scope}</Descriptions.Item>
              {me.role === 'officer' ? (
                <Descriptions.Item label={t(accountText.sections)}>
                  {me.sections.length > 0 ? me.sections.map((s) => <Tag key={s}>{t(sectionLabels[s])}</Tag>) : '—'}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t(accountText.changePassword)} style={{ height: '100%' }}>
            <PasswordChangeForm
              username={me.username}
              onChanged={() => {
                void message.success(t(accountText.passwordChanged));
                // The server may end the other sessions and renew the CSRF token on a password change.
                void queryClient.invalidateQueries({ queryKey: accountKeys.me });
                void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
              }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <SessionsCard />
        </Col>
      </Row>
    </Page>
  );
}
