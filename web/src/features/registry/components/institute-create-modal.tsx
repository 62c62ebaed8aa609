/**
 * Register an institute or innovation platform (officers and administrators), checked with `createInstituteRequest`
 * first; a name or credit code registered already is answered with the institute that holds it, linked.
 */
import { Form, Input, Select } from 'antd';
import {
  createInstituteRequest,
  instituteKindNames,
  instituteKindSchema,
  type InstituteKind,
} from '@jinke/core/registry/institutes.contract.ts';
import { usccSchema } from '@jinke/core/registry/parties.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { createInstitute } from '../api.ts';
import { createText } from '../create.messages.ts';
import { topLevel } from '../form-issues.ts';
import { instituteText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';
import { CreateModal, useCreateRecord } from './create-record.tsx';
import { TownSelect } from './reference-pickers.tsx';

interface Values {
  name: string;
  kind?: InstituteKind;
  uscc?: string;
  address?: string;
  townCode?: string;
}

const FIELDS = ['name', 'kind', 'uscc', 'address', 'townCode'] as const;
const detailPath = (id: string) => `/registry/institutes/${id}`;

const textOrNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function instituteDraft(v: Values) {
  return {
    name: v.name.trim(),
    kind: v.kind,
    uscc: textOrNull(v.uscc),
    address: textOrNull(v.address),
    townCode: v.townCode ?? null,
  };
}

export function InstituteCreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateRecord({
    form,
    schema: createInstituteRequest,
    toDraft: instituteDraft,
    create: createInstitute,
    nameOf: topLevel(FIELDS),
    detailPath,
    nameOfCreated: (created) => created.name,
  });
  const required = { required: true, whitespace: true, message: t(createText.required) };
  return (
    <CreateModal
      testId="institute-create"
      title={t(createText.instituteTitle)}
      pending={create.pending}
      conflict={create.conflict}
      detailPath={detailPath}
      onSubmit={create.submit}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t(instituteText.name)} rules={[required]}>
          <Input maxLength={200} data-testid="institute-create-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t(instituteText.kind)}
          rules={[{ required: true, message: t(createText.required) }]}
        >
          <Select<InstituteKind>
            options={instituteKindSchema.options.map((k) => ({ value: k, label: t(instituteKindNames[k]) }))}
            data-testid="institute-create-kind"
          />
        </Form.Item>
        <Form.Item name="uscc" label={t(instituteText.uscc)} rules={[schemaRule(usccSchema, locale)]}>
          <Input maxLength={18} className="jk-mono" data-testid="institute-create-uscc" />
        </Form.Item>
        <Form.Item name="address" label={t(instituteText.address)}>
          <Input maxLength={300} data-testid="institute-create-address" />
        </Form.Item>
        <Form.Item name="townCode" label={t(registryText.town)}>
          <TownSelect testId="institute-create-town" />
        </Form.Item>
      </Form>
    </CreateModal>
  );
}
