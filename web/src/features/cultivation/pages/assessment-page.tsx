/**
 * 高企自评: an enterprise checks itself against the 高企 (国科发火〔2016〕32号/195号) and 科小 (国科发政〔2017〕115号)
 * criteria. Figures come prefilled from the registry, the result updates as the user types (the same core rules
 * the server runs), and each saved assessment has its health-check report (体检报告) to download.
 */
import { Tabs } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { Page } from '../../../ui/page.tsx';
import { assessmentText } from '../assessments.messages.ts';
import { AssessmentPanel } from '../components/assessment-panels.tsx';

export function AssessmentPage() {
  const { t } = useI18n();
  return (
    <Page title={t(menuEntries.hnteAssessment.label)}>
      <Tabs
        defaultActiveKey="hnte"
        destroyOnHidden
        items={[
          {
            key: 'hnte',
            label: <span data-testid="assessment-tab-hnte">{t(assessmentText.tabHnte)}</span>,
            children: <AssessmentPanel kind="hnte" />,
          },
          {
            key: 'tsme',
            label: <span data-testid="assessment-tab-tsme">{t(assessmentText.tabTsme)}</span>,
            children: <AssessmentPanel kind="tsme" />,
          },
        ]}
      />
    </Page>
  );
}
