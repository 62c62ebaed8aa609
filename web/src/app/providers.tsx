/** Everything a page needs around it: the query cache, the language, antd's locale and theme. */
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { Locale } from '@jinke/core/common/errors.ts';
import { isApiError } from '../lib/http.ts';
import { SessionEventsBridge } from './auth.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again; network and server errors get one more try.
        retry: (failures, error) => failures < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

/** Government-platform blue, square-ish corners, the Chinese UI fonts Debian and Windows ship. */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1b4f9c',
    colorLink: '#1b4f9c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#123f82', headerHeight: 60, headerPadding: '0 24px', siderBg: '#ffffff', bodyBg: '#f0f2f5' },
  },
};

function AntdShell({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({
  children,
  queryClient,
  initialLocale,
}: {
  children: ReactNode;
  queryClient: QueryClient;
  initialLocale?: Locale;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionEventsBridge />
      <I18nProvider initialLocale={initialLocale}>
        <AntdShell>{children}</AntdShell>
      </I18nProvider>
    </QueryClientProvider>
  );
}
