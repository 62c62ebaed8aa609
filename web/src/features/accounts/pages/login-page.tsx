/** The sign-in page, in the manner of a Chinese government service platform. */
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { clearSigningOut, safeNext, useMe } from '../../../app/auth.tsx';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import { appText } from '../../../app/messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { LanguageSwitch } from '../../../ui/language-switch.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { accountKeys, login, type LoginInput, type Me } from '../api.ts';
import { accountText } from '../messages.ts';
import { openDataText } from '../../indicators/open-data.messages.ts';

/** Our own wording for the sign-in refusals, so each says what happened and what to do. */
const refusals: Record<string, Text> = {
  LOGIN_FAILED: accountText.loginFailed,
  ACCOUNT_LOCKED: accountText.accountLocked,
  ACCOUNT_DISABLED: accountText.accountDisabled,
  RATE_LIMITED: accountText.rateLimited,
};

function afterSignIn(me: Me, next: string): string {
  return me.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next;
}

export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me, isPending } = useMe();
  const [refusal, setRefusal] = useState<{ code: string; text: string } | null>(null);
  // Arrived: a deliberate sign-out has done its job, later expiries should remember the page again.
  useEffect(() => clearSigningOut(), []);

  const mutation = useMutation({
    mutationFn: (values: LoginInput) => login(values),
    onSuccess: async (signedIn) => {
      // Whatever the previous user left in the cache belongs to them.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== accountKeys.me[0] });
      queryClient.setQueryData(accountKeys.me, signedIn);
      await navigate(afterSignIn(signedIn, next), { replace: true });
    },
    onError: (error) => {
      const known = isApiError(error) ? refusals[error.code] : undefined;
      setRefusal({ code: isApiError(error) ? error.code : 'ERROR', text: known ? t(known) : error.message });
    },
  });

  if (isPending) return <PageSpin fullScreen />;
  if (me && !mutation.isPending && !mutation.isSuccess) return <Navigate to={afterSignIn(me, next)} replace />;

  return (
    <div className="jk-login">
      <header className="jk-login-banner">
        <div className="jk-login-emblem" aria-hidden>
          科
        </div>
        <div>
          <div className="jk-login-title" data-testid="login-title">
            {t(appText.platformName)}
          </div>
          <div className="jk-login-subtitle">{t(accountText.loginSubtitle)}</div>
        </div>
        <div className="jk-login-lang">
          <LanguageSwitch size="small" />
        </div>
      </header>
      <main className="jk-login-main">
        <Card className="jk-login-card" title={t(accountText.loginHeading)}>
          <Form<LoginInput>
            layout="vertical"
            size="large"
            requiredMark={false}
            onValuesChange={() => setRefusal(null)}
            onFinish={(values) => mutation.mutate(values)}
          >
            <Form.Item
              name="username"
              label={t(accountText.username)}
              rules={[{ required: true, whitespace: true, message: t(accountText.usernameRequired) }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t(accountText.password)}
              rules={[{ required: true, message: t(accountText.passwordRequired) }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {refusal ? (
              <Alert
                type={refusal.code === 'LOGIN_FAILED' ? 'error' : 'warning'}
                showIcon
                title={refusal.text}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
                data-code={refusal.code}
              />
            ) : null}
            <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
              {t(accountText.signIn)}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="jk-login-help">
            {t(accountText.loginHelp)}
          </Typography.Paragraph>
          <Typography.Paragraph className="jk-login-help">
            <Link to="/public/indicators" data-testid="login-open-data">
              {t(openDataText.loginLink)}
            </Link>
          </Typography.Paragraph>
        </Card>
      </main>
      <footer className="jk-login-footer">{t(accountText.copyright)}</footer>
    </div>
  );
}
