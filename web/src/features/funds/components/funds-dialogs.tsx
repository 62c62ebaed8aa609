/**
 * The funds dialogs: adjust the approved amount (reason required), record an instalment (budget line, amount, paid
 * day, voucher), record a clawback, record the acceptance conclusion. Each checks its fields before sending and
 * shows the server's refusal (over the award, over the budget) above the form.
 */
import { useState } from 'react';
import { AutoComplete, Form, Input, Radio } from 'antd';
import { budgetLines } from '@jinke/core/funds/standards.data.ts';
import { acceptanceConclusionLabels } from '@jinke/core/funds/api.contract.ts';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import { FormModal } from '../../../ui/form-modal.tsx';
import { fundsText } from '../funds.messages.ts';
import { chinaToday, fenOf } from '../money.ts';

export type DialogKind = 'adjust' | 'disburse' | 'clawback' | 'acceptance';

export type DialogValues =
  | { kind: 'adjust'; approvedFen: string; reason: string }
  | { kind: 'disburse'; budgetLine: string; amountFen: string; paidOn: string; voucherNo: string }
  | { kind: 'clawback'; amountFen: string; reason: string; recoveredOn: string }
  | { kind: 'acceptance'; conclusion: 'passed' | 'failed'; comments: string; decidedOn: string };

const titles: Record<DialogKind, Text> = {
  adjust: fundsText.adjust,
  disburse: fundsText.addInstalment,
  clawback: fundsText.addClawback,
  acceptance: fundsText.recordAcceptance,
};

export function FundsDialog({
  kind,
  pending,
  error,
  onOk,
  onCancel,
}: {
  kind: DialogKind;
  pending: boolean;
  error: Error | null;
  onOk: (values: DialogValues) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [day, setDay] = useState(chinaToday());
  const [line, setLine] = useState<string>(budgetLines[0]);
  const [voucher, setVoucher] = useState('');
  const [conclusion, setConclusion] = useState<'passed' | 'failed'>('passed');
  const [touched, setTouched] = useState(false);

  const fen = fenOf(amount);
  const problems = {
    amount: kind !== 'acceptance' && (fen === null || (kind !== 'adjust' && fen === '0')),
    text: text.trim().length < 2,
    day: !/^\d{4}-\d{2}-\d{2}$/.test(day),
    line: kind === 'disburse' && line.trim().length < 2,
    voucher: kind === 'disburse' && voucher.trim().length === 0,
  };
  const show = (bad: boolean) => (touched && bad ? ('error' as const) : undefined);

  const submit = () => {
    setTouched(true);
    if (kind === 'adjust' && !problems.amount && !problems.text)
      onOk({ kind, approvedFen: fen!, reason: text.trim() });
    if (kind === 'disburse' && !problems.amount && !problems.day && !problems.line && !problems.voucher)
      onOk({ kind, budgetLine: line.trim(), amountFen: fen!, paidOn: day, voucherNo: voucher.trim() });
    if (kind === 'clawback' && !problems.amount && !problems.text && !problems.day)
      onOk({ kind, amountFen: fen!, reason: text.trim(), recoveredOn: day });
    if (kind === 'acceptance' && !problems.text && !problems.day)
      onOk({ kind, conclusion, comments: text.trim(), decidedOn: day });
  };

  const amountItem = (
    <Form.Item
      label={t(fundsText.amountYuan)}
      required
      validateStatus={show(problems.amount)}
      help={touched && problems.amount ? t(fundsText.amountInvalid) : undefined}
    >
      <Input value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="funds-amount" />
    </Form.Item>
  );
  const dayItem = (label: Text) => (
    <Form.Item label={t(label)} required validateStatus={show(problems.day)}>
      <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} data-testid="funds-day" />
    </Form.Item>
  );
  const textItem = (label: Text) => (
    <Form.Item
      label={t(label)}
      required
      validateStatus={show(problems.text)}
      help={touched && problems.text ? t(fundsText.reasonRequired) : undefined}
    >
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="funds-text"
      />
    </Form.Item>
  );

  return (
    <FormModal
      open
      title={t(titles[kind])}
      testId="funds-form"
      confirmLoading={pending}
      error={error}
      onOk={submit}
      onCancel={onCancel}
    >
      <Form layout="vertical">
        {kind === 'disburse' ? (
          <Form.Item label={t(fundsText.budgetLine)} required validateStatus={show(problems.line)}>
            <AutoComplete
              value={line}
              onChange={setLine}
              options={budgetLines.map((l) => ({ value: l }))}
              data-testid="funds-budget-line"
            />
          </Form.Item>
        ) : null}
        {kind === 'acceptance' ? (
          <Form.Item label={t(fundsText.conclusion)} required>
            <Radio.Group
              value={conclusion}
              onChange={(e) => setConclusion(e.target.value as 'passed' | 'failed')}
              data-testid="funds-conclusion"
            >
              <Radio value="passed">{t(acceptanceConclusionLabels.passed)}</Radio>
              <Radio value="failed" data-testid="funds-conclusion-failed">
                {t(acceptanceConclusionLabels.failed)}
              </Radio>
            </Radio.Group>
          </Form.Item>
        ) : (
          amountItem
        )}
        {kind === 'disburse' ? (
          <>
            {dayItem(fundsText.paidOn)}
            <Form.Item label={t(fundsText.voucherNo)} required validateStatus={show(problems.voucher)}>
              <Input
                value={voucher}
                onChange={(e) => setVoucher(e.target.value)}
                data-testid="funds-voucher"
              />
            </Form.Item>
          </>
        ) : null}
        {kind === 'adjust' ? textItem(fundsText.adjustmentReason) : null}
        {kind === 'clawback' ? (
          <>
            {textItem(fundsText.reason)}
            {dayItem(fundsText.recoveredOn)}
          </>
        ) : null}
        {kind === 'acceptance' ? (
          <>
            {textItem(fundsText.comments)}
            {dayItem(fundsText.decidedOnAcceptance)}
          </>
        ) : null}
      </Form>
    </FormModal>
  );
}
