/** Pieces the linkage tables share: the status tag, the red overdue flag and the category name. */
import { Tag } from 'antd';
import { categoryLabels, type ProblemCategory } from '@jinke/core/linkage/api.contract.ts';
import { statusLabels, type ProblemStatus } from '@jinke/core/linkage/status.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { linkageText } from '../linkage.messages.ts';

const STATUS_COLORS: Record<ProblemStatus, string> = {
  open: 'blue',
  in_progress: 'processing',
  resolved: 'green',
  closed: 'default',
  reopened: 'orange',
};

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="problem-status">
      {t(statusLabels[status])}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" data-testid="problem-overdue">
      {t(linkageText.overdue)}
    </Tag>
  );
}

export function CategoryText({ category }: { category: ProblemCategory }) {
  const { t } = useI18n();
  return <>{t(categoryLabels[category])}</>;
}
