/** Display helpers for roles, scopes and sections, from core's labels plus the scope kinds. */
import type { ScopeType } from '@jinke/core/accounts/roles.ts';
import type { Text } from '../../app/i18n.tsx';

export const scopeTypeLabels: Record<ScopeType, Text> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  town: { zh: '镇（街道）', en: 'Town' },
  expert: { zh: '专家', en: 'Expert' },
  bank: { zh: '银行', en: 'Bank' },
  provider: { zh: '服务机构', en: 'Service provider' },
};
