import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';

export function LedgerPage() {
  const { t } = useI18n();
  return <Page title={t(menuEntries.rdLedger.label)}>{null}</Page>;
}
