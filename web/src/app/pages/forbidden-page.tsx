import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { appText } from '../messages.ts';

export function ForbiddenPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t(appText.forbiddenTitle)}
      subTitle={t(appText.forbiddenText)}
      data-testid="page-403"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t(appText.backHome)}
        </Button>
      }
    />
  );
}
