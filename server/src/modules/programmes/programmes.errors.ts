/** Error codes of programme calls and applications (项目申报), in both languages. */
import { defineErrors } from '@jinke/core/common/errors.ts';

export const programmesErrors = defineErrors({
  PROGRAMME_CALL_NOT_DRAFT: {
    status: 409,
    zh: '该申报通知已发布，不能再修改或删除',
    en: 'This call has been opened and can no longer be changed or deleted',
  },
  PROGRAMME_CALL_NOT_OPEN: {
    status: 409,
    zh: '该申报通知未开放申报',
    en: 'This call is not open for applications',
  },
  PROGRAMME_CALL_CLOSED: {
    status: 409,
    zh: '申报已截止',
    en: 'The call has closed',
  },
  PROGRAMME_APPLICATION_EXISTS: {
    status: 409,
    zh: '本单位已有该通知的申报书',
    en: 'Your enterprise already has an application for this call',
  },
  PROGRAMME_NOT_EDITABLE: {
    status: 409,
    zh: '申报书已提交，当前环节不能修改',
    en: 'The application has been submitted and cannot be changed in this phase',
  },
  PROGRAMME_ACTION_UNAVAILABLE: {
    status: 409,
    zh: '当前环节不能执行该操作',
    en: 'This action is not possible in the current phase',
  },
  PROGRAMME_NO_ENTERPRISE: {
    status: 409,
    zh: '您的账号未关联主体库中的企业',
    en: 'Your account is not linked to an enterprise in the registry',
  },
});
