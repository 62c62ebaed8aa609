/** 我的专家信息: an expert's own record; the server answers an expert's list with that one record. */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { listExperts, registryKeys } from '../api.ts';
import { ExpertDetailView } from '../components/expert-detail-view.tsx';
import { expertText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

export function MyExpertPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const own = useQuery({
    queryKey: registryKeys.experts({ own: me.scopeId }),
    queryFn: () => listExperts({ pageSize: 20 }),
  });
  if (own.isPending) return <PageSpin />;
  if (own.error)
    return <Alert type="error" showIcon title={t(registryText.loadFailed, { message: own.error.message })} />;
  const record = own.data.items.find((e) => e.code === me.scopeId) ?? own.data.items[0];
  if (!record)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="my-expert-missing"
        title={t(expertText.noRecord, { code: me.scopeId ?? '—' })}
      />
    );
  return <ExpertDetailView id={record.id} title={`${t(menuEntries.myExpert.label)} · ${record.name}`} />;
}
