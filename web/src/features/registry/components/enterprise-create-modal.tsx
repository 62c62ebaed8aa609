/**
 * Register an enterprise (officers and administrators). The credit code is checked as it is typed with the
 * contract's own rule (GB 32100: characters, check character), the whole request with `createEnterpriseRequest`
 * before it is sent; a code registered already is answered with the enterprise that holds it, linked.
 */
import { Form } from 'antd';
import { createEnterpriseRequest, usccSchema } from '@jinke/core/registry/enterprises.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { createEnterprise } from '../api.ts';
import { createText } from '../create.messages.ts';
import { topLevel } from '../form-issues.ts';
import { enterpriseFieldLabels } from '../labels.ts';
import { CreateModal, useCreateRecord } from './create-record.tsx';
import {
  ENTERPRISE_FORM_FIELDS,
  EnterpriseProfileFields,
  enterpriseProfileValues,
  type EnterpriseFormValues,
} from './enterprise-profile-fields.tsx';

const detailPath = (id: string) => `/registry/enterprises/${id}`;

export function EnterpriseCreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const create = useCreateRecord({
    form,
    schema: createEnterpriseRequest,
    toDraft: enterpriseProfileValues,
    create: createEnterprise,
    nameOf: topLevel(ENTERPRISE_FORM_FIELDS),
    detailPath,
    nameOfCreated: (created) => created.name,
  });
  return (
    <CreateModal
      testId="enterprise-create"
      title={t(createText.enterpriseTitle)}
      width={760}
      pending={create.pending}
      conflict={create.conflict}
      detailPath={detailPath}
      onSubmit={create.submit}
      onClose={onClose}
    >
      <Form<EnterpriseFormValues> form={form} layout="vertical" preserve={false}>
        <EnterpriseProfileFields
          prefix="enterprise-create"
          label={(field) => t(enterpriseFieldLabels[field])}
          usccRule={schemaRule(usccSchema, locale)}
        />
      </Form>
    </CreateModal>
  );
}
