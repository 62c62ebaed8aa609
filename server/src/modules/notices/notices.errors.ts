/** Error codes of decisions and public notices (研究决定与公示), in both languages. */
import { defineErrors } from '@jinke/core/common/errors.ts';

export const noticesErrors = defineErrors({
  NOTICE_DECISION_PHASE: {
    status: 409,
    zh: '所选申报书不在“研究决定”环节',
    en: 'Some of the applications are not awaiting a decision',
  },
  NOTICE_ENDED: {
    status: 409,
    zh: '公示期已结束，不再受理异议',
    en: 'The notice has ended; objections are no longer accepted',
  },
  NOTICE_NOT_ENDED: {
    status: 409,
    zh: '公示期尚未结束',
    en: 'The notice has not ended yet',
  },
  NOTICE_OBJECTIONS_OPEN: {
    status: 409,
    zh: '尚有异议未处理',
    en: 'Some objections are still open',
  },
  NOTICE_OBJECTION_HANDLED: {
    status: 409,
    zh: '该异议已处理',
    en: 'This objection has already been handled',
  },
});
