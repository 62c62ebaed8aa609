/** Test data of the programmes pages, shaped by core's contract. */
import type { ApplicationDetail, ApplicationItem, CallItem } from '@jinke/core/programmes/api.contract.ts';
import { programmeDefinitions } from '@jinke/core/programmes/definitions.ts';

export const sciencePlanForm = programmeDefinitions.find((d) => d.kind === 'science_plan')!.formSchema;

export const openCall: CallItem = {
  id: 'c-1',
  kind: 'science_plan',
  kindName: { zh: '科技计划项目', en: 'Science-plan projects' },
  title: '2026年度晋江市科技计划项目申报',
  year: 2026,
  opensOn: '2026-11-16',
  closesOn: '2026-12-26',
  budgetFen: 810_000_000,
  description: '',
  status: 'open',
  definitionVersion: 1,
  openedAt: '2026-11-16T02:00:00.000Z',
  submittedCount: 1,
  myApplicationId: null,
};

export const draftCall: CallItem = {
  ...openCall,
  id: 'c-2',
  kind: 'contest',
  kindName: { zh: '创新创业大赛', en: 'Innovation contests' },
  title: '第五届创新创业大赛',
  status: 'draft',
  definitionVersion: null,
  openedAt: null,
  submittedCount: 0,
};

export const queued: ApplicationItem = {
  id: 'a-1',
  callId: 'c-1',
  callTitle: openCall.title,
  enterpriseId: 'e-1',
  enterpriseName: '甲鞋业有限公司',
  uscc: '91350582MA0000001X',
  phase: 'formal_check',
  phaseName: { zh: '形式审查', en: 'Formal check' },
  submittedAt: '2026-11-26T02:00:00.000Z',
  updatedAt: '2026-11-26T02:00:00.000Z',
  clock: {
    phase: 'formal_check',
    startedOn: '2026-11-26',
    limit: 5,
    elapsed: 0,
    remaining: 5,
    dueOn: '2026-12-03',
    suspended: false,
    overdue: false,
    suspensions: [],
  },
};

export const draft: ApplicationDetail = {
  ...queued,
  phase: 'correction',
  phaseName: { zh: '需补正材料', en: 'Please correct' },
  clock: { ...queued.clock!, dueOn: null, suspended: true, suspensions: [{ from: '2026-11-27', to: null }] },
  closesOn: '2026-12-26',
  formSchema: sciencePlanForm,
  formData: {
    enterpriseName: '甲鞋业有限公司',
    uscc: '91350582MA0000001X',
    town: '安海镇',
    revenueWan: 3123.46,
    inventionPatents: 1,
    qualifications: '高新技术企业',
    projectTitle: '智能',
  },
  prefill: {
    enterpriseName: '甲鞋业有限公司',
    uscc: '91350582MA0000001X',
    townName: '安海镇',
    industryCode: 'C1952',
    latestYear: { year: 2025, revenueFen: 3123456789, rdFen: 98765432, staff: 200, techStaff: 36 },
    inventionPatents: 1,
    qualifications: [{ kind: 'hnte', name: { zh: '高新技术企业', en: 'HNTE' }, validTo: '2027-11-30' }],
  },
  editable: true,
  attachments: [],
  actions: [
    {
      id: 'resubmit',
      label: { zh: '补正后提交', en: 'Resubmit' },
      enabled: false,
      blockedBy: [{ zh: '申报表填写不完整或有误', en: 'the form is incomplete or invalid' }],
      requiresReason: false,
    },
    {
      id: 'withdraw_submitted',
      label: { zh: '撤回申报', en: 'Withdraw' },
      enabled: true,
      blockedBy: [],
      requiresReason: true,
    },
  ],
};

export const returnedTimeline = {
  items: [
    {
      at: '2026-11-26T02:00:00.000Z',
      action: 'create',
      actionName: { zh: '创建申报书', en: 'Application started' },
      fromName: null,
      toName: { zh: '填报中', en: 'Being filled in' },
      reason: null,
    },
    {
      at: '2026-11-26T03:00:00.000Z',
      action: 'submit',
      actionName: { zh: '提交申报', en: 'Submit' },
      fromName: { zh: '填报中', en: 'Being filled in' },
      toName: { zh: '已提交，形式审查中', en: 'Submitted, being checked' },
      reason: null,
    },
    {
      at: '2026-11-26T05:00:00.000Z',
      action: 'return',
      actionName: { zh: '退回补正', en: 'Return for correction' },
      fromName: { zh: '已提交，形式审查中', en: 'Submitted, being checked' },
      toName: { zh: '需补正材料', en: 'Please correct' },
      reason: '请补充近三年审计报告',
    },
  ],
};
