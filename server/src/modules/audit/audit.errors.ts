import { defineErrors } from '@jinke/core/common/errors.ts';

/** The limit in the messages is AUDIT_EXPORT_MAX_ROWS of the contract. */
export const auditErrors = defineErrors({
  AUDIT_EXPORT_TOO_LARGE: {
    status: 400,
    zh: '导出条数超过上限 100,000 条，请缩小筛选范围',
    en: 'More than 100,000 entries match; narrow the filters to export',
  },
});
