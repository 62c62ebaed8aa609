/**
 * Create or change an R&D project. Entrusted projects ask who the contractor is (organisation or individual, related
 * party); overseas ones whether the contract is registered. The contract's own rules run before anything is sent,
 * and the server's refusals (a code in use, entries that would fall outside new dates) land under their fields.
 */
import { App as AntApp, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createProjectRequest,
  isEntrustedKind,
  payeeTypeLabels,
  payeeTypes,
  projectKindLabels,
  projectKinds,
  type ProjectKind,
} from '@jinke/core/cultivation/ledger.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { createProject, ledgerKeys, updateProject, type ProjectItem } from '../ledger.api.ts';
import { placeIssues } from '../ledger.forms.ts';
import { ledgerText } from '../ledger.messages.ts';

interface Values {
  code?: string;
  name?: string;
  kind?: ProjectKind;
  startsOn?: string;
  endsOn?: string;
  capitalised?: boolean;
  payeeType?: 'organisation' | 'individual';
  relatedParty?: boolean;
  contractRegistered?: 'yes' | 'no';
  contractor?: string;
  note?: string;
}

const FIELDS = [
  'code',
  'name',
  'kind',
  'startsOn',
  'endsOn',
  'capitalised',
  'payeeType',
  'relatedParty',
  'contractRegistered',
  'contractor',
  'note',
];

/** The request as the contract reads it: facts that do not apply to the kind are sent empty. */
export function projectBody(v: Values): Record<string, unknown> {
  const kind = v.kind ?? 'own';
  const entrusted = isEntrustedKind(kind);
  return {
    code: v.code?.trim() ?? '',
    name: v.name?.trim() ?? '',
    kind,
    startsOn: v.startsOn?.trim() ?? '',
    endsOn: v.endsOn?.trim() ? v.endsOn.trim() : null,
    capitalised: v.capitalised ?? false,
    payeeType: entrusted ? (v.payeeType ?? null) : null,
    relatedParty: entrusted ? (v.relatedParty ?? false) : false,
    contractRegistered: kind === 'entrusted_overseas' && v.contractRegistered ? v.contractRegistered === 'yes' : null,
    contractor: entrusted ? (v.contractor?.trim() ?? null) : null,
    note: v.note?.trim() ?? null,
  };
}

function initial(p: ProjectItem | null): Values {
  if (!p) return { kind: 'own', capitalised: false, relatedParty: false };
  return {
    code: p.code,
    name: p.name,
    kind: p.kind,
    startsOn: p.startsOn,
    endsOn: p.endsOn ?? undefined,
    capitalised: p.capitalised,
    payeeType: p.payeeType ?? undefined,
    relatedParty: p.relatedParty,
    contractRegistered: p.contractRegistered === null ? undefined : p.contractRegistered ? 'yes' : 'no',
    contractor: p.contractor ?? undefined,
    note: p.note ?? undefined,
  };
}

export function LedgerProjectForm({ project, onClose }: { project: ProjectItem | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? project?.kind ?? 'own';
  const entrusted = isEntrustedKind(kind);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => (project ? updateProject(project.id, body) : createProject(body)),
    onSuccess: async () => {
      void message.success(t(ledgerText.saved));
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, FIELDS, { LEDGER_PROJECT_CODE_TAKEN: 'code' }))
        void message.error(t(ledgerText.failed, { message: error.message }));
    },
  });

  const submit = () => {
    const body = projectBody(form.getFieldsValue(true) as Values);
    const checked = createProjectRequest.safeParse(body);
    if (!checked.success) {
      placeIssues(form, checked.error.issues, locale, FIELDS);
      return;
    }
    save.mutate(body);
  };

  return (
    <FormModal
      open
      width={760}
      testId="ledger-project-form"
      title={project ? t(ledgerText.editProject, { code: project.code }) : t(ledgerText.addProject)}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial(project)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t(ledgerText.code)} required>
              <Input data-testid="ledger-project-code" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t(ledgerText.name)} required>
              <Input data-testid="ledger-project-name" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t(ledgerText.kind)} required>
              <Select
                data-testid="ledger-project-kind"
                options={projectKinds.map((k) => ({ value: k, label: t(projectKindLabels[k]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startsOn" label={t(ledgerText.startsOn)} required extra={t(ledgerText.dateHint)}>
              <Input data-testid="ledger-project-startsOn" placeholder="2023-01-01" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="endsOn" label={t(ledgerText.endsOn)} extra={t(ledgerText.endsOnHint)}>
              <Input data-testid="ledger-project-endsOn" placeholder="2023-12-31" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="capitalised" label={t(ledgerText.capitalisedField)} valuePropName="checked">
              <Switch data-testid="ledger-project-capitalised" />
            </Form.Item>
          </Col>
          {entrusted ? (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="payeeType" label={t(ledgerText.payeeType)} required>
                  <Select
                    data-testid="ledger-project-payeeType"
                    options={payeeTypes.map((p) => ({ value: p, label: t(payeeTypeLabels[p]) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="relatedParty" label={t(ledgerText.relatedParty)} valuePropName="checked">
                  <Switch data-testid="ledger-project-relatedParty" />
                </Form.Item>
              </Col>
              {kind === 'entrusted_overseas' ? (
                <Col xs={24} md={12}>
                  <Form.Item name="contractRegistered" label={t(ledgerText.contractRegistered)} required>
                    <Select
                      data-testid="ledger-project-contractRegistered"
                      options={[
                        { value: 'yes', label: t(ledgerText.yes) },
                        { value: 'no', label: t(ledgerText.no) },
                      ]}
                    />
                  </Form.Item>
                </Col>
              ) : null}
              <Col xs={24} md={12}>
                <Form.Item name="contractor" label={t(ledgerText.contractor)}>
                  <Input data-testid="ledger-project-contractor" maxLength={200} />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col xs={24}>
            <Form.Item name="note" label={t(ledgerText.note)}>
              <Input.TextArea data-testid="ledger-project-note" maxLength={500} rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
