import { defineErrors } from '@jinke/core/common/errors.ts';

/** Error codes of policy training: enrolment and attendance refusals (409) in both languages. */
export const trainingErrors = defineErrors({
  TRAINING_SESSION_FULL: { status: 409, zh: '该场次名额已满', en: 'The session is full' },
  TRAINING_ALREADY_ENROLLED: {
    status: 409,
    zh: '您已报名该场次',
    en: 'You are already enrolled in this session',
  },
  TRAINING_SESSION_STARTED: {
    status: 409,
    zh: '该场次已开始，不能再报名或取消报名',
    en: 'The session has started; enrolments can no longer change',
  },
  TRAINING_SESSION_CANCELLED: { status: 409, zh: '该场次已取消', en: 'The session has been cancelled' },
  TRAINING_NOT_STARTED: {
    status: 409,
    zh: '场次开始后才能登记出勤',
    en: 'Attendance can be marked once the session has started',
  },
  TRAINING_CAPACITY_BELOW_ENROLLED: {
    status: 409,
    zh: '名额不能少于已报名人数',
    en: 'The capacity cannot be below the number already enrolled',
  },
});
