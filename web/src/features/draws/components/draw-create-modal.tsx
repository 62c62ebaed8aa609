/**
 * The form that freezes a candidate pool: title, subject, panel size and alternates, composition rows, fields and IPC
 * prefixes, the load limit and the applicants by credit code. The request is checked with the server's contract
 * first; every problem goes under its field, and a pool that cannot form the panel says which constraint emptied it.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldError, Locale } from '@jinke/core/common/errors.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import {
  createDrawRequest,
  panelKindLabels,
  panelKinds,
  type CreateDrawBody,
  type PanelKind,
} from '@jinke/core/draws/draws-api.contract.ts';
import {
  hitechFieldChildren,
  hitechFieldLabel,
  type HitechField,
} from '@jinke/core/registry/hitech-fields.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { createDraw, drawKeys } from '../draws.api.ts';
import { drawText } from '../draws.messages.ts';
import { FunnelList, readFunnel } from './draw-parts.tsx';

interface CompositionRow {
  kind?: PanelKind;
  min?: number | null;
  minPercent?: number | null;
}

export interface DrawFormValues {
  title?: string;
  subject?: string;
  panelSize?: number | null;
  alternates?: number | null;
  composition?: CompositionRow[];
  fields?: string[];
  ipcPrefixes?: string[];
  maxLoad?: number | null;
  applicants?: string;
}

const FORM_FIELDS: readonly (keyof DrawFormValues)[] = [
  'title',
  'subject',
  'panelSize',
  'alternates',
  'composition',
  'fields',
  'ipcPrefixes',
  'maxLoad',
  'applicants',
];

/** 高企-style panel (国科发火〔2016〕195号): 7 + 3, ≥ 60 % technical, ≥ 1 financial. */
const INITIAL: DrawFormValues = {
  panelSize: 7,
  alternates: 3,
  composition: [
    { kind: 'technical', minPercent: 60 },
    { kind: 'financial', min: 1 },
  ],
  fields: [],
  ipcPrefixes: [],
};

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

function treeOf(field: HitechField): TreeOption {
  const children = hitechFieldChildren(field.code);
  return {
    value: field.code,
    title: hitechFieldLabel(field),
    ...(children.length > 0 ? { children: children.map(treeOf) } : {}),
  };
}

let hitechTree: TreeOption[] | null = null;
const hitechOptions = () => (hitechTree ??= hitechFieldChildren(null).map(treeOf));

export function splitCodes(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,，;；、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function toDrawBody(values: DrawFormValues): unknown {
  const number = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);
  return {
    title: values.title ?? '',
    subject: values.subject ?? '',
    spec: {
      panelSize: number(values.panelSize),
      alternates: number(values.alternates) ?? 0,
      composition: (values.composition ?? []).map((row) => ({
        kind: row.kind,
        ...(number(row.min) === undefined ? {} : { min: row.min }),
        ...(number(row.minPercent) === undefined ? {} : { minPercent: row.minPercent }),
      })),
      fields: values.fields ?? [],
      ipcPrefixes: values.ipcPrefixes ?? [],
      ...(number(values.maxLoad) === undefined ? {} : { maxLoad: values.maxLoad }),
    },
    applicants: splitCodes(values.applicants),
    overrides: [],
  };
}

/** Field problems as the form shows them: `spec.x` under x, `applicants.3` under the applicants with its line. */
export function formFieldsOf(
  errors: FieldError[],
  locale: Locale,
): { name: keyof DrawFormValues; errors: string[] }[] {
  const byField = new Map<keyof DrawFormValues, string[]>();
  for (const error of errors) {
    const parts = error.field.split('.');
    const path = parts[0] === 'spec' ? (parts[1] ?? 'spec') : (parts[0] ?? '');
    const top = FORM_FIELDS.find((f) => f === path);
    if (!top) continue;
    const line = top === 'applicants' && parts[1] !== undefined ? Number(parts[1]) + 1 : null;
    const text = fieldMessage(error, locale);
    const shown =
      line === null ? text : locale === 'en-US' ? `line ${line}: ${text}` : `第 ${line} 个：${text}`;
    byField.set(top, [...(byField.get(top) ?? []), shown]);
  }
  return [...byField].map(([name, messages]) => ({ name, errors: messages }));
}

export function DrawCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DrawFormValues>();
  const [problem, setProblem] = useState<{ text: string; funnel: ReturnType<typeof readFunnel> } | null>(
    null,
  );

  const mutation = useMutation({
    mutationFn: (body: CreateDrawBody) => createDraw(body),
    onSuccess: async (draw) => {
      void message.success(t(drawText.created));
      await queryClient.invalidateQueries({ queryKey: drawKeys.all });
      onClose();
      await navigate(`/draws/${draw.id}`);
    },
    onError: (error) => {
      if (isApiError(error, 'DRAW_POOL_TOO_SMALL')) {
        setProblem({ text: error.message, funnel: readFunnel(error.details) });
        return;
      }
      if (isApiError(error)) {
        const fields = formFieldsOf(error.fieldErrors, locale);
        if (fields.length > 0) {
          form.setFields(fields);
          return;
        }
      }
      setProblem({ text: t(drawText.actionFailed, { message: error.message }), funnel: [] });
    },
  });

  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    const parsed = createDrawRequest.safeParse(toDrawBody(values));
    if (!parsed.success) {
      form.setFields(formFieldsOf(toFieldErrors(parsed.error.issues, locale), locale));
      return;
    }
    // What the contract parsed (normalised codes and prefixes) is what is sent.
    mutation.mutate(parsed.data);
  };

  return (
    <FormModal
      open={open}
      title={t(drawText.createTitle)}
      testId="draw-create"
      okText={t(drawText.createOk)}
      confirmLoading={mutation.isPending}
      width={780}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {problem ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(drawText.poolProblem)}
          description={
            <div data-testid="draw-create-problem">
              <div>{problem.text}</div>
              {problem.funnel.length > 0 ? <FunnelList funnel={problem.funnel} /> : null}
            </div>
          }
        />
      ) : null}
      <Form<DrawFormValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onValuesChange={() => setProblem(null)}
      >
        <Form.Item name="title" label={t(drawText.title)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="draw-title" />
        </Form.Item>
        <Form.Item name="subject" label={t(drawText.subject)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="draw-subject" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="panelSize" label={t(drawText.panelSize)}>
            <InputNumber min={1} max={50} data-testid="draw-panel-size" />
          </Form.Item>
          <Form.Item name="alternates" label={t(drawText.alternates)}>
            <InputNumber min={0} max={50} data-testid="draw-alternates" />
          </Form.Item>
          <Form.Item name="maxLoad" label={t(drawText.maxLoad)}>
            <InputNumber min={1} max={100} data-testid="draw-max-load" />
          </Form.Item>
        </Space>
        <Form.Item label={t(drawText.composition)} extra={t(drawText.compositionHint)}>
          <Form.List name="composition">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="start" wrap data-testid={`draw-composition-${row.name}`}>
                    <Form.Item
                      name={[row.name, 'kind']}
                      rules={[{ required: true, message: t(drawText.kind) }]}
                    >
                      <Select
                        style={{ width: 140 }}
                        placeholder={t(drawText.kind)}
                        options={panelKinds.map((k) => ({ value: k, label: t(panelKindLabels[k]) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[row.name, 'min']}>
                      <InputNumber
                        min={0}
                        max={50}
                        placeholder={t(drawText.minCount)}
                        style={{ width: 120 }}
                      />
                    </Form.Item>
                    <Form.Item name={[row.name, 'minPercent']}>
                      <InputNumber
                        min={0}
                        max={100}
                        placeholder={t(drawText.minPercent)}
                        style={{ width: 120 }}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                      aria-label={t(drawText.removeRule)}
                      data-testid={`draw-composition-${row.name}-remove`}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  data-testid="draw-composition-add"
                >
                  {t(drawText.addRule)}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="fields" label={t(drawText.fields)} extra={t(drawText.fieldsHint)}>
          <TreeSelect<string[]>
            multiple
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeData={hitechOptions()}
            data-testid="draw-fields"
          />
        </Form.Item>
        <Form.Item name="ipcPrefixes" label={t(drawText.ipcPrefixes)} extra={t(drawText.ipcHint)}>
          <Select<string[]>
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', ';', ' ']}
            data-testid="draw-ipc"
          />
        </Form.Item>
        <Form.Item
          name="applicants"
          label={t(drawText.applicants)}
          extra={t(drawText.applicantsHint)}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} data-testid="draw-applicants" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t(drawText.hashNote)}</Typography.Paragraph>
      </Form>
    </FormModal>
  );
}
