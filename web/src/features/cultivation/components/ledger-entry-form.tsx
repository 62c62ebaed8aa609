/**
 * Record or change one entry: project, month, category, amount in 元 (sent as exact 分), the fiscal-funds flag,
 * voucher and note. Before sending, the contract and the entry-against-project rule run here as on the server
 * (month within the project's dates, categories its kind allows, no negative amount).
 */
import { App as AntApp, Col, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createEntryRequest,
  entryProblems,
  isEntrustedKind,
  parseLedgerMonth,
  type LedgerCategoryKey,
} from '@jinke/core/cultivation/ledger.contract.ts';
import { ADJUSTMENT_CATEGORIES, LEDGER_CATEGORIES } from '@jinke/core/cultivation/rd-categories.ts';
import { ledgerCategoryTitle } from '@jinke/core/cultivation/ledger-sheet.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { createEntry, ledgerKeys, updateEntry, type EntryItem, type ProjectItem } from '../ledger.api.ts';
import { placeIssues, placeProblems } from '../ledger.forms.ts';
import { categoryLabel, fenToYuanText, yuanTextToFen } from '../ledger.labels.ts';
import { ledgerText } from '../ledger.messages.ts';

interface Values {
  projectId?: string;
  month?: string;
  category?: LedgerCategoryKey;
  amount?: string;
  nonTaxable?: boolean;
  voucherNo?: string;
  note?: string;
}

const FIELDS = ['projectId', 'month', 'category', 'amountFen', 'nonTaxable', 'voucherNo', 'note'];
/** The form names the amount `amount` (元); requests name it `amountFen`. */
const formField = (key: string) => (key === 'amountFen' ? 'amount' : key);

/** The first part of a field name path (`['amountFen']` → `amountFen`). */
const topName = (name: unknown): string => {
  const first: unknown = Array.isArray(name) ? (name as unknown[])[0] : name;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : '';
};

const inHouse = (Object.keys(LEDGER_CATEGORIES) as LedgerCategoryKey[]).filter((c) => c !== 'entrusted');
const adjustments = Object.keys(ADJUSTMENT_CATEGORIES) as LedgerCategoryKey[];

export function LedgerEntryForm({
  entry,
  projects,
  defaultProjectId,
  onClose,
}: {
  entry: EntryItem | null;
  projects: readonly ProjectItem[];
  defaultProjectId?: string | undefined;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  /** The form, with request field names turned into its own. */
  const renamed: Pick<FormInstance, 'setFields'> = {
    setFields: (items) =>
      form.setFields(
        items.map((i) => ({ name: formField(topName(i.name)) as keyof Values, errors: i.errors ?? [] })),
      ),
  };
  const projectId = Form.useWatch('projectId', form);
  const project = projects.find((p) => p.id === projectId);
  const entrusted = project ? isEntrustedKind(project.kind) : false;
  const option = (c: LedgerCategoryKey) => ({ value: c, label: t(categoryLabel(c)), title: t(ledgerCategoryTitle(c)) });
  const categoryOptions = [
    ...(project && entrusted ? [] : [{ label: t(ledgerText.groupInHouse), options: inHouse.map(option) }]),
    ...(project && !entrusted ? [] : [{ label: t(ledgerText.groupEntrusted), options: [option('entrusted')] }]),
    { label: t(ledgerText.groupAdjustments), options: adjustments.map(option) },
  ];

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => (entry ? updateEntry(entry.id, body) : createEntry(body)),
    onSuccess: async () => {
      void message.success(t(ledgerText.saved));
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(renamed, error, locale, FIELDS))
        void message.error(t(ledgerText.failed, { message: error.message }));
    },
  });

  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    const amountFen = yuanTextToFen(v.amount);
    if (amountFen === null) {
      form.setFields([{ name: ['amount'], errors: [t(ledgerText.invalidAmount)] }]);
      return;
    }
    const body = {
      projectId: v.projectId ?? '',
      month: v.month?.trim() ?? '',
      category: v.category ?? '',
      amountFen,
      nonTaxable: v.nonTaxable ?? false,
      voucherNo: v.voucherNo?.trim() ?? null,
      note: v.note?.trim() ?? null,
    };
    const checked = createEntryRequest.safeParse(body);
    if (!checked.success) {
      placeIssues(renamed, checked.error.issues, locale, FIELDS);
      return;
    }
    const m = parseLedgerMonth(checked.data.month);
    if (project && m) {
      const problems = entryProblems(project, { ...m, category: checked.data.category, nonTaxable: checked.data.nonTaxable });
      if (problems.length > 0) {
        placeProblems(form, problems, locale, FIELDS);
        return;
      }
    }
    save.mutate(body);
  };

  const initial: Values = entry
    ? {
        projectId: entry.projectId,
        month: entry.month,
        category: entry.category,
        amount: fenToYuanText(entry.amountFen),
        nonTaxable: entry.nonTaxable,
        voucherNo: entry.voucherNo ?? undefined,
        note: entry.note ?? undefined,
      }
    : { projectId: defaultProjectId ?? projects[0]?.id, nonTaxable: false };

  return (
    <FormModal
      open
      width={720}
      testId="ledger-entry-form"
      title={entry ? t(ledgerText.editEntry) : t(ledgerText.addEntry)}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="projectId" label={t(ledgerText.project)} required>
              <Select
                data-testid="ledger-entry-project"
                options={projects.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="month" label={t(ledgerText.month)} required extra={t(ledgerText.monthHint)}>
              <Input data-testid="ledger-entry-month" placeholder="2023-03" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t(ledgerText.entryCategory)} required>
              <Select data-testid="ledger-entry-category" options={categoryOptions} showSearch optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="amount" label={t(ledgerText.amount)} required extra={t(ledgerText.amountHint)}>
              <Input data-testid="ledger-entry-amount" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nonTaxable" label={t(ledgerText.nonTaxable)} valuePropName="checked">
              <Switch data-testid="ledger-entry-nonTaxable" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="voucherNo" label={t(ledgerText.voucherNo)}>
              <Input data-testid="ledger-entry-voucherNo" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t(ledgerText.entryNote)}>
              <Input data-testid="ledger-entry-note" maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
