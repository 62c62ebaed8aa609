/** Error codes of expert reviews (专家评审), in both languages. */
import { defineErrors } from '@jinke/core/common/errors.ts';

export const reviewsErrors = defineErrors({
  REVIEW_NO_ROUND: {
    status: 409,
    zh: '该申报通知尚未设置专家评审',
    en: 'No expert review has been set up for this call',
  },
  REVIEW_FORM_FROZEN: {
    status: 409,
    zh: '已有专家提交评审意见，评审表和专家组不能再修改',
    en: 'A review has been submitted; the form and the panel can no longer change',
  },
  REVIEW_WINDOW_CLOSED: {
    status: 409,
    zh: '当前不在评审时间内',
    en: 'The review window is not open',
  },
  REVIEW_NOT_DECLARED: {
    status: 409,
    zh: '请先声明是否存在利益冲突（回避）',
    en: 'Declare first whether you have a conflict of interest',
  },
  REVIEW_ALREADY_DECLARED: {
    status: 409,
    zh: '您已对该申报书作出回避声明',
    en: 'You have already declared on this application',
  },
  REVIEW_CONFLICTED: {
    status: 409,
    zh: '您已申报回避，不再评审该申报书',
    en: 'You declared a conflict and no longer review this application',
  },
  REVIEW_SUBMITTED: {
    status: 409,
    zh: '评审意见已提交，不能修改',
    en: 'The review has been submitted and cannot be changed',
  },
});
