/**
 * Edit an enterprise's profile. Officers and administrators change it directly; an enterprise edits its own, and
 * its changes to 名称, 信用代码, 职工人数 and 营业收入 wait for an officer's verification (marked 待核实 here). Only
 * the fields that changed are sent, checked first with the server's own contract.
 */
import {
  App as AntApp,
  Alert,
  Cascader,
  DatePicker,
  Form,
  Input,
  Select,
  Tag,
  TreeSelect,
  type FormRule,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  contactPhoneSchema,
  updateEnterpriseRequest,
  usccSchema,
  verifiedEnterpriseFields,
  type EnterpriseField,
  type UpdateEnterpriseInput,
} from '@jinke/core/registry/enterprises.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { registryKeys, townChoices, updateEnterprise, useDivisions, type EnterpriseDetail } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { showIssues } from '../form-issues.ts';
import { enterpriseFieldLabels, fenToWanText, wanTextToFen } from '../labels.ts';
import { hitechOptions, industryClassPath, industryTreeOptions } from '../reference-options.ts';
import { countRule, moneyRule } from './number-rules.ts';

interface Values {
  uscc: string;
  name: string;
  formerNames: string[];
  legalRep?: string;
  registeredOn?: Dayjs | null;
  address?: string;
  townCode?: string | null;
  industryCode?: string[];
  hitechField?: string | null;
  staff?: string;
  revenueFen?: string;
  contactName?: string;
  contactPhone?: string;
}

const FORM_FIELDS = [
  'uscc',
  'name',
  'formerNames',
  'legalRep',
  'registeredOn',
  'address',
  'townCode',
  'industryCode',
  'hitechField',
  'staff',
  'revenueFen',
  'contactName',
  'contactPhone',
] as const satisfies readonly EnterpriseField[];

/** Applies `rule` only to a value that differs from the recorded one. */
function unlessUnchanged(recorded: string, rule: FormRule): FormRule {
  if (typeof rule === 'function' || !rule.validator) return rule;
  const validator = rule.validator;
  return {
    ...rule,
    validator: (r, value: unknown, callback) =>
      value === recorded ? Promise.resolve() : validator(r, value, callback),
  };
}

const textOrNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function initialValues(detail: EnterpriseDetail): Values {
  return {
    uscc: detail.uscc,
    name: detail.name,
    formerNames: detail.formerNames,
    legalRep: detail.legalRep ?? undefined,
    registeredOn: detail.registeredOn ? dayjs(detail.registeredOn) : null,
    address: detail.address ?? undefined,
    townCode: detail.townCode,
    industryCode: industryClassPath(detail.industryCode),
    hitechField: detail.hitechField,
    staff: detail.staff === null ? undefined : String(detail.staff),
    revenueFen: fenToWanText(detail.revenueFen),
    contactName: detail.contactName ?? undefined,
    contactPhone: undefined,
  };
}

/** The request: the fields whose value differs from the record (the phone only when a new one was typed). */
export function profilePatch(detail: EnterpriseDetail, v: Values): UpdateEnterpriseInput {
  const next: Record<EnterpriseField, unknown> = {
    uscc: v.uscc.trim(),
    name: v.name.trim(),
    formerNames: v.formerNames.map((n) => n.trim()).filter(Boolean),
    legalRep: textOrNull(v.legalRep),
    registeredOn: v.registeredOn ? v.registeredOn.format('YYYY-MM-DD') : null,
    address: textOrNull(v.address),
    townCode: v.townCode ?? null,
    industryCode:
      v.industryCode && v.industryCode.length > 0
        ? (v.industryCode[v.industryCode.length - 1] ?? null)
        : null,
    hitechField: v.hitechField ?? null,
    staff: v.staff?.trim() ? Number(v.staff.trim()) : null,
    revenueFen: wanTextToFen(v.revenueFen),
    contactName: textOrNull(v.contactName),
    contactPhone: textOrNull(v.contactPhone),
  };
  const patch: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    if (field === 'contactPhone') {
      if (next.contactPhone !== null) patch.contactPhone = next.contactPhone;
      continue;
    }
    const before: unknown = detail[field];
    if (JSON.stringify(before ?? null) !== JSON.stringify(next[field])) patch[field] = next[field];
  }
  return patch;
}

export function EnterpriseEditModal({
  detail,
  mode,
  onClose,
}: {
  detail: EnterpriseDetail;
  mode: 'apply' | 'self';
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const divisions = useDivisions();
  const [form] = Form.useForm<Values>();

  const save = useMutation({
    mutationFn: (patch: UpdateEnterpriseInput) => updateEnterprise(detail.id, patch),
    onSuccess: async (_saved, patch) => {
      const held = mode === 'self' ? verifiedEnterpriseFields.filter((f) => f in patch) : [];
      if (held.length > 0) {
        const fields = held.map((f) => t(enterpriseFieldLabels[f])).join(locale === 'zh-CN' ? '、' : ', ');
        void message.success(t(enterpriseText.savedSelf, { fields }));
      } else void message.success(t({ zh: '已保存', en: 'Saved' }));
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprise(detail.id) });
      await queryClient.invalidateQueries({ queryKey: registryKeys.enterprises });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, FORM_FIELDS, { USCC_TAKEN: 'uscc' }))
        void message.error(error.message);
    },
  });

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field errors itself.
    }
    const patch = profilePatch(detail, values);
    if (Object.keys(patch).length === 0) {
      void message.info(t(enterpriseText.nothingChanged));
      return;
    }
    const checked = updateEnterpriseRequest.safeParse(patch);
    if (!checked.success) {
      showIssues(form, checked.error.issues, locale);
      return;
    }
    save.mutate(patch);
  };

  const label = (field: EnterpriseField) =>
    mode === 'self' && verifiedEnterpriseFields.includes(field) ? (
      <span>
        {t(enterpriseFieldLabels[field])}{' '}
        <Tag color="gold" data-testid={`edit-needs-verification-${field}`}>
          {t(enterpriseText.needsVerification)}
        </Tag>
      </span>
    ) : (
      t(enterpriseFieldLabels[field])
    );

  return (
    <FormModal
      open
      width={760}
      testId="enterprise-edit"
      title={t(enterpriseText.editTitle)}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {mode === 'self' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(enterpriseText.selfNote)} />
      ) : null}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initialValues(detail)}>
        <Form.Item
          name="name"
          label={label('name')}
          rules={[{ required: true, whitespace: true, message: t(enterpriseText.required) }]}
        >
          <Input maxLength={200} data-testid="edit-name" />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={label('uscc')}
          rules={[
            { required: true, whitespace: true, message: t(enterpriseText.required) },
            // A code recorded before the check existed must not block changes to other fields.
            unlessUnchanged(detail.uscc, schemaRule(usccSchema, locale)),
          ]}
        >
          <Input maxLength={18} className="jk-mono" data-testid="edit-uscc" />
        </Form.Item>
        <Form.Item name="formerNames" label={label('formerNames')} extra={t(enterpriseText.formerNamesHint)}>
          <Select mode="tags" open={false} suffixIcon={null} data-testid="edit-former-names" />
        </Form.Item>
        <Form.Item name="legalRep" label={label('legalRep')}>
          <Input maxLength={64} data-testid="edit-legal-rep" />
        </Form.Item>
        <Form.Item name="registeredOn" label={label('registeredOn')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="edit-registered-on"
          />
        </Form.Item>
        <Form.Item name="address" label={label('address')}>
          <Input maxLength={300} data-testid="edit-address" />
        </Form.Item>
        <Form.Item name="townCode" label={label('townCode')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={divisions.isPending}
            options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="edit-town"
          />
        </Form.Item>
        <Form.Item name="industryCode" label={label('industryCode')}>
          <Cascader showSearch options={industryTreeOptions()} data-testid="edit-industry" />
        </Form.Item>
        <Form.Item name="hitechField" label={label('hitechField')}>
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeData={hitechOptions()}
            data-testid="edit-hitech"
          />
        </Form.Item>
        <Form.Item name="staff" label={label('staff')} rules={[countRule(t, locale)]}>
          <Input inputMode="numeric" data-testid="edit-staff" />
        </Form.Item>
        <Form.Item name="revenueFen" label={label('revenueFen')} rules={[moneyRule(t, locale, false)]}>
          <Input inputMode="decimal" suffix={t(enterpriseText.moneyUnit)} data-testid="edit-revenue" />
        </Form.Item>
        <Form.Item name="contactName" label={label('contactName')}>
          <Input maxLength={64} data-testid="edit-contact-name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={label('contactPhone')}
          rules={[schemaRule(contactPhoneSchema, locale)]}
          extra={
            detail.contactPhone ? t(enterpriseText.phoneKeep, { phone: detail.contactPhone }) : undefined
          }
        >
          <Input maxLength={20} data-testid="edit-contact-phone" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
