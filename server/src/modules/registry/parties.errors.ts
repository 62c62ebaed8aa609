import { defineErrors } from '@jinke/core/common/errors.ts';

/** Error codes of patents, experts, institutes, talents, carriers and banks in the registry. */
export const partiesErrors = defineErrors({
  PATENT_DUPLICATE: {
    status: 409,
    zh: '该申请号的专利已登记',
    en: 'A patent with this application number is already registered',
  },
  INSTITUTE_DUPLICATE: {
    status: 409,
    zh: '同名或同一信用代码的机构已登记',
    en: 'An institute with this name or credit code is already registered',
  },
  RECORD_CODE_TAKEN: { status: 409, zh: '编号已被使用', en: 'The code is already in use' },
  FIELDS_NOT_EDITABLE: { status: 403, zh: '无权修改这些字段', en: 'You may not change these fields' },
});
