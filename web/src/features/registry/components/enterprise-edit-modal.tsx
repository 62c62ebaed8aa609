/**
 * Edit an enterprise's profile. Officers and administrators change it directly; an enterprise edits its own, and
 * its changes to 名称, 信用代码, 职工人数 and 营业收入 wait for an officer's verification (marked 待核实 here). Only
 * the fields that changed are sent, checked first with the server's own contract.
 */
import { App as AntApp, Alert, Form, Tag, type FormRule } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import {
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
import { registryKeys, updateEnterprise, type EnterpriseDetail } from '../api.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { showIssues } from '../form-issues.ts';
import { enterpriseFieldLabels, fenToWanText } from '../labels.ts';
import { industryClassPath } from '../reference-options.ts';
import {
  ENTERPRISE_FORM_FIELDS as FORM_FIELDS,
  EnterpriseProfileFields,
  enterpriseProfileValues,
  type EnterpriseFormValues as Values,
} from './enterprise-profile-fields.tsx';

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
  const next: Record<EnterpriseField, unknown> = enterpriseProfileValues(v);
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
      if (!applyApiError(form, error, locale, FORM_FIELDS, { USCC_TAKEN: 'uscc', CONFLICT: 'uscc' }))
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
        <EnterpriseProfileFields
          prefix="edit"
          label={label}
          // A code recorded before the check existed must not block changes to other fields.
          usccRule={unlessUnchanged(detail.uscc, schemaRule(usccSchema, locale))}
          phoneExtra={
            detail.contactPhone ? t(enterpriseText.phoneKeep, { phone: detail.contactPhone }) : undefined
          }
        />
      </Form>
    </FormModal>
  );
}
