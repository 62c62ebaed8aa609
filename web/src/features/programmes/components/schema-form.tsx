/**
 * An application form rendered from the call's JSON schema (core/src/programmes/form-schema.ts): text, long text,
 * choices, numbers and yes/no, in the schema's order, required fields marked. Controlled: the page keeps the values
 * and autosaves them. `errors` puts each field's problem (core's `validateForm` or the server's 400) under it.
 */
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import {
  formFields,
  type FormData,
  type FormField,
  type FormSchema,
} from '@jinke/core/programmes/form-schema.ts';
import { useI18n } from '../../../app/i18n.tsx';

export function SchemaForm({
  schema,
  value,
  onChange,
  disabled,
  errors,
}: {
  schema: FormSchema;
  value: FormData;
  onChange: (next: FormData) => void;
  disabled: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const set = (key: string, v: string | number | boolean | null) => onChange({ ...value, [key]: v });
  const control = (key: string, field: FormField) => {
    const testId = `form-field-${key}`;
    const current = value[key];
    switch (field.type) {
      case 'string':
        if (field.enum)
          return (
            <Select<string>
              value={typeof current === 'string' ? current : undefined}
              onChange={(v) => set(key, v)}
              options={field.enum.map((o) => ({ value: o, label: o }))}
              disabled={disabled}
              allowClear
              data-testid={testId}
            />
          );
        return field.multiline ? (
          <Input.TextArea
            rows={4}
            value={typeof current === 'string' ? current : ''}
            onChange={(e) => set(key, e.target.value)}
            disabled={disabled}
            maxLength={field.maxLength}
            data-testid={testId}
          />
        ) : (
          <Input
            value={typeof current === 'string' ? current : ''}
            onChange={(e) => set(key, e.target.value)}
            disabled={disabled}
            maxLength={field.maxLength}
            data-testid={testId}
          />
        );
      case 'integer':
      case 'number':
        return (
          <InputNumber<number>
            value={typeof current === 'number' ? current : null}
            onChange={(v) => set(key, v)}
            min={field.minimum}
            max={field.maximum}
            precision={field.type === 'integer' ? 0 : undefined}
            disabled={disabled}
            style={{ width: '100%' }}
            data-testid={testId}
          />
        );
      case 'boolean':
        return (
          <Switch
            checked={current === true}
            onChange={(v) => set(key, v)}
            disabled={disabled}
            data-testid={testId}
          />
        );
    }
  };
  return (
    <Form layout="vertical" data-testid="schema-form">
      {formFields(schema).map(([key, field]) => (
        <Form.Item
          key={key}
          label={t(field.title)}
          required={schema.required.includes(key)}
          validateStatus={errors[key] ? 'error' : undefined}
          help={errors[key] ? <span data-testid={`form-error-${key}`}>{errors[key]}</span> : undefined}
        >
          {control(key, field)}
        </Form.Item>
      ))}
    </Form>
  );
}
