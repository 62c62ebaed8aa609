/**
 * Add an expert to the pool (officers and administrators): who they are, what they review (high-tech fields and
 * IPC classes), where they work, and how to reach them. Checked with `createExpertRequest` first; a code in use
 * already is named under the code. Declared relations are kept up to date on the expert's record afterwards.
 */
import { Col, Form, Input, Row, Switch } from 'antd';
import { phoneSchema } from '@jinke/core/accounts/accounts.contract.ts';
import {
  createExpertRequest,
  expertCodeSchema,
  idCardSchema,
  ipcClassSchema,
} from '@jinke/core/registry/experts.contract.ts';
import { usccSchema } from '@jinke/core/registry/parties.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { createExpert } from '../api.ts';
import { createText } from '../create.messages.ts';
import { topLevel } from '../form-issues.ts';
import { expertText } from '../parties.messages.ts';
import { CreateModal, useCreateRecord } from './create-record.tsx';
import {
  HitechTreeSelect,
  IpcTagsSelect,
  RecordSelect,
  eachRule,
  recordChoiceOf,
  type RecordChoice,
} from './reference-pickers.tsx';

interface Values {
  code?: string;
  name: string;
  title?: string;
  employerUscc?: string;
  institute?: RecordChoice;
  fields?: string[];
  ipcClasses?: string[];
  expertise?: string;
  available: boolean;
  phone?: string;
  idCard?: string;
}

const FIELDS = [
  'code',
  'name',
  'title',
  'employerUscc',
  'instituteId',
  'fields',
  'ipcClasses',
  'expertise',
  'available',
  'phone',
  'idCard',
];
const detailPath = (id: string) => `/registry/experts/${id}`;
/** The form holds the chosen institute (with its name) where the request holds its id. */
const nameOf = (path: string) => {
  const top = path.split('.')[0] ?? path;
  if (top === 'instituteId') return ['institute'];
  return topLevel(FIELDS)(path);
};

const textOrNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function expertDraft(v: Values) {
  const institute = recordChoiceOf(v.institute);
  return {
    code: textOrNull(v.code) ?? undefined,
    name: v.name.trim(),
    title: textOrNull(v.title),
    employerUscc: textOrNull(v.employerUscc),
    instituteId: institute && 'id' in institute ? institute.id : null,
    fields: v.fields ?? [],
    ipcClasses: v.ipcClasses ?? [],
    expertise: textOrNull(v.expertise),
    available: v.available,
    phone: textOrNull(v.phone),
    idCard: textOrNull(v.idCard),
  };
}

export function ExpertCreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateRecord({
    form,
    schema: createExpertRequest,
    toDraft: expertDraft,
    create: createExpert,
    nameOf,
    detailPath,
    nameOfCreated: (created) => created.name,
  });
  const required = { required: true, whitespace: true, message: t(createText.required) };
  return (
    <CreateModal
      testId="expert-create"
      title={t(createText.expertTitle)}
      width={760}
      pending={create.pending}
      conflict={create.conflict}
      detailPath={detailPath}
      onSubmit={create.submit}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ available: true }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t(expertText.name)} rules={[required]}>
              <Input maxLength={100} data-testid="expert-create-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t(expertText.code)}
              extra={t(createText.expertCodeHint)}
              rules={[schemaRule(expertCodeSchema, locale)]}
            >
              <Input maxLength={12} className="jk-mono" data-testid="expert-create-code" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t(expertText.title)}>
              <Input maxLength={100} data-testid="expert-create-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="institute" label={t(expertText.institute)}>
              <RecordSelect
                kind="institutes"
                placeholder={t(createText.searchInstitute)}
                testId="expert-create-institute"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="employerUscc"
          label={t(expertText.employerUscc)}
          rules={[schemaRule(usccSchema, locale)]}
        >
          <Input maxLength={18} className="jk-mono" data-testid="expert-create-employer-uscc" />
        </Form.Item>
        <Form.Item name="fields" label={t(expertText.fields)}>
          <HitechTreeSelect<string[]> multiple testId="expert-create-fields" />
        </Form.Item>
        <Form.Item
          name="ipcClasses"
          label={t(expertText.ipcClasses)}
          extra={t(createText.ipcClassesHint)}
          rules={[eachRule(ipcClassSchema, locale)]}
        >
          <IpcTagsSelect testId="expert-create-ipc" />
        </Form.Item>
        <Form.Item name="expertise" label={t(expertText.expertise)}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="expert-create-expertise" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="available" label={t(expertText.available)} valuePropName="checked">
              <Switch data-testid="expert-create-available" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t(expertText.phone)} rules={[schemaRule(phoneSchema, locale)]}>
              <Input maxLength={11} inputMode="numeric" data-testid="expert-create-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="idCard" label={t(expertText.idCard)} rules={[schemaRule(idCardSchema, locale)]}>
              <Input maxLength={18} className="jk-mono" data-testid="expert-create-id-card" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </CreateModal>
  );
}
