/** Small marks the registry pages share: a value's provenance, a qualification's status, an amount of money. */
import { Space, Tag, Tooltip } from 'antd';
import {
  qualificationKindLabels,
  type QualificationKind,
  type QualificationStatus,
} from '@jinke/core/registry/qualifications.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { ProvenanceItem } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import {
  formatMoney,
  formatYuanExact,
  provenanceColors,
  provenanceLabels,
  qualificationStatusColors,
  qualificationStatusText,
} from '../labels.ts';

/** 自报 / 局录入 / 导入, and 核实 once an officer has attested the value; details in the tooltip. */
export function ProvenanceBadge({
  provenance,
  testId,
}: {
  provenance: ProvenanceItem | undefined;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  if (!provenance) return null;
  const source = t(provenanceLabels[provenance.source]);
  const recorded = t(enterpriseText.recordedBy, {
    source,
    name: provenance.actorName ?? t(enterpriseText.system),
    time: formatDateTime(provenance.recordedAt, locale),
  });
  const tip = provenance.verified
    ? `${recorded}\n${t(enterpriseText.verifiedBy, {
        name: provenance.verifiedByName ?? '—',
        time: formatDateTime(provenance.verifiedAt, locale),
      })}`
    : recorded;
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>
      <Space
        size={2}
        data-testid={testId}
        data-source={provenance.source}
        data-verified={provenance.verified}
      >
        <Tag color={provenanceColors[provenance.source]} style={{ marginInlineEnd: 0 }}>
          {source}
        </Tag>
        {provenance.verified ? (
          <Tag color={provenanceColors.verified} style={{ marginInlineEnd: 0 }}>
            {t(provenanceLabels.verified)}
          </Tag>
        ) : null}
      </Space>
    </Tooltip>
  );
}

export function QualificationStatusTag({ status, testId }: { status: QualificationStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={qualificationStatusColors[status]} data-testid={testId} data-status={status}>
      {t(qualificationStatusText[status])}
    </Tag>
  );
}

/** The qualifications of a list row: kind names, orange when they expire within six months. */
export function QualificationTags({
  items,
}: {
  items: { kind: QualificationKind; status: QualificationStatus; validTo: string | null }[];
}) {
  const { t } = useI18n();
  if (items.length === 0) return <span>—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {items.map((q) => (
        <Tooltip
          key={`${q.kind}-${q.validTo ?? ''}`}
          title={`${t(qualificationStatusText[q.status])}${q.validTo ? ` · ${q.validTo}` : ''}`}
        >
          <Tag color={qualificationStatusColors[q.status]}>{t(qualificationKindLabels[q.kind])}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** 万元 (zh) or ¥ (en), with the exact 元 amount in the tooltip. */
export function Money({ fen }: { fen: number | null | undefined }) {
  const { locale } = useI18n();
  if (fen === null || fen === undefined) return <span>—</span>;
  return (
    <Tooltip title={formatYuanExact(fen)}>
      <span>{formatMoney(fen, locale)}</span>
    </Tooltip>
  );
}
