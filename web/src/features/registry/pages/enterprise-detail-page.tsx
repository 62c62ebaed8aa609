/** An enterprise of the registry, opened from the list (bureau and town users). */
import { useParams } from 'react-router';
import { EnterpriseDetailView } from '../components/enterprise-detail-view.tsx';

export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  return <EnterpriseDetailView key={id} id={id} backTo="/registry/enterprises" />;
}
