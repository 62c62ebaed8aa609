import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';

export function TrainingPage() {
  const { t } = useI18n();
  return <Page title={t(menuEntries.training.label)}>{null}</Page>;
}
