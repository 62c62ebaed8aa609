/** Error codes of expert draws, in both languages. The pool and decline refusals carry the rule's own words. */
import { defineErrors } from '@jinke/core/common/errors.ts';

export const drawsErrors = defineErrors({
  DRAW_POOL_TOO_SMALL: {
    status: 400,
    zh: '符合条件的专家不足，无法组成专家组',
    en: 'Too few eligible experts to form the panel',
  },
  DRAW_ALREADY_SEEDED: {
    status: 409,
    zh: '该次抽取已输入随机种子并完成抽取，不能再次抽取',
    en: 'This draw already has its seed and has been drawn; it cannot be drawn again',
  },
  DRAW_NOT_DRAWN: {
    status: 409,
    zh: '尚未抽取专家，不能登记回避或替补',
    en: 'The panel has not been drawn yet',
  },
  DRAW_NOT_MEMBER: {
    status: 400,
    zh: '该专家不在当前专家组中',
    en: 'The expert is not on the current panel',
  },
  DRAW_NO_ALTERNATE: {
    status: 409,
    zh: '备选专家中没有能保持专家组组成要求的人选，请重新抽取',
    en: 'No alternate keeps the panel composition; hold a new draw',
  },
});
