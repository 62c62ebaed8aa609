import { defineErrors } from '@jinke/core/common/errors.ts';

/** Error codes of spreadsheet import and export. */
export const importErrors = defineErrors({
  IMPORT_FILE_INVALID: {
    status: 400,
    zh: '文件无法读取：请上传 Excel 工作簿（.xlsx）',
    en: 'The file cannot be read: upload an Excel workbook (.xlsx)',
  },
  IMPORT_EMPTY: { status: 400, zh: '文件中没有数据行', en: 'The file has no data rows' },
  WRONG_TEMPLATE: {
    status: 400,
    zh: '表头与导入模板不符，请下载模板后按模板填写',
    en: 'The header row does not match the import template; download the template and fill it in',
  },
  IMPORT_ROWS_INVALID: {
    status: 400,
    zh: '文件中有错误的行，未导入任何数据',
    en: 'Some rows are invalid; nothing was imported',
  },
  IMPORT_CONFLICT: {
    status: 409,
    zh: '导入期间数据已被他人修改，未导入任何数据，请重新导入',
    en: 'The data changed while importing; nothing was imported, import again',
  },
  IMPORT_NO_ERRORS: { status: 409, zh: '该导入没有错误行', en: 'This import has no invalid rows' },
});
