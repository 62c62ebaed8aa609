/** Linkage records for the page tests: an overdue open problem, one in progress, one resolved; a link; a visit. */
import type { LinkItem, ProblemItem, VisitItem } from './linkage.api.ts';

export const TODAY = '2026-11-26';

export function problemOf(over: Partial<ProblemItem> = {}): ProblemItem {
  return {
    id: 'p-1',
    enterpriseId: 'e-1',
    enterpriseName: '晋江交发科技有限公司',
    townCode: '350582101',
    townName: '安海镇',
    visitId: 'v-1',
    leaderName: '局领导',
    title: '申报高企需要辅导',
    description: '',
    category: 'policy',
    assigneeId: null,
    assigneeName: null,
    department: '高新科',
    raisedOn: '2026-10-01',
    dueOn: '2026-11-01',
    status: 'open',
    resolution: null,
    resolvedOn: null,
    overdue: true,
    ...over,
  };
}

export const problems: ProblemItem[] = [
  problemOf(),
  problemOf({
    id: 'p-2',
    title: '研发费用加计扣除口径',
    category: 'finance',
    status: 'in_progress',
    dueOn: '2026-12-20',
    overdue: false,
    assigneeId: 'u-officer',
    assigneeName: '科技局业务员',
  }),
  problemOf({
    id: 'p-3',
    title: '市级科技计划项目资金',
    category: 'funding',
    status: 'resolved',
    dueOn: '2026-11-10',
    overdue: false,
    resolution: '已指导申报',
    resolvedOn: '2026-11-05',
  }),
];

export const link: LinkItem = {
  id: 'l-1',
  leaderId: 'u-leader',
  leaderName: '局领导',
  enterpriseId: 'e-1',
  enterpriseName: '晋江交发科技有限公司',
  uscc: '91350582MA8RFY385R',
  townCode: '350582101',
  townName: '安海镇',
  since: '2026-01-01',
  until: null,
  lastVisitOn: '2026-10-01',
  pending: 2,
  overdue: 1,
};

export const visit: VisitItem = {
  id: 'v-1',
  enterpriseId: 'e-1',
  enterpriseName: '晋江交发科技有限公司',
  townCode: '350582101',
  townName: '安海镇',
  leaderId: 'u-leader',
  leaderName: '局领导',
  visitedOn: '2026-10-01',
  summary: '了解研发投入情况',
  participants: '企业负责人',
  problems: 1,
};
