/**
 * What an expert keeps up to date on their own record (and officers on any): availability for review, the
 * relations review draws must avoid (回避), and the mobile number. Checked with the server's contract first.
 */
import { App as AntApp, Button, DatePicker, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { phoneSchema } from '@jinke/core/accounts/accounts.contract.ts';
import {
  relationKindSchema,
  updateExpertRequest,
  type ExpertRelation,
  type UpdateExpertInput,
} from '@jinke/core/registry/experts.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { updateExpert, type ExpertItem } from '../api.ts';
import { showIssues } from '../form-issues.ts';
import { relationKindLabels } from '../labels.ts';
import { expertText } from '../parties.messages.ts';
import { registryText } from '../registry.messages.ts';

interface RelationValues {
  kind?: ExpertRelation['kind'];
  name?: string;
  uscc?: string;
  until?: Dayjs | null;
}

interface Values {
  available: boolean;
  relations: RelationValues[];
  phone?: string;
}

/** One relation in a fixed key order, so the form's and the record's can be compared as text. */
function relationOf(r: {
  kind?: string;
  name?: string;
  uscc?: string;
  until?: string | null;
}): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: r.kind, name: r.name?.trim() ?? '' };
  if (r.uscc?.trim()) out.uscc = r.uscc.trim();
  if (r.until) out.until = r.until;
  return out;
}

export function expertPatch(expert: ExpertItem, v: Values): UpdateExpertInput {
  const relations = v.relations.map((r) =>
    relationOf({ ...r, until: r.until ? r.until.format('YYYY-MM-DD') : null }),
  );
  const patch: Record<string, unknown> = {};
  if (v.available !== expert.available) patch.available = v.available;
  if (JSON.stringify(relations) !== JSON.stringify(expert.relations.map(relationOf)))
    patch.relations = relations;
  if (v.phone?.trim()) patch.phone = v.phone.trim();
  return patch;
}

export function ExpertEditModal({
  expert,
  onClose,
  onSaved,
}: {
  expert: ExpertItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (patch: UpdateExpertInput) => updateExpert(expert.id, patch),
    onSuccess: async () => {
      void message.success(t(registryText.saved));
      await queryClient.invalidateQueries({ queryKey: ['registry'] });
      onSaved();
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, ['available', 'relations', 'phone']))
        void message.error(error.message);
    },
  });

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const patch = expertPatch(expert, { ...values, relations: values.relations ?? [] });
    const checked = updateExpertRequest.safeParse(patch);
    if (!checked.success) return showIssues(form, checked.error.issues, locale);
    if (Object.keys(patch).length === 0) return onClose();
    save.mutate(patch);
  };

  return (
    <FormModal
      open
      width={820}
      testId="expert-edit"
      title={t(expertText.editTitle)}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          available: expert.available,
          relations: expert.relations.map((r) => ({ ...r, until: r.until ? dayjs(r.until) : null })),
        }}
      >
        <Form.Item name="available" label={t(expertText.available)} valuePropName="checked">
          <Switch data-testid="expert-available" />
        </Form.Item>
        <Form.Item label={t(expertText.relations)} extra={t(expertText.relationsHint)}>
          <Form.List name="relations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap data-testid={`expert-relation-${field.name}`}>
                    <Form.Item
                      name={[field.name, 'kind']}
                      rules={[{ required: true, message: t(expertText.relationKind) }]}
                    >
                      <Select
                        style={{ width: 140 }}
                        placeholder={t(expertText.relationKind)}
                        options={relationKindSchema.options.map((k) => ({
                          value: k,
                          label: t(relationKindLabels[k]),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: t(expertText.relationName) }]}
                    >
                      <Input
                        style={{ width: 220 }}
                        maxLength={200}
                        placeholder={t(expertText.relationName)}
                        data-testid={`expert-relation-${field.name}-name`}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'uscc']}>
                      <Input
                        style={{ width: 200 }}
                        maxLength={18}
                        placeholder={t(expertText.relationUscc)}
                        data-testid={`expert-relation-${field.name}-uscc`}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'until']}>
                      <DatePicker placeholder={t(expertText.relationUntil)} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t(registryText.remove)}
                    />
                  </Space>
                ))}
                {fields.length === 0 ? (
                  <Typography.Paragraph type="secondary">{t(expertText.noRelations)}</Typography.Paragraph>
                ) : null}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  data-testid="expert-relation-add"
                >
                  {t(expertText.addRelation)}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          name="phone"
          label={t(expertText.phone)}
          rules={[schemaRule(phoneSchema, locale)]}
          extra={expert.phone ? t(expertText.phoneKeep, { phone: expert.phone }) : undefined}
        >
          <Input maxLength={11} inputMode="numeric" data-testid="expert-phone" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
