/**
 * The page a user with an initial (or administrator-reset) password lands on: until they choose their own, the
 * server refuses everything else with PASSWORD_CHANGE_REQUIRED.
 */
import { Navigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card } from 'antd';
import { safeNext, useCurrentUser, useSignOut } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { appText } from '../../../app/messages.ts';
import { LanguageSwitch } from '../../../ui/language-switch.tsx';
import { accountKeys } from '../api.ts';
import { PasswordChangeForm } from '../components/password-change-form.tsx';
import { accountText } from '../messages.ts';

export function ForcedPasswordChangePage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const { message } = AntApp.useApp();

  if (!me.mustChangePassword) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <div className="jk-login">
      <header className="jk-login-banner">
        <div className="jk-login-emblem" aria-hidden>
          科
        </div>
        <div className="jk-login-title">{t(appText.platformName)}</div>
        <div className="jk-login-lang">
          <LanguageSwitch size="small" />
        </div>
      </header>
      <main className="jk-login-main">
        <Card
          className="jk-login-card jk-login-card-wide"
          title={t(accountText.forcedTitle)}
          extra={
            <Button type="link" onClick={() => void signOut()} data-testid="logout">
              {t(appText.signOut)}
            </Button>
          }
        >
          <Alert type="info" showIcon title={t(accountText.forcedText)} style={{ marginBottom: 24 }} />
          <PasswordChangeForm
            username={me.username}
            onChanged={() => {
              void message.success(t(accountText.passwordChanged));
              // Re-reading the user clears mustChangePassword, and the redirect above takes over.
              void queryClient.invalidateQueries({ queryKey: accountKeys.me });
            }}
          />
        </Card>
      </main>
    </div>
  );
}
