/**
 * Record or change one year's figures. The rules are the server's (putYearRequest): amounts not negative except net
 * assets, counts whole and not negative, 科技人员 within 职工总数, net assets not above total assets. Amounts are
 * typed in 万元 and sent as exact 分. Only the figures that changed are sent; an enterprise's own figures for revenue,
 * R&D, staff and 规上 then wait for an officer's verification.
 */
import { App as AntApp, Alert, Col, Form, Input, Row, Select, Switch, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  verifiedYearFields,
  yearFigureConflicts,
  type YearField,
} from '@jinke/core/registry/enterprises.contract.ts';
import { putYearRequest, type PutYearInput } from '@jinke/core/registry/enterprise-years.contract.ts';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { putYear, registryKeys, type YearDetail } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { showIssues } from '../form-issues.ts';
import { fenToWanText, wanTextToFen, yearFieldLabels } from '../labels.ts';
import { countRule, moneyRule } from './number-rules.ts';

export interface YearValues {
  year?: number;
  revenueFen?: string;
  rdFen?: string;
  staff?: string;
  techStaff?: string;
  netAssetsFen?: string;
  totalAssetsFen?: string;
  aboveScale?: boolean;
}

const MONEY: readonly YearField[] = ['revenueFen', 'rdFen', 'netAssetsFen', 'totalAssetsFen'];
const COUNTS: readonly YearField[] = ['staff', 'techStaff'];
const FORM_FIELDS = [
  'year',
  'revenueFen',
  'rdFen',
  'staff',
  'techStaff',
  'netAssetsFen',
  'totalAssetsFen',
  'aboveScale',
];

const count = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : null);

/** The whole year as the contract reads it (every figure, null when empty). */
export function yearFigures(
  v: YearValues,
): Required<Omit<PutYearInput, 'aboveScale'>> & { aboveScale: boolean } {
  return {
    revenueFen: wanTextToFen(v.revenueFen),
    rdFen: wanTextToFen(v.rdFen),
    staff: count(v.staff),
    techStaff: count(v.techStaff),
    netAssetsFen: wanTextToFen(v.netAssetsFen),
    totalAssetsFen: wanTextToFen(v.totalAssetsFen),
    aboveScale: v.aboveScale ?? false,
  };
}

/** What to send: every given figure of a new year; only the changed ones of a recorded year. */
export function yearPatch(existing: YearDetail | null, v: YearValues): PutYearInput {
  const all = yearFigures(v);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (existing === null) {
      if (value !== null && !(key === 'aboveScale' && value === false)) patch[key] = value;
    } else if (existing[key as YearField] !== value) patch[key] = value;
  }
  return patch;
}

function initialValues(year: YearDetail | null): YearValues {
  if (!year) return { aboveScale: false };
  return {
    year: year.year,
    revenueFen: fenToWanText(year.revenueFen),
    rdFen: fenToWanText(year.rdFen),
    staff: year.staff === null ? undefined : String(year.staff),
    techStaff: year.techStaff === null ? undefined : String(year.techStaff),
    netAssetsFen: fenToWanText(year.netAssetsFen),
    totalAssetsFen: fenToWanText(year.totalAssetsFen),
    aboveScale: year.aboveScale,
  };
}

export function YearFormModal({
  enterpriseId,
  year,
  takenYears,
  mode,
  onClose,
}: {
  enterpriseId: string;
  /** Null: a new year. */
  year: YearDetail | null;
  takenYears: readonly number[];
  mode: 'apply' | 'self';
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<YearValues>();
  const thisYear = new Date().getFullYear();
  const yearChoices = Array.from({ length: 15 }, (_, i) => thisYear - i).filter(
    (y) => !takenYears.includes(y),
  );

  const save = useMutation({
    mutationFn: ({ target, body }: { target: number; body: PutYearInput }) =>
      putYear(enterpriseId, target, body),
    onSuccess: async () => {
      void message.success(t({ zh: '已保存', en: 'Saved' }));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(enterpriseId) });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, FORM_FIELDS)) void message.error(error.message);
    },
  });

  const submit = async () => {
    let values: YearValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const target = year?.year ?? values.year;
    if (target === undefined) return;
    // The whole year is checked, so a change to one figure cannot break a rule with a figure left as it was.
    const checked = putYearRequest.safeParse(yearFigures(values));
    if (!checked.success) {
      showIssues(form, checked.error.issues, locale);
      return;
    }
    const body = yearPatch(year, values);
    if (Object.keys(body).length === 0) {
      void message.info(t(enterpriseText.nothingChanged));
      return;
    }
    save.mutate({ target, body });
  };

  /** Cross-field rule: the pair of figures `yearFigureConflicts` names, checked whenever either changes. */
  const conflictRule = (field: YearField) => ({
    validator: async () => {
      let figures: ReturnType<typeof yearFigures>;
      try {
        figures = yearFigures(form.getFieldsValue(true) as YearValues);
      } catch {
        return; // A figure that does not read as a number is reported under its own field.
      }
      const conflict = yearFigureConflicts(figures).find((c) => c.field === field);
      if (conflict) throw new Error(locale === 'zh-CN' ? conflict.zh : conflict.en);
    },
  });
  const partner: Partial<Record<YearField, YearField>> = {
    staff: 'techStaff',
    techStaff: 'staff',
    netAssetsFen: 'totalAssetsFen',
    totalAssetsFen: 'netAssetsFen',
  };

  const label = (field: YearField, unit?: Text) => (
    <span>
      {t(yearFieldLabels[field])}
      {unit ? `（${t(unit)}）` : ''}
      {mode === 'self' && verifiedYearFields.includes(field) ? (
        <Tag color="gold" style={{ marginInlineStart: 6 }}>
          {t(enterpriseText.needsVerification)}
        </Tag>
      ) : null}
    </span>
  );

  const figureItem = (field: YearField) => {
    const money = MONEY.includes(field);
    const other = partner[field];
    return (
      <Col xs={24} md={12} key={field}>
        <Form.Item
          name={field}
          label={label(field, money ? enterpriseText.moneyUnit : undefined)}
          dependencies={other ? [other] : undefined}
          rules={[
            money ? moneyRule(t, locale, field === 'netAssetsFen') : countRule(t, locale),
            ...(other ? [conflictRule(field)] : []),
          ]}
        >
          <Input inputMode={money ? 'decimal' : 'numeric'} data-testid={`year-${field}`} />
        </Form.Item>
      </Col>
    );
  };

  return (
    <FormModal
      open
      width={720}
      testId="year-form"
      title={year ? t(enterpriseText.editYear, { year: year.year }) : t(enterpriseText.newYearTitle)}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {mode === 'self' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(enterpriseText.selfNote)} />
      ) : null}
      <Form<YearValues> form={form} layout="vertical" preserve={false} initialValues={initialValues(year)}>
        {year ? null : (
          <Form.Item
            name="year"
            label={t(enterpriseText.year)}
            rules={[{ required: true, message: t(enterpriseText.required) }]}
          >
            <Select
              style={{ width: 160 }}
              options={yearChoices.map((y) => ({ value: y, label: String(y) }))}
              data-testid="year-year"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          {MONEY.slice(0, 2).map(figureItem)}
          {COUNTS.map(figureItem)}
          {MONEY.slice(2).map(figureItem)}
        </Row>
        <Form.Item
          name="aboveScale"
          label={label('aboveScale')}
          valuePropName="checked"
          extra={t(enterpriseText.aboveScaleHint)}
        >
          <Switch data-testid="year-aboveScale" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
