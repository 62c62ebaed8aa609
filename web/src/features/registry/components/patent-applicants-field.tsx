/**
 * A patent's applicants (专利申请人/专利权人) in the order of the application. Enterprises and institutes are chosen
 * from the registry, so the patent shows on their records; one the registry does not hold (a co-applicant from
 * outside the county) may be recorded by name; a person is recorded by name only.
 */
import { Button, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { holderTypeSchema } from '@jinke/core/registry/patents.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { createText } from '../create.messages.ts';
import { patentText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';
import { RecordSelect, recordChoiceOf, type RecordChoice } from './reference-pickers.tsx';

export type HolderType = z.infer<typeof holderTypeSchema>;

export interface ApplicantValues {
  holderType?: HolderType;
  /** A registry record (enterprise, institute) or a person's name. */
  holder?: RecordChoice | string;
}

/** One applicant as `patentApplicantInput` takes it. */
export function applicantDraft(a: ApplicantValues): Record<string, unknown> {
  if (a.holderType === 'person') {
    return { holderType: 'person', name: typeof a.holder === 'string' ? a.holder.trim() : undefined };
  }
  const choice = recordChoiceOf(typeof a.holder === 'object' ? a.holder : undefined);
  if (!choice) return { holderType: a.holderType };
  return 'id' in choice
    ? { holderType: a.holderType, holderId: choice.id }
    : { holderType: a.holderType, name: choice.name };
}

function ApplicantRow({ name, onRemove }: { name: number; onRemove: (() => void) | null }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const holderType = Form.useWatch<HolderType | undefined>(['applicants', name, 'holderType'], form);
  const holder = [name, 'holder'];
  const missing = { required: true, message: t(createText.applicantMissing) };
  return (
    <Space align="start" wrap data-testid={`patent-applicant-${name}`}>
      <Form.Item name={[name, 'holderType']} rules={[{ required: true, message: t(createText.required) }]}>
        <Select<HolderType>
          style={{ width: 120 }}
          onChange={() => form.setFieldValue(['applicants', ...holder], undefined)}
          options={[
            { value: 'enterprise', label: t(createText.holderEnterprise) },
            { value: 'institute', label: t(createText.holderInstitute) },
            { value: 'person', label: t(createText.holderPerson) },
          ]}
          data-testid={`patent-applicant-${name}-type`}
        />
      </Form.Item>
      {holderType === 'person' ? (
        <Form.Item name={holder} rules={[{ ...missing, whitespace: true }]}>
          <Input
            style={{ width: 380 }}
            maxLength={200}
            placeholder={t(createText.personName)}
            data-testid={`patent-applicant-${name}-name`}
          />
        </Form.Item>
      ) : (
        <Form.Item name={holder} rules={[missing]}>
          <RecordSelect
            kind={holderType === 'institute' ? 'institutes' : 'enterprises'}
            allowName
            style={{ width: 380 }}
            placeholder={t(
              holderType === 'institute' ? createText.searchInstitute : createText.searchEnterprise,
            )}
            testId={`patent-applicant-${name}-holder`}
          />
        </Form.Item>
      )}
      {onRemove ? (
        <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t(registryText.remove)} />
      ) : null}
    </Space>
  );
}

export function PatentApplicantsField() {
  const { t } = useI18n();
  return (
    <Form.Item label={t(patentText.applicants)} required extra={t(createText.applicantsHint)}>
      <Form.List name="applicants" initialValue={[{ holderType: 'enterprise' }]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <ApplicantRow
                key={field.key}
                name={field.name}
                // The contract needs at least one applicant: the last row stays.
                onRemove={fields.length > 1 ? () => remove(field.name) : null}
              />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ holderType: 'enterprise' })}
              data-testid="patent-applicant-add"
            >
              {t(createText.addApplicant)}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
