/**
 * The scope input that fits a role: a town picker for town officers, the enterprise's USCC for enterprise
 * accounts, the record id for experts, banks and providers; nothing for bureau-wide roles.
 */
import { Alert, Form, Input, Select, type FormRule } from 'antd';
import { scopeTypeOfRole, type Role, type ScopeType } from '@jinke/core/accounts/roles.ts';
import { normaliseScopeId, scopeIdHasShape, scopeShapeMessages } from '@jinke/core/accounts/scopes.ts';
import { useI18n, type I18n } from '../../../app/i18n.tsx';
import { townChoices, useDivisions } from '../../registry/api.ts';
import { userText } from '../users.messages.ts';

/** The server's shape check of a scope id, run in the browser before sending. */
function shapeRule(scopeType: ScopeType, t: I18n['t']): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!scopeIdHasShape(scopeType, normaliseScopeId(scopeType, value))) throw new Error(t(scopeShapeMessages[scopeType]));
    },
  };
}

export function ScopeField({ role }: { role: Role | undefined }) {
  const { t } = useI18n();
  const scopeType = role ? scopeTypeOfRole[role] : null;
  const divisions = useDivisions();

  switch (scopeType) {
    case null:
      return null;
    case 'town':
      return (
        <>
          <Form.Item name="scopeId" label={t(userText.scopeTown)} rules={[{ required: true, message: t(userText.scopeTownRequired) }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={divisions.isPending}
              placeholder={t(userText.scopeTownPlaceholder)}
              data-testid="user-scope-town"
              options={townChoices(divisions.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
          {divisions.error ? (
            <Alert type="error" showIcon title={t(userText.divisionsUnavailable, { message: divisions.error.message })} />
          ) : null}
        </>
      );
    case 'enterprise':
      return (
        <Form.Item
          name="scopeId"
          label={t(userText.scopeEnterprise)}
          normalize={(value: string) => normaliseScopeId('enterprise', value)}
          rules={[{ required: true, message: t(userText.scopeEnterpriseRequired) }, shapeRule('enterprise', t)]}
        >
          <Input maxLength={18} placeholder={t(userText.scopeEnterprisePlaceholder)} data-testid="user-scope-id" />
        </Form.Item>
      );
    case 'expert':
    case 'bank':
    case 'provider': {
      const label = { expert: userText.scopeExpert, bank: userText.scopeBank, provider: userText.scopeProvider }[scopeType];
      return (
        <Form.Item
          name="scopeId"
          label={t(label)}
          rules={[{ required: true, whitespace: true, message: t(userText.scopeIdRequired) }, shapeRule(scopeType, t)]}
        >
          <Input maxLength={64} data-testid="user-scope-id" />
        </Form.Item>
      );
    }
  }
}
