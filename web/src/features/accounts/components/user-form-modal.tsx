/** Create a user, or edit one: role decides the scope field; officers get sections; phone optional. */
import { App as AntApp, Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { phoneSchema, usernameSchema } from '@jinke/core/accounts/accounts.contract.ts';
import {
  officerSections,
  roleLabels,
  roles,
  scopeTypeOfRole,
  sectionLabels,
  type OfficerSection,
  type Role,
} from '@jinke/core/accounts/roles.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { schemaRule } from '../../../lib/schema-rule.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import { accountKeys, createUser, updateUser, type UpdateUserInput, type UserItem } from '../api.ts';
import { generatePassword } from '../generate-password.ts';
import { userText } from '../users.messages.ts';
import { PasswordRules, passwordPolicyRule } from './password-rules.tsx';
import { ScopeField } from './scope-field.tsx';

interface Values {
  username?: string;
  displayName: string;
  role: Role;
  scopeId?: string;
  sections?: OfficerSection[];
  phone?: string;
  initialPassword?: string;
}

const FORM_FIELDS = ['username', 'displayName', 'role', 'scopeId', 'sections', 'phone', 'initialPassword'] as const;
const CODE_FIELDS = { USERNAME_TAKEN: 'username', SCOPE_INVALID: 'scopeId', PASSWORD_POLICY: 'initialPassword', SELF_LOCKOUT: 'role' };

/** `user` null: create. Mount it only while open (with a key per user) so each opening starts from fresh values. */
export function UserFormModal({ user, onClose }: { user: UserItem | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const username = Form.useWatch('username', form) ?? user?.username ?? '';
  const initialPassword = Form.useWatch('initialPassword', form) ?? '';
  const editing = user !== null;

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const scoped = scopeTypeOfRole[values.role] !== null;
      const common = {
        displayName: values.displayName.trim(),
        role: values.role,
        scopeId: scoped ? (values.scopeId?.trim() ?? null) : null,
        sections: values.role === 'officer' ? (values.sections ?? []) : [],
      };
      const phone = values.phone?.trim() ? values.phone.trim() : undefined;
      if (!user) {
        return createUser({ ...common, username: values.username ?? '', phone: phone ?? null, initialPassword: values.initialPassword ?? '' });
      }
      const patch: UpdateUserInput = phone ? { ...common, phone } : common;
      return updateUser(user.id, patch);
    },
    onSuccess: async (saved) => {
      void message.success(editing ? t(userText.saved) : t(userText.created, { name: saved.displayName }));
      await queryClient.invalidateQueries({ queryKey: accountKeys.users });
      onClose();
    },
    onError: (error) => {
      if (!applyApiError(form, error, locale, FORM_FIELDS, CODE_FIELDS)) void message.error(error.message);
    },
  });

  const submit = () => {
    void form.validateFields().then(
      (values) => mutation.mutate(values),
      () => undefined, // antd shows the field errors itself.
    );
  };

  return (
    <FormModal
      open
      testId={editing ? 'user-edit' : 'user-create'}
      title={editing ? t(userText.editTitle, { name: user.displayName }) : t(userText.createTitle)}
      confirmLoading={mutation.isPending}
      onOk={submit}
      onCancel={onClose}
      width={620}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          user
            ? { displayName: user.displayName, role: user.role, scopeId: user.scopeId ?? undefined, sections: user.sections }
            : { sections: [] }
        }
        onValuesChange={(changed: Partial<Values>) => {
          // A new role means a different kind of scope; the old value would not fit.
          if (changed.role !== undefined) form.setFieldValue('scopeId', undefined);
        }}
      >
        {editing ? null : (
          <Form.Item
            name="username"
            label={t(userText.username)}
            rules={[{ required: true, whitespace: true, message: t(userText.usernameRequired) }, schemaRule(usernameSchema, locale)]}
          >
            <Input maxLength={32} autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t(userText.displayName)}
          rules={[{ required: true, whitespace: true, message: t(userText.displayNameRequired) }]}
        >
          <Input maxLength={64} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t(userText.role)} rules={[{ required: true, message: t(userText.roleRequired) }]}>
          <Select data-testid="user-role" options={roles.map((r) => ({ value: r, label: t(roleLabels[r]) }))} />
        </Form.Item>
        <ScopeField role={role} />
        {role === 'officer' ? (
          <Form.Item name="sections" label={t(userText.sections)} extra={t(userText.sectionsHint)}>
            <Checkbox.Group
              data-testid="user-sections"
              options={officerSections.map((s) => ({ value: s, label: t(sectionLabels[s]) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="phone"
          label={t(userText.phone)}
          rules={[schemaRule(phoneSchema, locale)]}
          extra={user?.phone ? t(userText.phoneKeep, { phone: user.phone }) : undefined}
        >
          <Input maxLength={11} inputMode="numeric" placeholder={t(userText.phonePlaceholder)} data-testid="user-phone" />
        </Form.Item>
        {editing ? null : (
          <Form.Item label={t(userText.initialPassword)} required extra={t(userText.initialPasswordHint)}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="initialPassword"
                noStyle
                dependencies={['username']}
                rules={[
                  { required: true, message: t(userText.initialPasswordRequired) },
                  passwordPolicyRule(t, () => String(form.getFieldValue('username') ?? '')),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="user-initial-password" />
              </Form.Item>
              <Button
                data-testid="user-generate-password"
                onClick={() => form.setFieldsValue({ initialPassword: generatePassword(username) })}
              >
                {t(userText.generate)}
              </Button>
            </Space.Compact>
            <PasswordRules password={initialPassword} username={username} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
