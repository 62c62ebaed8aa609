/**
 * Last line of defence: an error while rendering shows a page that says so and offers a reload, instead of a
 * blank screen. API errors carry the server's request id, which the administrator can find in the logs.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';
import { Button, Result, Typography } from 'antd';
import { isApiError } from '../lib/http.ts';
import { useI18n } from './i18n.tsx';
import { appText } from './messages.ts';

export function ErrorResult({ error }: { error: unknown }) {
  const { t } = useI18n();
  const detail = error instanceof Error ? error.message : String(error);
  const reference = isApiError(error) ? error.requestId : null;
  return (
    <Result
      status="error"
      title={t(appText.errorTitle)}
      subTitle={t(appText.errorText)}
      data-testid="page-error"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t(appText.reload)}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{detail}</Typography.Paragraph>
      {reference ? (
        <Typography.Paragraph type="secondary">
          {t(appText.requestId)}: <Typography.Text copyable>{reference}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
    </Result>
  );
}

/** The router's error element: errors thrown while rendering a route or by its guard. */
export function RouteError() {
  return <ErrorResult error={useRouteError()} />;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled rendering error', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <ErrorResult error={this.state.error} /> : this.props.children;
  }
}
