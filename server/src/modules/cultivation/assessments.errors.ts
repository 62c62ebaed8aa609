import { defineErrors } from '@jinke/core/common/errors.ts';

export const assessmentsErrors = defineErrors({
  ASSESSMENT_ENTERPRISE_REQUIRED: {
    status: 400,
    zh: '请指定要评估的企业（enterpriseId）',
    en: 'Name the enterprise to assess (enterpriseId)',
  },
  ASSESSMENT_ENTERPRISE_UNLINKED: {
    status: 409,
    zh: '您的账号所属企业尚未在主体库中登记，请联系科技局',
    en: 'Your account’s enterprise is not in the registry yet; contact the bureau',
  },
  ASSESSMENT_INPUT_OUTDATED: {
    status: 409,
    zh: '该评估的输入不符合现行规则，无法生成报告，请重新自评',
    en: 'The saved input no longer fits the current rules; make a new assessment',
  },
});
