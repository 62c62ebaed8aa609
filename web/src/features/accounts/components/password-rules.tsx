/**
 * Live feedback on a new password against the platform's policy — the same `checkPassword` the server runs,
 * so what turns green here is what the server accepts.
 */
import type { FormRule } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import {
  checkPassword,
  passwordProblemMessages,
  type PasswordProblem,
} from '@jinke/core/accounts/password-policy.ts';
import { useI18n, type I18n } from '../../../app/i18n.tsx';
import { accountText } from '../messages.ts';

const RULES: readonly PasswordProblem[] = ['too_short', 'too_few_classes', 'contains_username'];

export function PasswordRules({ password, username }: { password: string; username: string }) {
  const { t } = useI18n();
  const problems = checkPassword(password, username);
  return (
    <div className="jk-password-rules" data-testid="password-rules" aria-live="polite">
      <div className="jk-password-rules-title">{t(accountText.passwordRulesTitle)}</div>
      <ul>
        {RULES.map((rule) => {
          const state = password.length === 0 ? 'pending' : problems.includes(rule) ? 'failed' : 'passed';
          return (
            <li key={rule} data-testid={`password-rule-${rule}`} data-state={state} className={`jk-rule-${state}`}>
              {state === 'passed' ? <CheckCircleFilled /> : state === 'failed' ? <CloseCircleFilled /> : <MinusCircleOutlined />}
              <span>{t(passwordProblemMessages[rule])}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** An antd form rule rejecting what the policy rejects, with the first problem as the message. */
export function passwordPolicyRule(t: I18n['t'], username: () => string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const password = typeof value === 'string' ? value : '';
      if (password.length === 0) return; // "required" speaks for an empty field.
      const [first] = checkPassword(password, username());
      if (first) throw new Error(t(passwordProblemMessages[first]));
    },
  };
}
