/**
 * The 资金 section of an application: the computation under the standard in force on the day of 立项, line by line;
 * the award and its adjustment; the instalments, clawbacks and acceptance records. Officers and admins act; the
 * leader and the applicant read (the applicant without the adjustment reason). Shown once the application is
 * approved or carries an award.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { acceptanceConclusionLabels } from '@jinke/core/funds/api.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import {
  addClawback,
  addDisbursement,
  adjustAward,
  fundsKeys,
  getFunds,
  makeAward,
  recordAcceptance,
  type Computation,
  type FundsDetail,
} from '../funds.api.ts';
import { fundsText } from '../funds.messages.ts';
import { money, yuan } from '../money.ts';
import { FundsDialog, type DialogKind, type DialogValues } from './funds-dialogs.tsx';

function send(id: string, v: DialogValues): Promise<FundsDetail> {
  switch (v.kind) {
    case 'adjust':
      return adjustAward(id, { approvedFen: v.approvedFen, reason: v.reason });
    case 'disburse':
      return addDisbursement(id, {
        budgetLine: v.budgetLine,
        amountFen: v.amountFen,
        paidOn: v.paidOn,
        voucherNo: v.voucherNo,
      });
    case 'clawback':
      return addClawback(id, { amountFen: v.amountFen, reason: v.reason, recoveredOn: v.recoveredOn });
    case 'acceptance':
      return recordAcceptance(id, { conclusion: v.conclusion, comments: v.comments, decidedOn: v.decidedOn });
  }
}

function ComputationView({ c, approvedFen }: { c: Computation; approvedFen?: string }) {
  const { t } = useI18n();
  return (
    <Descriptions column={1} size="small" bordered data-testid="funds-computation">
      <Descriptions.Item label={t(fundsText.standard)}>
        {t(c.standardName)} <Typography.Text type="secondary">({c.standardId})</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t(fundsText.citation)}>
        {c.citation}
        {c.note ? (
          <div>
            <Typography.Text type="secondary">{c.note}</Typography.Text>
          </div>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t(fundsText.decidedOn)}>{c.decidedOn}</Descriptions.Item>
      <Descriptions.Item label={t(fundsText.computation)}>
        {c.lines.map((l, i) => (
          <div key={i} data-testid="funds-line">
            {t(l)}
          </div>
        ))}
        {c.notes.map((n, i) => (
          <div key={`n${i}`}>
            <Typography.Text type="warning">{t(n)}</Typography.Text>
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t(fundsText.proposed)}>
        <span data-testid="funds-proposed">{money(c.proposedFen)}</span>
        {c.capped ? <Tag style={{ marginLeft: 8 }}>{t(fundsText.capped)}</Tag> : null}
      </Descriptions.Item>
      {approvedFen !== undefined ? (
        <Descriptions.Item label={t(fundsText.approved)}>
          <Typography.Text strong data-testid="funds-approved">
            {money(approvedFen)}
          </Typography.Text>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** `phase` is the application's phase as the page shows it: a workflow action there reloads the funds. */
export function FundsSection({ applicationId, phase }: { applicationId: string; phase: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const writer = me.role === 'admin' || me.role === 'officer';
  const reader = writer || me.role === 'leader' || me.role === 'enterprise';
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const funds = useQuery({
    queryKey: [...fundsKeys.application(applicationId), phase],
    queryFn: () => getFunds(applicationId),
    enabled: reader,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['programmes'] });
  };
  const award = useMutation({
    mutationFn: () => makeAward(applicationId),
    onSuccess: async (d) => {
      void message.success(t(fundsText.awarded, { amount: money(d.totals.approvedFen) }));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const save = useMutation({
    mutationFn: (v: DialogValues) => send(applicationId, v),
    onSuccess: async (d, v) => {
      const done = {
        adjust: t(fundsText.adjusted, { amount: money(d.totals.approvedFen) }),
        disburse: t(fundsText.disbursed, { n: String(d.disbursements.length) }),
        clawback: t(fundsText.clawedBack),
        acceptance: t(fundsText.acceptanceRecorded),
      }[v.kind];
      void message.success(done);
      setDialog(null);
      await refresh();
    },
  });
  const open = (kind: DialogKind) => {
    save.reset();
    setDialog(kind);
  };

  if (!reader) return null;
  if (funds.error)
    return <Alert type="error" showIcon title={t(fundsText.loadFailed, { message: funds.error.message })} />;
  const d = funds.data;
  if (!d || (!d.awardable && !d.award)) return null;
  const a = d.award;
  const canPay = ['agreement', 'funded', 'midterm', 'acceptance'].includes(d.phase);

  return (
    <Card title={t(fundsText.section)} style={{ marginTop: 16 }} data-testid="funds-section">
      {a ? (
        <>
          <ComputationView c={a} approvedFen={a.approvedFen} />
          {a.adjustmentReason ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 8 }}
              title={`${t(fundsText.adjustmentReason)}：${a.adjustmentReason}`}
              data-testid="funds-adjustment-reason"
            />
          ) : null}
        </>
      ) : d.computation ? (
        <ComputationView c={d.computation} />
      ) : d.computationProblem ? (
        <Alert type="warning" showIcon title={t(d.computationProblem)} data-testid="funds-problem" />
      ) : null}
      {d.budget ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="funds-budget">
          {t(fundsText.budget)} {money(d.budget.budgetFen)} · {t(fundsText.awardedTotal)}{' '}
          {money(d.budget.awardedFen)} · {t(fundsText.remaining)} {money(d.budget.remainingFen)}
        </Typography.Paragraph>
      ) : null}
      {writer ? (
        <Space wrap style={{ marginTop: 12 }}>
          {!a && d.computation ? (
            <Button
              type="primary"
              loading={award.isPending}
              onClick={() => award.mutate()}
              data-testid="funds-award"
            >
              {t(fundsText.makeAward)}
            </Button>
          ) : null}
          {a ? (
            <Button onClick={() => open('adjust')} data-testid="funds-adjust">
              {t(fundsText.adjust)}
            </Button>
          ) : null}
          {a && canPay ? (
            <Button type="primary" onClick={() => open('disburse')} data-testid="funds-disburse">
              {t(fundsText.addInstalment)}
            </Button>
          ) : null}
          {a && d.disbursements.length > 0 ? (
            <Button danger onClick={() => open('clawback')} data-testid="funds-clawback">
              {t(fundsText.addClawback)}
            </Button>
          ) : null}
          {d.phase === 'acceptance' ? (
            <Button onClick={() => open('acceptance')} data-testid="funds-acceptance">
              {t(fundsText.recordAcceptance)}
            </Button>
          ) : null}
        </Space>
      ) : null}

      {a ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t(fundsText.disbursements)}
          </Typography.Title>
          <Typography.Paragraph data-testid="funds-totals">
            {t(fundsText.totals, {
              disbursed: yuan(d.totals.disbursedFen),
              clawedBack: yuan(d.totals.clawedBackFen),
              net: yuan(d.totals.netPaidFen),
              left: yuan(d.totals.undisbursedFen),
            })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.disbursements}
            locale={{ emptyText: t(fundsText.noDisbursements) }}
            onRow={(r) => ({ 'data-testid': `funds-instalment-${r.instalment}` }) as object}
            columns={[
              {
                title: t(fundsText.instalment),
                render: (_, r) => t(fundsText.instalmentNo, { n: String(r.instalment) }),
              },
              { title: t(fundsText.budgetLine), dataIndex: 'budgetLine' },
              { title: t(fundsText.amount), align: 'right', render: (_, r) => yuan(r.amountFen) },
              { title: t(fundsText.paidOn), dataIndex: 'paidOn' },
              { title: t(fundsText.voucherNo), dataIndex: 'voucherNo' },
            ]}
          />
          {d.clawbacks.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t(fundsText.clawbacks)}
              </Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d.clawbacks}
                columns={[
                  { title: t(fundsText.recoveredOn), dataIndex: 'recoveredOn' },
                  { title: t(fundsText.amount), align: 'right', render: (_, r) => yuan(r.amountFen) },
                  { title: t(fundsText.reason), dataIndex: 'reason' },
                ]}
              />
            </>
          ) : null}
          {d.acceptances.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t(fundsText.acceptance)}
              </Typography.Title>
              {d.acceptances.map((x) => (
                <Alert
                  key={x.id}
                  type={x.conclusion === 'passed' ? 'success' : 'error'}
                  style={{ marginBottom: 8 }}
                  title={`${x.decidedOn} ${t(acceptanceConclusionLabels[x.conclusion])}：${x.comments}`}
                  data-testid="funds-acceptance-record"
                />
              ))}
            </>
          ) : null}
        </>
      ) : null}
      {dialog ? (
        <FundsDialog
          kind={dialog}
          pending={save.isPending}
          error={save.error}
          onOk={(v) => save.mutate(v)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </Card>
  );
}
