import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { appText } from '../messages.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t(appText.notFoundTitle)}
      subTitle={t(appText.notFoundText)}
      data-testid="page-404"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t(appText.backHome)}
        </Button>
      }
    />
  );
}
