/** Texts of the workbench (工作台). */
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { Text } from '../../app/i18n.tsx';

export const workbenchText = {
  greeting: { zh: '您好，{name}', en: 'Hello, {name}' },
  today: { zh: '今天是 {date}', en: 'Today is {date}' },
  role: { zh: '角色', en: 'Role' },
  scope: { zh: '所属范围', en: 'Scope' },
  sections: { zh: '所在科室', en: 'Sections' },
  bureauWide: { zh: '全局（不限范围）', en: 'Bureau-wide' },
  duties: { zh: '角色职责', en: 'What this role is for' },
  available: { zh: '您现在可以', en: 'What you can do now' },
  system: { zh: '系统状态', en: 'System status' },
  systemOk: { zh: '运行正常', en: 'Running' },
  database: { zh: '数据库', en: 'Database' },
  version: { zh: '版本', en: 'Version' },
  healthFailed: { zh: '无法读取系统状态：{message}', en: 'Cannot read the system status: {message}' },
} satisfies Record<string, Text>;

/** What each role is responsible for on the platform (PRODUCT.md, "Who uses it"). */
export const roleDuties: Record<Role, Text> = {
  admin: {
    zh: '管理平台用户、角色与权限范围，维护基础数据和配置，负责备份与审计链校验。',
    en: 'Manage users, roles and scopes, reference data and configuration; backups and audit verification.',
  },
  officer: {
    zh: '办理所在科室的全部业务：主体库、项目申报受理、形式审查、评审决定与检查。',
    en: 'Handle everything in your sections: registries, programme calls, formal checks, decisions, inspections.',
  },
  leader: {
    zh: '审批事项，查看驾驶舱与统计报表；其他业务只读。',
    en: 'Approve, follow dashboards and reports; read-only elsewhere.',
  },
  town: {
    zh: '负责本镇（街道）企业、指标与考核工作，仅可查看本镇（街道）数据。',
    en: 'Your own town’s enterprises, indicators and assessment only.',
  },
  enterprise: {
    zh: '维护本企业信息，开展高企自评，登记研发辅助账，办理项目申报、专利和技术需求。',
    en: 'Your own enterprise: profile, self-assessments, R&D ledger, applications, patents and demands.',
  },
  expert: {
    zh: '在评审期内评审分配给您的申报材料。',
    en: 'Review the applications assigned to you while the review window is open.',
  },
  bank: { zh: '办理由本行受理的知识产权质押融资业务。', en: 'The IP-backed loans your bank handles.' },
  provider: {
    zh: '维护本机构发布的服务项目、科技成果与在孵企业。',
    en: 'Your own listings, services and tenants.',
  },
};
