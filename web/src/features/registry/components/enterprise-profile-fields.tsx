/**
 * An enterprise's profile as a form, shared by registering an enterprise and editing one: the fields, their
 * pickers (town, GB/T 4754-2017 小类, high-tech field) and per-field rules from the contract, and the request
 * values they make (amounts typed in 万元 become exact 分; empty texts become null).
 */
import type { ReactNode } from 'react';
import { Cascader, DatePicker, Form, Input, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { contactPhoneSchema, type EnterpriseField } from '@jinke/core/registry/enterprises.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { enterpriseText } from '../enterprise.messages.ts';
import { wanTextToFen } from '../labels.ts';
import { industryTreeOptions } from '../reference-options.ts';
import { countRule, moneyRule } from './number-rules.ts';
import { HitechTreeSelect, TownSelect } from './reference-pickers.tsx';

export interface EnterpriseFormValues {
  uscc: string;
  name: string;
  formerNames?: string[];
  legalRep?: string;
  registeredOn?: Dayjs | null;
  address?: string;
  townCode?: string | null;
  /** The cascader's path, 门类 → 大类 → 中类 → 小类; the last one is sent. */
  industryCode?: string[];
  hitechField?: string | null;
  staff?: string;
  revenueFen?: string;
  contactName?: string;
  contactPhone?: string;
}

export const ENTERPRISE_FORM_FIELDS = [
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

const textOrNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Every profile field as the contract takes it; `null` where the form is empty. */
export function enterpriseProfileValues(v: EnterpriseFormValues) {
  return {
    uscc: v.uscc.trim(),
    name: v.name.trim(),
    formerNames: (v.formerNames ?? []).map((n) => n.trim()).filter(Boolean),
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
  } satisfies Record<EnterpriseField, unknown>;
}

export function EnterpriseProfileFields({
  prefix,
  label,
  usccRule,
  phoneExtra,
}: {
  /** Test ids of the inputs: `<prefix>-name`, `<prefix>-uscc`, … */
  prefix: string;
  label: (field: EnterpriseField) => ReactNode;
  usccRule: FormRule;
  phoneExtra?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const required = { required: true, whitespace: true, message: t(enterpriseText.required) };
  return (
    <>
      <Form.Item name="name" label={label('name')} rules={[required]}>
        <Input maxLength={200} data-testid={`${prefix}-name`} />
      </Form.Item>
      <Form.Item name="uscc" label={label('uscc')} rules={[required, usccRule]}>
        <Input maxLength={18} className="jk-mono" data-testid={`${prefix}-uscc`} />
      </Form.Item>
      <Form.Item name="formerNames" label={label('formerNames')} extra={t(enterpriseText.formerNamesHint)}>
        <Select mode="tags" open={false} suffixIcon={null} data-testid={`${prefix}-former-names`} />
      </Form.Item>
      <Form.Item name="legalRep" label={label('legalRep')}>
        <Input maxLength={64} data-testid={`${prefix}-legal-rep`} />
      </Form.Item>
      <Form.Item name="registeredOn" label={label('registeredOn')}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid={`${prefix}-registered-on`}
        />
      </Form.Item>
      <Form.Item name="address" label={label('address')}>
        <Input maxLength={300} data-testid={`${prefix}-address`} />
      </Form.Item>
      <Form.Item name="townCode" label={label('townCode')}>
        <TownSelect testId={`${prefix}-town`} />
      </Form.Item>
      <Form.Item name="industryCode" label={label('industryCode')}>
        <Cascader showSearch options={industryTreeOptions()} data-testid={`${prefix}-industry`} />
      </Form.Item>
      <Form.Item name="hitechField" label={label('hitechField')}>
        <HitechTreeSelect<string> testId={`${prefix}-hitech`} />
      </Form.Item>
      <Form.Item name="staff" label={label('staff')} rules={[countRule(t, locale)]}>
        <Input inputMode="numeric" data-testid={`${prefix}-staff`} />
      </Form.Item>
      <Form.Item name="revenueFen" label={label('revenueFen')} rules={[moneyRule(t, locale, false)]}>
        <Input inputMode="decimal" suffix={t(enterpriseText.moneyUnit)} data-testid={`${prefix}-revenue`} />
      </Form.Item>
      <Form.Item name="contactName" label={label('contactName')}>
        <Input maxLength={64} data-testid={`${prefix}-contact-name`} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={label('contactPhone')}
        rules={[schemaRule(contactPhoneSchema, locale)]}
        extra={phoneExtra}
      >
        <Input maxLength={20} data-testid={`${prefix}-contact-phone`} />
      </Form.Item>
    </>
  );
}
