/**
 * The side menu, as data: each entry once, and per role the list of entries it sees, in order. A domain that
 * ships a page adds its entry here and its key to the roles that may use it — one line per role.
 * Route guards read the same table (`rolesFor`), so the menu and the access rule cannot drift apart.
 */
import type { ComponentType } from 'react';
import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  ClusterOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  LinkOutlined,
  ProjectOutlined,
  ReadOutlined,
  RocketOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { roles, type Role } from '@jinke/core/accounts/roles.ts';
import type { Text } from './i18n.tsx';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  label: Text;
  /** One line for the workbench: what the page lets the user do. */
  description: Text;
}

export const menuEntries = {
  home: {
    key: 'home',
    path: '/',
    icon: HomeOutlined,
    label: { zh: '工作台', en: 'Workbench' },
    description: { zh: '您的角色、所属范围和可用功能', en: 'Your role, scope and what you can use' },
  },
  enterprises: {
    key: 'enterprises',
    path: '/registry/enterprises',
    icon: ShopOutlined,
    label: { zh: '企业库', en: 'Enterprises' },
    description: {
      zh: '检索企业，查看资质、年度数据、专利与变更记录，导入导出 Excel',
      en: 'Search enterprises; see qualifications, yearly figures, patents and history; import and export Excel',
    },
  },
  patents: {
    key: 'patents',
    path: '/registry/patents',
    icon: FileProtectOutlined,
    label: { zh: '专利', en: 'Patents' },
    description: {
      zh: '按名称、类型、法律状态和有效日期检索本地专利',
      en: 'Search local patents by title, type, legal status and the day they are in force',
    },
  },
  experts: {
    key: 'experts',
    path: '/registry/experts',
    icon: SolutionOutlined,
    label: { zh: '专家库', en: 'Experts' },
    description: {
      zh: '按技术领域和 IPC 分类检索评审专家，查看回避关系',
      en: 'Find reviewers by technical field and IPC class; see their declared relations',
    },
  },
  institutes: {
    key: 'institutes',
    path: '/registry/institutes',
    icon: ExperimentOutlined,
    label: { zh: '科研院所', en: 'Institutes' },
    description: {
      zh: '高校、科研院所、新型研发机构与创新平台',
      en: 'Universities, research institutes, new R&D institutions and innovation platforms',
    },
  },
  parties: {
    key: 'parties',
    path: '/registry/parties',
    icon: ClusterOutlined,
    label: { zh: '载体·人才·金融', en: 'Carriers, talents, finance' },
    description: {
      zh: '众创空间与孵化器、人才与创业团队、银行与投资机构',
      en: 'Maker spaces and incubators, talents and startup teams, banks and investors',
    },
  },
  myEnterprise: {
    key: 'myEnterprise',
    path: '/my-enterprise',
    icon: ShopOutlined,
    label: { zh: '我的企业', en: 'My enterprise' },
    description: {
      zh: '查看和维护本企业信息与年度数据，查看资质与专利',
      en: 'See and keep your enterprise’s profile and yearly figures; see its qualifications and patents',
    },
  },
  myExpert: {
    key: 'myExpert',
    path: '/my-expert',
    icon: IdcardOutlined,
    label: { zh: '我的专家信息', en: 'My expert record' },
    description: {
      zh: '维护可参加评审状态、回避关系和联系方式',
      en: 'Keep your availability, declared relations and contact up to date',
    },
  },
  myCarrier: {
    key: 'myCarrier',
    path: '/my-carrier',
    icon: ClusterOutlined,
    label: { zh: '我的载体', en: 'My carrier' },
    description: {
      zh: '查看本载体信息，填报场地面积和在孵企业数',
      en: 'See your carrier’s record; report its floor area and tenants',
    },
  },
  myBank: {
    key: 'myBank',
    path: '/my-bank',
    icon: BankOutlined,
    label: { zh: '本机构信息', en: 'My institution' },
    description: {
      zh: '查看本金融机构在主体库中的登记信息',
      en: 'See your institution’s record in the registry',
    },
  },
  hnteAssessment: {
    key: 'hnteAssessment',
    path: '/cultivation/assessment',
    icon: RocketOutlined,
    label: { zh: '高企自评', en: 'High-tech self-check' },
    description: {
      zh: '按国家认定条件逐条自评高企与科小，查看差距并下载体检报告',
      en: 'Check your enterprise against every HNTE and TSME criterion, see the gaps and download the health-check report',
    },
  },
  rdLedger: {
    key: 'rdLedger',
    path: '/cultivation/ledger',
    icon: AccountBookOutlined,
    label: { zh: '研发辅助账', en: 'R&D ledger' },
    description: {
      zh: '按项目和月份归集研发费用，对比高企与加计扣除两种口径',
      en: 'Record R&D spending by project and month; compare the HNTE and super-deduction calibres',
    },
  },
  pipeline: {
    key: 'pipeline',
    path: '/cultivation/pipeline',
    icon: FundOutlined,
    label: { zh: '高企培育库', en: 'HNTE pipeline' },
    description: {
      zh: '按成熟度排列后备企业，汇总共性差距，跟踪到期复审与年度目标',
      en: 'Rank candidates by readiness, see the gaps they share, follow expiring certificates and the year’s target',
    },
  },
  indicators: {
    key: 'indicators',
    path: '/indicators',
    icon: BarChartOutlined,
    label: { zh: '指标看板', en: 'Indicators' },
    description: {
      zh: '高企、平台、专利与规上企业“三个全覆盖”指标，对照年度目标，分镇街下钻到明细并导出',
      en: 'HNTE, platform, patent and above-scale coverage indicators against the year’s targets, by town, down to the records',
    },
  },
  townAssessment: {
    key: 'townAssessment',
    path: '/indicators/town-assessment',
    icon: TrophyOutlined,
    label: { zh: '镇街考核', en: 'Town assessment' },
    description: {
      zh: '按年度权重计算各镇（街道）目标完成得分与排名，下载镇街得分表',
      en: 'Score and rank the towns against their targets with the year’s weights; download a town’s sheet',
    },
  },
  training: {
    key: 'training',
    path: '/cultivation/training',
    icon: ReadOutlined,
    label: { zh: '政策培训', en: 'Policy training' },
    description: {
      zh: '高企政策课程、场次报名与签到',
      en: 'High-tech policy courses, session enrolment and attendance',
    },
  },
  draws: {
    key: 'draws',
    path: '/draws',
    icon: ScheduleOutlined,
    label: { zh: '专家抽取', en: 'Expert draws' },
    description: {
      zh: '冻结候选池并公布哈希，按随机种子抽取评审专家，回避与递补全程可公开核验',
      en: 'Freeze the pool and publish its hash, draw reviewers from a seed; avoidance and replacements publicly verifiable',
    },
  },
  linkage: {
    key: 'linkage',
    path: '/linkage',
    icon: LinkOutlined,
    label: { zh: '挂钩联系', en: 'Enterprise linkage' },
    description: {
      zh: '领导挂钩联系企业：登记走访和企业诉求，交办、跟踪办结，逾期未办结标红提醒',
      en: 'Leaders’ linked enterprises: record visits and problems, assign and follow them to closure, overdue flagged',
    },
  },
  programmes: {
    key: 'programmes',
    path: '/programmes',
    icon: ProjectOutlined,
    label: { zh: '项目申报', en: 'Programmes' },
    description: {
      zh: '发布申报通知，企业在线申报（自动带出主体库信息），形式审查、退回补正，按工作日计时',
      en: 'Open calls, apply online pre-filled from the registry, formal check and return for correction, working-day clocks',
    },
  },
  reviews: {
    key: 'reviews',
    path: '/reviews',
    icon: FormOutlined,
    label: { zh: '评审任务', en: 'Review tasks' },
    description: {
      zh: '回避声明后在线评分、填写评审意见并提交，提交后可见其他专家的匿名评分',
      en: 'Declare conflicts, score and comment online and submit; then see the other experts’ anonymous scores',
    },
  },
  funds: {
    key: 'funds',
    path: '/funds/supervision',
    icon: AccountBookOutlined,
    label: { zh: '资金监管', en: 'Fund supervision' },
    description: {
      zh: '重复资助、受资助专利追回期内失效、高于标准等预警，各申报通知预算使用与资助标准',
      en: 'Flags for double funding, funded patents lapsing in the clawback window and awards above the standard; budget use and standards',
    },
  },
  users: {
    key: 'users',
    path: '/admin/users',
    icon: TeamOutlined,
    label: { zh: '用户管理', en: 'Users' },
    description: {
      zh: '创建和维护账号，分配角色与范围，重置密码、解锁、停用',
      en: 'Create and maintain accounts, assign roles and scopes, reset passwords, unlock, disable',
    },
  },
  audit: {
    key: 'audit',
    path: '/admin/audit',
    icon: AuditOutlined,
    label: { zh: '审计日志', en: 'Audit log' },
    description: {
      zh: '查询每一次操作留痕，导出并校验审计链的完整性',
      en: 'Search every recorded action, export it and verify the integrity of the chain',
    },
  },
  account: {
    key: 'account',
    path: '/account',
    icon: UserOutlined,
    label: { zh: '我的账号', en: 'My account' },
    description: {
      zh: '查看个人信息，修改密码，管理登录设备',
      en: 'See your profile, change your password, manage signed-in devices',
    },
  },
} satisfies Record<string, MenuEntry>;

export type MenuKey = keyof typeof menuEntries;

export const menuByRole: Record<Role, readonly MenuKey[]> = {
  admin: [
    'home',
    'enterprises',
    'patents',
    'experts',
    'institutes',
    'parties',
    'pipeline',
    'indicators',
    'townAssessment',
    'training',
    'draws',
    'programmes',
    'funds',
    'linkage',
    'users',
    'audit',
    'account',
  ],
  officer: [
    'home',
    'enterprises',
    'patents',
    'experts',
    'institutes',
    'parties',
    'pipeline',
    'indicators',
    'townAssessment',
    'training',
    'draws',
    'programmes',
    'funds',
    'linkage',
    'account',
  ],
  leader: [
    'home',
    'enterprises',
    'patents',
    'institutes',
    'parties',
    'pipeline',
    'indicators',
    'townAssessment',
    'draws',
    'programmes',
    'funds',
    'linkage',
    'account',
  ],
  town: ['home', 'enterprises', 'pipeline', 'indicators', 'townAssessment', 'linkage', 'account'],
  enterprise: ['home', 'myEnterprise', 'hnteAssessment', 'rdLedger', 'training', 'programmes', 'linkage', 'account'],
  expert: ['home', 'myExpert', 'reviews', 'account'],
  bank: ['home', 'myBank', 'account'],
  provider: ['home', 'myCarrier', 'account'],
};

export function menuFor(role: Role): MenuEntry[] {
  return menuByRole[role].map((key) => menuEntries[key]);
}

/** The roles whose menu has `key`: what a route guard allows. */
export function rolesFor(key: MenuKey): Role[] {
  return roles.filter((role) => menuByRole[role].includes(key));
}

/** The entry a location belongs to: the longest menu path that prefixes it. */
export function entryForPath(entries: readonly MenuEntry[], pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
