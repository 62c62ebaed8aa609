/** The roles of the platform (PRODUCT.md "Who uses it") and the scope each one acts for. */
export const roles = ['admin', 'officer', 'leader', 'town', 'enterprise', 'expert', 'bank', 'provider'] as const;
export type Role = (typeof roles)[number];

/** What a scoped user acts for: an enterprise by USCC, a town by division code, an expert, bank or provider record. */
export const scopeTypes = ['enterprise', 'town', 'expert', 'bank', 'provider'] as const;
export type ScopeType = (typeof scopeTypes)[number];

/** Which scope each role needs; `null` means the role is bureau-wide and takes no scope. */
export const scopeTypeOfRole: Record<Role, ScopeType | null> = {
  admin: null,
  officer: null,
  leader: null,
  town: 'town',
  enterprise: 'enterprise',
  expert: 'expert',
  bank: 'bank',
  provider: 'provider',
};

/** Sections of the bureau an officer works in (晋科 organisation). */
export const officerSections = ['hitech', 'transfer', 'ip', 'general'] as const;
export type OfficerSection = (typeof officerSections)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  officer: { zh: '科技局工作人员', en: 'Bureau officer' },
  leader: { zh: '局领导', en: 'Bureau leader' },
  town: { zh: '镇（街道）科技专干', en: 'Town officer' },
  enterprise: { zh: '企业用户', en: 'Enterprise' },
  expert: { zh: '评审专家', en: 'Expert' },
  bank: { zh: '合作银行', en: 'Partner bank' },
  provider: { zh: '服务机构', en: 'Service provider' },
};

export const sectionLabels: Record<OfficerSection, { zh: string; en: string }> = {
  hitech: { zh: '高新科', en: 'High-tech section' },
  transfer: { zh: '成果转化科', en: 'Technology transfer section' },
  ip: { zh: '知识产权科', en: 'IP section' },
  general: { zh: '综合科', en: 'General office' },
};

/** The acting user as every service and policy sees it. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  scopeType: ScopeType | null;
  scopeId: string | null;
  sections: OfficerSection[];
}
