/** One patent: number, type, status and term, dates, IPC symbols and applicants in order. */
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { getPatent, registryKeys } from '../api.ts';
import { PatentDetails } from '../components/patent-table.tsx';
import { patentText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

export function PatentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const patent = useQuery({ queryKey: registryKeys.patent(id), queryFn: () => getPatent(id) });
  if (patent.isPending) return <PageSpin />;
  if (patent.error) {
    const missing = isApiError(patent.error) && (patent.error.status === 404 || patent.error.status === 400);
    return (
      <Alert type="warning" showIcon title={missing ? t(registryText.notFound) : patent.error.message} />
    );
  }
  return (
    <Page
      title={<span data-testid="patent-title">{patent.data.title}</span>}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} data-testid="patent-back">
          {t(registryText.back)}
        </Button>
      }
    >
      <Card title={t(patentText.detailTitle)}>
        <PatentDetails patent={patent.data} />
      </Card>
    </Page>
  );
}
