/** 本机构信息 (banks and investors): the institution's record in the registry; the server lists only it. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { PageSpin } from '../../../ui/page-spin.tsx';
import { listBanks, registryKeys } from '../api.ts';
import { bankKindLabels } from '../labels.ts';
import { partyText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

export function MyBankPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const own = useQuery({
    queryKey: registryKeys.parties('banks', { own: me.scopeId }),
    queryFn: () => listBanks({ pageSize: 20 }),
  });
  if (own.isPending) return <PageSpin />;
  if (own.error)
    return <Alert type="error" showIcon title={t(registryText.loadFailed, { message: own.error.message })} />;
  const bank = own.data.items.find((b) => b.code === me.scopeId) ?? own.data.items[0];
  if (!bank)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="my-bank-missing"
        title={t(partyText.noRecord, { code: me.scopeId ?? '—' })}
      />
    );
  return (
    <Page title={`${t(menuEntries.myBank.label)} · ${bank.name}`}>
      <Card>
        <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} data-testid="bank-details">
          <Descriptions.Item label={t(partyText.code)}>
            <Typography.Text className="jk-mono">{bank.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(partyText.name)}>{bank.name}</Descriptions.Item>
          <Descriptions.Item label={t(partyText.kind)}>{t(bankKindLabels[bank.kind])}</Descriptions.Item>
          <Descriptions.Item label={t(partyText.uscc)}>{bank.uscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(registryText.createdAt)}>
            {formatDateTime(bank.createdAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t(registryText.updatedAt)}>
            {formatDateTime(bank.updatedAt, locale)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Page>
  );
}
