/**
 * The officer's batch decision on a call: every application awaiting a decision with approve / decline / later,
 * the proposed amount (万元, exact to the 分) for approvals and a templated reason plus own words for declines, and
 * the notice settings (title, first day, natural days ≥ 5, the last day shown as it will be). One submission, one
 * transaction on the server; the field errors it answers (`items.<i>.<field>`) are shown on their row.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Table,
  Typography,
} from 'antd';
import { parseMoney } from '@jinke/core/common/money.ts';
import type { FieldError } from '@jinke/core/common/errors.ts';
import {
  NOTICE_DEFAULT_DAYS,
  NOTICE_MIN_DAYS,
  declineReasonIds,
  declineReasons,
  noticeEndsOn,
  type DeclineReasonId,
} from '@jinke/core/notices/rules.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/http.ts';
import {
  awaitingDecision,
  decide,
  noticesKeys,
  type ApplicationItem,
  type DecisionItem,
  type NoticeStaffItem,
} from '../notices.api.ts';
import { noticesText } from '../notices.messages.ts';

interface RowChoice {
  decision?: 'approve' | 'decline';
  wan?: number | null;
  template?: DeclineReasonId;
  reason?: string;
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 12.34 万元 → '123400' 分; null when empty. */
function wanToFen(wan: number | null | undefined): string | undefined {
  if (wan === null || wan === undefined) return undefined;
  const parsed = parseMoney(`${wan}万元`);
  return parsed.ok ? parsed.fen.toString() : undefined;
}

export function DecisionPanel({ callId, pending }: { callId: string; pending: NoticeStaffItem | null }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const apps = useQuery({ queryKey: noticesKeys.call(callId), queryFn: () => awaitingDecision(callId) });
  const [choices, setChoices] = useState<Record<string, RowChoice>>({});
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(chinaToday());
  const [days, setDays] = useState<number>(NOTICE_DEFAULT_DAYS);
  const set = (id: string, patch: RowChoice) => setChoices((c) => ({ ...c, [id]: { ...c[id], ...patch } }));
  const rows = useMemo(() => apps.data?.items ?? [], [apps.data]);
  const chosen = rows.filter((r) => choices[r.id]?.decision);
  const approvals = chosen.filter((r) => choices[r.id]?.decision === 'approve').length;

  const save = useMutation({
    mutationFn: () => {
      const items: DecisionItem[] = chosen.map((r) => {
        const c = choices[r.id]!;
        const proposedFen = c.decision === 'approve' ? wanToFen(c.wan) : undefined;
        return {
          applicationId: r.id,
          decision: c.decision!,
          ...(proposedFen ? { proposedFen } : {}),
          ...(c.decision === 'decline' && c.template ? { reasonTemplate: c.template } : {}),
          ...(c.decision === 'decline' && c.reason?.trim() ? { reason: c.reason.trim() } : {}),
        };
      });
      return decide(callId, {
        items,
        notice: { ...(title.trim() ? { title: title.trim() } : {}), startsOn, days },
      });
    },
    onSuccess: async (out) => {
      void message.success(t(noticesText.decided, { approve: out.approved, decline: out.declined }));
      setChoices({});
      await queryClient.invalidateQueries({ queryKey: noticesKeys.all });
    },
  });

  /** The server's field errors, by row index of the submitted batch. */
  const errors = useMemo(() => {
    const byRow = new Map<string, string[]>();
    if (!isApiError(save.error)) return { byRow, other: [] as string[] };
    const fields = (save.error.details as { fields?: FieldError[] } | null)?.fields ?? [];
    const other: string[] = [];
    for (const f of fields) {
      const m = /^items\.(\d+)\./.exec(f.field);
      const row = m ? chosen[Number(m[1])] : undefined;
      if (row) byRow.set(row.id, [...(byRow.get(row.id) ?? []), fieldMessage(f, locale)]);
      else other.push(`${f.field} ${fieldMessage(f, locale)}`);
    }
    return { byRow, other };
  }, [save.error, chosen, locale]);

  if (apps.error)
    return <Alert type="error" showIcon title={t(noticesText.loadFailed, { message: apps.error.message })} />;
  const validDays = Number.isInteger(days) && days >= NOTICE_MIN_DAYS;
  return (
    <Card title={t(noticesText.decisions)} data-testid="decision-panel">
      <Typography.Paragraph type="secondary">{t(noticesText.decisionsHint)}</Typography.Paragraph>
      <Table<ApplicationItem>
        rowKey="id"
        loading={apps.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t(noticesText.noneAwaiting) }}
        onRow={(r) => ({ 'data-testid': `decision-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t(noticesText.enterprise),
            render: (_v, r) => (
              <Flex vertical>
                <span data-testid="decision-enterprise">{r.enterpriseName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.uscc}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t(noticesText.submittedAt), render: (_v, r) => formatDateTime(r.submittedAt, locale) },
          {
            title: t(noticesText.decision),
            render: (_v, r) => (
              <Radio.Group
                value={choices[r.id]?.decision ?? null}
                onChange={(e) =>
                  set(r.id, { decision: (e.target.value as RowChoice['decision']) ?? undefined })
                }
                optionType="button"
                size="small"
                data-testid="decision-choice"
                options={[
                  { value: null, label: t(noticesText.undecided) },
                  { value: 'approve', label: t(noticesText.approve) },
                  { value: 'decline', label: t(noticesText.decline) },
                ]}
              />
            ),
          },
          {
            title: `${t(noticesText.amountWan)} / ${t(noticesText.reasonTemplate)}`,
            width: '40%',
            render: (_v, r) => {
              const c = choices[r.id];
              const problems = errors.byRow.get(r.id);
              return (
                <Flex vertical gap={4}>
                  {c?.decision === 'approve' ? (
                    <InputNumber<number>
                      min={0}
                      step={1}
                      style={{ width: 180 }}
                      placeholder={t(noticesText.amountWan)}
                      value={c.wan ?? null}
                      onChange={(v) => set(r.id, { wan: v })}
                      data-testid="decision-amount"
                    />
                  ) : null}
                  {c?.decision === 'decline' ? (
                    <>
                      <Select<DeclineReasonId>
                        allowClear
                        style={{ width: '100%' }}
                        placeholder={t(noticesText.reasonTemplate)}
                        value={c.template}
                        onChange={(v) => set(r.id, { template: v })}
                        options={declineReasonIds.map((id) => ({ value: id, label: t(declineReasons[id]) }))}
                        data-testid="decision-template"
                      />
                      <Input
                        placeholder={t(noticesText.reasonText)}
                        value={c.reason ?? ''}
                        onChange={(e) => set(r.id, { reason: e.target.value })}
                        data-testid="decision-reason"
                      />
                    </>
                  ) : null}
                  {problems ? (
                    <Typography.Text type="danger" data-testid="decision-row-error">
                      {problems.join('；')}
                    </Typography.Text>
                  ) : null}
                </Flex>
              );
            },
          },
        ]}
      />
      {rows.length > 0 ? (
        <Form layout="vertical" style={{ marginTop: 16 }} data-testid="notice-settings">
          <Typography.Title level={5}>{t(noticesText.noticeSettings)}</Typography.Title>
          {pending ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(noticesText.pendingNoticeHint, {
                title: pending.title,
                from: pending.startsOn,
                to: pending.endsOn,
              })}
            />
          ) : (
            <Flex gap={16} wrap>
              <Form.Item
                label={t(noticesText.noticeTitle)}
                extra={t(noticesText.noticeTitleHint)}
                style={{ minWidth: 360, flex: 1 }}
              >
                <Input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="notice-title" />
              </Form.Item>
              <Form.Item label={t(noticesText.startsOn)}>
                <Input
                  type="date"
                  value={startsOn}
                  onChange={(e) => setStartsOn(e.target.value)}
                  data-testid="notice-starts-on"
                />
              </Form.Item>
              <Form.Item
                label={t(noticesText.days)}
                extra={
                  validDays && startsOn
                    ? t(noticesText.endsOnPreview, { day: noticeEndsOn(startsOn, days) })
                    : undefined
                }
              >
                <InputNumber<number>
                  min={NOTICE_MIN_DAYS}
                  max={60}
                  precision={0}
                  value={days}
                  onChange={(v) => setDays(v ?? NOTICE_DEFAULT_DAYS)}
                  data-testid="notice-days"
                />
              </Form.Item>
            </Flex>
          )}
          {save.error ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="decision-error"
              title={[save.error.message, ...errors.other].join('；')}
            />
          ) : null}
          <Button
            type="primary"
            disabled={chosen.length === 0 || (approvals > 0 && !pending && !validDays)}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="decision-submit"
          >
            {chosen.length === 0
              ? t(noticesText.nothingChosen)
              : t(noticesText.submitDecisions, { approve: approvals, decline: chosen.length - approvals })}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
