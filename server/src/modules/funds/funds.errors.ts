/** Error codes of programme funds (资金), in both languages; the services add the figures to the message. */
import { defineErrors } from '@jinke/core/common/errors.ts';

export const fundsErrors = defineErrors({
  FUNDS_NOT_AWARDABLE: {
    status: 409,
    zh: '申报书尚未立项，不能核定资金',
    en: 'The application has not been approved, so no award can be made',
  },
  FUNDS_NO_STANDARD: {
    status: 409,
    zh: '没有可用的资助标准',
    en: 'No funding standard applies',
  },
  FUNDS_AWARD_EXISTS: {
    status: 409,
    zh: '该申报书已核定资金，请使用调整',
    en: 'This application already has an award; adjust it instead',
  },
  FUNDS_NO_AWARD: {
    status: 409,
    zh: '该申报书尚未核定资金',
    en: 'This application has no award yet',
  },
  FUNDS_BUDGET_EXCEEDED: {
    status: 409,
    zh: '超出申报通知的预算',
    en: 'The call’s budget would be overspent',
  },
  FUNDS_OVER_AWARD: {
    status: 409,
    zh: '累计拨付将超过核定金额',
    en: 'The disbursements would exceed the approved amount',
  },
  FUNDS_BELOW_DISBURSED: {
    status: 409,
    zh: '核定金额不能低于已拨付金额',
    en: 'The approved amount cannot be less than what has been disbursed',
  },
  FUNDS_OVER_PAID: {
    status: 409,
    zh: '追回金额超过实际拨付净额',
    en: 'The clawback exceeds the net amount paid',
  },
  FUNDS_NOT_DISBURSABLE: {
    status: 409,
    zh: '协议签订后才能拨付资金',
    en: 'Funds are disbursed only after the agreement is signed',
  },
  FUNDS_VOUCHER_EXISTS: {
    status: 409,
    zh: '该凭证号已登记',
    en: 'This voucher number is already recorded',
  },
  FUNDS_NOT_IN_ACCEPTANCE: {
    status: 409,
    zh: '申报书不在验收环节',
    en: 'The application is not in the acceptance phase',
  },
  FUNDS_STANDARD_RETROACTIVE: {
    status: 409,
    zh: '新版本资助标准只能自明日起生效，不能追溯',
    en: 'A new standard can take effect from tomorrow at the earliest, never retroactively',
  },
  FUNDS_STANDARD_EXISTS: {
    status: 409,
    zh: '该资助项目在同一日期已有标准版本',
    en: 'A standard of this programme already starts on that day',
  },
});
