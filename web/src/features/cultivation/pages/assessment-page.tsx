import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';

export function AssessmentPage() {
  const { t } = useI18n();
  return <Page title={t(menuEntries.hnteAssessment.label)}>{null}</Page>;
}
