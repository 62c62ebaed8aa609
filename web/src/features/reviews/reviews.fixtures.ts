/** Review data for the page tests, as the server answers it. */
import { DEFAULT_CATEGORIES } from '@jinke/core/reviews/api.contract.ts';
import type { ResultsResponse, ReviewDetail, RoundDetail } from './reviews.api.ts';

export const form = {
  categories: DEFAULT_CATEGORIES,
  aggregation: { method: 'trimmed-mean' as const, trim: 1 },
  revealAfterSubmit: true,
};
const window = { opensOn: '2026-11-24', closesOn: '2026-12-11', state: 'open' as const };

export const pending: ReviewDetail = {
  applicationId: 'a-1',
  callTitle: '2026年度晋江市重大科技专项（第一批）',
  window,
  status: 'pending',
  form,
  application: null,
  scores: {},
  comments: {},
  total: null,
  submittedAt: null,
  others: null,
};

export const declared: ReviewDetail = {
  ...pending,
  status: 'declared',
  application: {
    enterpriseName: '甲鞋业有限公司',
    projectTitle: '智能鞋底成型装备研发',
    formData: { projectTitle: '智能鞋底成型装备研发' },
    formSchema: null,
  },
};

export const submitted: ReviewDetail = {
  ...declared,
  status: 'submitted',
  scores: { innovation: 8, market: 7, foundation: 9, benefit: 6 },
  total: { exact: '77', decimal: '77' },
  others: [
    {
      label: { zh: '专家A', en: 'Expert A' },
      total: { exact: '149/2', decimal: '74.5' },
      scores: { innovation: 7, market: 8, foundation: 7, benefit: 8 },
    },
  ],
};

export const round: RoundDetail = {
  id: 'r-1',
  callId: 'c-1',
  callTitle: '2026年度晋江市重大科技专项（第一批）',
  drawId: 'd-1',
  drawTitle: '评审专家抽取',
  form,
  formVersion: 1,
  frozen: true,
  window,
  panel: [
    { code: 'EXP-0001', name: '王建国' },
    { code: 'EXP-0002', name: '李明' },
  ],
  updatedAt: new Date('2026-11-24T02:00:00Z'),
};

export const results: ResultsResponse = {
  aggregation: form.aggregation,
  items: [
    {
      applicationId: 'a-1',
      enterpriseName: '甲鞋业有限公司',
      projectTitle: '智能鞋底成型装备研发',
      reviews: [{ code: 'EXP-0001', name: '王建国', total: { exact: '77', decimal: '77' }, scores: {} }],
      result: { exact: '445/6', decimal: '74.17' },
      used: 3,
      problem: null,
      rank: 1,
    },
  ],
};
