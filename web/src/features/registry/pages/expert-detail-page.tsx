/** One expert of the pool, opened from the list (officers and administrators). */
import { useNavigate, useParams } from 'react-router';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n.tsx';
import { ExpertDetailView } from '../components/expert-detail-view.tsx';
import { registryText } from '../registry.messages.ts';

export function ExpertDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <ExpertDetailView
      key={id}
      id={id}
      extra={
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate('/registry/experts')}
          data-testid="expert-back"
        >
          {t(registryText.back)}
        </Button>
      }
    />
  );
}
