/**
 * Register a patent (officers and administrators). The application number is checked as it is typed (ZC 0006-2003
 * form and check character), the request with `createPatentRequest`, and the record as a whole with
 * `patentRecordIssues` — the dates' order, the status they allow, the type the number gives — exactly as the
 * server will; the server adds the IPC scheme and the applicants' registry records. A number registered already is
 * answered with the patent that holds it, linked.
 */
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { patentLegalStatuses } from '@jinke/core/registry/patent-status.ts';
import {
  applicationNoSchema,
  createPatentRequest,
  patentIpcSchema,
  patentLegalStatusNames,
  patentRecordIssues,
  type CreatePatentInput,
} from '@jinke/core/registry/patents.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { createPatent } from '../api.ts';
import { createText } from '../create.messages.ts';
import type { NameOf, Problem } from '../form-issues.ts';
import { patentTypeLabels } from '../labels.ts';
import { patentText } from '../parties.messages.ts';
import { CreateModal, useCreateRecord } from './create-record.tsx';
import { PatentApplicantsField, applicantDraft, type ApplicantValues } from './patent-applicants-field.tsx';
import { IpcTagsSelect, TownSelect, eachRule } from './reference-pickers.tsx';

type PatentType = 'invention' | 'utility' | 'design';
type LegalStatus = (typeof patentLegalStatuses)[number];

interface Values {
  applicationNo: string;
  type?: PatentType;
  title: string;
  ipcCodes?: string[];
  filedOn?: Dayjs | null;
  publishedOn?: Dayjs | null;
  grantedOn?: Dayjs | null;
  lapsedOn?: Dayjs | null;
  legalStatus?: LegalStatus;
  townCode?: string;
  applicants?: ApplicantValues[];
}

const FIELDS: readonly string[] = [
  'applicationNo',
  'type',
  'title',
  'ipcCodes',
  'filedOn',
  'publishedOn',
  'grantedOn',
  'lapsedOn',
  'legalStatus',
  'townCode',
];
const DATES = ['filedOn', 'publishedOn', 'grantedOn', 'lapsedOn'] as const;
const detailPath = (id: string) => `/registry/patents/${id}`;

/** `applicants.1.holderId` and `applicants.1` fall on the second applicant's choice. */
const nameOf: NameOf = (path) => {
  const [top = '', index] = path.split('.');
  if (top === 'applicants' && index !== undefined && /^\d+$/.test(index))
    return ['applicants', Number(index), 'holder'];
  return FIELDS.includes(top) ? [top] : null;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function patentDraft(v: Values) {
  return {
    applicationNo: v.applicationNo.trim(),
    type: v.type,
    title: v.title.trim(),
    ipcCodes: v.ipcCodes ?? [],
    filedOn: day(v.filedOn) ?? undefined,
    publishedOn: day(v.publishedOn),
    grantedOn: day(v.grantedOn),
    lapsedOn: day(v.lapsedOn),
    legalStatus: v.legalStatus,
    townCode: v.townCode ?? null,
    applicants: (v.applicants ?? []).map(applicantDraft),
  };
}

/** Today in China, the day the server judges dates against. */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function recordProblems(body: CreatePatentInput, locale: 'zh-CN' | 'en-US'): Problem[] {
  const checked = patentRecordIssues(
    {
      applicationNo: body.applicationNo,
      type: body.type,
      filedOn: body.filedOn,
      publishedOn: body.publishedOn ?? null,
      grantedOn: body.grantedOn ?? null,
      lapsedOn: body.lapsedOn ?? null,
      legalStatus: body.legalStatus,
    },
    chinaToday(),
  );
  if (checked.ok) return [];
  return checked.issues.map((issue) => ({
    path: issue.field,
    message: locale === 'zh-CN' ? issue.zh : issue.en,
  }));
}

export function PatentCreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateRecord({
    form,
    schema: createPatentRequest,
    toDraft: patentDraft,
    check: (body) => recordProblems(body, locale),
    create: createPatent,
    nameOf,
    detailPath,
    nameOfCreated: (created) => created.title,
  });
  const required = { required: true, message: t(createText.required) };
  const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');
  return (
    <CreateModal
      testId="patent-create"
      title={t(createText.patentTitle)}
      width={820}
      pending={create.pending}
      conflict={create.conflict}
      detailPath={detailPath}
      onSubmit={create.submit}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="applicationNo"
              label={t(patentText.applicationNo)}
              rules={[{ ...required, whitespace: true }, schemaRule(applicationNoSchema, locale)]}
            >
              <Input maxLength={40} className="jk-mono" data-testid="patent-create-application-no" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t(patentText.type)} extra={t(createText.typeHint)}>
              <Select<PatentType>
                allowClear
                options={(['invention', 'utility', 'design'] as const).map((v) => ({
                  value: v,
                  label: t(patentTypeLabels[v]),
                }))}
                data-testid="patent-create-type"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t(patentText.title)} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={500} data-testid="patent-create-title" />
        </Form.Item>
        <Form.Item name="ipcCodes" label={t(patentText.ipc)} rules={[eachRule(patentIpcSchema, locale)]}>
          <IpcTagsSelect testId="patent-create-ipc" />
        </Form.Item>
        <Row gutter={16}>
          {DATES.map((field) => (
            <Col xs={24} md={6} key={field}>
              <Form.Item
                name={field}
                label={t(patentText[field])}
                rules={field === 'filedOn' ? [required] : []}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={future}
                  data-testid={`patent-create-${field}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="legalStatus" label={t(patentText.status)} extra={t(createText.statusHint)}>
              <Select<LegalStatus>
                allowClear
                options={patentLegalStatuses.map((v) => ({ value: v, label: t(patentLegalStatusNames[v]) }))}
                data-testid="patent-create-status"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="townCode" label={t(patentText.town)} extra={t(createText.patentTownHint)}>
              <TownSelect testId="patent-create-town" />
            </Form.Item>
          </Col>
        </Row>
        <PatentApplicantsField />
      </Form>
    </CreateModal>
  );
}
