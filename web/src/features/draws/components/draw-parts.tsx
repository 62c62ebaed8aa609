/** Pieces the draw pages share: the status tag, the funnel, the conditions and a code list. */
import { Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { DrawSpec } from '@jinke/core/draws/draw.contract.ts';
import { panelKindLabels } from '@jinke/core/draws/draws-api.contract.ts';
import type { FunnelStage } from '@jinke/core/draws/pool.ts';
import { hitechFieldByCode } from '@jinke/core/registry/hitech-fields.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { isPanelKind } from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';

const STAGES: readonly FunnelStage['stage'][] = ['candidates', 'available', 'field', 'load', 'avoidance'];

/** The funnel from an error's details or a record, keeping only well-formed stages. */
export function readFunnel(value: unknown): FunnelStage[] {
  const list = typeof value === 'object' && value !== null && 'funnel' in value ? value.funnel : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown): FunnelStage[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { stage, remaining } = item as Record<string, unknown>;
    const known = STAGES.find((s) => s === stage);
    return known && typeof remaining === 'number' ? [{ stage: known, remaining }] : [];
  });
}

export function StatusTag({ status }: { status: 'frozen' | 'drawn' }) {
  const { t } = useI18n();
  return status === 'drawn' ? (
    <Tag color="green">{t(drawText.drawn)}</Tag>
  ) : (
    <Tag color="blue">{t(drawText.frozen)}</Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  const label = isPanelKind(kind) ? t(panelKindLabels[kind]) : kind;
  return <Tag color={kind === 'technical' ? 'geekblue' : 'gold'}>{label}</Tag>;
}

/** candidates → available → field → load → avoidance, each with how many remain. */
export function FunnelList({ funnel }: { funnel: readonly FunnelStage[] }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={8} align="center" data-testid="draw-funnel">
      {funnel.map((s, i) => (
        <Space key={s.stage} size={4}>
          {i > 0 ? <Typography.Text type="secondary">→</Typography.Text> : null}
          <Tag data-testid={`draw-funnel-${s.stage}`}>
            {t(drawText[`stage_${s.stage}`])} {s.remaining.toLocaleString()}
          </Tag>
        </Space>
      ))}
    </Flex>
  );
}

/** The panel request in words: size, composition, fields, IPC prefixes, load limit and the avoidance day. */
export function SpecDescriptions({ spec }: { spec: DrawSpec }) {
  const { t } = useI18n();
  const any = t(drawText.anyValue);
  const composition = spec.composition.map((rule) => {
    const kind = isPanelKind(rule.kind) ? t(panelKindLabels[rule.kind]) : rule.kind;
    const parts = [
      rule.min !== undefined ? `≥ ${rule.min}` : null,
      rule.minPercent !== undefined ? `≥ ${rule.minPercent}%` : null,
    ].filter(Boolean);
    return `${kind} ${parts.join(', ')}`;
  });
  return (
    <Descriptions size="small" column={2} bordered data-testid="draw-spec">
      <Descriptions.Item label={t(drawText.panelShape)}>
        {t(drawText.panelShapeValue, { panel: spec.panelSize, alternates: spec.alternates })}
      </Descriptions.Item>
      <Descriptions.Item label={t(drawText.composition)}>
        {composition.length > 0 ? composition.join('；') : any}
      </Descriptions.Item>
      <Descriptions.Item label={t(drawText.fields)}>
        {spec.fields.length > 0
          ? spec.fields.map((code) => `${code} ${hitechFieldByCode(code)?.name ?? ''}`.trim()).join('、')
          : any}
      </Descriptions.Item>
      <Descriptions.Item label={t(drawText.ipcPrefixes)}>
        {spec.ipcPrefixes.length > 0 ? spec.ipcPrefixes.join('、') : any}
      </Descriptions.Item>
      <Descriptions.Item label={t(drawText.maxLoad)}>{spec.maxLoad ?? any}</Descriptions.Item>
      <Descriptions.Item label={t(drawText.asOf)}>{spec.asOf}</Descriptions.Item>
    </Descriptions>
  );
}

/** A published 64-hex digest, monospaced and breakable, with a copy button. */
export function HashText({ value, testId }: { value: string; testId: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 15 }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

export function CodeList({ codes, testId }: { codes: readonly string[] | null; testId: string }) {
  return (
    <Flex wrap gap={4} data-testid={testId}>
      {(codes ?? []).map((code) => (
        <Tag key={code}>{code}</Tag>
      ))}
      {codes === null ? <Typography.Text type="secondary">—</Typography.Text> : null}
    </Flex>
  );
}
