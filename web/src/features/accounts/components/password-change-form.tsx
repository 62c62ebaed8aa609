/** Change one's own password: current, new (checked live against the policy), confirmation. */
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { changePassword } from '../api.ts';
import { accountText } from '../messages.ts';
import { PasswordRules, passwordPolicyRule } from './password-rules.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FORM_FIELDS = ['currentPassword', 'newPassword'] as const;
/** Server codes that concern one field, shown under it. */
const CODE_FIELDS = { PASSWORD_WRONG: 'currentPassword', PASSWORD_REUSED: 'newPassword', PASSWORD_POLICY: 'newPassword' };

export function PasswordChangeForm({ username, onChanged }: { username: string; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [failure, setFailure] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) => changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, FORM_FIELDS, CODE_FIELDS)) setFailure(error.message);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      style={{ maxWidth: 440 }}
      onValuesChange={() => setFailure(null)}
      onFinish={(values) => mutation.mutate(values)}
    >
      <Form.Item
        name="currentPassword"
        label={t(accountText.currentPassword)}
        rules={[{ required: true, message: t(accountText.currentPasswordRequired) }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t(accountText.newPassword)}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t(accountText.newPasswordRequired) },
          passwordPolicyRule(t, () => username),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(t(accountText.newPasswordSame));
            },
          }),
        ]}
        extra={<PasswordRules password={newPassword} username={username} />}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t(accountText.confirmPassword)}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t(accountText.confirmPasswordRequired) },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t(accountText.confirmPasswordMismatch));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="password-error" /> : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
        {t(accountText.changePassword)}
      </Button>
    </Form>
  );
}
