/**
 * 我的企业: an enterprise user's own record. The account's scope is the firm's credit code; the server scopes the
 * list to that one firm, so the list gives its id.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { findEnterpriseByUscc, registryKeys } from '../api.ts';
import { EnterpriseDetailView } from '../components/enterprise-detail-view.tsx';
import { enterpriseText } from '../enterprise.messages.ts';
import { registryText } from '../registry.messages.ts';

export function MyEnterprisePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const uscc = me.scopeId ?? '';
  const own = useQuery({
    queryKey: registryKeys.ownEnterprise(uscc),
    queryFn: () => findEnterpriseByUscc(uscc),
    enabled: uscc !== '',
  });
  if (uscc !== '' && own.isPending) return <PageSpin />;
  if (own.error)
    return <Alert type="error" showIcon title={t(registryText.loadFailed, { message: own.error.message })} />;
  if (!own.data) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="my-enterprise-missing"
        title={t(enterpriseText.noOwnEnterprise, { uscc: uscc || '—' })}
      />
    );
  }
  return <EnterpriseDetailView id={own.data.id} />;
}
