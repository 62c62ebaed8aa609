/** Funds payloads for the web tests: an award adjusted with a reason, one instalment, and supervision data. */
import type { FundsDetail, SupervisionResponse } from '@jinke/core/funds/api.contract.ts';

export const computed = {
  standardId: 'science_plan-2017-01-01',
  standardName: { zh: '科技计划项目经费标准', en: 'Science-plan project funding standard' },
  citation: '晋江市科技计划项目（晋科〔2018〕11号）',
  note: '金额为本局可配置数额',
  decidedOn: '2026-11-20',
  lines: [
    { zh: '申请资金 ¥0.00–¥200,000.00 部分 × 100% = ¥200,000.00', en: 'x', amountFen: '20000000' },
    { zh: '申请资金 ¥200,000.00–¥500,000.00 部分 × 50% = ¥150,000.00', en: 'y', amountFen: '15000000' },
  ],
  notes: [],
  grossFen: '35000000',
  proposedFen: '35000000',
  capped: false,
};

export const funded: FundsDetail = {
  applicationId: 'a-1',
  callId: 'c-1',
  callTitle: '2026年度晋江市科技计划项目',
  enterpriseName: '甲鞋业有限公司',
  phase: 'funded',
  awardable: true,
  computation: null,
  computationProblem: null,
  award: {
    ...computed,
    approvedFen: '38000000',
    adjustmentReason: '专家建议增加设备经费',
    itemKeys: ['project:智能鞋底'],
    createdAt: '2026-11-26T02:00:00.000Z',
    updatedAt: '2026-11-26T02:00:00.000Z',
  },
  disbursements: [
    {
      id: 'd-1',
      instalment: 1,
      budgetLine: '市级科技三项经费',
      amountFen: '20000000',
      paidOn: '2026-11-26',
      voucherNo: 'JJKJ-2026-0001',
      createdAt: '2026-11-26T02:00:00.000Z',
    },
  ],
  clawbacks: [],
  acceptances: [],
  totals: {
    approvedFen: '38000000',
    disbursedFen: '20000000',
    clawedBackFen: '0',
    netPaidFen: '20000000',
    undisbursedFen: '18000000',
  },
  budget: {
    callId: 'c-1',
    callTitle: '2026年度晋江市科技计划项目',
    year: 2026,
    budgetFen: '810000000',
    awardedFen: '38000000',
    remainingFen: '772000000',
    disbursedFen: '20000000',
    clawedBackFen: '0',
    awards: 1,
  },
};

export const supervision: SupervisionResponse = {
  flags: [
    {
      kind: 'duplicate',
      applicationIds: ['a-1', 'a-2'],
      callTitles: ['专利资助第一批', '专利资助第二批'],
      enterpriseName: '甲鞋业有限公司',
      uscc: '91350582MA0000001X',
      itemKey: 'CN202310000001.1',
      zh: '91350582MA0000001X 的 CN202310000001.1 在同一资助项目中获资助 2 次',
      en: 'CN202310000001.1 of 91350582MA0000001X was funded 2 times under the same programme',
    },
  ],
  budgets: [funded.budget!],
};
