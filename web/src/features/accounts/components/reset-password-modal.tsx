/** An administrator sets a new password for a user, who must change it at the next sign-in. */
import { Alert, App as AntApp, Button, Form, Input, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { accountKeys, resetUserPassword, type UserItem } from '../api.ts';
import { generatePassword } from '../generate-password.ts';
import { userText } from '../users.messages.ts';
import { PasswordRules, passwordPolicyRule } from './password-rules.tsx';

interface Values {
  newPassword: string;
}

/** Mount it only while open, so each opening starts empty. */
export function ResetPasswordModal({ user, onClose }: { user: UserItem; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';

  const mutation = useMutation({
    mutationFn: (values: Values) => resetUserPassword(user.id, values.newPassword),
    onSuccess: async () => {
      void message.success(t(userText.resetDone, { name: user.displayName }));
      await queryClient.invalidateQueries({ queryKey: accountKeys.users });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, ['newPassword'], { PASSWORD_POLICY: 'newPassword' })) void message.error(error.message);
    },
  });

  return (
    <FormModal
      open
      testId="user-reset-password"
      title={t(userText.resetTitle, { name: user.displayName })}
      confirmLoading={mutation.isPending}
      onOk={() => void form.validateFields().then((values) => mutation.mutate(values), () => undefined)}
      onCancel={onClose}
    >
      <Alert type="info" showIcon title={t(userText.resetHint)} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical">
        <Form.Item label={t(userText.newPassword)} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="newPassword"
              noStyle
              rules={[{ required: true, message: t(userText.newPasswordRequired) }, passwordPolicyRule(t, () => user.username)]}
            >
              <Input.Password autoComplete="new-password" data-testid="user-new-password" />
            </Form.Item>
            <Button
              data-testid="user-generate-password"
              onClick={() => form.setFieldsValue({ newPassword: generatePassword(user.username) })}
            >
              {t(userText.generate)}
            </Button>
          </Space.Compact>
          <PasswordRules password={newPassword} username={user.username} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
