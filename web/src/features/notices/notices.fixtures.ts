/** Test data of the notices pages, shaped by core's contract. */
import type { NoticeDetail, NoticeStaffItem, ObjectionItem } from '@jinke/core/notices/notices.contract.ts';
import type { ApplicationItem, CallDetail } from '@jinke/core/programmes/api.contract.ts';

export const call: CallDetail = {
  id: 'c-1',
  kind: 'talent_team',
  kindName: { zh: '人才与团队项目', en: 'Talent and team programmes' },
  title: '2026年度晋江市人才与团队项目',
  year: 2026,
  opensOn: '2026-09-28',
  closesOn: '2026-10-28',
  budgetFen: 500_000_000,
  description: '',
  status: 'closed',
  definitionVersion: 1,
  openedAt: '2026-09-28T02:00:00.000Z',
  submittedCount: 2,
  myApplicationId: null,
  formSchema: null,
};

const application = (id: string, name: string, uscc: string): ApplicationItem => ({
  id,
  callId: 'c-1',
  callTitle: call.title,
  enterpriseId: `e-${id}`,
  enterpriseName: name,
  uscc,
  phase: 'decision',
  phaseName: { zh: '研究决定', en: 'Decision' },
  submittedAt: '2026-10-25T02:00:00.000Z',
  updatedAt: '2026-11-22T02:00:00.000Z',
  clock: null,
});

export const awaiting = [
  application('a-1', '甲鞋业有限公司', '91350582MA0000001X'),
  application('a-2', '乙纺织有限公司', '91350582MA0000002X'),
];

export const notice: NoticeDetail = {
  id: 'n-1',
  callId: 'c-1',
  callTitle: call.title,
  year: 2026,
  title: `关于${call.title}拟立项项目的公示`,
  startsOn: '2026-11-26',
  days: 7,
  endsOn: '2026-12-02',
  window: 'running',
  entries: 2,
  publishedAt: '2026-11-26T01:00:00.000Z',
  items: [
    {
      applicationId: 'a-1',
      position: 1,
      enterpriseName: '甲鞋业有限公司',
      projectTitle: '智能鞋底成型装备研发',
      proposedFen: '50000000',
      status: 'on_notice',
      statusName: { zh: '公示中', en: 'On notice' },
    },
    {
      applicationId: 'a-3',
      position: 2,
      enterpriseName: '丙食品有限公司',
      projectTitle: null,
      proposedFen: null,
      status: 'cancelled',
      statusName: { zh: '已取消', en: 'Cancelled' },
    },
  ],
};

export const staffNotice: NoticeStaffItem = {
  ...notice,
  objections: 1,
  openObjections: 1,
};

export const objection: ObjectionItem = {
  id: 'o-1',
  noticeId: 'n-1',
  applicationId: 'a-1',
  enterpriseName: '甲鞋业有限公司',
  projectTitle: '智能鞋底成型装备研发',
  phase: 'notice',
  name: '王五',
  phone: '13800138000',
  text: '该企业申报的研发人员数量与实际明显不符，请核查。',
  receivedAt: '2026-11-27T02:00:00.000Z',
  outcome: null,
  response: null,
  handledAt: null,
  handledBy: null,
};
