/** The frame of the public notice pages (no sign-in): the banner with the links between them, sign-in and language. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { appText } from '../../../app/messages.ts';
import { LanguageSwitch } from '../../../ui/language-switch.tsx';
import { noticesText } from '../notices.messages.ts';

export function PublicShell({
  subtitle,
  testId,
  children,
}: {
  subtitle: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: '#eef2f8' }} data-testid={testId}>
      <header className="jk-login-banner" style={{ background: '#0f3a7a' }}>
        <div className="jk-login-emblem" aria-hidden>
          科
        </div>
        <div>
          <div className="jk-login-title">{t(appText.platformName)}</div>
          <div className="jk-login-subtitle">{subtitle}</div>
        </div>
        <div className="jk-login-lang">
          <Flex gap={12} align="center">
            <Link to="/public/notices" style={{ color: '#fff' }} data-testid="public-notices-link">
              {t(noticesText.noticesLink)}
            </Link>
            <Link to="/public/programme-results" style={{ color: '#fff' }} data-testid="public-results-link">
              {t(noticesText.resultsLink)}
            </Link>
            <Link to="/login" style={{ color: '#fff' }}>
              {t(noticesText.signIn)}
            </Link>
            <LanguageSwitch size="small" />
          </Flex>
        </div>
      </header>
      <main style={{ maxWidth: 1100, margin: '24px auto', padding: '0 16px', width: '100%' }}>
        {children}
      </main>
    </div>
  );
}
